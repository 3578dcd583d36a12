"""A spin box whose unit agrees with its number: '1 day', '45 days', Arabic '45 يومًا'.

A fixed suffix (" days") reads "1 days" in English and "30 يوم" in Arabic, which wants the
accusative singular after 11-99. The unit here is CLDR's pattern for the number's plural form in
the UI language (``Translator.unit_affixes``), renewed as the value changes and when the
language does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QSpinBox, QWidget

from app.i18n import ui

RLM = "\u200f"


class UnitSpinBox(QSpinBox):
    def __init__(self, unit: str, length: str = "long", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit  # a CLDR unit: "duration-day", "duration-minute"…
        self.length = length
        self.valueChanged.connect(self._show_unit)
        self._show_unit(self.value())

    def _show_unit(self, value: int) -> None:
        tr = ui()
        before, after = tr.unit_affixes(value, self.unit, self.length)
        if value < 0 and tr.rtl:
            # Qt's Arabic minus starts with a left-to-right mark, which made the whole box a
            # left-to-right line at its left edge ("-15 د", the unit read first): a
            # right-to-left mark first keeps it on the window's side, the unit at the left.
            before = RLM + before
        if before != self.prefix():
            self.setPrefix(before)
        if after != self.suffix():
            self.setSuffix(after)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_unit(self.value())
        super().changeEvent(event)
