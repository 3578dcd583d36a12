"""A time-zone picker: an editable combo over the IANA zones with completion by substring
("paris" finds Europe/Paris). An unknown name is refused with the reason."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.i18n import _


def system_zone() -> str:
    """The computer's IANA zone, or UTC when it cannot be told."""
    from PySide6.QtCore import QTimeZone

    from app.domain.timeutil import zone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "ignore")
    if name in ("Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "UCT"):
        return "UTC"
    try:
        zone(name)
    except ValueError:
        return "UTC"
    return name


class TimeZonePicker(QComboBox):
    """Emits ``zone_chosen(name)`` for a known zone and ``zone_refused(message)`` otherwise."""

    zone_chosen = Signal(str)
    zone_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.domain.timeutil import all_zones

        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self._zones = all_zones() + ["UTC"]
        self._known = set(self._zones)
        self.addItems(self._zones)
        completer = QCompleter(self._zones, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.retranslate()
        self._current = ""
        self.lineEdit().editingFinished.connect(self._finish)
        self.activated.connect(lambda _i: self._finish())

    def retranslate(self) -> None:
        # Translators: an example of a time zone; put your country's main zone.
        self.lineEdit().setPlaceholderText(_("e.g. Europe/Paris"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def zone_name(self) -> str:
        return self.currentText().strip()

    def set_zone(self, name: str) -> None:
        """Show ``name`` without emitting."""
        self._current = name
        self.blockSignals(True)
        index = self.findText(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)
        self.blockSignals(False)

    def _finish(self) -> None:
        name = self.zone_name()
        if name == self._current:
            return
        match = next((z for z in self._zones if z.casefold() == name.casefold()), None)
        if match is None:
            self.zone_refused.emit(_("unknown time zone {name!r}").format(name=name))
            return
        self._current = match
        if match != name:
            self.set_zone(match)
        self.zone_chosen.emit(match)
