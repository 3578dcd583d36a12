"""The app icon, from resources/icons/cortege.svg, in the forms the systems want.

``python build/make_icons.py OUT`` writes ``OUT/hicolor/<n>x<n>/apps/org.cortege.Cortege.png``
(the freedesktop sizes), ``OUT/cortege.ico`` (Windows) and ``OUT/cortege.icns`` (macOS). Qt's SVG
renderer draws each size from the vector (no blurry down-scaling); Pillow writes .ico and .icns.
freeze.py calls it; nothing generated is committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "cortege.svg"
APP_ID = "org.cortege.Cortege"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render_png(size: int, target: Path) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # kept alive for the later sizes
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise OSError(f"could not write {target}")


def make_icons(out: Path) -> dict[str, Path]:
    """Write every icon under ``out``; returns the paths by kind (png sizes, ico, icns)."""
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for size in SIZES:
        png = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render_png(size, png)
        made[str(size)] = png
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SOURCE.read_bytes())
    made["svg"] = scalable
    big = Image.open(made["512"])
    made["ico"] = out / "cortege.ico"
    big.save(made["ico"], sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    made["icns"] = out / "cortege.icns"
    big.save(made["icns"])
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "work" / "icons"
    for kind, path in make_icons(target).items():
        print(f"{kind}\t{path}")
