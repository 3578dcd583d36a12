"""A night action (a vigil from Monday 22:00 to Tuesday 04:00) says when it ends: its sheets,
media advisory and declaration letter read "22:00–04:00" of Monday, as if it ended before it
began, and the window's header did the same."""

from __future__ import annotations

from tests.app.test_advisory import _pdf_text as advisory_text
from tests.app.test_declaration import ORGANISERS
from tests.app.test_runsheet import flat, read, scaled_store
from tests.app.test_runsheet_content import master_of, night_vigil

SLUG = "funeral-for-privacy"


night = night_vigil(cue="2024-05-27T23:00", call="2024-05-27T22:30")


def test_a_night_action_says_the_day_it_ends_on(tmp_path, cli):
    from app.exports.runsheet import render_personal
    from tests.app.test_runsheet_content import sheets_of

    store = scaled_store(tmp_path, night)
    try:
        _sheet, (master, _reader) = master_of(store)
        assert "lundi 27 mai 2024 · 22:00–mardi 28 mai, 04:00" in flat(master)
        (finch,) = sheets_of(store, alias="Finch", lang="en")
        text, _ = read(render_personal(finch))
        assert "Monday, 27 May 2024 · 22:00–Tuesday, 28 May, 04:00" in flat(text)
    finally:
        store.close()
    db = tmp_path / "changed.sqlite3"
    out = tmp_path / "advisory.pdf"
    r = cli("--db", db, "export", "advisory", SLUG, "--lang", "en", "--format", "pdf", "-o", out)
    assert r.code == 0, r.err
    assert (
        "WHEN Monday, 27 May 2024, 22:00–Tuesday, 28 May 2024, 04:00"
        in advisory_text(out.read_bytes())[1]
    )
    letter = tmp_path / "declaration.pdf"
    r = cli("--db", db, "declaration", SLUG, "-o", letter, *ORGANISERS)
    assert r.code == 0, r.err
    assert "du lundi 27 mai 2024 à 22:00 au mardi 28 mai 2024 à 04:00" in flat(
        read(letter.read_bytes())[0]
    )
