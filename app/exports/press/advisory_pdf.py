"""The media advisory as one PDF page on the organisation's letterhead (as the release's).

Each section is a label in the margin's accent colour above its text; the type is set a little
smaller (down to 80 %) before a second page is accepted.
"""

from __future__ import annotations

import io

from app.exports.press.advisory import AdvisoryDoc, labels
from app.exports.press.pdf import ACCENT, FAMILY, _logo, _register


def _story(doc: AdvisoryDoc, scale: float, width: float) -> list:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

    from app.exports.fonts import markup

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
        "body": st("body", 11, 15.5),
    }
    lab = labels(doc.language)
    story: list = []
    logo = _logo(doc.org_logo, 18 * mm, 60 * mm)
    name = Paragraph(markup(doc.org_name.strip()), s["org"]) if doc.org_name.strip() else None
    if logo or name:
        cells = [c for c in (logo, name) if c is not None]
        widths = ([logo.drawWidth + 5 * mm] if logo else []) + ([0] if name else [])
        if name:
            widths[-1] = width - sum(widths[:-1])
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
        story += [head, Spacer(1, 3 * mm)]
        story.append(HRFlowable(width="100%", thickness=0.8, color=HexColor(ACCENT)))
        story.append(Spacer(1, 6 * mm * scale))
    story.append(Paragraph(markup(lab.kicker), s["kicker"]))
    story.append(Paragraph(markup(doc.headline.strip()), s["headline"]))
    for label, text in doc.blocks:
        story.append(Paragraph(markup(label), s["label"]))
        for line in text.strip().splitlines():
            story.append(Paragraph(markup(line) or "&nbsp;", s["body"]))
    return story


def _build(doc: AdvisoryDoc, *, scale: float, size, total: int) -> tuple[bytes, int]:
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    margin = 20 * mm
    pages: list[int] = []

    def on_page(canvas, d) -> None:
        pages.append(d.page)
        if total > 1:
            canvas.saveState()
            canvas.setFont(FAMILY, 8)
            canvas.drawRightString(size[0] - margin, 10 * mm, f"{d.page} / {total}")
            canvas.restoreState()

    buf = io.BytesIO()
    pdf = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=doc.headline.strip(),
        author=doc.org_name,
        subject=labels(doc.language).kicker,
        creator="Cortège",
        lang=doc.language.replace("_", "-"),
        displayDocTitle=True,
    )
    pdf.build(_story(doc, scale, size[0] - 2 * margin), onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue(), len(pages)


def render_pdf(doc: AdvisoryDoc, *, paper: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4, LETTER

    from app.exports.runsheet.data import paper_for

    size = LETTER if paper_for(doc.country, paper) == "letter" else A4
    for scale in (1.0, 0.9, 0.8):
        data, pages = _build(doc, scale=scale, size=size, total=1)
        if pages == 1:
            return data
    return _build(doc, scale=0.8, size=size, total=pages)[0]
