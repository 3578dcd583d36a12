"""Plain text, ready to paste into an e-mail: no markup, links as ``text (url)``."""

from __future__ import annotations

from app.exports.press.document import ReleaseDoc, layout
from app.exports.press.markdown import to_text


def contact_line(label: str, phone: str, email: str) -> str:
    return " · ".join(x for x in (label.strip(), phone.strip(), email.strip()) if x)


def render_text(doc: ReleaseDoc) -> str:
    lay = layout(doc)
    blocks: list[str] = [f"{lay.kicker}\n{lay.embargo}"]
    blocks.append("\n".join(x for x in (lay.headline, lay.subheadline) if x))
    paragraphs = [to_text(p) for p in lay.paragraphs]
    if lay.dateline:
        if paragraphs:
            paragraphs[0] = f"{lay.dateline} {paragraphs[0]}"
        else:
            paragraphs = [lay.dateline]
    blocks.extend(paragraphs)
    for text, speaker in lay.quotes:
        blocks.append(f"{text}\n{speaker}" if speaker else text)
    blocks.append(lay.end_mark)
    if lay.notes:
        blocks.append("\n".join([lay.notes_heading, *(to_text(p) for p in lay.notes)]))
    if lay.about_heading:
        blocks.append("\n".join([lay.about_heading, *(to_text(p) for p in lay.about)]))
    if lay.contacts:
        lines = [contact_line(c.label, c.phone, c.email) for c in lay.contacts]
        blocks.append("\n".join([lay.contact_heading, *lines]))
    return "\n\n".join(b for b in blocks if b) + "\n"
