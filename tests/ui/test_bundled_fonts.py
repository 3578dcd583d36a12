"""The window shows Arabic and Devanagari names on a laptop without such fonts: the app
registers the fonts it ships for documents (resources/fonts), and Qt falls back to them."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics


def test_the_application_registers_its_arabic_and_devanagari_fonts(qtbot):
    from ui.app import make_application

    make_application()
    families = set(QFontDatabase.families())
    assert {"Noto Sans Arabic", "Noto Sans Devanagari"} <= families
    metrics = QFontMetrics(QFont("Noto Sans Devanagari"))
    # inFontUcs4, not inFont: PySide6 6.11.3 converts a str to QChar wrongly there, so
    # inFont("न") is False even for the font that draws it
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "नमस्ते")
