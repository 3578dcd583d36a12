"""A country picker: every ISO 3166 country by its name in the UI language, sorted in that
language, with its code ("Allemagne (DE)"). It rewrites itself when the language changes,
keeping the country chosen."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QWidget


def country_choices(lang: str) -> list[tuple[str, str]]:
    """(code, name) of every ISO 3166 country, sorted by name in ``lang`` as its readers look
    for it: "Égypte" among the E, not after "Zimbabwe"."""
    from babel import Locale

    from app.exports.runsheet.data import alias_order
    from app.services.validation import country_codes

    names = Locale.parse(lang).territories
    choices = ((c, names.get(c, c)) for c in country_codes())
    return sorted(choices, key=lambda item: alias_order(item[1]))


class CountryCombo(QComboBox):
    """``none_text`` (an msgid, or a sign like "—") is the first item, for no country."""

    def __init__(self, parent: QWidget | None = None, *, none_text: str = "—") -> None:
        super().__init__(parent)
        self._none = none_text
        self.retranslate()

    def retranslate(self) -> None:
        from app.i18n import _, ui_language

        current = self.currentData() or ""
        blocked = self.blockSignals(True)
        self.clear()
        self.addItem(_(self._none), "")
        for code, name in country_choices(ui_language()):
            self.addItem(f"{name} ({code})", code)
        self._choices = self.count()
        self.blockSignals(blocked)
        self.set_code(current)

    def set_code(self, code: str) -> None:
        """Show ``code`` chosen, without a signal. A code the list does not hold (one an
        earlier version accepted, such as "EU") is shown as itself, so that it is kept until
        the user chooses another."""
        blocked = self.blockSignals(True)
        while self.count() > self._choices:  # the code shown for an earlier action
            self.removeItem(self.count() - 1)
        index = self.findData(code or "")
        if index < 0:
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(index)
        self.blockSignals(blocked)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
