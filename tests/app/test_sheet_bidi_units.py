"""A phone number, an e-mail address and a list of names on a sheet read as typed, whatever the
script of the words beside them (a volunteer coordinator's review, December 2026)."""

from __future__ import annotations

import subprocess

import pytest

from tests.app.test_runsheet import flat, scaled_store
from tests.app.test_runsheet_content import sheets_of

PHONE = "+33 6 12 34 56 78"


def _drawn(pdf: bytes, tmp_path) -> str:
    """The page as pdftotext lays it out: the order a reader's eye meets the glyphs."""
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return flat(out.stdout)


def _arabic_name(bundle) -> None:
    for person in bundle["participants"]:
        if person["alias"] == "Finch":
            person.update(full_name="ليلى حسن", phone=PHONE, email="layla@example.org")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_readers_phone_prints_in_its_own_order_beside_an_arabic_name(tmp_path, lang):
    """Beside an Arabic full name the digit groups of the reader's phone came out reversed on
    the sheet ("78 56 34 12 6 33+"): another number."""
    from app.exports.pack.phone_html import render_html
    from app.exports.runsheet import render_personal

    store = scaled_store(tmp_path, _arabic_name)
    try:
        (finch,) = sheets_of(store, alias="Finch", lang=lang, include_personal_data=True)
        drawn = _drawn(render_personal(finch), tmp_path)
        assert PHONE in drawn, drawn
        assert "layla@example.org" in drawn
        html = render_html(finch)
        assert f'<bdi dir="ltr">{PHONE}</bdi>' in html
        assert "<bdi>ليلى حسن</bdi>" in html
    finally:
        store.close()


LONG = "क्षितिज" * 14  # 98 characters within the alias limit, 294 bytes in UTF-8


def _long_alias(bundle) -> None:
    for person in bundle["participants"]:
        if person["alias"] == "Finch":
            person.update(alias=LONG, email="finch@example.org")
            person["consent"] = {"given_on": "2024-05-01", "scope": "this action", "photos": True}


def test_a_long_alias_in_devanagari_gets_its_sheet_calendar_and_pack_files(tmp_path, cli):
    """Cut at 80 characters, a Devanagari alias was still 240 bytes: with the temporary
    ".….part" name around it, over the file systems' 255 bytes ("File name too long"), and the
    pack stopped without its summary."""
    store = scaled_store(tmp_path, _long_alias)
    store.close()
    db = str(tmp_path / "changed.sqlite3")
    slug = "funeral-for-privacy"
    for command, out in (
        (["export", "runsheet", slug, "--each"], "sheets"),
        (["export", "ics", slug, "--each"], "calendars"),
        (["export", "pack", slug], "pack"),
    ):
        result = cli("--db", db, *command, "-o", str(tmp_path / out))
        assert result.code == 0, (command, result.err)
        names = [p.name for p in (tmp_path / out).iterdir() if p.name.startswith("क्षि")]
        assert names, (command, sorted(p.name for p in (tmp_path / out).iterdir()))
        assert all(len(n.encode()) <= 160 for n in names), names
    assert (tmp_path / "pack" / "summary.txt").exists()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a_list_of_names_keeps_its_order_and_commas_in_any_script(lang):
    """Two Arabic aliases side by side on a German sheet made one right-to-left run: the second
    read first, the comma glued to the wrong word; on an Arabic sheet an emoji alias came out
    mirrored. Each name of a list is isolated; the list runs in the sheet's direction."""
    from bidi import get_display

    from app.exports.runsheet.data import names_in_a_list, translator

    tr = translator(lang)
    names = ["زيتونة", "نجمة الصباح", "🕊 Peace Dove ✊", "Crow"]
    listed = tr.comma_list(names_in_a_list(names, tr))
    seen = get_display(listed, base_dir="R" if lang == "ar" else "L")
    drawn = [get_display(n) for n in names]  # each name as drawn on its own
    order = [seen.index(d) for d in drawn]
    assert order == (sorted(order, reverse=True) if lang == "ar" else sorted(order)), seen
