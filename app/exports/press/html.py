"""A clean HTML body for e-mail or the web: inline styles only, every user text escaped."""

from __future__ import annotations

from html import escape as _escape

from app.exports.press.document import ReleaseDoc, layout
from app.exports.press.markdown import to_html, to_text
from app.exports.shaping import base_direction

_P = "margin:0 0 1em 0;"


def escape(text: str, *, quote: bool = False) -> str:
    """Text nodes need only &, < and > escaped; attributes also get quotes escaped."""
    return _escape(text, quote=quote)


def direction(lang: str) -> str:
    """ "rtl" for a language written right to left (Arabic, Hebrew, Persian…), else "ltr"."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse((lang or "en").replace("-", "_")).text_direction
    except (UnknownLocaleError, ValueError):
        return "ltr"


def render_body(doc: ReleaseDoc) -> str:
    """The release as a fragment (what the editor's preview and the e-mail body show)."""
    lay = layout(doc)
    side = "right" if direction(doc.language) == "rtl" else "left"  # the quote's rule
    out: list[str] = [
        '<div style="font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;'
        f'color:#1b1b1b;max-width:42em;" dir="{direction(doc.language)}">'
    ]
    if doc.org_name.strip():
        out.append(
            '<p dir="auto" style="margin:0 0 .3em 0;font-size:13px;color:#555;'
            'letter-spacing:.05em;">'
            f"{escape(doc.org_name.strip())}</p>"
        )
    out.append(
        '<p style="margin:0;font-size:12px;font-weight:bold;letter-spacing:.08em;color:#555;">'
        f"{escape(lay.kicker)}</p>"
    )
    out.append(
        '<p style="margin:.2em 0 1.2em 0;font-weight:bold;color:#a4161a;">'
        f"{escape(lay.embargo)}</p>"
    )
    out.append(
        '<h1 dir="auto" style="font-size:24px;line-height:1.25;margin:0 0 .4em 0;">'
        f"{escape(lay.headline)}</h1>"
    )
    if lay.subheadline:
        out.append(
            f'<p dir="auto" style="{_P}font-size:17px;font-style:italic;color:#333;">'
            f"{escape(lay.subheadline)}</p>"
        )
    for i, para in enumerate(lay.paragraphs):
        lead, way = "", "auto"
        if i == 0 and lay.dateline:
            # the paragraph's own direction, not the dateline's: "dir=auto" would take it from
            # a Latin city ("PARIS، 20 ديسمبر …") and set an Arabic paragraph left to right
            lead = f"<strong>{escape(lay.dateline)}</strong> "
            way = base_direction(f"{to_text(para)} {lay.dateline}")
        out.append(f'<p dir="{way}" style="{_P}">{lead}{to_html(para)}</p>')
    if not lay.paragraphs and lay.dateline:
        out.append(
            f'<p dir="{base_direction(lay.dateline)}" style="{_P}">'
            f"<strong>{escape(lay.dateline)}</strong></p>"
        )
    for text, speaker in lay.quotes:
        cite = f'<br><span style="font-style:normal;">{escape(speaker)}</span>' if speaker else ""
        out.append(
            f'<blockquote dir="auto" style="margin:0 0 1em 0;padding:.2em 0 .2em 0;'
            f'padding-{side}:1em;border-{side}:3px solid #999;font-style:italic;">'
            f"{escape(text)}{cite}</blockquote>"
        )
    out.append(f'<p style="{_P}text-align:center;">{escape(lay.end_mark)}</p>')
    if lay.notes:
        out.append(
            f'<h2 style="font-size:16px;margin:1.2em 0 .3em 0;">{escape(lay.notes_heading)}</h2>'
        )
        out.extend(f'<p dir="auto" style="{_P}font-size:14px;">{to_html(p)}</p>' for p in lay.notes)
    if lay.about_heading:
        out.append(
            f'<h2 style="font-size:16px;margin:1.2em 0 .3em 0;">{escape(lay.about_heading)}</h2>'
        )
        out.extend(f'<p dir="auto" style="{_P}font-size:14px;">{to_html(p)}</p>' for p in lay.about)
    if lay.contacts:
        out.append(
            f'<h2 style="font-size:16px;margin:1.2em 0 .3em 0;">{escape(lay.contact_heading)}</h2>'
        )
        for c in lay.contacts:
            bits = [escape(x.strip()) for x in (c.label, c.phone) if x.strip()]
            if c.email.strip():
                mail = escape(c.email.strip(), quote=True)
                bits.append(f'<a href="mailto:{mail}">{escape(c.email.strip())}</a>')
            out.append(f'<p dir="auto" style="margin:0;font-size:14px;">{" · ".join(bits)}</p>')
    out.append("</div>")
    return "\n".join(out)


def render_html(doc: ReleaseDoc) -> str:
    """A complete HTML document (the .html export and the e-mail's HTML part)."""
    lang = escape(doc.language.replace("_", "-"), quote=True)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}" dir="{direction(doc.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.headline.strip())}</title>\n</head>\n"
        f'<body style="margin:0;padding:16px;background:#ffffff;">\n{render_body(doc)}\n'
        "</body>\n</html>\n"
    )
