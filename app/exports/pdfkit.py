"""Shared pieces of the PDF exports: page sizes, paragraph styles, and a page frame whose
header and footer carry the page number out of the total, the print time and the warnings."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.exports.fonts import markup, register_fonts

INK = (0.0, 0.0, 0.0)
GREY = (0.35, 0.35, 0.35)
MARGIN_MM = 14


def page_size(paper: str, *, landscape: bool = False) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4, LETTER

    size = LETTER if paper == "letter" else A4
    return (size[1], size[0]) if landscape else size


@lru_cache(maxsize=1)
def styles() -> dict:
    """The paragraph styles of every sheet, by name. Sizes are chosen to be read in the rain."""
    from reportlab.lib.styles import ParagraphStyle

    fonts = register_fonts()
    reg, bold = fonts["regular"], fonts["bold"]

    def style(name: str, size: float, *, font: str = reg, lead: float = 1.22, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * lead, **kw)

    return {
        "title": style("title", 17, font=bold, spaceAfter=2),
        "message": style("message", 12, spaceAfter=2),
        "when": style("when", 11, textColor=GREY, spaceAfter=6),
        "alias": style("alias", 20, font=bold),
        "label": style("label", 9, textColor=GREY),
        "call": style("call", 34, font=bold, lead=1.05),
        "meet": style("meet", 14, font=bold),
        "h2": style("h2", 12.5, font=bold, spaceBefore=7, spaceAfter=3),
        "body": style("body", 10.5),
        "small": style("small", 9),
        "cue_time": style("cue_time", 14, font=bold),
        "cue_title": style("cue_title", 12, font=bold),
        "tiny": style("tiny", 8),
        "tiny_bold": style("tiny_bold", 8, font=bold),
        "warn": style("warn", 10.5, font=bold),
    }


def para(text: str | None, style: str, *, raw: bool = False):
    """A paragraph of ``text`` (escaped, with script fallback) unless ``raw`` markup is given."""
    from reportlab.platypus import Paragraph

    return Paragraph(text if raw else markup(text), styles()[style])


@dataclass
class Frame:
    """What the header and footer of every page say."""

    title: str
    left_note: str  # "Do not share — contains the plan"
    printed: str  # "Printed 26/05/2024 17:02"
    page_label: str  # "{page}/{total}" in the reader's language
    confidential: str = ""  # set when personal data is on the sheet


def _canvas_class(frame: Frame, page_size: tuple[float, float]):
    from reportlab.pdfgen.canvas import Canvas

    fonts = register_fonts()
    width, _height = page_size
    margin = MARGIN_MM * 72 / 25.4

    class NumberedCanvas(Canvas):
        """Keeps every page until the end so that each footer can say 'page n of total'."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            height = self._pagesize[1]
            self.saveState()
            self.setFillColorRGB(*GREY)
            self.setFont(fonts["regular"], 8)
            y = margin * 0.55
            self.drawString(margin, y, frame.left_note)
            label = frame.page_label.format(page=self._pageNumber, total=total)
            self.drawRightString(width - margin, y, f"{frame.printed} · {label}")
            if frame.confidential:
                self.setFillColorRGB(0.7, 0.0, 0.0)
                self.setFont(fonts["bold"], 9)
                self.drawCentredString(width / 2, height - margin * 0.6, frame.confidential)
                self.drawCentredString(width / 2, y + 11, frame.confidential)
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    story: Sequence,
    frame: Frame,
    *,
    paper: str,
    landscape: bool = False,
    top_mm: float = MARGIN_MM,
    on_page: Callable | None = None,
) -> bytes:
    """Lay out ``story`` on pages of ``paper`` with the shared header and footer; PDF bytes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    size = page_size(paper, landscape=landscape)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=top_mm * mm,
        bottomMargin=(MARGIN_MM + 2) * mm,
        title=frame.title,
        author="",
        subject="",
        creator="Cortège",
        producer="Cortège",
    )
    kwargs = {"onFirstPage": on_page, "onLaterPages": on_page} if on_page else {}
    doc.build(list(story), canvasmaker=_canvas_class(frame, size), **kwargs)
    return buf.getvalue()


def content_width(paper: str, *, landscape: bool = False) -> float:
    from reportlab.lib.units import mm

    return page_size(paper, landscape=landscape)[0] - 2 * MARGIN_MM * mm


def cell(text: str | None, style: str, width: float):
    """A table cell: the plain string when it fits on one line in ``width`` (drawn with the
    table's FONT, far cheaper than a paragraph), else a wrapping paragraph."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = text or ""
    st = styles()[style]
    if "\n" not in text and stringWidth(text, st.fontName, st.fontSize) <= width - 7:
        if text.isascii() or markup(text) == _escape(text):
            return text
    return para(text, style)


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)
