"""A platypus flowable for text that needs shaping or bidi ordering (see ``shaping``).

It wraps like a ``Paragraph`` (at spaces; a word wider than the line is cut between
characters), splits across pages line by line, aligns right-to-left paragraphs to the right and
hangs a bullet or number on the reading side.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.platypus.flowables import Flowable

from app.exports.fonts import BOLD, BOLD_ITALIC, ITALIC
from app.exports.shaping import Run, _cmap, _font_for, _levels, base_direction, shape

_STYLE_FACES = {BOLD: 1, ITALIC: 2, BOLD_ITALIC: 3}
_SPACES = str.maketrans({c: " " for c in "\t\r\n\u2028\u2029\u000b\u000c"})


def _itemize(
    parts: Sequence[tuple[str, int]], size: float, rtl: bool, face_style: int = 0
) -> list[Run]:
    text = "".join(t for t, _b in parts).translate(_SPACES)
    bolds = [int(b) | face_style for t, b in parts for _c in t]
    levels = _levels(text, rtl)
    runs: list[Run] = []
    previous: str | None = None
    for i, ch in enumerate(text):
        bold = bolds[i]
        space = ch == " "
        if space:  # a space takes the font of the text before it
            font = previous if previous and 32 in _cmap(previous) else _font_for("a", bold, None)
        else:
            font = previous = _font_for(ch, bold, previous)
        last = runs[-1] if runs else None
        if last and (last.font, last.level, last.bold, last.space) == (
            font,
            levels[i],
            bold,
            space,
        ):
            last.text += ch
        else:
            runs.append(Run(ch, font, size, levels[i], bold))
    for run in runs:
        shape(run)
    return runs


def _words(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into words and the spaces between them (each space group its own word)."""
    words: list[list[Run]] = []
    for run in runs:
        if words and not run.space and not words[-1][-1].space:
            words[-1].append(run)
        else:
            words.append([run])
    return words


def _width(word: list[Run]) -> float:
    return sum(r.width for r in word)


def _cut(word: list[Run], width: float) -> tuple[list[Run], list[Run]]:
    """The longest head of ``word`` that fits ``width`` (at least one character) and the rest,
    cut where no combining mark or joiner follows."""
    text = "".join(r.text for r in word)
    owners = [r for r in word for _c in r.text]
    cuts = [
        i
        for i in range(1, len(text))
        if unicodedata.category(text[i])[0] != "M"
        and text[i] not in "\u200c\u200d\ufe0f"
        and text[i - 1] != "\u200d"
    ]
    if not cuts:
        return word, []

    def pieces(lo: int, hi: int) -> list[Run]:
        out: list[Run] = []
        for i in range(lo, hi):
            r = owners[i]
            if (
                out
                and out[-1].font == r.font
                and out[-1].level == r.level
                and (out[-1].bold == r.bold)
            ):
                out[-1].text += text[i]
            else:
                out.append(Run(text[i], r.font, r.size, r.level, r.bold))
        return [shape(p) for p in out]

    # Where each character ends, from the advances of the glyphs already shaped; the head is
    # shaped again once cut (its last letters may change form) and shortened if it grew.
    advance = [0.0] * len(text)
    start = 0
    for run in word:
        for glyph in run.glyphs or []:
            advance[min(start + glyph.cluster, len(text) - 1)] += glyph.advance
        start += len(run.text)
    ends, total = [], 0.0
    for a in advance:
        total += a
        ends.append(total)
    fitting = [c for c in cuts if ends[c - 1] <= width] or cuts[:1]
    k = len(fitting) - 1
    head = pieces(0, fitting[k])
    while k > 0 and _width(head) > width:
        k -= 1
        head = pieces(0, fitting[k])
    return head, pieces(fitting[k], len(text))


def _break(words: list[list[Run]], widths: list[float]) -> list[list[Run]]:
    lines: list[list[Run]] = []
    line: list[Run] = []
    used = 0.0
    queue = list(words)
    while queue:
        word = queue.pop(0)
        avail = widths[min(len(lines), len(widths) - 1)]
        if word[0].space:
            if line:
                line += word
                used += _width(word)
            continue
        w = _width(word)
        trailing = sum(r.width for r in line if r.space and r is line[-1])
        if line and used - trailing + w > avail:
            lines.append(_trim(line))
            line, used = [], 0.0
        if not line and w > avail:
            head, rest = _cut(word, avail)
            lines.append(head)
            if rest:
                queue.insert(0, rest)
            continue
        line += word
        used += w
    if line:
        lines.append(_trim(line))
    return [ln for ln in lines if ln] or [[]]


def _trim(line: list[Run]) -> list[Run]:
    while line and line[-1].space:
        line = line[:-1]
    return line


def _visual(line: list[Run], base: int) -> list[Run]:
    """Rule L2 of UAX #9 on runs: reverse every sequence at or above each odd level."""
    levels = [max(r.level, base) for r in line]
    out = list(line)
    if not out:
        return out
    top = max(levels)
    lowest_odd = min(lv for lv in levels if lv % 2) if any(lv % 2 for lv in levels) else top + 1
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(out):
            if levels[i] >= level:
                j = i
                while j < len(out) and levels[j] >= level:
                    j += 1
                out[i:j] = out[i:j][::-1]
                levels[i:j] = levels[i:j][::-1]
                i = j
            else:
                i += 1
    return out


class ShapedParagraph(Flowable):
    """``parts`` (text, face: bold, or 0-3 with 2 for italic) laid out with ``style``'s font
    size, leading, colour, indents and alignment; right-to-left when the first strong
    character of ``direction_of`` (by default the text itself) is right-to-left."""

    def __init__(
        self,
        parts: Sequence[tuple[str, bool]],
        style,
        *,
        bullet: str = "",
        direction_of: str | None = None,
        _lines: list[list[Run]] | None = None,
        rtl: bool | None = None,
    ) -> None:
        super().__init__()
        self.parts = list(parts)
        self.style = style
        self.bullet = bullet
        text = "".join(t for t, _b in self.parts)
        self.rtl = rtl if rtl is not None else base_direction(direction_of or text) == "rtl"
        self._lines = _lines
        self._for_width: float | None = None if _lines is None else -1.0
        self._runs: list[Run] | None = None

    # platypus protocol ---------------------------------------------------------------------
    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus's name
        return self.style.spaceAfter

    def getKeepWithNext(self) -> bool:  # noqa: N802 - platypus's name
        # The flowable's own value first, as platypus's Flowable does: once a heading and its
        # paragraph are split across pages, platypus sets ``keepWithNext = 0`` on the heading;
        # reading the style alone grouped them again on every page, forever.
        if "keepWithNext" in self.__dict__:
            return bool(self.__dict__["keepWithNext"])
        return bool(getattr(self.style, "keepWithNext", False))

    def _indent(self) -> float:
        return self.style.leftIndent + self.style.rightIndent

    def _layout(self, width: float) -> list[list[Run]]:
        if self._lines is not None and (self._for_width == -1.0 or self._for_width == width):
            return self._lines
        if self._runs is None:
            face = _STYLE_FACES.get(self.style.fontName, 0)
            self._runs = _itemize(self.parts, self.style.fontSize, self.rtl, face)
        avail = max(width - self._indent(), self.style.fontSize)
        first = max(avail - self.style.firstLineIndent, self.style.fontSize)
        self._lines = _break(_words(self._runs), [first, avail])
        self._for_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
        lines = self._layout(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        head = ShapedParagraph(
            self.parts, self.style, bullet=self.bullet, _lines=lines[:fit], rtl=self.rtl
        )
        tail = ShapedParagraph(self.parts, self.style, _lines=lines[fit:], rtl=self.rtl)
        head.style = _no_space(self.style, after=True)
        tail.style = _no_space(self.style, after=False)
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        lines = self._layout(self.width)
        color = style.textColor
        canv.saveState()
        canv.setFillColor(color)
        # The first baseline one font size below the top, as reportlab's Paragraph and table
        # strings set theirs: a shaped cell then sits on the same line as its neighbours.
        y = self.height - style.fontSize
        align = style.alignment
        if self.rtl and align in (TA_LEFT, TA_JUSTIFY):
            align = TA_RIGHT
        left, right = style.leftIndent, self.width - style.rightIndent
        if self.rtl:  # indents mirror for right-to-left text
            left, right = style.rightIndent, self.width - style.leftIndent
        for n, line in enumerate(lines):
            runs = _visual(line, 1 if self.rtl else 0)
            total = sum(r.width for r in runs)
            indent = style.firstLineIndent if n == 0 else 0
            if align == TA_RIGHT:
                x = right - indent - total if self.rtl else right - total
            elif align == TA_CENTER:
                x = left + (right - left - total) / 2
            else:
                x = left + indent
            if n == 0 and self.bullet:
                self._draw_bullet(x, y, total)
            _draw_line(canv, x, y, runs)
            y -= style.leading
        canv.restoreState()

    def _draw_bullet(self, x: float, y: float, total: float) -> None:
        style = self.style
        size = style.fontSize
        font = _font_for(self.bullet[:1] or "•", False, None)
        if self.rtl:
            self.canv.setFont(font, size)
            self.canv.drawRightString(self.width - style.bulletIndent, y, self.bullet)
        else:
            self.canv.setFont(font, size)
            self.canv.drawString(style.bulletIndent, y, self.bullet)


def _draw_line(canv, x: float, y: float, runs: list[Run]) -> None:
    """The runs' glyphs, left to right, as TJ arrays placing each glyph where harfbuzz put it,
    in one text object with as few font changes as possible: text extractors then read the
    line as one string (and reverse right-to-left stretches of it as a whole)."""
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfbase.pdfmetrics import getFont

    doc = canv._doc
    code = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
    items: list[str] = []
    pen = start = rise = 0.0  # the PDF's pen, the current run's start, the rise: from x
    current = None
    size = 0.0

    def flush() -> None:
        if items:
            code.append(f"[{' '.join(items)}] TJ")
            items.clear()

    for run in runs:
        font = getFont(run.font)
        widths = font.face.charWidths
        for glyph in run.glyphs or []:
            pieces = font.splitString(glyph.code, doc)
            if not pieces:
                continue
            subset, data = pieces[0]
            if (run.font, subset, run.size) != current:
                flush()
                size = run.size
                code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf")
                current = (run.font, subset, run.size)
            if glyph.y != rise:
                flush()
                code.append(f"{fp_str(glyph.y)} Ts")
                rise = glyph.y
            target = start + glyph.x
            if abs(target - pen) > 1e-4:
                items.append(fp_str(-(target - pen) * 1000 / size))
            items.append(f"({canv._escape(data)})")
            pen = target + widths.get(ord(glyph.code), 0) * size / 1000
        start += run.width
    flush()
    if rise:
        code.append("0 Ts")
    code.append("ET")
    canv._code.append(" ".join(code))


def draw_text(
    canv, x: float, y: float, text: str, *, size: float, bold: bool = False, anchor: str = "start"
) -> None:
    """One line of ``text`` on a canvas (headers, footers), shaped and ordered; ``anchor``
    says whether ``x`` is its left end ("start"), right end ("end") or middle."""
    rtl = base_direction(text) == "rtl"
    runs = _visual(_trim(_itemize([(text, bold)], size, rtl)), 1 if rtl else 0)
    total = sum(r.width for r in runs)
    left = {"end": x - total, "middle": x - total / 2}.get(anchor, x)
    _draw_line(canv, left, y, runs)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` on one line as it will be drawn, shaped (an Arabic word in its
    own font is wider than reportlab's ``stringWidth`` measures it in the first font)."""
    rtl = base_direction(text) == "rtl"
    return sum(r.width for r in _trim(_itemize([(text, bold)], size, rtl)))


def _no_space(style, *, after: bool):
    from copy import copy

    out = copy(style)
    if after:
        out.spaceAfter = 0
    else:
        out.spaceBefore = 0
    return out
