"""Names inside a sentence of the other direction keep their place: bidi isolates (FSI … PDI),
resolved by ``app.exports.shaping._levels`` as UAX #9 has them since Unicode 6.3, checked
against the Rust ``unicode-bidi`` crate that python-bidi's ``get_display`` wraps."""

from __future__ import annotations

import re

from bidi import get_display
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.exports.shaping import _levels
from app.i18n import isolate

MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def seen(text: str, levels: list[int]) -> str:
    """The characters in the order the eye meets them, left to right (rule L2 of UAX #9)."""
    order = list(range(len(text)))
    top = max(levels, default=0)
    lowest_odd = min((lv for lv in levels if lv % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return MARKS.sub("", "".join(text[k] for k in order))


def test_an_outlet_and_its_arabic_date_stay_apart():
    date = "29\u200f/05\u200f/2024"  # babel's Arabic medium date, marks included
    line = isolate("Le Monde", rtl=True) + " · " + date
    assert seen(line, _levels(line, True)) == "2024/05/29 · Le Monde"
    bare = "Le Monde · " + date  # without the isolate the "29" joins the name (rule W7)
    assert seen(bare, _levels(bare, True)) == "2024/05/Le Monde · 29"


def test_a_latin_name_in_a_latin_line_gets_no_marks():
    assert isolate("Pallbearer") == "Pallbearer"
    assert isolate("صقر") == "\u2068صقر\u2069"
    assert isolate("Pallbearer", rtl=True) == "\u2068Pallbearer\u2069"
    assert isolate("") == ""


WORDS = st.sampled_from(
    ["Le", "Monde", "Steward", "Team 2", "صقر", "الحضور", "حامل النعش", "Ἀθῆναι", "29", "2024"]
)
GLUE = st.sampled_from([" ", " · ", "/", ": ", "\u200f/", " — ", ", ", " ،"])


@st.composite
def lines(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        piece = draw(WORDS)
        if draw(st.booleans()):
            piece += draw(GLUE) + draw(WORDS)
        if draw(st.integers(0, 2)) == 0:
            piece = "\u2068" + piece + "\u2069"  # nested isolates too, once in a while
            if draw(st.integers(0, 4)) == 0:
                piece = "\u2068" + draw(WORDS) + " " + piece + "\u2069"
        parts += [piece, draw(GLUE)]
    return "".join(parts[:-1]).strip()


@settings(max_examples=500, deadline=None)
@given(lines(), st.booleans())
@example("\u206829 \u2068صقر\u2069\u2069", False)  # first strong: not the nested isolate's
def test_levels_order_a_line_as_unicode_bidi_does(text, rtl):
    reference = MARKS.sub("", get_display(text, base_dir="R" if rtl else "L"))
    assert seen(text, _levels(text, rtl)) == reference


# --- a sentence of ours starts from its language's side (app.i18n.our_sentence) ---------------

_PIECES = st.sampled_from(
    [
        "Space",
        "Wren",
        "Ctrl+Z",
        "الفقرة التالية",
        "رجوع",
        "12:00",
        " · ",
        ": ",
        "—",
        "9:30 ص",
        "\u2068Mourner\u2069",
        "(",
        ")",
        "अभी",
        "Ελλάδα",
        "🕯",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
@example("Space: الفقرة التالية · Backspace: رجوع")
@example("\u2068Wren\u2069: لا عنوان بريد")
@example("/home/ana/plan.cortege ليس قاعدة بيانات Cortège")
@example("'Wren' اسم مستعار لشخص آخر مسبقًا")
@example("12:00")
def test_every_line_of_our_sentence_reads_from_the_right(text):
    from bidi import get_base_level

    from app.i18n import first_strong, our_sentence

    marked = our_sentence(text, rtl=True)
    assert MARKS.sub("", marked) == MARKS.sub("", text)  # only invisible marks were added
    for line in marked.split("\n"):
        if line:
            assert get_base_level(line) == 1, line  # the reference algorithm agrees
            assert first_strong(line) == "rtl", line
    assert our_sentence(text, rtl=False) == text  # a left-to-right language: no mark at all


def test_a_path_or_a_name_first_stays_whole_at_the_right():
    """As the eye meets the line, left to right: the Arabic words, then the path, its "/" first;
    read from the right, the path comes first, as the sentence has it."""
    from app.i18n import our_sentence

    seen = get_display(our_sentence("/home/ana/plan.cortege ليس قاعدة", rtl=True))
    assert MARKS.sub("", seen).endswith(" /home/ana/plan.cortege")
    seen = get_display(our_sentence("Space: الفقرة التالية", rtl=True))
    assert MARKS.sub("", seen).endswith(":Space")  # the colon between the key and its command
    seen = get_display(our_sentence("'Wren' اسم مستعار", rtl=True))
    assert MARKS.sub("", seen).endswith(" 'Wren'")


def test_a_name_in_an_isolate_does_not_give_the_sentence_its_side():
    from app.i18n import first_strong

    assert first_strong("\u2068Wren\u2069: لا") == "rtl"
    assert first_strong("Wren: لا") == "ltr"
    assert first_strong("\u2068Wren: لا") is None  # an isolate left open runs to the end
    assert first_strong("9:30") is None
