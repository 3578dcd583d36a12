"""Icons from ``resources/icons`` (CC0, see resources/LICENSE-icons.md), tinted for the theme.

The line icons are drawn with ``currentColor``; they are painted in the palette's text colour
(or the disabled text colour for the disabled state) at several sizes, so they stay crisp on
high-DPI screens and readable in dark mode.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_SIZES = (16, 20, 24, 32, 48)


def _render(svg: bytes, size: int, ratio: float) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _svg(name: str) -> bytes | None:
    path = ICON_DIR / f"{name}.svg"
    try:
        return path.read_bytes()
    except OSError:
        return None


@lru_cache(maxsize=128)
def _icon(name: str, normal: str, disabled: str, ratio: float) -> QIcon:
    raw = _svg(name)
    icon = QIcon()
    if raw is None:
        return icon
    for mode, colour in ((QIcon.Mode.Normal, normal), (QIcon.Mode.Disabled, disabled)):
        svg = raw.replace(b"currentColor", colour.encode("ascii"))
        for size in _SIZES:
            icon.addPixmap(_render(svg, size, ratio), mode)
    return icon


def icon(name: str) -> QIcon:
    """The icon called ``name`` (file stem in resources/icons); an empty icon if missing."""
    app = QGuiApplication.instance()
    pal = app.palette() if app is not None else QPalette()
    normal = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    disabled = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if disabled == normal:  # SVG has no ARGB hex: mix the text into the background instead
        back = pal.color(QPalette.ColorRole.Window)
        disabled = QColor(
            (normal.red() + back.red() * 2) // 3,
            (normal.green() + back.green() * 2) // 3,
            (normal.blue() + back.blue() * 2) // 3,
        )
    ratio = app.devicePixelRatio() if app is not None else 1.0
    return _icon(name, normal.name(), disabled.name(), max(ratio, 1.0))


def app_icon() -> QIcon:
    return _icon("cortege", "#000000", "#000000", 1.0)


def forget() -> None:
    """Drop cached icons (the palette changed, e.g. the system switched to dark mode)."""
    _icon.cache_clear()
