"""A QR code as a reportlab flowable: plain filled rectangles, no font, no image."""

from __future__ import annotations

from reportlab.platypus import Flowable


class QrFlowable(Flowable):
    def __init__(self, modules: list[list[bool]], size: float) -> None:
        super().__init__()
        self.modules = modules
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        n = len(self.modules)
        step = self.size / n
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        for y, row in enumerate(self.modules):
            x = 0
            while x < n:  # one rectangle per run of dark modules: no hairline gaps between them
                if not row[x]:
                    x += 1
                    continue
                run = x
                while run < n and row[run]:
                    run += 1
                canvas.rect(x * step, self.size - (y + 1) * step, (run - x) * step, step, 0, 1)
                x = run
        canvas.restoreState()
