"""Icons from ``resources/icons`` (CC0, see resources/LICENSE-icons.md), tinted for the theme.

The line icons are drawn with ``currentColor``; they are painted in the palette's text colour
(or the disabled text colour for the disabled state) at several sizes, so they stay crisp on
high-DPI screens and readable in dark mode.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
#: sizes an icon says it has (menus 16, buttons 20-24, toolbars 24-32, dialogs 48); any other
#: size asked for is drawn as crisply, at that size
_SIZES = (16, 20, 24, 32, 48)


def _render(svg: bytes, pixels: int) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    pixels = max(1, pixels)
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return pixmap


class _TintedSvg(QIconEngine):
    """Draws a line icon in the palette's colours when Qt first asks for a size (a menu item
    when the menu opens, a toolbar button when painted), not ten pixmaps per icon at start-up:
    that was 60 ms and 7 MB before the window's first paint (issue #17)."""

    def __init__(self, normal: bytes, disabled: bytes) -> None:
        super().__init__()
        self._svg = {QIcon.Mode.Disabled: disabled}
        self._normal = normal
        self._drawn: dict[tuple[bool, int], QPixmap] = {}

    def _pixmap(self, pixels: int, mode: QIcon.Mode) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (disabled, pixels)
        if key not in self._drawn:
            self._drawn[key] = _render(self._svg[mode] if disabled else self._normal, pixels)
        return self._drawn[key]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:  # noqa: ARG002
        # Qt asks in device pixels (a 16-pixel icon on a 200 % screen: 32) and sets the ratio
        return QPixmap(self._pixmap(min(size.width(), size.height()), mode))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:  # noqa: ARG002
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = QPixmap(self._pixmap(round(min(rect.width(), rect.height()) * ratio), mode))
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: ARG002,N802
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:  # noqa: ARG002,N802
        return [QSize(s, s) for s in _SIZES]

    def clone(self) -> QIconEngine:
        copy = _TintedSvg(self._normal, self._svg[QIcon.Mode.Disabled])
        _ENGINES.append(copy)  # Qt owns the copy; keep its Python side alive with it
        return copy


_ENGINES: list[_TintedSvg] = []


def _svg(name: str) -> bytes | None:
    path = ICON_DIR / f"{name}.svg"
    try:
        return path.read_bytes()
    except OSError:
        return None


@lru_cache(maxsize=128)
def _icon(name: str, normal: str, disabled: str, ratio: float) -> QIcon:  # noqa: ARG001
    raw = _svg(name)
    if raw is None:
        return QIcon()
    engine = _TintedSvg(
        raw.replace(b"currentColor", normal.encode("ascii")),
        raw.replace(b"currentColor", disabled.encode("ascii")),
    )
    _ENGINES.append(engine)
    return QIcon(engine)


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
