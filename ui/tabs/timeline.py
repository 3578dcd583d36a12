"""The whole action at a glance: one lane per role, the cues as blocks over a time axis.

Painted with the palette's own colours (so it follows dark mode); a cue where somebody is
double-booked gets an outline in the error colour and a ⚠ in its label. Click a block, or use
the arrow keys or Tab, to select the cue in the table.

Drag a bar to move its cue, drag its right edge to change its duration (``timeline_drag``): the
cue and the cues chained after it are drawn where they would go while the button is held, and
the drop is one undo step. Alt+Up/Down and Alt+Shift+Up/Down do the same from the keyboard (the
Schedule tab binds them). Read-only: bars can be selected, not moved.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.i18n import _, ngettext, ui
from app.services.views import Choice, ScheduleRow
from ui.tabs._common import error_color, fmt_minutes, fmt_time, read_only_here
from ui.tabs.timeline_drag import BarDrag, grab_kind
from ui.tabs.timeline_paint import paint_ghosts
from ui.widgets.bidi_delegate import reads_rtl

LANE_PAD = 6
AXIS_TICKS = (5, 10, 15, 30, 60, 120, 180, 360)  # minutes between labels


class TimelineView(QWidget):
    cue_clicked = Signal(int)
    #: a drop: (cue id, {"starts_at": …} or {"minutes": …}) to write as one operation
    retime_requested = Signal(int, object)
    status = Signal(str)  # what a drag would do, or why not, for the status bar

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
        self._axis: tuple[datetime, float, float, float] | None = None  # first, seconds, x0, x1
        self.action_start: datetime | None = None
        self.action_end: datetime | None = None
        self.drag: BarDrag | None = None
        self.setMouseTracking(True)  # the cursor shows what a press would grab
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(_("Timeline"))
        self._tips_for = None  # another language: say it again
        self._tips()
        self._describe()
        self.update()

    def set_rows(
        self, rows: list[ScheduleRow], roles: list[Choice], tz, bounds: tuple | None = None
    ) -> None:
        """``bounds``: the action's (start, end), which a drag may not push a cue past."""
        self.rows, self.tz = list(rows), tz
        self.action_start, self.action_end = bounds or (None, None)
        self.drag = None
        self.lanes = list(roles)
        if any(not row.role_ids for row in rows):
            self.lanes.append(Choice(0, _("No role")))
        self._describe()
        self.updateGeometry()
        self.update()

    def select(self, cue_id: int | None) -> None:
        self.selected = cue_id
        self._describe()
        self.update()

    def selected_row(self) -> ScheduleRow | None:
        return next((r for r in self.rows if r.id == self.selected), None)

    def _describe(self) -> None:
        if not self.rows:
            self.setAccessibleDescription(_("No cues yet"))
            return
        first = min(r.starts_at for r in self.rows)
        last = max(r.ends_at for r in self.rows)
        cues, lanes = len(self.rows), len(self.lanes)
        # Translators: the timeline's overview for a screen reader, "11 cues in 7 lanes from
        # 9:30 AM to 11:30 AM": {cues} is "{n} cue(s)", {lanes} is "{n} lane(s)".
        overview = _("{cues} in {lanes} from {start} to {end}").format(
            cues=ngettext("{n} cue", "{n} cues", cues).format(n=ui().number(cues)),
            # Translators: {lanes} of "{cues} in {lanes} from {start} to {end}", in the case
            # that follows "in".
            lanes=ngettext("{n} lane", "{n} lanes", lanes).format(n=ui().number(lanes)),
            start=fmt_time(first, self.tz),
            end=fmt_time(last, self.tz),
        )
        row = self.selected_row()
        if row is not None:
            # Translators: what a screen reader says of the timeline: the selected cue, then
            # "11 cues in 7 lanes from 9:30 AM to 11:30 AM".
            overview = _("Selected: {title}, {start} to {end}, {minutes}. {overview}").format(
                title=row.title,
                start=fmt_time(row.starts_at, self.tz),
                end=fmt_time(row.ends_at, self.tz),
                minutes=fmt_minutes(row.minutes),
                overview=overview,
            )
        self.setAccessibleDescription(overview)
        if QAccessible.isActive():  # a screen reader follows the selection as it moves
            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
            )

    # --- geometry -------------------------------------------------------------------------------
    def _lane_height(self) -> int:
        return self.fontMetrics().height() + 2 * LANE_PAD + 4

    def sizeHint(self) -> QSize:  # noqa: N802
        lanes = max(len(self.lanes), 1)
        return QSize(600, lanes * self._lane_height() + 2 * self.fontMetrics().height() + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Every lane (the Schedule tab scrolls the timeline when its pane is shorter)."""
        return QSize(200, self.sizeHint().height())

    def _span(self) -> tuple[datetime, datetime]:
        first = min(r.starts_at for r in self.rows)
        last = max(r.ends_at for r in self.rows)
        if last <= first:
            last = first + timedelta(minutes=30)
        return first, last

    # --- right to left ----------------------------------------------------------------------------
    # The timeline works in its own coordinates, where time runs to the right; a right-to-left
    # window (Arabic) draws them mirrored, so time runs to the left like the table above it and
    # the lane labels stand at the right. Pointer positions come in through ``_lx``.
    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _lx(self, x: float) -> float:
        """A pointer's x on screen, in the timeline's own coordinates."""
        return self.width() - x if self._rtl() else x

    def _on_screen(self, rect: QRectF) -> QRectF:
        if not self._rtl():
            return QRectF(rect)
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def draw_text(self, p: QPainter, rect: QRectF, flags, text: str) -> None:
        """``text`` in ``rect`` (the timeline's coordinates), never drawn mirrored: in a
        right-to-left window it starts at the right of its mirrored place."""
        if not self._rtl():
            p.drawText(rect, flags, text)
            return
        if flags & Qt.AlignmentFlag.AlignLeft:
            flags = (flags & ~Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignRight
            flags |= Qt.AlignmentFlag.AlignAbsolute
        p.save()
        p.resetTransform()
        # a Latin title keeps its "…" at its own end ("Pack up and dis…", not "…Pack up and dis")
        p.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if reads_rtl(text) else Qt.LayoutDirection.LeftToRight
        )
        p.drawText(self._on_screen(rect), flags, text)
        p.restore()

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

        if self.drag is None:  # the scale holds still under the pointer while dragging
            self._axis = (first, total, left, right)
        else:
            first, total, left, right = self._axis

        def x_of(t: datetime) -> float:
            return left + (right - left) * (t - first).total_seconds() / total

        if self._rtl():
            p.translate(self.width(), 0)
            p.scale(-1, 1)

        text = pal.color(QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        for i, lane in enumerate(self.lanes):
            y = top + i * lane_h
            if i % 2:
                p.fillRect(
                    QRectF(0, y, self.width(), lane_h), pal.color(QPalette.ColorRole.AlternateBase)
                )
            p.setPen(text)
            self.draw_text(
                p,
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
            self.draw_text(
                p,
                QRectF(x - w / 2 - 2, axis_y + 2, w + 4, fm.height() + 4),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
            tick += timedelta(minutes=step)
        fill = pal.color(QPalette.ColorRole.Highlight)
        on_fill = pal.color(QPalette.ColorRole.HighlightedText)
        alarm = error_color(pal)
        proposed = self.drag.proposed if self.drag is not None else {}
        ghosts: list[tuple[QRectF, ScheduleRow]] = []
        for i, lane in enumerate(self.lanes):
            y = top + i * lane_h + LANE_PAD / 2
            for row in self.rows:
                if (lane.id == 0 and row.role_ids) or (lane.id and lane.id not in row.role_ids):
                    continue
                x0, x1 = x_of(row.starts_at), x_of(row.ends_at)
                rect = QRectF(x0 + 1, y, max(x1 - x0 - 2, 3), lane_h - LANE_PAD)
                self._blocks.append((rect, row.id))
                color = fill.lighter(115) if row.id == self.selected else fill
                if row.id in proposed:  # where it was stays faintly; the ghost shows where to
                    start, minutes = proposed[row.id]
                    g0 = x_of(start)
                    g1 = x_of(start + timedelta(minutes=minutes))
                    ghost = QRectF(g0 + 1, y, max(g1 - g0 - 2, 3), lane_h - LANE_PAD)
                    ghosts.append((ghost, row))
                    color = QColor(color)
                    color.setAlpha(70)
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
                    p.setPen(text if row.id in proposed else on_fill)  # a faded bar: plain text
                    self.draw_text(
                        p,
                        rect.adjusted(4, 0, -4, 0),
                        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                        fm.elidedText(label, Qt.TextElideMode.ElideRight, int(rect.width() - 8)),
                    )
        if ghosts:
            paint_ghosts(self, p, ghosts, self.drag, left=left, pad=LANE_PAD)
        if self.hasFocus():  # keyboard users see where they are
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    # --- interaction ----------------------------------------------------------------------------
    def block_rect(self, cue_id: int | None) -> QRectF | None:
        """Where on screen the cue's first bar was last drawn (None: not drawn)."""
        rect = next((rect for rect, cid in self._blocks if cid == cue_id), None)
        return None if rect is None else self._on_screen(rect)

    def block_at(self, x: float, y: float) -> int | None:
        """The cue whose bar is at (``x``, ``y``) on screen."""
        hit = self._hit(self._lx(x), y)
        return None if hit is None else hit[0]

    def _hit(self, x: float, y: float) -> tuple[int, str] | None:
        for rect, cue_id in self._blocks:
            if rect.adjusted(0, 0, 2, 0).contains(x, y):
                return cue_id, grab_kind(rect, x)
        return None

    def editable(self) -> bool:
        return not read_only_here(self)

    def _tips(self) -> None:
        editable = self.editable()
        if getattr(self, "_tips_for", None) == editable:
            return  # set already (the pointer moves often; the mode seldom changes)
        self._tips_for = editable
        if not editable:
            self.setToolTip(_("Read-only: cues can be looked at, not moved"))
            return
        self.setToolTip(
            _(
                "Drag a cue to move it, its right edge to change how long it lasts (Shift: "
                "1-minute steps, Esc: cancel). Keys: Alt+Up/Down move it, Alt+Shift+Up/Down "
                "shorten or lengthen it"
            )
        )

    def _cursor_for(self, hit: tuple[int, str] | None) -> None:
        self._tips()
        if hit is None or not self.editable():
            self.unsetCursor()
        elif hit[1] == "resize":
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)

    def event(self, event) -> bool:
        """Over a bar, the tooltip names the cue, its times and what it follows."""
        if event.type() == QEvent.Type.ToolTip and self.drag is None:
            hit = self._hit(self._lx(event.pos().x()), event.pos().y())
            row = next((r for r in self.rows if hit and r.id == hit[0]), None)
            if row is not None:
                QToolTip.showText(event.globalPos(), self._bar_tip(row), self)
                return True
        return super().event(event)

    def _bar_tip(self, row: ScheduleRow) -> str:
        # Translators: the tooltip of a bar in the timeline.
        tip = _("{title}: {start} to {end} ({minutes})").format(
            title=ui().isolated(row.title),
            start=fmt_time(row.starts_at, self.tz),
            end=fmt_time(row.ends_at, self.tz),
            minutes=fmt_minutes(row.minutes),
        )
        lines = [tip]
        if row.follows_id is not None:
            lines.append(_("Starts when “{cue}” ends").format(cue=row.follows_title))
        lines.append(self.toolTip())
        return "\n".join(lines)

    def _pick(self, cue_id: int) -> None:
        self.select(cue_id)
        self.cue_clicked.emit(cue_id)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        x, y = self._lx(event.position().x()), event.position().y()
        hit = self._hit(x, y)
        if hit is not None:
            self._pick(hit[0])
            if event.button() == Qt.MouseButton.LeftButton:
                self._start_drag(hit, x)
        super().mousePressEvent(event)

    def _start_drag(self, hit: tuple[int, str], x: float) -> None:
        if not self.editable():
            self.status.emit(_("Read-only: the cues cannot be moved or resized here"))
            return
        row = self.selected_row()
        if row is None or self._axis is None:
            return
        _first, total, left, right = self._axis
        self.drag = BarDrag(row, hit[1], x, total / max(right - left, 1))
        if hit[1] == "move":
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        x, y = self._lx(event.position().x()), event.position().y()
        if self.drag is None:
            self._cursor_for(self._hit(x, y))
            super().mouseMoveEvent(event)
            return
        self._follow(x, event.modifiers(), event.globalPosition().toPoint())

    def _follow(self, x: float, modifiers, where=None) -> None:
        changed = self.drag.follow(
            x,
            modifiers,
            self.rows,
            action_start=self.action_start,
            action_end=self.action_end,
            tz=self.tz,
        )
        if changed:
            text = self.drag.describe(self.tz)
            self.status.emit(text)
            if self.drag.refused and where is not None:
                QToolTip.showText(where, ui().sentence(text), self)
            elif not self.drag.refused:
                QToolTip.hideText()
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        drag, self.drag = self.drag, None
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        x = self._lx(event.position().x())
        if x != drag.last_x:  # let go elsewhere than the last move: that place counts
            drag.follow(
                x,
                event.modifiers(),
                self.rows,
                action_start=self.action_start,
                action_end=self.action_end,
                tz=self.tz,
            )
        self._cursor_for(self._hit(x, event.position().y()))
        self.update()
        QToolTip.hideText()
        if drag.refused:
            self.status.emit(drag.plan.error)  # said during the drag; kept after it
        elif drag.values():
            self.retime_requested.emit(drag.row.id, drag.values())

    def cancel_drag(self) -> bool:
        if self.drag is None:
            return False
        self.drag = None
        QToolTip.hideText()
        self.unsetCursor()
        self.status.emit(_("Move cancelled: nothing changed"))
        self.update()
        return True

    def focusInEvent(self, event) -> None:  # noqa: N802
        reason = event.reason()
        if self.rows and self.selected_row() is None:
            if reason == Qt.FocusReason.TabFocusReason:
                self._pick(self.rows[0].id)
            elif reason == Qt.FocusReason.BacktabFocusReason:
                self._pick(self.rows[-1].id)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.cancel_drag()
        self.update()
        super().focusOutEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        """Tab and Shift+Tab walk the cues, then leave the timeline at either end."""
        ids = [r.id for r in self.rows]
        if self.hasFocus() and self.selected in ids:
            pos = ids.index(self.selected) + (1 if next else -1)
            if 0 <= pos < len(ids):
                self._pick(ids[pos])
                return True
        return super().focusNextPrevChild(next)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Shift and self.drag is not None and self.drag.last_x:
            # The event's modifiers may still hold Shift (X11): it is let go, whatever they say.
            mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            self._follow(self.drag.last_x, mods)  # back to the 5-minute snap
            return
        super().keyReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape and self.cancel_drag():
            return
        if key == Qt.Key.Key_Shift and self.drag is not None and self.drag.last_x:
            mods = event.modifiers() | Qt.KeyboardModifier.ShiftModifier  # (X11 omits it)
            self._follow(self.drag.last_x, mods)  # 1-minute steps from here
            return
        if event.modifiers() & Qt.KeyboardModifier.AltModifier:
            super().keyPressEvent(event)  # Alt+arrows retime: the Schedule tab's shortcuts
            return
        moves = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)
        if key in moves and self.rows:
            ids = [r.id for r in self.rows]
            pos = ids.index(self.selected) if self.selected in ids else -1
            back, on = Qt.Key.Key_Left, Qt.Key.Key_Right
            if self._rtl():  # time runs to the left: the next cue is the one on the left
                back, on = on, back
            pos = {
                back: max(pos - 1, 0),
                on: min(pos + 1, len(ids) - 1),
                Qt.Key.Key_Home: 0,
                Qt.Key.Key_End: len(ids) - 1,
            }[key]
            self._pick(ids[pos])
            return
        super().keyPressEvent(event)
