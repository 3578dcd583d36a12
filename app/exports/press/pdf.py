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
from app.exports.press.markdown import to_faces, to_reportlab, to_text
from app.exports.press.text import contact_line
from app.exports.shaping import needs_shaping

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


def shaped_or(
    html: str, plain: str, style, *, bold: bool = False, faces=None, direction: str | None = None
):
    """``plain`` shaped and ordered (``app/exports/pdfkit.py``) when its script needs it, else
    the paragraph of ``html`` (reportlab markup: bold, italics, links). ``faces`` are the
    ``(text, face)`` pieces of ``plain`` when it has bold or italic words; ``direction`` sets
    the shaped paragraph's direction (default: its own first strong letter)."""
    from reportlab.platypus import Paragraph

    from app.exports import pdfkit

    if needs_shaping(plain) or direction == "rtl":  # a Latin "— Owl" under an Arabic quote
        return pdfkit.rich(faces or [(plain, bold)], style, direction=direction)
    return Paragraph(html, style)


def _block(paragraph, style):
    """A paragraph of the body, the notes or the boilerplate, its bold and italics kept."""
    from app.exports.fonts import markup

    plain = to_text(paragraph)
    return shaped_or(
        to_reportlab(paragraph, escape=markup), plain, style, faces=to_faces(paragraph)
    )


def letterhead(logo_data, org_name: str, style, *, width: float, scale: float) -> list:
    """The organisation's logo and name over an accent rule (releases and advisories); nothing
    when the organisation has neither."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, Spacer, Table, TableStyle

    from app.exports.fonts import markup

    logo = _logo(logo_data, 18 * mm, 60 * mm)
    org = (org_name or "").strip()
    name = shaped_or(markup(org), org, style, bold=True) if org else None
    if not (logo or name):
        return []
    cells = [c for c in (logo, name) if c is not None]
    widths = [logo.drawWidth + 5 * mm] if logo else []
    if name:
        widths.append(width - sum(widths))
    head = Table([cells], colWidths=widths, hAlign="LEFT")
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        head,
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=0.8, color=HexColor(ACCENT)),
        Spacer(1, 6 * mm * scale),
    ]


def _story(doc: ReleaseDoc, scale: float, width: float) -> list:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from app.exports.fonts import markup
    from app.exports.pdfkit import text_direction

    s = _styles(scale)
    lay = layout(doc)
    story: list = []
    story += letterhead(doc.org_logo, doc.org_name, s["org"], width=width, scale=scale)
    story.append(shaped_or(markup(lay.kicker), lay.kicker, s["kicker"], bold=True))
    story.append(shaped_or(markup(lay.embargo), lay.embargo, s["embargo"], bold=True))
    story.append(shaped_or(markup(lay.headline), lay.headline, s["headline"], bold=True))
    if lay.subheadline:
        sub = lay.subheadline
        story.append(shaped_or(f"<i>{markup(sub)}</i>", sub, s["sub"]))
    for i, p in enumerate(lay.paragraphs or [None]):
        html = to_reportlab(p, escape=markup) if p is not None else ""
        plain = to_text(p) if p is not None else ""
        lead = lay.dateline if i == 0 else ""
        if lead:
            html = f"<b>{markup(lead)}</b> {html}"
        if not (html or plain):
            continue

        if needs_shaping(plain + lead):
            from app.exports import pdfkit

            parts = [(f"{lead} ", 1)] if lead else []
            story.append(pdfkit.rich([*parts, *(to_faces(p) if p else [])], s["body"]))
        else:
            story.append(Paragraph(html, s["body"]))
    # The quote's rule stands on the side the text starts from.
    rtl = text_direction(lay.headline + "".join(t for t, _s in lay.quotes)) == "rtl"
    rule = "LINEAFTER" if rtl else "LINEBEFORE"
    for text, speaker in lay.quotes:
        inner = [shaped_or(f"<i>{markup(text)}</i>", text, s["quote"])]
        if speaker:  # "— Owl، المتحدثة": the quote's direction, even when the name is Latin
            way = text_direction(text)
            inner.append(shaped_or(markup(speaker), speaker, s["speaker"], direction=way))
        box = Table([[inner]], colWidths=[width - 6 * mm], hAlign="LEFT" if rtl else "RIGHT")
        box.setStyle(
            TableStyle(
                [
                    (rule, (0, 0), (0, -1), 2, HexColor("#999999")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        story += [Spacer(1, 2 * mm * scale), box, Spacer(1, 3 * mm * scale)]
    story.append(Paragraph(markup(lay.end_mark), s["end"]))
    if lay.notes:
        story.append(shaped_or(markup(lay.notes_heading), lay.notes_heading, s["h2"], bold=True))
        story += [_block(p, s["small"]) for p in lay.notes]
    if lay.about_heading:
        story.append(shaped_or(markup(lay.about_heading), lay.about_heading, s["h2"], bold=True))
        story += [_block(p, s["small"]) for p in lay.about]
    if lay.contacts:
        heading = lay.contact_heading
        story.append(shaped_or(markup(heading), heading, s["h2"], bold=True))
        for c in lay.contacts:
            line = contact_line(c.label, c.phone, c.email)
            if c.phone.strip() and (rtl or needs_shaping(line)):  # a right-to-left line:
                # the number keeps its order ("+33 6 …", not "… 6 33+"), isolated left to right
                line = contact_line(c.label, f"\u2066{c.phone.strip()}\u2069", c.email)
            # on an Arabic page from the right, as its heading, even when all Latin
            way = "rtl" if rtl else None
            story.append(shaped_or(markup(line), line, s["small"], direction=way))
    return story


def render_pdf(doc: ReleaseDoc, *, paper: str | None = None) -> bytes:
    """The release on the shared pipeline, on one page when slightly smaller type makes it fit;
    pages are numbered "n / total" only when there are several."""
    from app.exports import pdfkit
    from app.exports.runsheet.data import paper_for  # the same paper rule as run-sheets

    sheet = paper_for(doc.country, paper)
    width = pdfkit.content_width(sheet)
    return pdfkit.build_fitted(
        lambda scale: _story(doc, scale, width),
        lambda total: pdfkit.Frame(
            title=doc.headline.strip(),
            left_note=doc.org_name.strip() if total > 1 else "",
            printed="",
            page_label="{page} / {total}" if total > 1 else "",
            lang=doc.language,
        ),
        paper=sheet,
        scales=(1.0, 0.93, 0.85),
    )
