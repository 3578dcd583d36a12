"""Press releases for journalists: PDF on the letterhead, plain text, HTML, e-mail draft.

``app.services.press_docs.load_release(session, id)`` reads a release into a ``ReleaseDoc``;
``render(doc, fmt)`` turns it into bytes. Labels and dates follow the *release's* language (see
``conventions``).
"""

from __future__ import annotations

from app.exports.press.document import ReleaseDoc, layout

FORMATS = ("pdf", "txt", "html", "eml")
EXTENSIONS = {"pdf": ".pdf", "txt": ".txt", "html": ".html", "eml": ".eml"}


def render(
    doc: ReleaseDoc,
    fmt: str,
    *,
    bcc: list[str] | tuple[str, ...] = (),
    from_name: str | None = None,
) -> bytes:
    """``from_name``: the e-mail's display name instead of the organisation's (eml only)."""
    if fmt == "pdf":
        from app.exports.press.pdf import render_pdf

        return render_pdf(doc)
    if fmt == "txt":
        from app.exports.press.text import render_text

        return render_text(doc).encode("utf-8")
    if fmt == "html":
        from app.exports.press.html import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "eml":
        from app.exports.press.eml import render_eml

        return render_eml(doc, bcc=bcc, from_name=from_name)
    raise ValueError(fmt)


def render_advisory(
    doc,
    fmt: str,
    *,
    bcc: list[str] | tuple[str, ...] = (),
    from_name: str | None = None,
) -> bytes:
    """A media advisory (``advisory.AdvisoryDoc``) in one of FORMATS."""
    from app.exports.press import advisory

    if fmt == "pdf":
        from app.exports.press.advisory_pdf import render_pdf

        return render_pdf(doc)
    if fmt == "txt":
        return advisory.render_text(doc).encode("utf-8")
    if fmt == "html":
        return advisory.render_html(doc).encode("utf-8")
    if fmt == "eml":
        from app.exports.press.eml import render_advisory_eml

        return render_advisory_eml(doc, bcc=bcc, from_name=from_name)
    raise ValueError(fmt)


__all__ = [
    "FORMATS",
    "EXTENSIONS",
    "ReleaseDoc",
    "layout",
    "render",
    "render_advisory",
]
