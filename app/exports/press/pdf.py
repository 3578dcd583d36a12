"""The release as a one-page PDF on the organisation's letterhead.

Layout: letterhead (logo and name from the settings), the "press release" kicker and the embargo
line, headline, subheadline, the body opened by the dateline, quotes, the end mark, "About …" and
the media contacts. When the text runs over a page, the type is set a little smaller (down to
85 %) before a second page is accepted.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from app.exports.press.document import ReleaseDoc, layout
from app.exports.press.markdown import to_reportlab
from app.exports.press.text import contact_line

FAMILY = "CortegePress"
_SYSTEM_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
ACCENT = "#a4161a"


@lru_cache(maxsize=1)
def _register() -> str:
    """A font family with real italics for releases (the shared fonts have no oblique)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from app.exports.fonts import FONTS_DIR, register_fonts

    register_fonts()  # the Devanagari/Arabic fallback runs of fonts.markup()

    def find(name: str) -> Path | None:
        for folder in (FONTS_DIR, _SYSTEM_DEJAVU):
            if (folder / name).exists():
                return folder / name
        return None

    faces = {
        FAMILY: find("DejaVuSans.ttf"),
        f"{FAMILY}-Bold": find("DejaVuSans-Bold.ttf"),
        f"{FAMILY}-Oblique": find("DejaVuSans-Oblique.ttf"),
        f"{FAMILY}-BoldOblique": find("DejaVuSans-BoldOblique.ttf"),
    }
    for name, path in faces.items():
        if path is not None:
            pdfmetrics.registerFont(TTFont(name, str(path)))

    def face(name: str, fallback: str) -> str:
        return name if faces[name] is not None else fallback

    bold = face(f"{FAMILY}-Bold", FAMILY)
    italic = face(f"{FAMILY}-Oblique", FAMILY)
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, bold)
    addMapping(FAMILY, 0, 1, italic)
    addMapping(FAMILY, 1, 1, face(f"{FAMILY}-BoldOblique", bold))
    return FAMILY


def _styles(scale: float) -> dict:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    fam = _register()
    bold = f"{fam}-Bold"

    def st(name: str, size: float, lead: float, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=kw.pop("font", fam), fontSize=size * scale, leading=lead * scale, **kw
        )

    grey = HexColor("#555555")
    return {
        "org": st("org", 15, 18, font=bold),
        "kicker": st("kicker", 9, 12, font=bold, textColor=grey),
        "embargo": st("embargo", 10.5, 14, font=bold, textColor=HexColor(ACCENT), spaceAfter=10),
        "headline": st("headline", 20, 24, font=bold, spaceAfter=6),
        "sub": st("sub", 12.5, 16, textColor=HexColor("#333333"), spaceAfter=12),
        "body": st("body", 10.5, 15, spaceAfter=7.5 * scale),
        "quote": st("quote", 11, 15.5),
        "speaker": st("speaker", 10, 14, textColor=grey),
        "end": st("end", 10.5, 14, alignment=TA_CENTER, spaceBefore=6, spaceAfter=8),
        "h2": st("h2", 10.5, 14, font=bold, spaceBefore=6, spaceAfter=2),
        "small": st("small", 9.5, 13, spaceAfter=3),
    }


def _logo(data: bytes | None, max_h: float, max_w: float):
    if not data:
        return None
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        w, h = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # not an image reportlab can read: print the letterhead without it
        return None
    if not w or not h:
        return None
    ratio = min(max_h / h, max_w / w)
    return Image(io.BytesIO(data), width=w * ratio, height=h * ratio)


def _story(doc: ReleaseDoc, scale: float, width: float) -> list:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

    from app.exports.fonts import markup

    s = _styles(scale)
    lay = layout(doc)
    story: list = []
    logo = _logo(doc.org_logo, 18 * mm, 60 * mm)
    name = Paragraph(markup(doc.org_name.strip()), s["org"]) if doc.org_name.strip() else None
    if logo or name:
        cells = [c for c in (logo, name) if c is not None]
        widths = [logo.drawWidth + 5 * mm] if logo else []
        widths.append(width - sum(widths)) if name else None
        head = Table([cells], colWidths=widths[: len(cells)], hAlign="LEFT")
        head.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story += [head, Spacer(1, 3 * mm)]
        story.append(HRFlowable(width="100%", thickness=0.8, color=HexColor(ACCENT)))
        story.append(Spacer(1, 6 * mm * scale))
    story.append(Paragraph(markup(lay.kicker), s["kicker"]))
    story.append(Paragraph(markup(lay.embargo), s["embargo"]))
    story.append(Paragraph(markup(lay.headline), s["headline"]))
    if lay.subheadline:
        story.append(Paragraph(f"<i>{markup(lay.subheadline)}</i>", s["sub"]))
    paras = [to_reportlab(p, escape=markup) for p in lay.paragraphs] or [""]
    if lay.dateline:
        paras[0] = f"<b>{markup(lay.dateline)}</b> {paras[0]}"
    story += [Paragraph(p, s["body"]) for p in paras if p]
    for text, speaker in lay.quotes:
        inner = [Paragraph(f"<i>{markup(text)}</i>", s["quote"])]
        if speaker:
            inner.append(Paragraph(markup(speaker), s["speaker"]))
        box = Table([[inner]], colWidths=[width - 6 * mm], hAlign="RIGHT")
        box.setStyle(
            TableStyle(
                [
                    ("LINEBEFORE", (0, 0), (0, -1), 2, HexColor("#999999")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        story += [Spacer(1, 2 * mm * scale), box, Spacer(1, 3 * mm * scale)]
    story.append(Paragraph(markup(lay.end_mark), s["end"]))
    if lay.notes:
        story.append(Paragraph(markup(lay.notes_heading), s["h2"]))
        story += [Paragraph(to_reportlab(p, escape=markup), s["small"]) for p in lay.notes]
    if lay.about_heading:
        story.append(Paragraph(markup(lay.about_heading), s["h2"]))
        story += [Paragraph(to_reportlab(p, escape=markup), s["small"]) for p in lay.about]
    if lay.contacts:
        story.append(Paragraph(markup(lay.contact_heading), s["h2"]))
        for c in lay.contacts:
            story.append(Paragraph(markup(contact_line(c.label, c.phone, c.email)), s["small"]))
    return story


def _build(doc: ReleaseDoc, *, scale: float, size, total: int) -> tuple[bytes, int]:
    """(PDF bytes, pages); pages are numbered "n/total" when ``total`` > 1."""
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    margin = 20 * mm
    pages: list[int] = []

    def on_page(canvas, d) -> None:
        pages.append(d.page)
        if total > 1:
            canvas.saveState()
            canvas.setFont(FAMILY, 8)
            canvas.drawRightString(size[0] - margin, 10 * mm, f"{d.page}/{total}")
            canvas.restoreState()

    buf = io.BytesIO()
    pdf = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=doc.headline,
        author=doc.org_name,
        subject=layout(doc).kicker,
        creator="Cortège",
        lang=doc.language.replace("_", "-"),
        displayDocTitle=True,
    )
    pdf.build(_story(doc, scale, size[0] - 2 * margin), onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue(), len(pages)


def render_pdf(doc: ReleaseDoc, *, paper: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4, LETTER

    from app.exports.runsheet.data import paper_for  # the same paper rule as run-sheets

    size = LETTER if paper_for(doc.country, paper) == "letter" else A4
    for scale in (1.0, 0.93, 0.85):
        data, pages = _build(doc, scale=scale, size=size, total=1)
        if pages == 1:
            return data
    return _build(doc, scale=0.85, size=size, total=pages)[0]
