"""The one PDF pipeline of every export: page sizes, paragraph styles, user text turned into
shaped and ordered paragraphs, and a page frame whose header and footer carry the page number
out of the total, the print time and the warnings.

User text, in any script, goes through three functions (docs: ``docs/runsheets.md``, "Scripts"):

- ``text_flow(text, style, lead=...)``: free text (notes, instructions, a release body) as a
  list of flowables. Every line the user typed stays a line; a blank line is a paragraph break;
  lines starting with ``-``, ``*``, ``•`` or ``1.``/``1)``/``a)`` become list items with a
  hanging bullet or number. Each paragraph flows and splits across pages.
- ``para(text, style)``: one short paragraph (a title, an alias, a place).
- ``rich([(text, face), ...], style)``: one paragraph of pieces, each regular (``0``/``False``),
  bold (``1``/``True``), italic (``2``) or both (``3``): a label and its value, a paragraph of
  a release converted from Markdown.

Each picks, per paragraph, reportlab's own ``Paragraph`` when the text needs no shaping (Latin,
Greek, Cyrillic: nothing is paid for shaping) or ``ShapedParagraph`` (harfbuzz shaping, bidi
ordering, right-aligned when the paragraph is right-to-left, fonts per script, emoji from Noto
Sans Symbols 2). ``text_direction(text)`` says ``"rtl"``/``"ltr"`` like HTML's ``dir="auto"``.

Tables: ``cell(text, style, width)`` (a plain string when it fits, else a shaped paragraph),
``fit_widths(columns, fonts, total, fixed=...)`` (column widths from their content),
``nobreak(text)`` (times, phone numbers), ``indented(flowables, points)``. Free text never goes
in a cell: reportlab cannot split a table row.

``build_pdf(story, Frame(title=..., lang=...), paper=...)`` writes the document with its
``/Lang``, ``DisplayDocTitle``, embedded fonts only, "page n of total" footers; a story that is
still too tall for a page is printed with its tables undone (``flatten``) rather than failing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from app.exports.fonts import markup, register_fonts
from app.exports.shaping import base_direction, in_face, needs_shaping, start_side

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
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * lead,
            bulletFontName=reg,
            bulletFontSize=size,
            **kw,
        )

    return {
        "title": style("title", 17, font=bold, spaceAfter=2, keepWithNext=True),
        "message": style("message", 12, spaceAfter=2),
        "when": style("when", 11, textColor=GREY, spaceAfter=4),
        "alias": style("alias", 20, font=bold),
        "label": style("label", 9, textColor=GREY),
        "call": style("call", 34, font=bold, lead=1.05),
        "big": style("big", 22, font=bold, lead=1.25),
        "meet": style("meet", 14, font=bold),
        "h2": style("h2", 12.5, font=bold, spaceBefore=5, spaceAfter=2.5, keepWithNext=True),
        # Above a table that may run over pages: kept with the table's first rows by a
        # CondPageBreak (table_heading), not with the whole table (which would leave a page
        # empty but for what came before).
        "h2_table": style("h2_table", 12.5, font=bold, spaceBefore=5, spaceAfter=2.5),
        "h3": style("h3", 10.5, font=bold, spaceBefore=4, spaceAfter=1, keepWithNext=True),
        "body": style("body", 10.5),
        "small": style("small", 9),
        "cue_time": style("cue_time", 14, font=bold),
        "cue_title": style("cue_title", 12, font=bold),
        "tiny": style("tiny", 8),
        "tiny_bold": style("tiny_bold", 8, font=bold),
        "sched": style("sched", 9),
        "sched_bold": style("sched_bold", 9, font=bold),
        "cell": style("cell", 8.5),
        "cell_bold": style("cell_bold", 8.5, font=bold),
        "warn": style("warn", 10.5, font=bold),
    }


def _style(style):
    return styles()[style] if isinstance(style, str) else style


def aligned_like(text: str | None, style):
    """``style`` set on the side ``text`` starts from (right for a right-to-left ``text``),
    for a line that belongs under it: a Latin address under an Arabic meeting point starts at
    the right with it, in its own order."""
    return aligned_to(base_direction(text), style)


def aligned_to(direction: str, style):
    """``style`` (left-aligned) set on the side a line of ``direction`` starts from; a
    centred or justified style is kept."""
    from copy import copy

    from reportlab.lib.enums import TA_LEFT, TA_RIGHT

    st = _style(style)
    if start_side(direction) != "right" or st.alignment != TA_LEFT:
        return st
    st = copy(st)
    st.alignment = TA_RIGHT
    return st


def text_direction(text: str | None) -> str:
    """``"rtl"`` when the first strong character of ``text`` is right-to-left, else ``"ltr"``."""
    return base_direction(text)


def document_direction(tr) -> str:
    """``tr.document_direction`` (kept for the renderers that pass a translator around)."""
    return tr.document_direction


def rich(
    parts: Sequence[tuple[str | None, bool | int]],
    style,
    *,
    bullet: str = "",
    direction: str | None = None,
):
    """One paragraph of ``(text, face)`` pieces in ``style`` (a name of ``styles()`` or a
    ``ParagraphStyle``), shaped and ordered when any piece needs it. Line breaks in the pieces
    become spaces; use ``text_flow`` to keep them. ``direction`` ("ltr"/"rtl") sets the
    paragraph's direction and alignment, for labels and table cells that follow the document;
    by default it is the text's own (its first strong letter, from the regular pieces). A face
    is ``True``/``1`` for bold, ``2`` for italic, ``3`` for both, ``False``/``0`` regular."""
    from reportlab.platypus import Paragraph

    st = _style(style)
    parts = [(t or "", int(b)) for t, b in parts if t]
    if any(needs_shaping(t) or (b & 2 and not in_face(t, b)) for t, b in parts):
        from app.exports.shaped_paragraph import ShapedParagraph

        values = "".join(t for t, b in parts if not b) or None
        rtl = None if direction is None else direction == "rtl"
        return ShapedParagraph(parts, st, bullet=bullet, direction_of=values, rtl=rtl)
    html = "".join(_html(_flat(t), b) for t, b in parts)
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT

    if direction == "rtl" and st.alignment == TA_LEFT:  # a Latin label of an rtl sheet
        from copy import copy

        st = copy(st)
        st.alignment = TA_RIGHT  # starts at the right, where the sheet's lines start
    return Paragraph(html, st, bulletText=bullet or None)


def _html(text: str, face: int) -> str:
    out = escape(text)
    if face & 2:
        out = f"<i>{out}</i>"
    return f"<b>{out}</b>" if face & 1 else out


def para(
    text: str | None,
    style,
    *,
    raw: bool = False,
    bold: bool = False,
    direction: str | None = None,
):
    """One paragraph of plain ``text`` in ``style``, shaped and ordered as it needs; ``raw``
    takes reportlab markup as is (labels only: markup is neither shaped nor ordered)."""
    if raw:
        from reportlab.platypus import Paragraph

        return Paragraph(text or "", _style(style))
    return rich([(text or "", bold)], style, direction=direction)


def _flat(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\t" in text) else text


_ITEM = re.compile(r"^\s*(?:([-*•‣–·])|(\d{1,3}[.)]|[a-zA-Z][.)]))\s+(?=\S)")


def text_flow(
    text: str | None, style, *, lead: str = "", lead_style=None, direction: str | None = None
) -> list:
    """Free text as flowables: one paragraph per typed line (a blank line adds space), list
    items with hanging bullets or numbers, each shaped and ordered as it needs; ``lead`` (a
    label such as "Plan B:") is set bold at the start of the first paragraph, or on a line of
    its own above a list. The last paragraph never goes to a new page alone. ``direction``
    sets every paragraph's (a slice of a longer line takes the line's own)."""
    from copy import copy

    st = _style(style)
    out: list = []
    gap = False
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((line for line in lines if line.strip()), "")
    if lead and (
        _ITEM.match(first)  # "1. Safety: Keep to…" otherwise: the label inside the number
        or (base_direction(text) == "rtl" and base_direction(lead) == "ltr")  # ":Plan B"
    ):
        out.append(rich([(lead, True)], st))
        out[-1].keepWithNext = True
        lead = ""
    for line in lines:
        if not line.strip():
            gap = bool(out) or gap
            continue
        match = _ITEM.match(line)
        item_style = st
        bullet = ""
        if match:
            bullet = "•" if match.group(1) else match.group(2)
            line = line[match.end() :]
            indent = st.fontSize * (1.2 if match.group(1) else 0.6 + 0.6 * len(bullet))
            item_style = copy(st)
            item_style.leftIndent = st.leftIndent + indent
            item_style.bulletIndent = st.leftIndent
        if gap:
            item_style = copy(item_style)
            item_style.spaceBefore = max(st.spaceBefore, st.leading * 0.5)
            gap = False
        parts = [(line.strip(), False)]
        if lead and not out:
            parts.insert(0, (f"{lead} ", True))
            lead = ""
        out.append(rich(parts, item_style, bullet=bullet, direction=direction))
    if not out and lead:
        out.append(rich([(lead, True)], st))
    if len(out) > 1:
        out[-2].keepWithNext = True  # widow control between typed lines, as within one
    return out


@dataclass
class Frame:
    """What the header and footer of every page say."""

    title: str
    left_note: str  # "Do not share — contains the plan"
    printed: str  # "Printed 26/05/2024 17:02"
    page_label: str  # "{page}/{total}" in the reader's language
    confidential: str = ""  # set when personal data is on the sheet
    lang: str = "en"  # the document's language, written as /Lang


def _canvas_class(frame: Frame, page_size: tuple[float, float]):
    from reportlab.pdfgen.canvas import Canvas

    fonts = register_fonts()
    width, _height = page_size
    margin = MARGIN_MM * 72 / 25.4

    class NumberedCanvas(Canvas):
        """Keeps every page until the end so that each footer can say 'page n of total'."""

        def __init__(self, *args, **kwargs) -> None:
            # A TrueType first font: reportlab's default, Helvetica, would be listed unembedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts["regular"]
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
            y = margin * 0.55
            label = frame.page_label.format(page=self._pageNumber, total=total)
            self._text(margin, y, frame.left_note, 8)
            right = " · ".join(x for x in (frame.printed, label) if x)  # a letter has no print time
            self._text(width - margin, y, right, 8, anchor="end")
            if frame.confidential:
                self.setFillColorRGB(0.7, 0.0, 0.0)
                for at in (height - margin * 0.6, y + 11):
                    self._text(width / 2, at, frame.confidential, 9, bold=True, anchor="middle")
            self.restoreState()

        def _text(self, x, y, text, size, *, bold=False, anchor="start") -> None:
            if needs_shaping(text):  # a date or a zone in Arabic or Devanagari
                from app.exports.shaped_paragraph import draw_text

                draw_text(self, x, y, text, size=size, bold=bold, anchor=anchor)
                return
            self.setFont(fonts["bold" if bold else "regular"], size)
            draw = {"end": self.drawRightString, "middle": self.drawCentredString}
            draw.get(anchor, self.drawString)(x, y, text)

    return NumberedCanvas


def build_fitted(
    story: Callable[[float], Sequence],
    frame: Callable[[int], Frame],
    *,
    paper: str,
    scales: Sequence[float],
) -> bytes:
    """A one-page document when smaller type (down to the last of ``scales``) makes it fit;
    otherwise its pages at the smallest scale, with ``frame(total)`` told how many there are.

    ``story(scale)`` builds the flowables; ``frame(total)`` the header and footer (a one-page
    release or advisory carries no page number)."""

    def build(scale: float, total: int) -> tuple[bytes, int]:
        pages: list[int] = []
        data = build_pdf(
            story(scale), frame(total), paper=paper, on_page=lambda _c, d: pages.append(d.page)
        )
        return data, len(pages)

    pages = 1
    for scale in scales:
        data, pages = build(scale, 1)
        if pages == 1:
            return data
        if pages > 2:  # no smaller type makes it one page: straight to the numbered pages
            break
    return build(scales[-1], pages)[0]


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
    from reportlab.platypus.doctemplate import LayoutError

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
        lang=frame.lang.replace("_", "-"),
        displayDocTitle=True,
    )
    kwargs = {"onFirstPage": on_page, "onLaterPages": on_page} if on_page else {}
    try:
        doc.build(list(story), canvasmaker=_canvas_class(frame, size), **kwargs)
    except LayoutError:
        # Something is still too tall for a page (a table row reportlab cannot split): print
        # the same content with every table undone into flowing paragraphs, never nothing.
        import logging

        logging.getLogger(__name__).warning("layout too tall for %r; printing it flat", frame.title)
        buf = io.BytesIO()
        doc.filename = buf
        doc.build(flatten(story), canvasmaker=_canvas_class(frame, size), **kwargs)
    return buf.getvalue()


def flatten(story: Sequence) -> list:
    """``story`` with tables, boxes and keep-togethers undone into their flowables, row by
    row, cell by cell: what can always be laid out, since paragraphs split at any line."""
    from reportlab.platypus import KeepTogether, Table
    from reportlab.platypus.flowables import CondPageBreak, Spacer

    out: list = []

    def add(item) -> None:
        if item is None or item == "":
            return
        if isinstance(item, str):
            out.append(para(item, "cell"))
        elif isinstance(item, (list, tuple)):
            for sub in item:
                add(sub)
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for value in row:
                    add(value)
                out.append(Spacer(1, 3))
        elif isinstance(item, KeepTogether):
            add(item._content)
        elif isinstance(item, CondPageBreak):
            return
        else:
            out.append(item)

    add(list(story))
    return out


def drawn_width(text: str, face: str, size: float) -> float:
    """The width of ``text`` on one line in ``face`` as it will be drawn: shaped, in the fonts
    it takes, when it needs them ("10:00 ص" is wider than ``stringWidth`` says)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if needs_shaping(text):
        from app.exports.shaped_paragraph import text_width

        return text_width(text, size, bold="Bold" in face)
    return stringWidth(text, face, size)


#: points: the narrowest a column of free text gets when a table's longest words ask more than
#: the page (narrower, a shaped word or an emoji fits nowhere in it)
MIN_FREE_WIDTH = 40.0


def fit_widths(
    columns: Sequence[Sequence[str]],
    fonts: Sequence[tuple[str, float]],
    total: float,
    *,
    padding: float = 6,
    fixed: Sequence[bool] = (),
    head_font: str | None = None,
) -> list[float]:
    """Column widths that follow their content, as HTML tables do: every column gets at least
    its longest word, the space left goes where text is longest, and a ``fixed`` column (a
    time, a phone number: never broken) gets its whole value. ``columns`` are the strings of
    each column, the first one its header (measured in ``head_font`` when given)."""
    mins, maxs = [], []
    for values, (font, size) in zip(columns, fonts, strict=True):
        measured = []
        for n, text in enumerate(values):
            face = head_font if (n == 0 and head_font) else font
            words = text.split() if text else [""]
            measured.append(
                (
                    drawn_width(text or "", face, size),
                    max(drawn_width(w, face, size) for w in words),
                )
            )
        measured = measured or [(0.0, 0.0)]
        maxs.append(max(m[0] for m in measured) + padding)
        mins.append(min(max(m[1] for m in measured) + padding, total * 0.35))
    fixed = list(fixed) + [False] * (len(maxs) - len(fixed))
    mins = [mx if f else mn for mn, mx, f in zip(mins, maxs, fixed, strict=True)]
    if sum(maxs) <= total:
        free = [i for i, f in enumerate(fixed) if not f] or list(range(len(maxs)))
        share = sum(maxs[i] for i in free) or 1.0
        spare = total - sum(maxs)
        return [mx + (spare * mx / share if i in free else 0) for i, mx in enumerate(maxs)]
    if sum(mins) <= total:
        give = [mx - mn for mn, mx in zip(mins, maxs, strict=True)]
        spare = total - sum(mins)
        share = sum(give) or 1.0
        return [mn + spare * g / share for mn, g in zip(mins, give, strict=True)]
    # More than the page even at their longest words: the free columns give way and break
    # inside words; a time or a phone number keeps its width while the fixed ones leave the
    # others more than 40 % of the page (scaled alike, "02:10 (UTC+02:00)" broke).
    free = [i for i, f in enumerate(fixed) if not f]
    room = total - sum(mn for mn, f in zip(mins, fixed, strict=True) if f)
    if free and room >= max(total * 0.4, len(free) * MIN_FREE_WIDTH):
        widths = list(mins)
        open_ = list(free)  # shared out by their longest words, none below MIN_FREE_WIDTH
        while open_:
            scale = room / sum(mins[i] for i in open_)
            low = [i for i in open_ if mins[i] * scale < MIN_FREE_WIDTH]
            if not low:
                for i in open_:
                    widths[i] = mins[i] * scale
                return widths
            for i in low:
                widths[i] = MIN_FREE_WIDTH
                room -= MIN_FREE_WIDTH
                open_.remove(i)
        return widths
    scale = total / sum(mins)
    return [mn * scale for mn in mins]


def table_heading(text: str, *, room: float = 90) -> list:
    """A heading for a long table: on a new page unless ``room`` points (the heading and the
    table's first rows) are left on this one."""
    from reportlab.platypus import CondPageBreak

    return [CondPageBreak(room), para(text, "h2_table")]


def nobreak(text: str | None) -> str:
    """``text`` that never breaks across lines (a phone number, a time): no-break spaces."""
    return (text or "").replace(" ", "\u00a0").replace("\u202f", "\u00a0")


def indented(flowables: Sequence, indent: float, *, rtl: bool = False) -> list:
    """``flowables`` (paragraphs from ``para``/``rich``/``text_flow``) moved ``indent`` points
    in from the side a line starts on: the left, or the right on a right-to-left page (under
    a cue's title, beside its time column)."""
    from copy import copy

    out = []
    for f in flowables:
        st = copy(f.style)
        if rtl:
            st.rightIndent += indent
        else:
            st.leftIndent += indent
            st.bulletIndent += indent
        f.style = st
        out.append(f)
    return out


def content_width(paper: str, *, landscape: bool = False) -> float:
    from reportlab.lib.units import mm

    return page_size(paper, landscape=landscape)[0] - 2 * MARGIN_MM * mm


def cell(text: str | None, style, width: float, *, direction: str | None = "ltr"):
    """A table cell: the plain string when it fits on one line in ``width`` and needs no
    shaping (drawn with the table's FONT, far cheaper than a paragraph), else a wrapping,
    shaped paragraph, aligned with the table (``direction``, "ltr" by default; None: its
    text's own, see ``plan_words``)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not text:
        return ""  # nothing to wrap: a paragraph in a column only its padding wide cannot fit
    st = _style(style)
    if "\n" not in text and not needs_shaping(text):
        if stringWidth(text, st.fontName, st.fontSize) <= width - 7:
            return text
    return para(text, style, direction=direction)


def plan_words(document: str) -> str | None:
    """The direction of a cell holding the plan's own words (a cue's title, a place, names) on a
    sheet set in ``document``'s direction. A left-to-right sheet sets them all left to right (an
    Arabic cue title on an English sheet starts at the left like its neighbours); a
    right-to-left sheet gives each its own (an Arabic title right to left, "زاوية rue de la
    Roquette" from the right; an English one left to right, its full stop at its end)."""
    return None if document == "rtl" else "ltr"


__all__ = [
    "markup",
    "para",
    "rich",
    "text_flow",
    "text_direction",
    "document_direction",
    "cell",
    "plan_words",
    "build_pdf",
]
