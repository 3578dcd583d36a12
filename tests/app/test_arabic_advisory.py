"""The media advisory in Arabic, read as an Arabic newsroom reads it.

A native reader found: "متى" said "الأحد، 20 ديسمبر 2026, 09:30–11:30" — a Latin comma written
by hand between the date and the hours, and 24-hour times beside the "9:55 ص" of the photo
opportunities under it; and the place under "أين" (a Latin address) stood alone at the left
edge while its label and every other line start at the right.
"""

from __future__ import annotations

import re

import pytest

from tests.app.test_arabic_sheets import seen_lines, x_of

SLUG = "funeral-for-privacy"
MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def _export(cli, db, out, lang="ar", fmt="pdf"):
    r = cli("--db", db, "export", "advisory", SLUG, "--lang", lang, "--format", fmt, "-o", out)
    assert r.code == 0, r.err
    return out


def test_when_joins_date_and_hours_as_arabic_does(cli, demo_db, tmp_path):
    text = _export(cli, demo_db, tmp_path / "a.txt", fmt="txt").read_text("utf-8")
    when = MARKS.sub("", text.split("متى\n", 1)[1].splitlines()[0])
    assert when == "الثلاثاء، 28 مايو 2024، 9:30 ص–11:30 ص (بتوقيت باريس)", when
    photo = text.split("فرص التصوير\n", 1)[1].splitlines()[0]
    assert photo.startswith("9:55 ص — "), photo  # the same clock as the hours above


@pytest.mark.parametrize(
    ("lang", "when"),
    [
        ("en", "Tuesday, 28 May 2024, 09:30–11:30 (Paris time)"),
        ("fr", "mardi 28 mai 2024, 09:30–11:30 (heure de Paris)"),
        ("de", "Dienstag, 28. Mai 2024, 09:30–11:30 (Ortszeit Paris)"),
    ],
)
def test_when_in_left_to_right_languages(cli, demo_db, tmp_path, lang, when):
    text = _export(cli, demo_db, tmp_path / "a.txt", lang=lang, fmt="txt").read_text("utf-8")
    assert when in text, text


def test_a_latin_address_starts_at_the_right_under_its_label(cli, demo_db, tmp_path):
    pdf = _export(cli, demo_db, tmp_path / "a.pdf")
    lines = seen_lines(pdf)
    assert "Cimetière du Père-Lachaise" in lines, lines  # its own order, left to right
    width = 595  # A4 in points (the demo is in France)
    assert x_of(pdf, "Cimetière du Père-Lachaise") > width / 2
    assert x_of(pdf, "16 rue du Repos") > width / 2


def test_the_html_advisory_sets_every_line_at_the_right(cli, demo_db, tmp_path):
    page = _export(cli, demo_db, tmp_path / "a.html", fmt="html").read_text("utf-8")
    address = next(p for p in re.findall(r"<p [^>]*>[^<]*</p>", page) if "Cimetière" in p)
    assert 'dir="ltr"' in address and "text-align:right" in address, address
    # a street address starts with its number, not with a time: "16 rue du Repos, 75020
    # Paris" set right to left read "rue du Repos, 75020 Paris 16"
    street = next(p for p in re.findall(r"<p [^>]*>[^<]*</p>", page) if "rue du Repos" in p)
    assert 'dir="ltr"' in street and "text-align:right" in street, street
    photo = next(p for p in re.findall(r"<p [^>]*>[^<]*</p>", page) if "9:55" in p)
    assert 'dir="rtl"' in photo, photo  # "9:55 ص — Banner raised": the advisory's own line
    from app.exports.press.advisory import line_direction

    assert line_direction("16 rue du Repos — porte B", "ar") == "ltr"
    assert line_direction("10h25 — Photo call", "ar") == "rtl"


def _add_speaker(db, lang: str) -> None:
    from app.domain import models as m
    from app.storage.engine import open_store

    store = open_store(str(db))
    try:
        with store.session() as s:
            release = s.query(m.PressRelease).filter_by(language=lang).one()
            release.quotes.append(m.Quote(position=9, speaker="Kestrel", text="لن نصمت."))
    finally:
        store.close()


def test_two_spokespeople_are_listed_with_the_arabic_comma(cli, demo_db, tmp_path):
    """ "متاحون لإجراء المقابلات: Owl، المتحدثة باسم المجموعة, Kestrel" joined the speakers with
    a Latin comma, and a comma also between a name and its title: a list of titled names takes
    the semicolon (Arabic "؛ "), in every language."""
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")  # the demo's plan and release in Arabic
    assert cli("--db", db, "demo").code == 0
    _add_speaker(db, "ar")
    text = _export(cli, db, tmp_path / "a.txt", fmt="txt").read_text("utf-8")
    line = next(x for x in text.splitlines() if "Kestrel" in x)
    assert "المجموعة؛ Kestrel" in MARKS.sub("", line) and ", Kestrel" not in line, line
    _add_speaker(demo_db, "en")
    text = _export(cli, demo_db, tmp_path / "a.txt", lang="en", fmt="txt").read_text("utf-8")
    assert "Available for interview: Owl, spokesperson; Kestrel" in text, text
