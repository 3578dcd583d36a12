"""Wall-clock time entry in the action's zone.

The user types the local time they plan ("10:00" in Paris); it becomes an instant only through
``app.domain.timeutil.localize``. A time in the spring-forward gap is refused with the reason;
one in the fall-back hour asks which occurrence is meant.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QMessageBox, QTimeEdit, QWidget

from app.domain.timeutil import LocalTimeError, localize
from app.i18n import _, ui


class WallClockEdit(QWidget):
    """A date and a 24-hour time, naive: the wall-clock time in the action's zone."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName(f"{name}_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(_("{field} date").format(field=label))
        self.time_edit = QTimeEdit()
        self.time_edit.setObjectName(f"{name}_time")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(_("{field} time").format(field=label))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.date_edit)
        lay.addWidget(self.time_edit)
        lay.addStretch(1)
        self.setFocusProxy(self.time_edit)

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
