"""Spacing and colours derived from the system palette, so dark mode follows the desktop.

No colour is hard-coded for a light background: the error, success and muted colours are
mixed from the palette's own text and base colours.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

SPACING = 8  # between related controls
GAP = 16  # between groups
MARGIN = 12  # around a page


def _palette(widget: QWidget | None = None) -> QPalette:
    if widget is not None:
        return widget.palette()
    app = QApplication.instance()
    return app.palette() if app is not None else QPalette()


def is_dark(widget: QWidget | None = None) -> bool:
    pal = _palette(widget)
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


def error_color(widget: QWidget | None = None) -> QColor:
    """A red that reads on the current background (lighter on dark themes)."""
    return QColor("#ff8a80") if is_dark(widget) else QColor("#b3261e")


def success_color(widget: QWidget | None = None) -> QColor:
    return QColor("#81c995") if is_dark(widget) else QColor("#1e7b34")


def warning_color(widget: QWidget | None = None) -> QColor:
    return QColor("#fdd663") if is_dark(widget) else QColor("#8a5300")


def muted_color(widget: QWidget | None = None) -> QColor:
    pal = _palette(widget)
    return _mix(pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), 0.4)


def text_color(widget: QWidget | None = None) -> QColor:
    return _palette(widget).color(QPalette.ColorRole.WindowText)


def css(color: QColor) -> str:
    return color.name()


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2.x) of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (4.5 is the minimum for body text)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return max((white, black), key=lambda c: contrast_ratio(c, background))


def banner_css(widget: QWidget | None = None) -> str:
    """A warning banner (read-only database): the warning colour with text that reads on it."""
    back = warning_color(widget)
    return f"background: {css(back)}; color: {css(text_on(back))}; font-weight: bold;"


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def show_as_paper(view: QWidget) -> None:
    """A preview of a document written for a white page (an e-mail's near-black text, its red
    embargo line) keeps that page in every look: on the dark look's base it read at 2:1."""
    pal = view.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        pal.setColor(group, QPalette.ColorRole.Text, QColor("#1b1b1b"))
        pal.setColor(group, QPalette.ColorRole.Link, QColor("#0b57d0"))
    view.setPalette(pal)


def lead(label) -> None:
    """Align ``label``'s text with the window's reading start (the right edge in an Arabic
    window) whatever the text's own direction: Qt aligns a label by its text, so a Latin action
    title in an Arabic window sat at the left, beside the status meant for that side."""
    from PySide6.QtCore import Qt

    rtl = label.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
