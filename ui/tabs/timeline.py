"""The whole action at a glance: one lane per role, the cues as blocks over a time axis.

Painted with the palette's own colours (so it follows dark mode); a cue where somebody is
double-booked gets an outline in the error colour and a ⚠ in its label. Click a block, or use
the arrow keys, to select the cue in the table.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.i18n import _
from app.services.views import Choice, ScheduleRow
from ui.tabs._common import error_color, fmt_time

LANE_PAD = 6
AXIS_TICKS = (5, 10, 15, 30, 60, 120, 180, 360)  # minutes between labels


class TimelineView(QWidget):
    cue_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.rows: list[ScheduleRow] = []
        self.lanes: list[Choice] = []
        self.tz = None
        self.selected: int | None = None
        self._blocks: list[tuple[QRectF, int]] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(_("Timeline"))
        self._describe()
        self.update()

    def set_rows(self, rows: list[ScheduleRow], roles: list[Choice], tz) -> None:
        self.rows, self.tz = list(rows), tz
        self.lanes = list(roles)
        if any(not row.role_ids for row in rows):
            self.lanes.append(Choice(0, _("No role")))
        self._describe()
        self.updateGeometry()
        self.update()

    def select(self, cue_id: int | None) -> None:
        self.selected = cue_id
        self.update()

    def _describe(self) -> None:
        if not self.rows:
            self.setAccessibleDescription(_("No cues yet"))
            return
        first = min(r.starts_at for r in self.rows)
        last = max(r.ends_at for r in self.rows)
        self.setAccessibleDescription(
            _("{n} cues in {lanes} lanes from {start} to {end}").format(
                n=len(self.rows),
                lanes=len(self.lanes),
                start=fmt_time(first, self.tz),
                end=fmt_time(last, self.tz),
            )
        )

    # --- geometry -------------------------------------------------------------------------------
    def _lane_height(self) -> int:
        return self.fontMetrics().height() + 2 * LANE_PAD + 4

    def sizeHint(self) -> QSize:  # noqa: N802
        lanes = max(len(self.lanes), 1)
        return QSize(600, lanes * self._lane_height() + 2 * self.fontMetrics().height() + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self._lane_height() + 2 * self.fontMetrics().height() + 12)

    def _span(self) -> tuple[datetime, datetime]:
        first = min(r.starts_at for r in self.rows)
        last = max(r.ends_at for r in self.rows)
        if last <= first:
            last = first + timedelta(minutes=30)
        return first, last

    # --- painting -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetrics(self.font())
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        self._blocks = []
        if not self.rows:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No cues yet"))
            p.end()
            return
        label_w = max(fm.horizontalAdvance(c.label) for c in self.lanes) + 3 * LANE_PAD
        lane_h = self._lane_height()
        top = LANE_PAD
        axis_y = top + len(self.lanes) * lane_h
        left, right = label_w, self.width() - 2 * LANE_PAD - fm.horizontalAdvance("00:00") // 2
        first, last = self._span()
        total = (last - first).total_seconds()

        def x_of(t: datetime) -> float:
            return left + (right - left) * (t - first).total_seconds() / total

        text = pal.color(QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        for i, lane in enumerate(self.lanes):
            y = top + i * lane_h
            if i % 2:
                p.fillRect(
                    QRectF(0, y, self.width(), lane_h), pal.color(QPalette.ColorRole.AlternateBase)
                )
            p.setPen(text)
            p.drawText(
                QRectF(LANE_PAD, y, label_w - 2 * LANE_PAD, lane_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                lane.label,
            )
        # Axis: a label every `step` minutes, as many as fit.
        minutes = total / 60
        label_room = fm.horizontalAdvance(fmt_time(first, self.tz)) + 3 * LANE_PAD
        step = next(
            (s for s in AXIS_TICKS if (right - left) * s / max(minutes, 1) >= label_room), 720
        )
        local_first = first.astimezone(self.tz)
        offset = (-(local_first.hour * 60 + local_first.minute)) % step
        tick = first + timedelta(minutes=offset)
        p.setPen(QPen(grid, 1))
        p.drawLine(int(left), axis_y, int(right), axis_y)
        while tick <= last:
            x = x_of(tick)
            p.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            p.drawLine(int(x), top, int(x), axis_y)
            p.setPen(text)
            label = fmt_time(tick, self.tz)
            w = fm.horizontalAdvance(label)
            p.drawText(
                QRectF(x - w / 2 - 2, axis_y + 2, w + 4, fm.height() + 4),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
            tick += timedelta(minutes=step)
        fill = pal.color(QPalette.ColorRole.Highlight)
        on_fill = pal.color(QPalette.ColorRole.HighlightedText)
        alarm = error_color(pal)
        for i, lane in enumerate(self.lanes):
            y = top + i * lane_h + LANE_PAD / 2
            for row in self.rows:
                if (lane.id == 0 and row.role_ids) or (lane.id and lane.id not in row.role_ids):
                    continue
                x0, x1 = x_of(row.starts_at), x_of(row.ends_at)
                rect = QRectF(x0 + 1, y, max(x1 - x0 - 2, 3), lane_h - LANE_PAD)
                self._blocks.append((rect, row.id))
                color = fill.lighter(115) if row.id == self.selected else fill
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(color)
                p.drawRoundedRect(rect, 3, 3)
                if row.clashes or row.id == self.selected:
                    pen = QPen(alarm if row.clashes else on_fill, 2)
                    p.setPen(pen)
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
                label = f"⚠ {row.title}" if row.clashes else row.title
                if rect.width() > fm.horizontalAdvance("…") + 8:
                    p.setPen(on_fill)
                    p.drawText(
                        rect.adjusted(4, 0, -4, 0),
                        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                        fm.elidedText(label, Qt.TextElideMode.ElideRight, int(rect.width() - 8)),
                    )
        if self.hasFocus():  # keyboard users see where they are
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    # --- interaction ----------------------------------------------------------------------------
    def block_at(self, x: float, y: float) -> int | None:
        for rect, cue_id in self._blocks:
            if rect.contains(x, y):
                return cue_id
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        cue_id = self.block_at(event.position().x(), event.position().y())
        if cue_id is not None:
            self.select(cue_id)
            self.cue_clicked.emit(cue_id)
        super().mousePressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.rows:
            ids = [r.id for r in self.rows]
            pos = ids.index(self.selected) if self.selected in ids else -1
            pos = max(pos - 1, 0) if key == Qt.Key.Key_Left else min(pos + 1, len(ids) - 1)
            self.select(ids[pos])
            self.cue_clicked.emit(ids[pos])
            return
        super().keyPressEvent(event)
