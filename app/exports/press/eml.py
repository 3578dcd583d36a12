"""An e-mail draft (.eml) that any mail client opens: the release ready to send.

Subject = the embargo line, when there is one, then the headline; From = the first press
contact's address with a display name (the organisation's, or ``from_name``); ``Date`` and a
``Message-ID`` (made without asking the network for the host name); no To: the media list goes
in Bcc so journalists never see each other's addresses; a plain text part and its HTML
alternative; the PDF attached under the release's day and headline
(``2024-05-28 Funérailles de la vie privée.pdf``); ``X-Unsent: 1`` so Outlook and Thunderbird
open it as a draft to review and send.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from app.exports.press.document import ReleaseDoc, layout, release_day
from app.exports.press.html import render_html
from app.exports.press.pdf import render_pdf
from app.exports.press.text import render_text

_CRLF = policy.default.clone(linesep="\r\n")
# What no file system accepts in a name (Windows is the strictest), and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def one_line(text: str) -> str:
    """Headers are one line: any run of whitespace (a stray line break too) is one space."""
    return " ".join((text or "").split())


def file_name(day: datetime | None, title: str, *, fallback: str, ext: str = ".pdf") -> str:
    """``2024-05-28 Funérailles de la vie privée.pdf``: safe on every file system."""
    name = one_line(_UNSAFE.sub(" ", title or "")).strip(" .")[:120].strip(" .")
    head = day.date().isoformat() if day is not None else ""
    return " ".join(x for x in (head, name or fallback) if x) + ext


def attachment_name(doc: ReleaseDoc) -> str:
    return file_name(release_day(doc), doc.headline, fallback=doc.key or "release")


def subject(doc: ReleaseDoc) -> str:
    headline = one_line(doc.headline)
    if doc.embargo_until is None:
        return headline
    return f"{layout(doc).embargo} — {headline}"


def draft_headers(
    msg: EmailMessage, *, address: str, name: str, now: datetime | None = None
) -> None:
    """From (with its display name), Date and Message-ID of a draft."""
    if address:
        msg["From"] = Address(display_name=one_line(name), addr_spec=address)
    msg["Date"] = format_datetime(now or datetime.now(UTC))
    domain = address.rpartition("@")[2] if "@" in address else "cortege.invalid"
    msg["Message-ID"] = make_msgid(domain=domain)


def _bcc(msg: EmailMessage, bcc: list[str] | tuple[str, ...]) -> None:
    addresses = []
    for address in dict.fromkeys(a.strip() for a in bcc if a and a.strip()):
        local, _, domain = address.rpartition("@")
        addresses.append(Address(username=local, domain=domain))
    if addresses:
        msg["Bcc"] = addresses


def build_message(
    doc: ReleaseDoc,
    *,
    bcc: list[str] | tuple[str, ...] = (),
    pdf: bytes | None = None,
    from_name: str | None = None,
    now: datetime | None = None,
) -> EmailMessage:
    msg = EmailMessage(policy=policy.default)
    msg["Subject"] = subject(doc)
    name = doc.org_name if from_name is None else from_name
    draft_headers(msg, address=doc.from_address, name=name, now=now)
    _bcc(msg, bcc)
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
    doc: ReleaseDoc,
    *,
    bcc: list[str] | tuple[str, ...] = (),
    pdf: bytes | None = None,
    from_name: str | None = None,
    now: datetime | None = None,
) -> bytes:
    message = build_message(doc, bcc=bcc, pdf=pdf, from_name=from_name, now=now)
    return message.as_bytes(policy=_CRLF)


def render_advisory_eml(
    doc,
    *,
    bcc: list[str] | tuple[str, ...] = (),
    pdf: bytes | None = None,
    from_name: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """The media advisory as a draft: never under embargo, the PDF attached."""
    from zoneinfo import ZoneInfo

    from app.exports.press import advisory

    title = advisory.labels(doc.language).kicker.capitalize()
    msg = EmailMessage(policy=policy.default)
    msg["Subject"] = f"{title} — {one_line(doc.headline)}"
    name = doc.org_name if from_name is None else from_name
    draft_headers(msg, address=doc.from_address, name=name, now=now)
    _bcc(msg, bcc)
    msg["X-Unsent"] = "1"
    msg.set_content(advisory.render_text(doc))
    msg.add_alternative(advisory.render_html(doc), subtype="html")
    if pdf is None:
        from app.exports.press.advisory_pdf import render_pdf as advisory_pdf

        pdf = advisory_pdf(doc)
    day = doc.starts_at.astimezone(ZoneInfo(doc.timezone)) if doc.starts_at else None
    msg.add_attachment(
        pdf,
        maintype="application",
        subtype="pdf",
        filename=file_name(day, f"{title} — {doc.headline}", fallback=doc.key),
    )
    msg["Content-Language"] = doc.language.replace("_", "-")
    return msg.as_bytes(policy=_CRLF)
