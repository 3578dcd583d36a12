"""Dialogs that create or move a whole action: New, Duplicate (a template for a new date) and
Move to another date. Each collects values, hands them to ``submit`` (which makes the one undo
step) and shows a refusal beside the field it names, staying open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeutil import LocalTimeError
from app.i18n import _
from ui import style
from ui.widgets.datetime_edit import resolve_wall_clock
from ui.widgets.field_error import FieldError, problem_text
from ui.widgets.timezone_picker import TimeZonePicker, system_zone
from ui.widgets.typed_date import DateField, TimeField


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class _FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.form.setSpacing(style.SPACING)
        self.errors: dict[str, FieldError] = {}
        self.general = QLabel(self)
        self.general.setObjectName("dialog_error")
        self.general.setWordWrap(True)
        self.general.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.GAP, style.GAP, style.GAP, style.GAP)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def add_row(self, label: str, field: QWidget, key: str, accessible: str) -> None:
        field.setObjectName(key)
        field.setAccessibleName(accessible)
        lab = QLabel(label, self)
        lab.setBuddy(field)
        error = FieldError(field, self)
        self.errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(error)
        self.form.addRow(lab, box)

    typed: dict[str, QWidget] = {}

    def watch_typed(self) -> None:
        """A typed date or time that cannot be read says why beside it as soon as it is left."""
        for key, field in self.typed.items():
            error = self.errors[key]
            field.problem_changed.connect(
                lambda text, e=error: e.show_error(text) if text else e.clear_error()
            )

    def typed_problems(self) -> bool:
        """Show the reason beside every typed date or time that cannot be read; True if any."""
        found = False
        for key, field in self.typed.items():
            problem = field.problem()
            if problem:
                self.errors[key].show_error(problem)
                found = True
        return found

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_error()
        self.general.setVisible(False)

    def show_problems(self, exc: BaseException, *, fallback: str = "") -> None:
        err = getattr(exc, "error", exc)
        problems = getattr(err, "problems", None) or []
        shown = False
        for p in problems:
            key = p.path.split(".")[-1] if p.path else ""
            target = self.errors.get(key) or self.errors.get(fallback)
            if target is not None:
                target.show_error(p.message)
                shown = True
        if not shown:
            from ui import style as st

            self.general.setStyleSheet(f"color: {st.css(st.error_color(self))};")
            self.general.setText(problem_text(exc))
            self.general.setVisible(True)


class NewActionDialog(_FormDialog):
    """Title, date, start and end (wall clock) and zone; ``submit(values) -> id``."""

    def __init__(
        self,
        parent: QWidget | None,
        submit: Callable[[dict], int],
        *,
        country: str = "",
        languages: list[str] | None = None,
    ) -> None:
        super().__init__(parent, _("New action"), "new_action_dialog")
        self._submit = submit
        self._country = country
        self._languages = languages or []
        self.created_id: int | None = None
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(_("e.g. Funeral for privacy"))
        self.date_edit = DateField(QDate.currentDate().addDays(14), self)
        self.start_edit = TimeField(QTime(10, 0), self)
        self.end_edit = TimeField(QTime(12, 0), self)
        self.zone_picker = TimeZonePicker(self)
        self.zone_picker.set_zone(system_zone())
        self.add_row(_("&Title:"), self.title_edit, "title", _("Title"))
        self.add_row(_("&Date:"), self.date_edit, "date", _("Date"))
        self.add_row(_("&Starts at:"), self.start_edit, "starts_at", _("Start time"))
        self.add_row(_("&Ends at:"), self.end_edit, "ends_at", _("End time"))
        self.add_row(_("Time &zone:"), self.zone_picker, "timezone", _("Time zone"))
        self.typed = {
            "date": self.date_edit,
            "starts_at": self.start_edit,
            "ends_at": self.end_edit,
        }
        self.watch_typed()

    def values(self) -> dict | None:
        self.clear_errors()
        title = self.title_edit.text().strip()
        bad = not title
        if not title:
            self.errors["title"].show_error(_("is required"))
        bad = self.typed_problems() or bad  # every problem of the form at once
        if bad:
            return None
        zone_name = self.zone_picker.zone_name()
        day = self.date_edit.date().toPython()
        out: dict = {"title": title, "timezone": zone_name}
        for key, edit in (("starts_at", self.start_edit), ("ends_at", self.end_edit)):
            naive = datetime.combine(day, edit.time().toPython().replace(second=0))
            try:
                out[key] = resolve_wall_clock(self, naive, zone_name)
            except LocalTimeError as exc:
                self.errors["timezone" if exc.kind == "format" else key].show_error(str(exc))
                return None
        if out["ends_at"] <= out["starts_at"]:
            self.errors["ends_at"].show_error(_("must be after the start"))
            return None
        if self._country:
            out["country"] = self._country
        if self._languages:
            out["languages"] = list(self._languages)
        return out

    def accept(self) -> None:
        values = self.values()
        if values is None:
            return
        from ui.context import EditFailed

        try:
            self.created_id = self._submit(values)
        except EditFailed as exc:
            self.show_problems(exc, fallback="title")
            return
        super().accept()


class DuplicateDialog(_FormDialog):
    """A copy of the plan for a new date: ``submit(title, new_date) -> new id``."""

    def __init__(
        self,
        parent: QWidget | None,
        submit: Callable[[str, date], int],
        *,
        title: str,
        current: date,
    ) -> None:
        super().__init__(parent, _("Duplicate action"), "duplicate_dialog")
        self._submit = submit
        self.created_id: int | None = None
        note = QLabel(
            _(
                "The copy keeps the roles, schedule, props, releases (as drafts), open tasks and "
                "key contacts; every time moves to the new date. People are not copied."
            ),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.title_edit = QLineEdit(title, self)
        self.date_edit = DateField(_qdate(current + timedelta(days=7)), self)
        self.add_row(_("&Title:"), self.title_edit, "title", _("Title of the copy"))
        self.add_row(_("New &date:"), self.date_edit, "date", _("Date of the copy"))
        self.typed = {"date": self.date_edit}
        self.watch_typed()

    def accept(self) -> None:
        from ui.context import EditFailed

        self.clear_errors()
        title = self.title_edit.text().strip()
        if not title:
            self.errors["title"].show_error(_("is required"))
        if self.typed_problems() or not title:
            return
        try:
            self.created_id = self._submit(title, self.date_edit.date().toPython())
        except EditFailed as exc:
            self.show_problems(exc, fallback="date")
            return
        super().accept()


class MoveDialog(_FormDialog):
    """Move the whole action to another date, keeping every wall-clock time."""

    def __init__(
        self, parent: QWidget | None, submit: Callable[[date], object], *, current: date
    ) -> None:
        super().__init__(parent, _("Move to another date"), "move_dialog")
        self._submit = submit
        note = QLabel(_("Every time of the plan keeps its clock time on the new date."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.date_edit = DateField(_qdate(current), self)
        self.add_row(_("New &date:"), self.date_edit, "date", _("New date"))
        self.typed = {"date": self.date_edit}
        self.watch_typed()

    def accept(self) -> None:
        from ui.context import EditFailed

        self.clear_errors()
        if self.typed_problems():
            return
        try:
            self._submit(self.date_edit.date().toPython())
        except EditFailed as exc:
            self.show_problems(exc, fallback="date")
            return
        super().accept()
