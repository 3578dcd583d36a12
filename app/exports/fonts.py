"""The bundled fonts for every PDF export, and the fallback for scripts DejaVu does not cover.

DejaVu Sans prints Latin with accents, Greek, Cyrillic and Hebrew. Devanagari and Arabic print
in Noto Sans (regular and bold), pictographs and emoji that DejaVu lacks in Noto Sans
Symbols 2 or, failing that, Symbola (black and white: reportlab cannot embed colour emoji
fonts). Text in those scripts is shaped
and ordered by ``app.exports.shaping``; the fonts are registered shapable so that reportlab's
own shaping can be used too, but no paragraph style asks for it (see ``shaping``'s docstring).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

FONTS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"

REGULAR = "CortegeSans"
BOLD = "CortegeSans-Bold"
DEVANAGARI = "CortegeDevanagari"
ARABIC = "CortegeArabic"
DEVANAGARI_BOLD = "CortegeDevanagari-Bold"
ARABIC_BOLD = "CortegeArabic-Bold"
SYMBOLS = "CortegeSymbols"
ITALIC = "CortegeSans-Oblique"
BOLD_ITALIC = "CortegeSans-BoldOblique"
EMOJI = "CortegeEmoji"  # Symbola: 3 MB, registered on first use (see emoji_font)

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    DEVANAGARI_BOLD: "NotoSansDevanagari-Bold.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    SYMBOLS: "NotoSansSymbols2-Regular.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

# Text that private glyph codes stand for, by font face name: filled by the shaping engine,
# written into each font subset's ToUnicode map so that extracted text is what was typed.
ACTUAL_TEXT: dict[str, dict[int, str]] = {}

# Runs of a script that DejaVu Sans lacks, and the font that prints them.
_FALLBACK_RUNS = re.compile(
    "([\u0900-\u097f\ua8e0-\ua8ff\u1cd0-\u1cff]+)"  # Devanagari (+ extended, Vedic)
    "|([\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+)"  # Arabic
)


@lru_cache(maxsize=1)
def register_fonts() -> dict[str, str]:
    """Register the bundled TTF fonts with reportlab once; return the family names by use.

    Keys: ``regular``, ``bold`` (DejaVu Sans), ``devanagari``, ``arabic`` (Noto Sans),
    ``symbols`` (Noto Sans Symbols 2).
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename), shapable=True))
    _install_tounicode()
    # Table cells without a FONT of their own (empty ones too) default to Helvetica, which
    # would then be listed in the PDF, unembedded: the bundled font is every table's default.
    from reportlab.platypus.tables import CellStyle

    CellStyle.fontname = REGULAR
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    addMapping(ARABIC, 0, 0, ARABIC)
    addMapping(ARABIC, 1, 0, ARABIC_BOLD)
    addMapping(DEVANAGARI, 0, 0, DEVANAGARI)
    addMapping(DEVANAGARI, 1, 0, DEVANAGARI_BOLD)
    return {
        "regular": REGULAR,
        "bold": BOLD,
        "devanagari": DEVANAGARI,
        "arabic": ARABIC,
        "symbols": SYMBOLS,
        "italic": ITALIC,
        "bold_italic": BOLD_ITALIC,
    }


@lru_cache(maxsize=1)
def emoji_font() -> str:
    """Register Symbola, the last fallback (emoji up to Unicode 9), the first time a character
    needs it: most documents never do, and it is the largest font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    register_fonts()
    pdfmetrics.registerFont(TTFont(EMOJI, str(FONTS_DIR / "Symbola.ttf"), shapable=True))
    return EMOJI


def _install_tounicode() -> None:
    """reportlab writes one code point per glyph in a subset's ToUnicode map (astral ones, such
    as emoji, as invalid five-digit codes); glyphs that stand for several characters need their
    text. This writes the same map, in UTF-16, with ``ACTUAL_TEXT`` for private codes."""
    from reportlab.pdfbase import ttfonts

    def make_cmap(fontname: str, subset) -> str:
        actual = ACTUAL_TEXT.get(fontname.split("+", 1)[-1], {})
        pairs = []
        for i, v in enumerate(subset):
            text = actual[v] if v in actual else chr(v)  # "" for a glyph that stands for nothing
            pairs.append(f"<{i:02X}> <{text.encode('utf-16-be').hex().upper()}>")
        head = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(pairs)} beginbfchar",
        ]
        tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop"]
        return "\n".join([*head, *pairs, *tail, "end", "end"])

    ttfonts.makeToUnicodeCMap = make_cmap


def markup(text: str | None) -> str:
    """``text`` as paragraph markup: XML-escaped, with Devanagari/Arabic runs in their font.

    Unshaped and unordered: for new code use ``app.exports.pdfkit.text_flow``/``para``, which
    shape and order every script."""
    if not text:
        return ""
    if text.isascii():
        return escape(text)
    if not _FALLBACK_RUNS.search(text):
        return escape(text)
    out: list[str] = []
    pos = 0
    for match in _FALLBACK_RUNS.finditer(text):
        out.append(escape(text[pos : match.start()]))
        if match.group(1):
            out.append(f'<font name="{DEVANAGARI}">{escape(match.group(1))}</font>')
        else:
            out.append(f'<font name="{ARABIC}">{escape(match.group(2))}</font>')
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)
