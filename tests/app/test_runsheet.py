"""Run-sheets read back as a volunteer or an organiser would read them: the text on the page."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from tests.conftest import DEMO_DAY

PRINTED = datetime(2024, 5, 26, 15, 2, tzinfo=UTC)
NAMES = ["Camille Martin", "Lucas Bernard", "Nadia Haddad", "Jonas Weber", "Eleni Papadopoulou"]


def read(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sheets(_demo_template):
    """Every demo volunteer's sheet, rendered once: alias -> (text, reader)."""
    from app.exports.runsheet import render_personal
    from app.exports.runsheet.data import personal_sheets
    from app.services.actions import action_by_slug
    from app.storage.engine import open_store

    store = open_store(str(_demo_template))
    with store.read() as session:
        action_id = action_by_slug(session, "funeral-for-privacy").id
        found = personal_sheets(session, action_id, now=PRINTED)
    store.close()
    return {s.alias: read(render_personal(s)) for s in found}


def personal_data_of_demo() -> list[str]:
    from app.services.demo import PEOPLE

    out = []
    for i, (key, _alias, name, _lang, _photos) in enumerate(PEOPLE):
        out += [name, f"+33 6 00 00 {10 + i:02d} {i:02d}", f"{key}@example.org"]
    return out


def test_crow_sheet_has_call_time_cues_in_order_props_and_contacts(sheets):
    text, reader = sheets["Crow"]
    flat_text = flat(text)
    assert "Crow — Pallbearer" in flat_text
    assert "09:15" in text
    assert "Boulevard de Ménilmontant, main gate" in flat_text
    cues = [
        "Hearse parks at the gate",
        "Coffin carried to the funeral parlour",
        "Photo call for the press",
        "Pack up and disperse",
    ]
    # Crow reads French: the labels are French, the organisers' own words stay as written.
    assert "Heure de rendez-vous 09:15" in flat_text
    mine = flat_text.split("Vos étapes", 1)[1].split("Ce que vous portez", 1)[0]
    positions = [mine.find(c) for c in cues]
    assert all(p >= 0 for p in positions), mine
    assert positions == sorted(positions)
    assert "Mourners gather in black" not in mine  # not Crow's cue
    carry = flat_text.split("Ce que vous portez", 1)[1]
    assert "Coffin marked PRIVACY — avec Heron" in carry
    assert "09:45, 10:00, 10:25 et 11:10" in carry  # a French list, not a comma-joined one
    assert "Legal support" in flat_text and "+33 1 40 00 00 00" in flat_text
    assert "First aid" in flat_text and "+33 6 00 00 00 01" in flat_text
    assert "rue de la Roquette" in flat_text  # plan B
    assert "Ne pas diffuser — contient le plan" in flat_text
    assert len(reader.pages) == 1


def test_french_participant_gets_french_dates(sheets):
    text, _ = sheets["Crow"]
    assert "mardi 28 mai 2024" in text
    assert "Imprimé le 26/05/2024 17:02" in flat(text)  # print time in Paris, French format


def test_greek_and_german_readers_get_their_dates_and_their_labels(sheets):
    greek, _ = sheets["Kestrel"]
    assert "28 Μαΐου 2024" in greek
    assert "Ώρα προσέλευσης" in greek and "Call time" not in greek
    german, _ = sheets["Starling"]
    assert "Dienstag, 28. Mai 2024" in german


def test_english_reader_of_a_european_action_gets_24_hour_times(sheets):
    text, _ = sheets["Magpie"]
    assert "Tuesday, 28 May 2024" in text  # en_GB: the action is in Paris
    assert "Call time 09:00" in flat(text) and "AM" not in text


def test_us_english_reader_gets_12_hour_times_that_never_break(tmp_path):
    def change(bundle):
        for person in bundle["participants"]:
            if person["alias"] == "Magpie":
                person["language"] = "en_US"  # the reader's own locale says otherwise

    from app.exports.runsheet.data import personal_sheets
    from app.services.actions import action_by_slug

    store = scaled_store(tmp_path, change)
    with store.read() as session:
        action_id = action_by_slug(session, "funeral-for-privacy").id
        (sheet,) = personal_sheets(session, action_id, alias="Magpie", now=PRINTED)
    assert sheet.call_time == "9:00\u00a0AM"  # a no-break space: never "9:00" | "AM"
    text, _ = one_sheet(store, "Magpie")
    assert "Tuesday, May 28, 2024" in text and "9:00 AM" in text
    for line in text.splitlines():
        assert not line.strip().startswith(("AM", "PM")), line


def test_no_sheet_holds_anyones_personal_data(sheets):
    secrets = personal_data_of_demo()
    for alias, (text, _reader) in sheets.items():
        leaked = [s for s in secrets if s in flat(text)]
        assert not leaked, (alias, leaked)
        assert "CONFIDENTIAL" not in text


def test_every_demo_sheet_fits_on_at_most_two_pages(sheets):
    assert len(sheets) == 15
    assert max(len(reader.pages) for _text, reader in sheets.values()) <= 2


def test_press_officer_sees_who_must_not_be_photographed(sheets):
    magpie, _ = sheets["Magpie"]
    assert "Do not photograph" in magpie
    listed = flat(magpie).split("Do not photograph (blur their faces)", 1)[1]
    assert listed.strip().startswith("Finch, Raven Whole schedule")
    crow, _ = sheets["Crow"]
    assert "Do not photograph" not in crow


def test_with_personal_data_the_reader_sees_theirs_and_every_page_is_confidential(demo_store):
    from app.exports.runsheet import render_personal
    from app.exports.runsheet.data import personal_sheets
    from app.services.actions import action_by_slug

    with demo_store.read() as session:
        action_id = action_by_slug(session, "funeral-for-privacy").id
        (sheet,) = personal_sheets(
            session, action_id, alias="crow", include_personal_data=True, now=PRINTED
        )
    text, reader = read(render_personal(sheet))
    assert "Camille Martin" in text
    for page in reader.pages:  # Crow reads French
        assert "CONFIDENTIEL — contient des données personnelles" in page.extract_text()
    assert "Lucas Bernard" not in text  # Heron's name stays off Crow's sheet


def master_text(store, **options) -> tuple[str, PdfReader]:
    from app.exports.runsheet import render_master
    from app.services.actions import action_by_slug
    from app.services.runsheet_master import master_sheet

    with store.read() as session:
        action_id = action_by_slug(session, "funeral-for-privacy").id
        sheet = master_sheet(
            session, action_id, now=datetime(2024, 5, 18, 7, tzinfo=UTC), **options
        )
    return read(render_master(sheet))


def test_master_has_schedule_roster_props_tasks_problems_and_no_personal_data(demo_store):
    text, _ = master_text(demo_store)
    flat_text = flat(text)
    assert "mardi 28 mai 2024" in text  # the action's main language
    for cue in ("Mourners gather in black", "Eulogy for privacy", "Pack up and disperse"):
        assert cue in flat_text
    # The master sheet is in the action's main language, French.
    assert "Pallbearer (4 sur 4)" in flat_text
    roster = flat_text.split("Effectifs", 1)[1]
    assert "Crow 09:15 ✓" in roster and "Owl 09:45 ✓" in roster
    props = flat_text.split("Liste de contrôle des accessoires", 1)[1]
    assert "☐ Coffin marked PRIVACY 1 prêt Crow, Heron 09:45, 10:00, 10:25, 11:10" in props
    assert "PERSONNE" in props.split("Wreath", 1)[1][:80]
    assert "Brief the pallbearers" in flat_text and "Rent the hearse" not in flat_text
    assert (
        "Encore à régler" in flat_text
        and "accessoire nécessaire à" in flat_text
        and "que personne ne porte" in flat_text
    )
    assert "Ne pas photographier (flouter les visages) Finch, Raven" in flat_text
    leaked = [s for s in personal_data_of_demo() if s in flat_text]
    assert not leaked
    assert "CONFIDENTIEL" not in text


def test_master_with_personal_data_lists_contacts_marked_confidential(demo_store):
    text, reader = master_text(demo_store, include_personal_data=True)
    assert "Camille Martin" in text and "crow@example.org" in text
    for page in reader.pages:
        assert "CONFIDENTIEL — contient des données personnelles" in page.extract_text()


def test_props_card_lists_who_carries_what_and_when(demo_store):
    from app.exports.runsheet import render_props_card
    from app.exports.runsheet.master_data import props_card
    from app.services.actions import action_by_slug

    with demo_store.read() as session:
        action_id = action_by_slug(session, "funeral-for-privacy").id
        card = props_card(session, action_id, now=PRINTED)
    text, _ = read(render_props_card(card))
    flat_text = flat(text)
    assert "Qui porte quoi, et quand" in flat_text  # the action's main language
    crow = flat_text.split("Crow Coffin marked PRIVACY", 1)[1].split("Heron Coffin", 1)[0]
    assert "avec Heron" in crow
    assert "09:45 Hearse parks at the gate" in crow and "11:10 Pack up and disperse" in crow
    assert "Wren Black armbands × 20" in flat_text
    assert "Personne ne le porte encore Wreath “Rest in Peace Privacy”" in flat_text
    assert not [s for s in personal_data_of_demo() if s in flat_text]


def scaled_store(tmp_path, change):
    """A fresh database holding the demo bundle after ``change(bundle)``."""
    from app.services.bundle_read import import_bundle
    from app.services.demo import demo_bundle
    from app.storage.engine import open_store

    bundle = demo_bundle(DEMO_DAY, today=date(2024, 5, 18))
    change(bundle)
    store = open_store(str(tmp_path / "changed.sqlite3"))
    with store.session() as session:
        import_bundle(session, bundle)
    return store


def one_sheet(store, alias: str, **options):
    from app.exports.runsheet import render_personal
    from app.exports.runsheet.data import personal_sheets
    from app.services.actions import action_by_slug

    with store.read() as session:
        action_id = action_by_slug(session, "funeral-for-privacy").id
        (sheet,) = personal_sheets(session, action_id, alias=alias, now=PRINTED, **options)
    return read(render_personal(sheet))


def test_direct_cue_participants_get_the_cue_and_unrolled_people_a_sheet(tmp_path):
    def change(bundle):
        for cue in bundle["schedule"]:
            if cue["key"] == "wreath":
                cue["participants"] = ["magpie", "swift"]

    store = scaled_store(tmp_path, change)
    try:
        text, _ = one_sheet(store, "Magpie")
        mine = flat(text).split("Your cues", 1)[1].split("Whole schedule", 1)[0]
        assert mine.index("Wreath laid on the coffin") < mine.index("Photo call for the press")
    finally:
        store.close()


def test_letter_paper_for_a_us_action_unless_overridden(tmp_path):
    def change(bundle):
        bundle["action"]["country"] = "US"
        bundle["action"]["timezone"] = "America/New_York"

    store = scaled_store(tmp_path, change)
    try:
        _text, reader = one_sheet(store, "Crow")
        assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]
        _text, reader = one_sheet(store, "Crow", paper="a4")
        assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]
    finally:
        store.close()


def test_devanagari_and_arabic_aliases_print_in_a_font_that_has_them(tmp_path):
    def change(bundle):
        for person in bundle["participants"]:
            if person["key"] == "crow":
                person["alias"] = "अनिल"
            if person["key"] == "heron":
                person["alias"] = "سلمى"

    store = scaled_store(tmp_path, change)
    try:
        text, reader = one_sheet(store, "अनिल")
        fonts = {
            str(font["/BaseFont"])
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert any("NotoSansDevanagari" in f for f in fonts), fonts
        assert any("NotoSansArabic" in f for f in fonts), fonts  # "with سلمى"
        assert "अ" in text
    finally:
        store.close()


def test_unknown_language_is_refused_naming_the_field(demo_store, demo_id):
    from app.domain.errors import DomainError
    from app.exports.runsheet.data import personal_sheets

    with demo_store.read() as session, pytest.raises(DomainError) as caught:
        personal_sheets(session, demo_id, lang="zz-nope")
    assert caught.value.field == "lang"


def test_file_names_keep_vowel_signs_and_joiners():
    from app.exports.runsheet.data import safe_filename

    taken: set[str] = set()
    assert safe_filename("अनिल", taken) == "अनिल"
    assert safe_filename("سلمى", taken) == "سلمى"
    assert safe_filename("क्‍ष", taken) == "क्\u200dष"
    # an emoji's variation selector and joiners go with it ("Mourner__️_️.pdf" before)
    assert safe_filename("Mourner 🕯️⚰️", taken) == "Mourner"
    assert safe_filename("👨\u200d👩\u200d👧 family", taken) == "family"


def test_file_names_are_safe_and_unique():
    from app.exports.runsheet.data import safe_filename

    taken: set[str] = set()
    assert safe_filename("Crow", taken) == "Crow"
    assert safe_filename("crow", taken) == "crow-2"
    assert safe_filename("../etc/passwd", taken) == "etc_passwd"
    assert safe_filename("Jay?", taken) == "Jay"
    assert safe_filename("Jay*", taken) == "Jay-2"
    assert safe_filename("CON", taken) == "_CON"
    assert safe_filename("Κίρκη", taken) == "Κίρκη"
    assert safe_filename("   ", taken) == "participant"


def test_a_file_name_never_starts_like_an_option():
    """An alias "-rf" gave "-rf.pdf": `rm *` in that folder reads it as an option."""
    from app.exports.runsheet.data import safe_filename

    taken: set[str] = set()
    assert safe_filename("-rf", taken) == "_-rf"
    assert safe_filename("--help me", taken) == "_--help_me"
