"""The media advisory as one PDF page on the organisation's letterhead (as the release's).

Each section is a label in the margin's accent colour above its text; the type is set a little
smaller (down to 80 %) before a second page is accepted.
"""

from __future__ import annotations

from app.exports import pdfkit
from app.exports.press.advisory import AdvisoryDoc, direction, labels, line_direction
from app.exports.press.pdf import ACCENT, _register, letterhead, shaped_or


def _story(doc: AdvisoryDoc, scale: float, width: float) -> list:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    from app.exports.fonts import markup
    from app.exports.shaping import needs_shaping

    fam = _register()
    bold = f"{fam}-Bold"

    def st(name: str, size: float, lead: float, **kw) -> ParagraphStyle:
        font = kw.pop("font", fam)
        return ParagraphStyle(
            name, fontName=font, fontSize=size * scale, leading=lead * scale, **kw
        )

    s = {
        "org": st("org", 15, 18, font=bold),
        "kicker": st("kicker", 10, 13, font=bold, textColor=HexColor(ACCENT), spaceAfter=4),
        "headline": st("headline", 20, 24, font=bold, spaceAfter=10),
        "label": st("label", 9.5, 12, font=bold, textColor=HexColor("#555555"), spaceBefore=8),
        # every line starts under its label, on the advisory's side (a Latin address of an
        # Arabic advisory at the right), in its own order
        "body": pdfkit.aligned_to(direction(doc.language), st("body", 11, 15.5)),
    }
    lab = labels(doc.language)
    story: list = []
    story += letterhead(doc.org_logo, doc.org_name, s["org"], width=width, scale=scale)
    story.append(shaped_or(markup(lab.kicker), lab.kicker, s["kicker"], bold=True))
    headline = doc.headline.strip()
    story.append(shaped_or(markup(headline), headline, s["headline"], bold=True))
    for label, text in doc.blocks:
        story.append(shaped_or(markup(label), label, s["label"], bold=True))
        for line in text.strip().splitlines():
            if needs_shaping(line):
                way = line_direction(line, doc.language)
                story.append(pdfkit.rich([(line, False)], s["body"], direction=way))
            else:
                story.append(shaped_or(markup(line) or "&nbsp;", line, s["body"]))
    return story


def render_pdf(doc: AdvisoryDoc, *, paper: str | None = None) -> bytes:
    from app.exports.runsheet.data import paper_for

    sheet = paper_for(doc.country, paper)
    width = pdfkit.content_width(sheet)
    return pdfkit.build_fitted(
        lambda scale: _story(doc, scale, width),
        lambda total: pdfkit.Frame(
            title=doc.headline.strip(),
            left_note="",
            printed="",
            page_label="{page} / {total}" if total > 1 else "",
            lang=doc.language,
        ),
        paper=sheet,
        scales=(1.0, 0.9, 0.8),
    )
