"""I in live mode: one line of the day's log, the time (now, in the action's zone) and a short
text. Saved as one undoable operation; a refused line keeps the dialog open with the reason."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.domain.timeutil import LocalTimeError, localize, zone
from app.i18n import _
from app.services import live, live_ops
from ui.style import css, error_color
from ui.widgets.typed_date import TimeField


class IncidentDialog(QDialog):
    def __init__(self, screen) -> None:
        super().__init__(screen)
        self.setObjectName("incident_dialog")
        self.screen_ = screen
        self.setWindowTitle(_("Log an incident"))
        plan = screen.plan
        self.tz = zone(plan.timezone)
        self.opened = screen.now().astimezone(self.tz)
        self.time_edit = TimeField(self.opened.time(), self)
        self.time_edit.setObjectName("incident_time")
        self.time_edit.setAccessibleName(_("Time"))
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("incident_text")
        self.text_edit.setMaxLength(live_ops.MAX_INCIDENT_CHARS)
        self.text_edit.setAccessibleName(_("What happened"))
        self.text_edit.setPlaceholderText(_("e.g. Police stopped the cortège at the gate"))
        self.text_edit.setMinimumWidth(480)
        self.error = QLabel(self)
        self.error.setObjectName("incident_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {css(error_color(self))};")
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow(_("&Time:"), self.time_edit)
        form.addRow(_("&What happened:"), self.text_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.text_edit.setFocus()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def save(self) -> None:
        from ui.context import EditFailed
        from ui.widgets.field_error import problem_text

        problem = self.time_edit.problem()
        if problem:
            self._refuse(_("Time: {problem}").format(problem=problem))
            return
        typed = self.time_edit.time().toPython()
        naive = datetime.combine(self.opened.date(), typed)
        try:
            at = localize(naive, self.tz, fold=self.opened.fold)
        except LocalTimeError as exc:
            self._refuse(_("Time: {problem}").format(problem=str(exc)))
            return
        plan = self.screen_.plan
        running = live.current(plan)
        cue_id = running.id if running is not None else None
        text = self.text_edit.text()
        action_id = plan.action_id
        try:
            self.screen_.main.ctx.run_op(
                # Translators: an undo step: a line added to the day's incident log
                _("Live: incident"),
                lambda session: live_ops.add_incident(
                    session, action_id, at=at, text=text, cue_id=cue_id
                ),
            )
        except EditFailed as exc:
            self._refuse(_("What happened: {problem}").format(problem=problem_text(exc.error)))
            return
        self.screen_.mark_step()
        self.accept()


def ask_incident(screen) -> bool:
    if screen.plan is None:
        return False
    dialog = IncidentDialog(screen)
    saved = dialog.exec() == QDialog.DialogCode.Accepted
    if saved:
        screen.say(_("Incident logged"))
    screen.activateWindow()
    screen.setFocus()
    return saved
