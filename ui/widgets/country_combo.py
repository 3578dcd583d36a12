"""A country picker: every ISO 3166 country by its name in the UI language, sorted in that
language, with its code ("Allemagne (DE)"). It rewrites itself when the language changes,
keeping the country chosen."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QWidget


def country_choices(lang: str) -> list[tuple[str, str]]:
    """(code, name) of every ISO 3166 country, sorted by name in ``lang``."""
    from babel import Locale

    loc = Locale.parse(lang)
    names = loc.territories
    codes = [c for c in Locale.parse("en").territories if len(c) == 2 and c.isalpha()]
    return sorted(((c, names.get(c, c)) for c in codes), key=lambda item: item[1].casefold())


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
        self.setCurrentIndex(max(self.findData(current), 0))
        self.blockSignals(blocked)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
