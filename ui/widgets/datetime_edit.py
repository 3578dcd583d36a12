"""Wall-clock times in an action's zone.

``resolve_wall_clock`` turns a local date and time into a UTC instant: a time that does not
exist (the spring-forward gap) is refused with the reason; a time that occurs twice (the
fall-back hour) asks the user which occurrence is meant. ``ZonedDateTimeEdit`` is the editor
built on it; other tabs use it for cue times, call times and embargoes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from app.domain.timeutil import LocalTimeError, is_ambiguous, localize, zone
from app.i18n import _
from ui.widgets.field_error import FieldError
from ui.widgets.typed_date import DateField, TimeField


def _offset_text(aware: datetime) -> str:
    offset = aware.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def occurrence_label(naive: datetime, tz_name: str, fold: int) -> str:
    from app.i18n import ui

    aware = naive.replace(tzinfo=zone(tz_name), fold=fold)
    text = _("first occurrence") if fold == 0 else _("second occurrence")
    abbrev = aware.tzname() or ""
    return f"{text}: {ui().time(aware)} {abbrev} ({_offset_text(aware)})"


def ask_occurrence(parent: QWidget | None, naive: datetime, tz_name: str) -> int | None:
    """Ask which of the two times called ``naive`` is meant: 0 (first), 1 (second), None."""
    box = QMessageBox(parent)
    box.setObjectName("ambiguous_time_dialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Which one?"))
    box.setText(
        _(
            "{time} happens twice in {zone}: the clocks go back that night. Which one do you mean?"
        ).format(time=_hm(naive), zone=tz_name)
    )
    first = box.addButton(occurrence_label(naive, tz_name, 0), QMessageBox.ButtonRole.AcceptRole)
    second = box.addButton(occurrence_label(naive, tz_name, 1), QMessageBox.ButtonRole.AcceptRole)
    first.setObjectName("first_occurrence")
    second.setObjectName("second_occurrence")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is first:
        return 0
    if clicked is second:
        return 1
    return None


def _day(naive: datetime) -> str:
    from app.formatting import day

    return day(naive.date())


def _hm(naive: datetime) -> str:
    from app.i18n import ui

    return ui().time(naive)


#: ``ask(parent, naive, zone) -> 0 | 1 | None``; tests pass one that answers without a dialog.
AskOccurrence = Callable[[QWidget | None, datetime, str], "int | None"]


def resolve_wall_clock(
    parent: QWidget | None,
    naive: datetime,
    tz_name: str,
    *,
    ask: AskOccurrence | None = None,
) -> datetime:
    """The UTC instant of the wall-clock time ``naive`` in ``tz_name``.

    Raises LocalTimeError (its message is the reason to show) for a time that does not exist,
    for an unknown zone, or when the user cancels the choice of an ambiguous time.
    """
    try:
        tz = zone(tz_name)
    except ValueError as exc:
        raise LocalTimeError(str(exc), kind="format") from exc
    naive = naive.replace(tzinfo=None, second=0, microsecond=0)
    fold = None
    if is_ambiguous(naive, tz):
        fold = (ask or ask_occurrence)(parent, naive, tz_name)
        if fold is None:
            raise LocalTimeError(
                _("{time} occurs twice in {zone}: choose which one").format(
                    time=_hm(naive), zone=tz_name
                ),
                kind="ambiguous",
            )
    try:
        return localize(naive, tz, fold=fold).astimezone(UTC)
    except LocalTimeError as exc:
        if exc.kind == "nonexistent":
            raise LocalTimeError(
                _(
                    "{time} does not exist on {day} in {zone}: the clocks go forward that night"
                ).format(time=_hm(naive), day=_day(naive), zone=tz_name),
                kind="nonexistent",
            ) from exc
        raise


class ZonedDateTimeEdit(QWidget):
    """A date and a time in a named zone; emits ``committed(instant)`` with a valid UTC instant.

    A refused time is shown beside the editor (``error_label``) and not emitted.
    """

    committed = Signal(object)  # aware UTC datetime

    def __init__(
        self, tz_name: str = "UTC", parent: QWidget | None = None, *, show_date: bool = True
    ) -> None:
        super().__init__(parent)
        self.tz_name = tz_name
        self.ask: AskOccurrence | None = None
        self._instant: datetime | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit = DateField(None, self)
        self.date_edit.setObjectName("date")
        self.date_edit.setAccessibleName(_("Date"))
        self.date_edit.setVisible(show_date)
        self.time_edit = TimeField(None, self)
        self.time_edit.setObjectName("time")
        self.time_edit.setAccessibleName(_("Time"))
        self.zone_label = QLabel(tz_name, self)
        self.zone_label.setObjectName("zone")
        layout.addWidget(self.date_edit)
        layout.addWidget(self.time_edit)
        layout.addWidget(self.zone_label)
        layout.addStretch(1)
        self.error_label = FieldError(self.time_edit, self)
        self.date_edit.editingFinished.connect(self._commit)
        self.time_edit.editingFinished.connect(self._commit)
        self.setFocusProxy(self.date_edit if show_date else self.time_edit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its label's letter reaches the field

    def set_zone(self, tz_name: str) -> None:
        self.tz_name = tz_name
        self.zone_label.setText(tz_name)

    def set_instant(self, instant: datetime | None) -> None:
        """Show ``instant`` as wall-clock time in the zone, without emitting."""
        self._instant = instant
        self.error_label.clear_error()
        if instant is None:
            return
        local = instant.astimezone(zone(self.tz_name))
        for w in (self.date_edit, self.time_edit):
            w.blockSignals(True)
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        for w in (self.date_edit, self.time_edit):
            w.blockSignals(False)

    def wall_clock(self) -> datetime:
        d: date = self.date_edit.date().toPython()
        t: time = self.time_edit.time().toPython()
        return datetime.combine(d, t.replace(second=0, microsecond=0))

    def instant(self) -> datetime | None:
        return self._instant

    def _commit(self) -> None:
        typed = self.date_edit.problem() or self.time_edit.problem()
        if typed:  # nothing is saved from a date or time that cannot be read
            self.error_label.show_error(typed)
            return
        naive = self.wall_clock()
        if self._instant is not None:
            shown = self._instant.astimezone(zone(self.tz_name)).replace(tzinfo=None)
            if shown == naive:
                return  # nothing changed
        try:
            instant = resolve_wall_clock(self, naive, self.tz_name, ask=self.ask)
        except LocalTimeError as exc:
            self.error_label.show_error(str(exc))
            return
        self.error_label.clear_error()
        self._instant = instant
        self.committed.emit(instant)
