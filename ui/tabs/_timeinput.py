"""Wall-clock time entry in the action's zone.

The user types the local time they plan ("10:00" in Paris); it becomes an instant only through
``app.domain.timeutil.localize``. A time in the spring-forward gap is refused with the reason;
one in the fall-back hour asks which occurrence is meant.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from app.domain.timeutil import LocalTimeError, localize
from app.i18n import _, ui
from ui.style import css, error_color
from ui.widgets.typed_date import DateField, TimeField


class WallClockEdit(QWidget):
    """A date and a 24-hour time, naive: the wall-clock time in the action's zone."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.date_edit = DateField(None, self)
        self.date_edit.setObjectName(f"{name}_date")
        self.date_edit.setAccessibleName(_("{field} date").format(field=label))
        self.time_edit = TimeField(None, self)
        self.time_edit.setObjectName(f"{name}_time")
        self.time_edit.setAccessibleName(_("{field} time").format(field=label))
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"{name}_typing_error")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.error_label.setStyleSheet(f"color: {css(error_color(self))};")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.date_edit, 2)
        lay.addWidget(self.time_edit, 1)
        lay.addWidget(self.error_label, 2)
        for field in (self.date_edit, self.time_edit):
            field.problem_changed.connect(self._show_problem)
        self.setFocusProxy(self.time_edit)
        # Focusable, so that its label's letter (Alt+S for "&Start:") reaches the time field: a
        # label gives no focus to a NoFocus buddy. Tab skips it (it has a proxy).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _show_problem(self, _text: str = "") -> None:
        text = self.problem()
        self.error_label.setText(ui().sentence(text))
        self.error_label.setVisible(bool(text))

    def problem(self) -> str:
        """Why the typed date or time cannot be read ("" when both can)."""
        return self.date_edit.problem() or self.time_edit.problem()

    def set_naive(self, value: datetime) -> None:
        self.date_edit.setDate(QDate(value.year, value.month, value.day))
        self.time_edit.setTime(QTime(value.hour, value.minute))

    def set_instant(self, instant: datetime, tz) -> None:
        self.set_naive(instant.astimezone(tz).replace(tzinfo=None))

    def naive(self) -> datetime:
        d, t = self.date_edit.date(), self.time_edit.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def ask_occurrence(parent: QWidget | None, naive: datetime, tz) -> int | None:
    """The fall-back hour: 0 for the earlier occurrence, 1 for the later, None if cancelled."""
    tr = ui()

    def label(fold: int) -> str:
        aware = naive.replace(tzinfo=tz, fold=fold)
        offset = aware.utcoffset()
        hours = offset.total_seconds() / 3600 if offset is not None else 0
        return _("{time} (UTC{offset:+g}, {utc} UTC)").format(
            time=tr.time(aware, "short"), offset=hours, utc=tr.time(aware.astimezone(UTC), "short")
        )

    box = QMessageBox(parent)
    box.setObjectName("ambiguous_time")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Which occurrence?"))
    box.setText(
        _("{time} happens twice in {zone} when the clocks go back. Which one do you mean?").format(
            time=f"{tr.date(naive, 'medium')} {tr.time(naive, 'short')}", zone=tz.key
        )
    )
    earlier = box.addButton(
        _("&Earlier: {when}").format(when=label(0)), QMessageBox.ButtonRole.AcceptRole
    )
    earlier.setObjectName("earlier")
    later = box.addButton(
        _("&Later: {when}").format(when=label(1)), QMessageBox.ButtonRole.AcceptRole
    )
    later.setObjectName("later")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(earlier)
    box.exec()
    clicked = box.clickedButton()
    if clicked is earlier:
        return 0
    if clicked is later:
        return 1
    return None


def resolve(parent: QWidget | None, naive: datetime, tz) -> tuple[datetime | None, str | None]:
    """(aware instant, None), or (None, reason) for a time that does not exist, or (None, None)
    when the user cancelled the question about an ambiguous time."""
    try:
        return localize(naive, tz), None
    except LocalTimeError as exc:
        if exc.kind != "ambiguous":
            return None, str(exc)
    fold = ask_occurrence(parent, naive, tz)
    if fold is None:
        return None, None
    return localize(naive, tz, fold=fold), None
