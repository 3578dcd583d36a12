"""An e-mail draft (.eml) that any mail client opens: the release ready to send.

Subject = headline; From = the first press contact's address (with the organisation's name);
no To: the media list goes in Bcc so journalists never see each other's addresses; a plain text
part and its HTML alternative; the PDF attached; ``X-Unsent: 1`` so Outlook and Thunderbird
open it as a draft to review and send.
"""

from __future__ import annotations

from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

from app.exports.press.document import ReleaseDoc
from app.exports.press.html import render_html
from app.exports.press.pdf import render_pdf
from app.exports.press.text import render_text

_CRLF = policy.default.clone(linesep="\r\n")


def attachment_name(doc: ReleaseDoc) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in doc.key).strip("-")
    return f"{safe or 'release'}.pdf"


def build_message(
    doc: ReleaseDoc, *, bcc: list[str] | tuple[str, ...] = (), pdf: bytes | None = None
) -> EmailMessage:
    msg = EmailMessage(policy=policy.default)
    msg["Subject"] = doc.headline.strip()
    if doc.from_address:
        msg["From"] = Address(display_name=doc.org_name.strip(), addr_spec=doc.from_address)
    addresses = []
    for address in dict.fromkeys(a.strip() for a in bcc if a and a.strip()):
        local, _, domain = address.rpartition("@")
        addresses.append(Address(username=local, domain=domain))
    if addresses:
        msg["Bcc"] = addresses
    msg["X-Unsent"] = "1"
    msg.set_content(render_text(doc))
    msg.add_alternative(render_html(doc), subtype="html")
    msg.add_attachment(
        pdf if pdf is not None else render_pdf(doc),
        maintype="application",
        subtype="pdf",
        filename=attachment_name(doc),
    )
    # After the bodies: set_content() drops every Content-* header set before it.
    msg["Content-Language"] = doc.language.replace("_", "-")
    return msg


def render_eml(
    doc: ReleaseDoc, *, bcc: list[str] | tuple[str, ...] = (), pdf: bytes | None = None
) -> bytes:
    return build_message(doc, bcc=bcc, pdf=pdf).as_bytes(policy=_CRLF)
