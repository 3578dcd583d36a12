"""The bundled fonts for every PDF export, and the fallback for scripts DejaVu does not cover.

DejaVu Sans prints Latin with accents, Greek and Cyrillic. Devanagari and Arabic (aliases,
mostly) fall back to Noto Sans runs inside a paragraph, so they print as letters rather than
blank boxes. reportlab shapes them only when ``uharfbuzz`` is installed; unshaped text is still
legible, which is the bar for a printed alias.
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

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
}

# Runs of a script that DejaVu Sans lacks, and the font that prints them.
_FALLBACK_RUNS = re.compile(
    "([\u0900-\u097f\ua8e0-\ua8ff\u1cd0-\u1cff]+)"  # Devanagari (+ extended, Vedic)
    "|([\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+)"  # Arabic
)


@lru_cache(maxsize=1)
def register_fonts() -> dict[str, str]:
    """Register the bundled TTF fonts with reportlab once; return the family names by use.

    Keys: ``regular``, ``bold`` (DejaVu Sans), ``devanagari``, ``arabic`` (Noto Sans).
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in _FILES.items():
        # Only the fallback scripts need shaping (when uharfbuzz is there); Latin text does not.
        shapable = name in (DEVANAGARI, ARABIC)
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename), shapable=shapable))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return {"regular": REGULAR, "bold": BOLD, "devanagari": DEVANAGARI, "arabic": ARABIC}


@lru_cache(maxsize=1)
def _shaping() -> bool:
    """harfbuzz orders and joins Arabic itself; without it the run is reversed into visual
    (right-to-left) order, letters unjoined but in the order a reader expects."""
    from reportlab.pdfbase import ttfonts

    return getattr(ttfonts, "uharfbuzz", None) is not None


def markup(text: str | None) -> str:
    """``text`` as paragraph markup: XML-escaped, with Devanagari/Arabic runs in their font."""
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
            run = match.group(2) if _shaping() else match.group(2)[::-1]
            out.append(f'<font name="{ARABIC}">{escape(run)}</font>')
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)
