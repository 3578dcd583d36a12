"""A QR code as a reportlab flowable: plain filled rectangles, no font, no image."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable


class QrFlowable(Flowable):
    def __init__(self, modules: Sequence[Sequence[bool]], size: float) -> None:
        super().__init__()
        self.modules = modules
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.addLiteral(dark_runs(tuple(map(tuple, self.modules)), self.size))
        canvas.restoreState()


@functools.lru_cache(maxsize=512)
def dark_runs(modules: tuple[tuple[bool, ...], ...], size: float) -> str:
    """The dark modules as one PDF path of rectangles (``x y w h re`` each), filled once: one
    rectangle per run of dark modules in a row, so no hairline gaps show between them. Kept
    per code and size: a batch prints the same codes hundreds of times, and formatting ~400
    rectangles through ``canvas.rect`` was a tenth of a sheet's time (issue #17)."""
    n = len(modules)
    step = size / n
    ops = []
    for y, row in enumerate(modules):
        x = 0
        while x < n:
            if not row[x]:
                x += 1
                continue
            run = x
            while run < n and row[run]:
                run += 1
            ops.append(f"{fp_str(x * step, size - (y + 1) * step, (run - x) * step, step)} re")
            x = run
    ops.append("f")
    return "\n".join(ops)
