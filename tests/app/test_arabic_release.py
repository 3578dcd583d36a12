"""An Arabic press release as an Arabic newsroom reads it, from the right.

Found by a native reader on the demo's Arabic release: the words set in **bold** in the body
printed regular; the dateline "PARIS, 20 ديسمبر 2026 —" put the day's "20" at the far right,
before the city (the digits joined the Latin city's run), with a Latin comma; and the
attribution "— Owl، المتحدثة باسم المجموعة" was laid out left to right because the spokesperson's
name is Latin, so it read "the group's spokesperson, Owl —", its dash last. The same first
paragraph in HTML took its direction from the city ("dir=auto" met "PARIS" first).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.exports.press import render
from app.exports.press.document import QuoteView, ReleaseDoc
from app.services.fields import ENTITY_FIELDS
from tests.app.test_arabic_sheets import seen_lines

INVISIBLE = re.compile("[\u200e\u200f\u2066-\u2069]")
BOLD_WORDS = "المراقبة الخوارزمية"


def arabic(**changes) -> ReleaseDoc:
    values = dict(
        key="pr-ar",
        language="ar",
        headline="جنازة الخصوصية",
        dateline="Paris",
        release_at=datetime(2026, 12, 20, 7, 0, tzinfo=UTC),
        body=f"صباح اليوم احتجاجًا على **{BOLD_WORDS}** بالفيديو.\n\nنطالب بحظر التعرّف على الوجوه.",
        quotes=(QuoteView(text="لن نسمح بدفن الخصوصية.", speaker="Owl، المتحدثة باسم المجموعة"),),
        timezone="Europe/Paris",
        country="FR",
    )
    values.update(changes)
    return ReleaseDoc(**values)


def in_order(line: str, *pieces: str) -> bool:
    """Each piece found in ``line`` after the one before it (as the eye meets them)."""
    at = 0
    for piece in pieces:
        at = line.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def _pdf(tmp_path, doc: ReleaseDoc):
    path = tmp_path / "release.pdf"
    path.write_bytes(render(doc, "pdf"))
    return path


def _fonts_of(path, needle: str) -> set[str]:
    fonts: set[str] = set()

    def visit(text, _cm, _tm, font, _size):
        if font and needle in INVISIBLE.sub("", text):
            fonts.add(str(font.get("/BaseFont", "")))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return fonts


def test_bold_words_of_an_arabic_body_print_bold(tmp_path):
    path = _pdf(tmp_path, arabic())
    word = BOLD_WORDS.split()[0]
    fonts = _fonts_of(path, word)
    assert fonts and all("Bold" in f for f in fonts), fonts
    other = _fonts_of(path, "نطالب")  # the second paragraph stays regular
    assert other and not any("Bold" in f for f in other), other


def test_bold_italic_and_links_in_an_arabic_body_keep_their_words(tmp_path):
    doc = arabic(body="انظر *موقعنا* و[الموقع](https://example.org) **الآن**.")
    lines = seen_lines(_pdf(tmp_path, doc))
    assert any("example.org" in line for line in lines), lines  # the link's address is printed
    assert not any("*" in line for line in lines), lines  # no marker left over


def test_the_arabic_dateline_reads_city_then_day_from_the_right(tmp_path):
    lines = seen_lines(_pdf(tmp_path, arabic()))
    first = next(line for line in lines if "ديسمبر" in line)
    # left to right on the page: the dash, the year, the month, the day, the Arabic comma and
    # the city at the right edge, where an Arabic reader starts
    assert in_order(first, "—", "2026", "ديسمبر", "20", "،", "PARIS") and first.endswith("PARIS")
    assert "PARIS," not in first


def test_an_arabic_city_in_the_dateline(tmp_path):
    lines = seen_lines(_pdf(tmp_path, arabic(dateline="باريس")))
    first = next(line for line in lines if "ديسمبر" in line)
    assert in_order(first, "2026", "ديسمبر", "20", "باريس") and "PARIS" not in first, first


def test_the_attribution_reads_dash_name_then_title_from_the_right(tmp_path):
    lines = seen_lines(_pdf(tmp_path, arabic()))
    speaker = next(line for line in lines if "المتحدثة" in line)
    # drawn left to right: the title, then the name, then the dash at the right
    assert speaker.endswith("Owl —"), speaker


def test_the_plain_text_dateline_uses_the_arabic_comma():
    text = render(arabic(), "txt").decode("utf-8")
    line = next(line for line in text.splitlines() if "ديسمبر" in line)
    assert INVISIBLE.sub("", line).startswith("PARIS، 20 ديسمبر 2026 —"), line


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_latin_datelines_are_unchanged(lang):
    doc = arabic(language=lang, headline="Funeral", body="Text.", quotes=())
    text = render(doc, "txt").decode("utf-8")
    assert "PARIS, 20 " in text and not INVISIBLE.search(text)


def test_the_html_first_paragraph_takes_the_body_direction_not_the_city():
    page = render(arabic(), "html").decode("utf-8")
    first = next(p for p in re.findall(r"<p [^>]*>.*?</p>", page) if "ديسمبر" in p)
    assert 'dir="rtl"' in first or "<bdi>" in first, first


def test_a_pdf_body_in_english_in_an_arabic_release_keeps_its_own_direction(tmp_path):
    doc = arabic(body="صباح اليوم.\n\nEnglish words end here.")
    lines = seen_lines(_pdf(tmp_path, doc))
    assert "English words end here." in lines, lines


BOLD_SET = ("الخوارزمية", "بالفيديو")
REGULAR_SET = ("نطالب", "بحظر", "التعرف", "الوجوه")


def _arabic_body(pattern: list[bool], size: int, every: int) -> str:
    """Arabic words up to ``size`` characters, the ones ``pattern`` marks in **bold**, a blank
    line every ``every`` words (0: one paragraph); never cut inside a bold pair."""
    out, i = "", 0
    while True:
        bold = pattern[i % len(pattern)]
        word = BOLD_SET[i % 2] if bold else REGULAR_SET[i % 4]
        token = (f"**{word}**" if bold else word) + (
            "\n\n" if every and i % every == every - 1 else " "
        )
        if len(out) + len(token.rstrip()) > size:
            return out.rstrip()
        out += token
        i += 1


@settings(max_examples=4, deadline=None)
@given(
    pattern=st.lists(st.booleans(), min_size=3, max_size=9).filter(any),
    size=st.sampled_from([300, 3000, ENTITY_FIELDS["release"]["body"].max_len]),
    every=st.sampled_from([0, 7, 60]),
)
def test_bold_words_print_bold_in_an_arabic_body_of_any_length(pattern, size, every):
    """An Arabic body up to its full 100,000 characters, bold words anywhere, in one paragraph
    or many: every bold word is drawn in the bold face, every other word in the regular one,
    on every page, and no "**" is left."""
    import io

    body = _arabic_body(pattern, size, every)
    assert size - 20 < len(body) <= size
    faces: dict[str, set[str]] = {}

    def visit(text, _cm, _tm, font, _size):
        face = "Bold" if font and "Bold" in str(font.get("/BaseFont", "")) else "Regular"
        for word in INVISIBLE.sub("", text).split():
            faces.setdefault(word.strip("،."), set()).add(face)

    reader = PdfReader(io.BytesIO(render(arabic(body=body), "pdf")))
    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    bold = [w for w in BOLD_SET if w in faces]
    regular = [w for w in REGULAR_SET if w in faces]
    assert bold and (regular or all(pattern)), faces
    assert all(faces[w] == {"Bold"} for w in bold), faces
    assert all(faces[w] == {"Regular"} for w in regular), faces
    assert not [w for w in faces if "*" in w]
