"""Light, dark or the system's look (Preferences → Appearance), kept in the window settings.

"System" leaves Qt's own style and palette alone (they follow the desktop). "Light" and
"Dark" use the Fusion style with a palette of our own, so the choice looks the same on every
platform; the warning, error and success colours of ``ui.style`` are picked for the palette's
lightness and checked for a contrast of at least 4.5:1 (WCAG AA) by the tests.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QWidget

from app.i18n import pgettext

SYSTEM, LIGHT, DARK = "system", "light", "dark"
CHOICES = (SYSTEM, LIGHT, DARK)
_KEY = "ui/theme"
_original: dict[str, object] = {}


def choice_label(choice: str) -> str:
    """The name of a look in the UI language (Preferences → Appearance)."""
    if choice == DARK:
        return pgettext("appearance", "Dark")
    if choice == LIGHT:
        return pgettext("appearance", "Light")
    # Translators: Preferences → Appearance: follow the desktop's light or dark setting
    return pgettext("appearance", "System")


def saved_theme() -> str:
    from ui import settings_store

    value = settings_store.text(_KEY)
    return value if value in (LIGHT, DARK) else SYSTEM


def save_theme(choice: str) -> None:
    from ui import settings_store

    settings_store.set_text(_KEY, choice if choice in (LIGHT, DARK) else SYSTEM)


def dark_palette() -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#202124",
        roles.WindowText: "#e8eaed",
        roles.Base: "#17181a",
        roles.AlternateBase: "#25272a",
        roles.ToolTipBase: "#303134",
        roles.ToolTipText: "#e8eaed",
        roles.PlaceholderText: "#9aa0a6",
        roles.Text: "#e8eaed",
        roles.Button: "#2d2f32",
        roles.ButtonText: "#e8eaed",
        roles.BrightText: "#ff8a80",
        roles.Light: "#4a4d51",
        roles.Midlight: "#3c4043",
        roles.Mid: "#5f6368",
        roles.Dark: "#121314",
        roles.Shadow: "#000000",
        roles.Highlight: "#8ab4f8",
        roles.HighlightedText: "#17181a",
        roles.Link: "#8ab4f8",
        roles.LinkVisited: "#c58af9",
    }
    for role, value in colours.items():
        pal.setColor(role, QColor(value))
    off = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(off, role, QColor("#7c8186"))
    pal.setColor(off, roles.Highlight, QColor("#3c4043"))
    pal.setColor(off, roles.HighlightedText, QColor("#9aa0a6"))
    pal.setColor(off, roles.Base, QColor("#1d1e20"))
    return pal


#: what Fusion draws a tick box's edge from (as the window colour, darker by 40 %) in the dark
#: look: the edge comes out #7d8184, 4.4:1 on the dark base, 3.7:1 on its alternate rows, where
#: the dark window colour gave 1.0:1 (WCAG 1.4.11 asks 3:1 of a control's boundary)
DARK_BOX_EDGE_SOURCE = "#a0a4a8"
DARK_DISABLED_EDGE_SOURCE = "#7c8186"

_BOXES = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


class DarkFusion(QProxyStyle):
    """Fusion for the dark palette, with tick boxes and radio buttons whose edge shows: an
    unticked "Pack sent" box was invisible on every other row of the People table."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("cortege_dark_fusion")

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element not in _BOXES:
            super().drawPrimitive(element, option, painter, widget)
            return
        palette = QPalette(option.palette)
        edged = QPalette(palette)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            edged.setColor(group, QPalette.ColorRole.Window, QColor(DARK_BOX_EDGE_SOURCE))
        disabled = QPalette.ColorGroup.Disabled  # dimmer, still there
        edged.setColor(disabled, QPalette.ColorRole.Window, QColor(DARK_DISABLED_EDGE_SOURCE))
        option.palette = edged
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            option.palette = palette


def base_style_name(app: QApplication | None = None) -> str:
    """The name of the style the application draws with (Fusion's under ``DarkFusion``)."""
    style = (app or QApplication.instance()).style()
    return (style.baseStyle() if isinstance(style, QProxyStyle) else style).name()


def light_palette() -> QPalette:
    fusion = QStyleFactory.create("Fusion")
    pal = fusion.standardPalette()
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b6f73"))  # 4.8:1 on white
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#1f66a8"))  # Fusion's: 3.7:1 to white
    return pal


def apply_theme(choice: str, app: QApplication | None = None) -> None:
    """Give the running application the look ``choice`` (system, light, dark)."""
    app = app or QApplication.instance()
    if app is None:
        return
    if choice not in (LIGHT, DARK) and not _original:
        return  # the system's look, never changed: leave Qt alone (it follows the desktop)
    if not _original:
        _original["style"] = app.style().name()
    if choice == DARK:
        app.setStyle(DarkFusion())
        app.setPalette(dark_palette())
    elif choice == LIGHT:
        app.setStyle("Fusion")
        app.setPalette(light_palette())
    else:
        app.setStyle(str(_original["style"]))
        app.setPalette(QPalette())  # an empty palette: back to the platform's, which follows
        _original.clear()  # the desktop's light or dark setting again
    # Widgets get the palette (and a PaletteChange, on which the window recolours its style
    # sheets: refresh_window) from the event loop.


def refresh_window(window: QWidget) -> None:
    """Recolour what the window painted with a fixed colour (called on a palette change), once
    the new palette has reached every child (the window hears of it first)."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window, lambda: _recolour(window))


def _recolour(window: QWidget) -> None:
    from ui import style

    banner = getattr(window, "read_only_banner", None)
    if banner is not None:
        banner.setStyleSheet(style.banner_css(window))
    tab = getattr(window, "tab_widgets", {}).get("readiness")
    if tab is not None and getattr(tab, "data", None) is not None:
        tab.reload()  # its problem rows and declaration line are painted in fixed colours
