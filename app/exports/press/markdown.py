"""The small Markdown subset a release body is written in, parsed safely.

Paragraphs are separated by blank lines; inside one, ``**bold**``, ``*italic*`` and
``[text](https://link)`` are recognised; a backslash makes the next character literal.
Everything else is text: renderers escape it for their format, so nothing a user types can
inject markup into the HTML, the PDF or an e-mail. Links must be http(s) or mailto; any other
target (``javascript:``…) leaves the whole construct as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

_SAFE_LINK = re.compile(r"^(https?://|mailto:)[^\s<>\"']+$", re.IGNORECASE)
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
_ESCAPABLE = set("\\*[]()_")


@dataclass(frozen=True)
class Span:
    """A run of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


Paragraph = list[Span]


def _tokens(text: str) -> list[tuple[str, str, str]]:
    """(kind, value, href): kind is 'text', '**', '*' or 'link'."""
    out: list[tuple[str, str, str]] = []
    buf: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == "[":
            m = _LINK.match(text, i)
            if m and _SAFE_LINK.match(m.group(2)):
                if buf:
                    out.append(("text", "".join(buf), ""))
                    buf = []
                out.append(("link", m.group(1), m.group(2)))
                i = m.end()
                continue
        if ch == "*":
            marker = "**" if text.startswith("**", i) else "*"
            if buf:
                out.append(("text", "".join(buf), ""))
                buf = []
            out.append((marker, marker, ""))
            i += len(marker)
            continue
        buf.append(ch)
        i += 1
    if buf:
        out.append(("text", "".join(buf), ""))
    return out


def _pair(tokens: list[tuple[str, str, str]]) -> set[int]:
    """Indexes of markers that open or close a style; the others are literal asterisks."""

    def before(i: int) -> str:
        return tokens[i - 1][1][-1:] if i > 0 and tokens[i - 1][0] == "text" else ""

    def after(i: int) -> str:
        return tokens[i + 1][1][:1] if i + 1 < len(tokens) and tokens[i + 1][0] == "text" else ""

    matched: set[int] = set()
    open_at: dict[str, int | None] = {"**": None, "*": None}
    for i, (kind, _value, _href) in enumerate(tokens):
        if kind not in open_at:
            continue
        start = open_at[kind]
        if start is not None and not before(i).isspace() and i - start > 1:
            matched.update((start, i))
            open_at[kind] = None
        elif i + 1 < len(tokens) and not after(i).isspace():
            open_at[kind] = i
    return matched


def parse_inline(text: str) -> Paragraph:
    tokens = _tokens(text)
    matched = _pair(tokens)
    spans: list[Span] = []
    bold = italic = False
    for i, (kind, value, href) in enumerate(tokens):
        if i in matched:
            if kind == "**":
                bold = not bold
            else:
                italic = not italic
            continue
        if kind == "link":
            spans.append(Span(value, bold, italic, href))
            continue
        if spans and spans[-1].bold == bold and spans[-1].italic == italic and not spans[-1].href:
            spans[-1] = Span(spans[-1].text + value, bold, italic)
        else:
            spans.append(Span(value, bold, italic))
    return spans


def parse(text: str) -> list[Paragraph]:
    """Paragraphs (blank-line separated; single line breaks become spaces) of styled spans."""
    blocks = re.split(r"\n[ \t]*\n", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            out.append(parse_inline(joined))
    return out


# --- renderers -------------------------------------------------------------------------------


def to_html(paragraph: Paragraph) -> str:
    parts = []
    for s in paragraph:
        piece = html.escape(s.text, quote=False)
        if s.href:
            piece = f'<a href="{html.escape(s.href, quote=True)}">{piece}</a>'
        if s.italic:
            piece = f"<em>{piece}</em>"
        if s.bold:
            piece = f"<strong>{piece}</strong>"
        parts.append(piece)
    return "".join(parts)


def to_reportlab(
    paragraph: Paragraph, *, link_color: str = "#1a4f8b", escape: Callable[[str], str] | None = None
) -> str:
    """Markup for reportlab's Paragraph (its own mini-XML: only &, < and > need escaping)."""
    esc = escape or (lambda t: html.escape(t, quote=False))
    parts = []
    for s in paragraph:
        piece = esc(s.text)
        if s.href:
            href = html.escape(s.href, quote=True)
            piece = f'<a href="{href}" color="{link_color}"><u>{piece}</u></a>'
        if s.italic:
            piece = f"<i>{piece}</i>"
        if s.bold:
            piece = f"<b>{piece}</b>"
        parts.append(piece)
    return "".join(parts)


def to_text(paragraph: Paragraph) -> str:
    """Plain text: markers removed, links written as ``text (url)``."""
    return "".join(text for text, _face in to_faces(paragraph))


def to_faces(paragraph: Paragraph) -> list[tuple[str, int]]:
    """``(text, face)`` pieces for the shaped PDF path (face: 1 bold, 2 italic, 3 both), links
    written as ``text (url)`` as in plain text."""
    parts = []
    for s in paragraph:
        text = s.text
        if s.href:
            target = s.href[7:] if s.href.lower().startswith("mailto:") else s.href
            text = s.text if s.text == target else f"{s.text} ({target})"
        parts.append((text, int(s.bold) | (2 if s.italic else 0)))
    return parts
