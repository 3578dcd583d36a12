"""Text shaping and bidirectional layout for the PDF exports.

reportlab lays out Latin, Greek and Cyrillic well, but on its own it neither shapes (Arabic
letters unjoined, Devanagari's pre-base vowel sign after its consonant) nor orders
right-to-left text; its bidi support needs ``rlbidi`` (not on PyPI) and is switched off for
paragraphs with more than one font, which is every paragraph with a fallback script. So text
that needs it is laid out here:

1. each character gets a font: the script's font (Noto Sans Arabic, Noto Sans Devanagari) or the
   first font of the chain that has the glyph (DejaVu Sans, then Noto Sans Symbols 2 for
   pictographs); neutrals (spaces, digits, punctuation) stay with their neighbours' font;
2. the Unicode bidi algorithm (``python-bidi``) gives each character its embedding level, the
   paragraph's direction coming from its first strong character (like HTML's ``dir="auto"``);
3. runs of one font, level and weight are shaped by harfbuzz (``uharfbuzz``) in their direction;
4. lines are broken at spaces (a word longer than a line is cut between characters), and each
   line's runs are put in visual order (rule L2);
5. every glyph is drawn at the position harfbuzz gave it, but written to the PDF in *logical*
   order (right-to-left runs in the visual order text extractors expect) with a ToUnicode entry
   holding the characters it stands for, so that copying or extracting the text gives back what
   the user typed.

Text that needs none of this (no right-to-left, complex-script or combining character, every
glyph in the base font) is left to reportlab's own ``Paragraph``: shaping costs nothing there.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from app.exports.fonts import (
    ACTUAL_TEXT,
    ARABIC,
    ARABIC_BOLD,
    BOLD,
    BOLD_ITALIC,
    DEVANAGARI,
    DEVANAGARI_BOLD,
    ITALIC,
    REGULAR,
    SYMBOLS,
    emoji_font,
    register_fonts,
)
from app.i18n import first_strong

# Letters that are only printed right with shaping, or right-to-left.
_ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_DEVANAGARI = ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))
_HEBREW = ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))
_COMPLEX = (*_ARABIC, *_DEVANAGARI, *_HEBREW, (0x0300, 0x036F), (0x200B, 0x200F), (0x202A, 0x202E))
_COMPLEX += ((0x2066, 0x2069), (0xFE00, 0xFE0F), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F))

# Faces: 0 regular, 1 bold, 2 italic, 3 bold italic (``True`` is bold).
_CHAINS = {
    0: (REGULAR, SYMBOLS),
    1: (BOLD, SYMBOLS),
    2: (ITALIC, REGULAR, SYMBOLS),
    3: (BOLD_ITALIC, BOLD, SYMBOLS),
}
_SCRIPT_FONT = {
    ("arabic", False): ARABIC,
    ("arabic", True): ARABIC_BOLD,
    ("devanagari", False): DEVANAGARI,
    ("devanagari", True): DEVANAGARI_BOLD,
}


def _in(cp: int, ranges) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


@lru_cache(maxsize=1)
def _simple_chars() -> frozenset[str]:
    """Characters reportlab prints correctly unshaped: in DejaVu Sans (regular and bold), not
    part of a complex script, not a combining mark or a format character."""
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    regular = getFont(REGULAR).face.charToGlyph
    bold = getFont(BOLD).face.charToGlyph
    out = set()
    for cp in regular:
        if cp in bold and cp < 0x30000 and not _in(cp, _COMPLEX):
            ch = chr(cp)
            if unicodedata.category(ch) not in ("Mn", "Me", "Cf", "Co", "Cs"):
                out.add(ch)
    return frozenset(out)


def needs_shaping(text: str | None) -> bool:
    """True when ``text`` must go through the shaping engine rather than a plain paragraph."""
    if not text or text.isascii():
        return False
    simple = _simple_chars()
    return any(ch not in simple for ch in text)


def is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def base_direction(text: str | None) -> str:
    """``"rtl"`` when the first strong character of ``text`` is right-to-left, else ``"ltr"``
    (the rule of HTML's ``dir="auto"``), what is inside an isolate not counted (rule P2)."""
    return first_strong(text) or "ltr"


def start_side(direction: str) -> str:
    """Where a line of ``direction`` starts: "right" for "rtl", else "left" (a CSS
    ``text-align``; ``pdfkit.aligned_to`` sets a PDF style the same way)."""
    return "right" if direction == "rtl" else "left"


# --- fonts ----------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _cmap(font_name: str) -> dict[int, int]:
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    return getFont(font_name).face.charToGlyph


def _script(cp: int) -> str | None:
    if _in(cp, _ARABIC):
        return "arabic"
    if _in(cp, _DEVANAGARI):
        return "devanagari"
    return None


def _is_neutral(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "MPZSN" or cat in ("Cf", "Cc")


def _in_face(font: str, bold: int) -> bool:
    """True when ``font`` may set text of face ``bold``: punctuation and digits after a bold
    run stay in it only when they are bold too ("Скорбящий" bold, " (2 of 2)" regular)."""
    weight = bool(bold & 1)
    return (
        font in _CHAINS[int(bold)]
        or font in {f for (_s, b), f in _SCRIPT_FONT.items() if b == weight}
        or font not in {f for chain in _CHAINS.values() for f in chain} | set(_SCRIPT_FONT.values())
    )


def _font_for(ch: str, bold: int, previous: str | None) -> str:
    """The font for ``ch`` in face ``bold`` (0-3, see ``_CHAINS``) after a run in ``previous``."""
    cp = ord(ch)
    script = _script(cp)
    if script:
        return _SCRIPT_FONT[(script, bool(bold & 1))]
    if previous and _is_neutral(ch) and cp in _cmap(previous) and _in_face(previous, bold):
        return previous
    if unicodedata.category(ch) in ("Mn", "Me", "Cf") and previous:
        return previous
    if unicodedata.category(ch) == "Cf" and cp < 0xE0000:  # tags belong to an emoji flag
        # an invisible mark first (an isolate around a name, a bidi mark): the text's own font,
        # not the first font that happens to list it (the emoji one, whose digits are serif)
        return _CHAINS[int(bold)][0]
    for name in _CHAINS[int(bold)]:
        if cp in _cmap(name):
            return name
    if cp >= 0x2000 and cp in _cmap(emoji_font()):  # loaded only when a document needs it
        return emoji_font()
    return _CHAINS[int(bold)][0]


def in_face(text: str, face: int) -> bool:
    """True when every character of ``text`` is in the first font of ``face``."""
    cmap = _cmap(_CHAINS[int(face)][0])
    return all(ord(c) in cmap for c in text)


# --- bidi -----------------------------------------------------------------------------------
# python-bidi's algorithm predates isolates (UAX #9 6.3): ``_levels`` resolves balanced ones
# itself; a stray mark left over is read as the embedding it most resembles.
_ISOLATES = str.maketrans(
    {"\u2066": "\u202a", "\u2067": "\u202b", "\u2068": "\u202a", "\u2069": "\u202c"}
)


_OPENERS = {"\u2066": "ltr", "\u2067": "rtl", "\u2068": None}  # LRI, RLI, FSI (first strong)
_PDI = "\u2069"


def _isolates(text: str) -> list[tuple[int, int, str | None]]:
    """The outermost isolates of ``text``: (initiator's index, its PDI's index or the end, kind)."""
    spans: list[tuple[int, int, str | None]] = []
    depth, start, kind = 0, 0, None
    for i, c in enumerate(text):
        if c in _OPENERS:
            if depth == 0:
                start, kind = i, _OPENERS[c]
            depth += 1
        elif c == _PDI and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i, kind))
    if depth:  # never closed: it runs to the end of the paragraph
        spans.append((start, len(text), kind))
    return spans


def _levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of every character (rules P to I of UAX #9), isolates
    included: a name set in FSI … PDI inside a line is one neutral to the words around it and is
    ordered within by its own first strong letter, so "Le Monde · 29/05/2024" in an Arabic line
    keeps the date whole (python-bidi's levels predate isolates; its embeddings are no
    substitute: the "29" would join "Le Monde")."""
    base = 1 if rtl else 0
    if not any(is_rtl_char(c) for c in text) and not rtl:
        return [0] * len(text)
    spans = _isolates(text)
    if not spans:
        return _flat_levels(text, rtl)
    outer = list(text)
    for start, end, _kind in spans:
        outer[start : end + 1] = "\ufffc" * (min(end + 1, len(text)) - start)  # one neutral
    levels = _flat_levels("".join(outer), rtl)
    for start, end, kind in spans:
        inner = text[start + 1 : end]
        if not inner:
            continue
        inner_rtl = kind == "rtl" if kind else base_direction(inner) == "rtl"
        # the least level above the paragraph's of the isolate's own direction (X5a-X5c)
        target = base + 1 if (base + 1) % 2 == int(inner_rtl) else base + 2
        shift = target - int(inner_rtl)
        levels[start + 1 : end] = [lv + shift for lv in _levels(inner, inner_rtl)]
    return levels


def _flat_levels(text: str, rtl: bool) -> list[int]:
    """The levels of a text without isolates (rules P to I of UAX #9, python-bidi's)."""
    base = 1 if rtl else 0
    from bidi import algorithm as uba

    try:
        storage = uba.get_empty_storage()
        storage["base_level"] = base
        storage["base_dir"] = "R" if rtl else "L"
        uba.get_embedding_levels(text.translate(_ISOLATES), storage)
        uba.explicit_embed_and_overrides(storage)
        uba.resolve_weak_types(storage)
        uba.resolve_neutral_types(storage, False)
        uba.resolve_implicit_levels(storage, False)
        levels = [c["level"] for c in storage["chars"]]
    except (AssertionError, KeyError, IndexError, ValueError):
        levels = []
    if len(levels) != len(text):  # marks removed, or an input the algorithm refused
        return [base + (1 if is_rtl_char(c) != rtl else 0) for c in text]
    return levels


# --- shaping --------------------------------------------------------------------------------
@dataclass
class Glyph:
    code: str  # the character written to the PDF (a private one when the glyph needs it)
    x: float  # offset from the run's start, in points
    y: float
    cluster: int = 0  # the index in the run's text of the first character it stands for
    advance: float = 0.0  # in points


@dataclass
class Run:
    text: str
    font: str
    size: float
    level: int
    bold: int  # the face: 0 regular, 1 bold, 2 italic, 3 bold italic
    width: float = 0.0
    glyphs: list[Glyph] | None = None

    @property
    def space(self) -> bool:
        """Ordinary spaces only, where a line may break: a no-break space ("9:30\u00a0ص") in a
        run of its own between two bidi levels is part of its word."""
        return bool(self.text) and not self.text.strip(" ")


_PRIVATE: dict[str, dict[tuple[int, str], int]] = {}  # font -> (glyph, text) -> private code
_ALLOCATING = threading.Lock()


@lru_cache(maxsize=16)
def _hb_font(font_name: str):
    import uharfbuzz as hb
    from reportlab.pdfbase.pdfmetrics import getFont

    face = hb.Face(hb.Blob(getFont(font_name).face._ttf_data))
    return hb.Font(face), face.upem


def _code_for(font_name: str, gid: int, text: str, advance: float) -> str:
    """A character that the font maps to glyph ``gid`` and whose ToUnicode text is ``text``."""
    from reportlab.pdfbase.pdfmetrics import getFont

    face = getFont(font_name).face
    if len(text) == 1 and face.charToGlyph.get(ord(text)) == gid:
        return text
    table = _PRIVATE.setdefault(font_name, {})
    key = (gid, text)
    code = table.get(key)
    if code is not None:
        return chr(code)
    with _ALLOCATING:  # a preview and a batch may lay out in two threads at once
        return chr(_allocate(face, table, key, advance))


def _allocate(face, table: dict, key: tuple[int, str], advance: float) -> int:
    gid, text = key
    code = table.get(key)
    if code is None:
        code = 0xE000 + len(table)
        while code in face.charToGlyph:
            code += 1
        if code > 0xF8FF:  # the private area is full: the glyph's own character, if any
            return ord(text[:1] or " ")
        face.charToGlyph[code] = gid
        face.glyphToChar.setdefault(gid, []).append(code)
        face.charWidths[code] = advance
        table[key] = code
        name = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
        ACTUAL_TEXT.setdefault(name, {})[code] = text
    return code


def shape(run: Run) -> Run:
    """Shape ``run`` with harfbuzz in its direction: its glyphs in visual order, and its width.

    Each glyph gets a code whose ToUnicode text is its share of the characters of its cluster,
    shared out so that reading the glyphs in visual order (reversed for a right-to-left run, as
    text extractors do) gives the characters in logical order."""
    import uharfbuzz as hb

    font, upem = _hb_font(run.font)
    buf = hb.Buffer()
    buf.add_str(run.text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if run.level % 2 else "ltr"
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(font, buf, {"kern": True, "liga": True})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    scale = run.size / upem
    texts = _glyph_texts(run.text, [i.cluster for i in infos], rtl=bool(run.level % 2))
    glyphs, pen = [], 0.0
    for info, pos, text in zip(infos, positions, texts, strict=True):
        code = _code_for(run.font, info.codepoint, text, pos.x_advance * 1000 / upem)
        glyphs.append(
            Glyph(
                code,
                (pen + pos.x_offset) * scale,
                pos.y_offset * scale,
                info.cluster,
                pos.x_advance * scale,
            )
        )
        pen += pos.x_advance
    run.glyphs = glyphs
    run.width = pen * scale
    return run


def _glyph_texts(text: str, clusters: list[int], *, rtl: bool) -> list[str]:
    """Share each cluster's characters among its glyphs: one each in reading order, the last
    glyph of the cluster (in reading order) taking what is left over."""
    starts = sorted(set(clusters))
    ends = {c: (starts[k + 1] if k + 1 < len(starts) else len(text)) for k, c in enumerate(starts)}
    members: dict[int, list[int]] = {}
    for i, c in enumerate(clusters):
        members.setdefault(c, []).append(i)
    out = [""] * len(clusters)
    for c, idx in members.items():
        chars = text[c : ends[c]]
        reading = idx[::-1] if rtl else idx  # glyphs in visual order; rtl reads them backwards
        for k, i in enumerate(reading):
            if k == len(reading) - 1:
                out[i] = chars[k:]
            else:
                out[i] = chars[k] if k < len(chars) else ""
    return out
