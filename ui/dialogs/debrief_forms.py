"""The debrief page's parts: the incident and coverage editors, and the planned-versus-actual
picture (two bars per cue on one time scale)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from app.i18n import _, pgettext, ui
from ui import style
from ui.dialogs.form import FormDialog
from ui.widgets.text_edit import plain_text


class IncidentEditor(FormDialog):
    """One line of the day's log: the time (on the action's day, in its zone), the cue it
    happened during, and what happened."""

    def __init__(self, parent, ctx, debrief, row=None, *, version: int | None = None) -> None:
        from app.domain.timeutil import zone
        from ui.widgets.typed_date import TimeField

        title = _("Edit incident") if row else _("Add incident")
        super().__init__(parent, title=title, name="incident_editor")
        self.ctx, self.doc, self.row, self.version = ctx, debrief, row, version
        self.tz = zone(debrief.timezone)
        when = (row.at if row else debrief.starts_at).astimezone(self.tz)
        self.day = when.date()
        self.time = self.add_field("at", _("Time"), TimeField(when.time()))
        self.cue = self.add_field("cue_id", _("During cue"), QComboBox())
        self.cue.addItem(pgettext("cue", "(none)"), None)
        for c in debrief.cues:
            self.cue.addItem(c.title, c.cue_id)
        if row is not None:
            match = next((c.cue_id for c in debrief.cues if c.title == row.cue), None)
            index = self.cue.findData(match)
            self.cue.setCurrentIndex(max(0, index))
        self.text = self.add_field("text", _("What happened"), QPlainTextEdit())
        self.text.setTabChangesFocus(True)
        self.text.setPlainText(row.text if row else "")
        self.resize(520, 320)

    def save(self) -> bool:
        from app.domain.timeutil import localize

        typed = self.time.problem()
        if typed:
            self.problem("at", typed)
            return False
        t = self.time.time().toPython()
        naive = datetime.combine(self.day, t)
        try:
            at = localize(naive, self.tz)
        except ValueError as exc:
            self.problem("at", str(exc))
            return False
        values = {"at": at, "cue_id": self.cue.currentData(), "text": plain_text(self.text)}
        from app.services import debrief_ops

        if self.row is None:
            self.ctx.run_op(
                _("Add incident"),
                lambda session: debrief_ops.add_incident(
                    session, action_id=self.doc.action_id, values=values
                ),
            )
        else:
            rid, version = self.row.incident_id, self.version
            self.ctx.run_op(
                _("Edit incident"),
                lambda session: debrief_ops.edit_incident(
                    session, incident_id=rid, expected_version=version, values=values
                ),
            )
        return True


class CoverageEditor(FormDialog):
    """A piece of press coverage: outlet, link or clipping note, date published."""

    def __init__(self, parent, ctx, action_id: int, row=None, *, version=None) -> None:
        from ui.widgets.typed_date import OptionalDateField

        title = _("Edit press coverage") if row else _("Add press coverage")
        super().__init__(parent, title=title, name="coverage_editor")
        self.ctx, self.action_id, self.row, self.version = ctx, action_id, row, version
        self.outlet = self.add_field("outlet", _("Outlet"), QLineEdit())
        self.link = self.add_field("link", _("Link"), QLineEdit())
        self.note = self.add_field("note", _("Clipping note"), QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.published = self.add_field(
            "published_on", _("Published on"), OptionalDateField(none_text=_("Not known"))
        )
        if row is not None:
            self.outlet.setText(row.outlet)
            self.link.setText(row.link)
            self.note.setPlainText(row.note)
            self.published.set_value(row.published_on)
        self.resize(520, 340)

    def save(self) -> bool:
        typed = self.published.problem()
        if typed:
            self.problem("published_on", typed)
            return False
        values = {
            "outlet": self.outlet.text(),
            "link": self.link.text().strip(),
            "note": plain_text(self.note),
            "published_on": self.published.value(),
        }
        if self.row is None:
            self.ctx.create("coverage", _("Add press coverage"), action_id=self.action_id, **values)
        else:
            self.ctx.update(
                "coverage",
                self.row.coverage_id,
                _("Edit press coverage"),
                expected_version=self.version,
                **values,
            )
        return True


class TimelinePicture(QWidget):
    """Two bars per cue: planned (light) above actual (dark; red when it ran over), under a
    time scale in the action's zone (the PDF had one, the window's bars had no times)."""

    ROW = 22
    AXIS = 18  # the time scale's height, above the bars

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debrief_picture")
        self.cues: list = []
        self.timezone = "UTC"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_cues(self, cues: list, timezone: str = "UTC") -> None:
        self.cues = [c for c in cues]
        self.timezone = timezone
        self.setFixedHeight(self.AXIS + max(1, len(self.cues)) * self.ROW + 4)
        self.setAccessibleName(_("Planned and actual times, two bars per cue"))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, self.AXIS + len(self.cues) * self.ROW + 4)

    def _span(self):
        times = []
        for c in self.cues:
            times += [c.planned_start, c.planned_end]
            times += [t for t in (c.actual_start, c.actual_end) if t is not None]
        return min(times), max(times)

    def scale(self) -> list:
        """The marks of the time scale: (instant, "09:30") every 5 to 480 minutes."""
        from datetime import timedelta
        from zoneinfo import ZoneInfo

        from app.exports.debrief.pdf import tick_step

        if not self.cues:
            return []
        t0, t1 = self._span()
        step = tick_step(max((t1 - t0).total_seconds(), 60.0) / 60)
        tz = ZoneInfo(self.timezone)
        local = t0.astimezone(tz).replace(second=0, microsecond=0)
        t = local + timedelta(minutes=(-local.minute) % step)
        marks = []
        while t <= t1:
            marks.append((t, ui().skeleton(t, "Hm")))
            t += timedelta(minutes=step)
        return marks

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        if not self.cues:
            return
        t0, t1 = self._span()
        span = max((t1 - t0).total_seconds(), 60.0)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_w = min(self.width() * 0.35, 260)
        bar_w = self.width() - label_w - 8
        text = style.text_color(self)
        planned = QColor(text)
        planned.setAlphaF(0.25)
        late = style.error_color(self)

        def x(t) -> float:
            return label_w + 4 + (t - t0).total_seconds() / span * bar_w

        muted = style.muted_color(self)
        grid = QColor(muted)
        grid.setAlphaF(0.35)  # behind the bars, not over them
        metrics = painter.fontMetrics()
        for t, label in self.scale():
            at = x(t)
            painter.setPen(grid)
            painter.drawLine(QPointF(at, self.AXIS - 4), QPointF(at, self.height()))
            painter.setPen(muted)
            w = metrics.horizontalAdvance(label)
            left = min(max(at - w / 2, label_w + 4), self.width() - w - 1)
            painter.drawText(QPointF(left, self.AXIS - 6), label)
        for n, c in enumerate(self.cues):
            top = self.AXIS + 2 + n * self.ROW
            painter.setPen(text)
            metrics = painter.fontMetrics()
            title = metrics.elidedText(c.title, Qt.TextElideMode.ElideRight, int(label_w))
            painter.drawText(
                QRectF(0, top, label_w, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                title,
            )
            half = (self.ROW - 4) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(planned)
            px = x(c.planned_start)
            painter.drawRect(QRectF(px, top, max(x(c.planned_end) - px, 2), half - 1))
            if c.actual_start is not None:
                end = c.actual_end or c.actual_start
                ax = x(c.actual_start)
                over = c.overrun is not None and c.overrun > 0
                painter.setBrush(late if over else text)
                painter.drawRect(QRectF(ax, top + half, max(x(end) - ax, 2), half - 1))
        painter.end()
