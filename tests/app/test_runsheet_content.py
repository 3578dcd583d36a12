"""Run-sheets with realistic content: long notes, big roles, every script, the night clocks go
back. Read back as a volunteer or an organiser would: the text on the page."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from pypdf import PdfReader

from tests.app.test_runsheet import PRINTED, flat, read, scaled_store

SLUG = "funeral-for-privacy"
KNOW_YOUR_RIGHTS = " ".join(
    f"Rule {n}: you may stay silent, ask whether you are free to go, and call legal support."
    for n in range(40)
)


def sheets_of(store, **options):
    from app.exports.runsheet.data import personal_sheets
    from app.services.actions import action_by_slug

    with store.read() as session:
        action_id = action_by_slug(session, SLUG).id
        return personal_sheets(session, action_id, now=PRINTED, **options)


def master_of(store, **options):
    from app.exports.runsheet import render_master
    from app.services.actions import action_by_slug
    from app.services.runsheet_master import master_sheet

    with store.read() as session:
        action_id = action_by_slug(session, SLUG).id
        sheet = master_sheet(session, action_id, now=PRINTED, **options)
    return sheet, read(render_master(sheet))


def night_vigil(*, cue: str, call: str):
    """The demo as a vigil from Monday 22:00 to Tuesday 04:00: one cue, everyone called at
    ``call`` (a change for ``scaled_store``)."""

    def change(bundle) -> None:
        bundle["action"]["starts_at"] = "2024-05-27T22:00"
        bundle["action"]["ends_at"] = "2024-05-28T04:00"
        bundle["schedule"] = [dict(bundle["schedule"][0], key="vigil", starts_at=cue, minutes=30)]
        for a in bundle["assignments"]:
            a["call_time"] = call
        for prop in bundle["props"]:
            prop.pop("cues", None)

    return change


def pages_text(reader: PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in reader.pages]


def test_long_safety_note_plan_b_and_instructions_flow_across_pages(tmp_path):
    steps = "\n".join(f"{n}. Step {n} of the exit plan" for n in range(1, 131))

    def change(bundle):
        bundle["action"]["safety_notes"] = KNOW_YOUR_RIGHTS[:5000]
        bundle["action"]["fallback_plan"] = ("Move to the corner of rue de la Roquette. " * 120)[
            :5000
        ]
        for cue in bundle["schedule"]:
            if cue["key"] == "carry":
                cue["instructions"] = steps
        for role in bundle["roles"]:
            role["instructions"] = "Walk slowly. " * 380

    store = scaled_store(tmp_path, change)
    try:
        from app.exports.runsheet import render_personal

        (crow,) = sheets_of(store, alias="Crow")
        text, reader = read(render_personal(crow))
        pages = pages_text(reader)
        assert len(pages) >= 3
        assert "Rule 39" in flat(text) and "130. Step 130 of the exit plan" in text
        # Typed lines stay lines: each numbered step is a line of its own.
        assert "1. Step 1 of the exit plan\n2. Step 2 of the exit plan" in text
        # No page holds only a heading: each has more than its header, footer and one title.
        for page in pages:
            assert len(page) > 200, page
        _sheet, (master, master_reader) = master_of(store)
        assert "130. Step 130 of the exit plan" in master
        assert "Rule 39" in flat(master)
    finally:
        store.close()


def test_master_prints_for_a_role_of_sixty_mourners(tmp_path):
    def change(bundle):
        extra = [
            {
                "key": f"m{n}",
                "alias": f"Mourner {n:02d}",
                "full_name": "",
                "phone": "",
                "email": "",
                "language": "fr",
                "notes": "",
                "consent": None,
            }
            for n in range(60)
        ]
        bundle["participants"] += extra
        bundle["assignments"] += [
            {
                "participant": p["key"],
                "role": "mourner",
                "call_time": "2024-05-28T09:20",
                "confirmed": False,
                "attended": None,
            }
            for p in extra
        ]

    store = scaled_store(tmp_path, change)
    try:
        sheet, (text, reader) = master_of(store)
        flat_text = flat(text)
        assert "Mourner 00" in flat_text and "Mourner 59" in flat_text
        assert len(reader.pages) >= 2
        # "Who" names the people of a role, not only the role; a big role is cut short.
        gather = next(line for line in sheet.schedule if line.title.startswith("Mourners"))
        assert "Mourner (Finch, Kestrel" in gather.who and "+" in gather.who
    finally:
        store.close()


def test_still_to_fix_groups_problems_of_one_kind(tmp_path):
    def change(bundle):
        for person in bundle["participants"]:
            person["consent"] = None  # contact details, no consent: one problem each

    store = scaled_store(tmp_path, change)
    try:
        sheet, (text, _reader) = master_of(store, lang="en")
        grouped = [p for p in sheet.problems if "without recorded consent" in p]
        assert len(grouped) == 1
        assert grouped[0].startswith("15 people have contact details without recorded consent:")
        assert "Crow" in grouped[0]
        assert "15 people have contact details without recorded consent" in flat(text)
    finally:
        store.close()


def _laid_out(pdf: bytes, tmp_path) -> list[str]:
    """The lines as pdftotext lays the page out: each cell's lines where the eye meets them."""
    import subprocess

    path = tmp_path / "laid-out.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return [cell for line in out.stdout.splitlines() for cell in line.split("   ") if cell.strip()]


def test_the_two_0215s_of_the_fall_back_night_are_told_apart(tmp_path):
    def change(bundle):
        action = bundle["action"]
        action["starts_at"], action["ends_at"] = "2024-10-27T01:30", "2024-10-27T04:00"
        bundle["schedule"] = [
            dict(
                bundle["schedule"][0],
                key="first",
                title="First vigil",
                place="Statue",
                starts_at="2024-10-27T02:15+02:00",
                minutes=30,
            ),
            dict(
                bundle["schedule"][0],
                key="second",
                title="Second vigil",
                place="Statue",
                starts_at="2024-10-27T02:15+01:00",
                minutes=30,
            ),
        ]
        for a in bundle["assignments"]:
            a["call_time"] = "2024-10-27T01:45"
        for prop in bundle["props"]:
            prop.pop("cues", None)

    store = scaled_store(tmp_path, change)
    try:
        from app.exports.runsheet import render_master, render_personal

        (finch,) = sheets_of(store, alias="Finch", lang="fr")
        times = [line.start for line in finch.schedule]
        assert times[0] != times[1]
        assert times[0].startswith("02:15") and "+02:00" in times[0]
        assert times[1].startswith("02:15") and "+01:00" in times[1]
        text, _ = read(render_personal(finch))
        assert "UTC+02:00" in text and "UTC+01:00" in text
        # the range breaks after its dash if anywhere, never inside a time or its offset
        for lang in ("en", "fr", "de"):
            (finch,) = sheets_of(store, alias="Finch", lang=lang)
            for pdf in (render_personal(finch), render_master(master_of(store, lang=lang)[0])):
                lines = _laid_out(pdf, tmp_path)
                assert not [line for line in lines if line.lstrip().startswith(")")], lines
                cut = [line for line in lines if line.rstrip().endswith(("+02:0", "+01:0"))]
                assert not cut, cut
    finally:
        store.close()


def test_footer_names_the_zone_of_the_print_time(demo_store):
    from app.exports.runsheet import render_personal

    (crow,) = sheets_of(demo_store, alias="Crow")
    text, _ = read(render_personal(crow))
    assert "Imprimé le 26/05/2024 17:02 (Paris, UTC+02:00)" in flat(text)


def test_volunteer_sheet_prints_the_street_address_and_the_date_in_large_type(demo_store):
    from app.exports.runsheet import render_personal

    (crow,) = sheets_of(demo_store, alias="Crow")
    text, _ = read(render_personal(crow))
    assert "16 rue du Repos, 75020 Paris" in text
    assert crow.header.day == "mardi 28 mai"
    assert "Date mardi 28 mai" in flat(text)


def test_every_pdf_says_its_language_and_shows_its_title(demo_store):
    from app.exports.runsheet import render_personal

    (crow,) = sheets_of(demo_store, alias="Crow")
    reader = PdfReader(io.BytesIO(render_personal(crow)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    fonts = {
        str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()
    }
    assert not [f for f in fonts if "Helvetica" in f], fonts


def test_a_batch_writes_every_other_sheet_when_one_cannot_be_written(_demo_template, tmp_path):
    from app.cli import run

    folder = tmp_path / "sheets"
    (folder / "Crow.pdf").mkdir(parents=True)  # something in the way of Crow's sheet
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", str(_demo_template), "export", "runsheet", SLUG, "-o", str(folder), "--each"]
    code = run([*argv], out=out, err=err)
    assert code == 1
    assert len(out.getvalue().split()) == 14
    assert "Crow" in err.getvalue() and "Traceback" not in err.getvalue()
    assert (folder / "Heron.pdf").is_file()


def test_sheets_in_every_script_read_back_their_names(tmp_path):
    names = {
        "crow": "अनिल",
        "heron": "سلمى",
        "raven": "דוד",
        "starling": "Ελένη",
        "wren": "Наталья",
        "lark": "Lark 🕯",
    }

    def change(bundle):
        for person in bundle["participants"]:
            if person["key"] in names:
                person["alias"] = names[person["key"]]
        bundle["action"]["fallback_plan"] = "خطة بديلة: التجمع عند الزاوية"
        bundle["action"]["safety_notes"] = "सुरक्षा: शांत रहें\nשמרו על קשר"

    store = scaled_store(tmp_path, change)
    try:
        from app.exports.runsheet import render_personal, render_props_card
        from app.exports.runsheet.master_data import props_card
        from app.services.actions import action_by_slug

        for alias in names.values():
            (sheet,) = sheets_of(store, alias=alias)
            text, _ = read(render_personal(sheet))
            assert alias in text.replace("\n", " "), alias
        _sheet, (master, _r) = master_of(store)
        lines = master.splitlines()
        for alias in names.values():
            assert any(alias in line for line in lines), alias
        assert "التجمع عند الزاوية" in master and "शांत रहें" in master
        with store.read() as session:
            card = props_card(session, action_by_slug(session, SLUG).id, now=PRINTED)
        card_text, _ = read(render_props_card(card))
        assert "अनिल" in card_text and "سلمى" in card_text
    finally:
        store.close()


def test_printed_time_is_the_action_zone_even_for_a_utc_clock():
    from app.exports.runsheet.data import printed_at

    text = printed_at("de", datetime(2024, 5, 26, 15, 2, tzinfo=UTC), "Europe/Berlin")
    assert text.startswith("26.05.24, 17:02") and "Berlin" in text


def test_master_headers_and_cells_are_legible_in_every_language_with_personal_data(demo_store):
    from app.exports.runsheet.data import translator

    for lang in ("fr", "de", "es", "en"):
        tr = translator(lang)
        _sheet, (text, _reader) = master_of(demo_store, lang=lang, include_personal_data=True)
        heads = ["Alias", "Call time", "Conf.", "Full name", "Phone", "E-mail"]
        # Each header in its own cell, none run into the next ("Heure de rendez-vousConf.").
        assert " ".join(tr.gettext(h) for h in heads) in flat(text), lang
        assert "crow@example.org" in text.split()  # an address is never split across lines
        assert "+33 6 00 00 10 00" in text  # nor a phone number


def test_column_widths_follow_content_and_fixed_columns_never_break():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.exports.fonts import register_fonts
    from app.exports.pdfkit import fit_widths

    fonts = register_fonts()
    font = (fonts["regular"], 8.5)
    columns = [
        ["Time", "09:30–09:45", "10:00\u00a0AM–10:10\u00a0AM"],
        ["Cue", "Coffin carried to the funeral parlour " * 8],
        ["Who", "Pallbearer (Crow, Heron, Raven, Starling)"],
    ]
    widths = fit_widths(columns, [font] * 3, 500, fixed=[True, False, False])
    assert abs(sum(widths) - 500) < 0.01
    assert widths[0] >= stringWidth("10:00\u00a0AM–10:10\u00a0AM", *font)
    assert widths[1] > widths[2]  # the longest text gets the most room
    assert widths[2] >= stringWidth("(Crow,", *font)  # never below its longest word


def test_a_130_line_instruction_starts_on_page_one_under_its_cue(tmp_path):
    steps = "\n".join(f"Step {n}: keep to the left" for n in range(1, 131))

    def change(bundle):
        for cue in bundle["schedule"]:
            if cue["key"] == "carry":
                cue["instructions"] = steps

    store = scaled_store(tmp_path, change)
    try:
        from app.exports.runsheet import render_personal

        (crow,) = sheets_of(store, alias="Crow")
        _text, reader = read(render_personal(crow))
        first = reader.pages[0].extract_text()
        assert "Coffin carried to the funeral parlour" in first
        assert "Step 1: keep to the left" in first and "Step 20: keep to the left" in first
        _sheet, (_master, master_reader) = master_of(store)
        assert "Step 1: keep to the left" in master_reader.pages[0].extract_text()
    finally:
        store.close()


def _numbered(n: int) -> str:
    return "\n".join(
        f"{i}. Keep to the pavement and stay with your group leader, number {i}."
        for i in range(1, n + 1)
    )


def test_a_numbered_safety_note_starts_under_its_label_not_inside_its_first_item(tmp_path):
    """ "Safety:" went after the first item's number: "1. Sécurité : Keep to the pavement"."""

    def change(bundle):
        bundle["action"]["safety_notes"] = _numbered(3)

    store = scaled_store(tmp_path, change)
    try:
        from app.exports.runsheet import render_personal

        (crow,) = sheets_of(store, alias="Crow")  # a French sheet
        text, _reader = read(render_personal(crow))
        assert "1. Sécurité" not in text
        assert "Sécurité :\n1. Keep to the pavement" in text
    finally:
        store.close()


def test_no_page_holds_the_last_line_of_a_note_alone(tmp_path):
    """A note one line too long for two pages printed a third page with that one line on it:
    the last item now takes the one before it along."""
    from app.exports.runsheet import render_personal

    for n in (54, 55):  # 55 items: one line more than two pages hold
        (tmp_path / str(n)).mkdir()
        store = scaled_store(
            tmp_path / str(n), lambda b, n=n: b["action"].update(safety_notes=_numbered(n))
        )
        try:
            (crow,) = sheets_of(store, alias="Crow")
            _text, reader = read(render_personal(crow))
        finally:
            store.close()
        last = [line for line in reader.pages[-1].extract_text().splitlines() if "pavement" in line]
        assert len(reader.pages) == 2 or len(last) >= 2, (n, last)


def test_a_master_sheet_with_nothing_in_a_section_prints_its_tables(tmp_path, caplog):
    """An action without props printed its whole master sheet "flat" (every table undone into
    a line per cell): the empty checklist's first column was only its padding wide, and an
    empty cell there a paragraph that fit nowhere. An empty section now says so."""
    import logging

    def no_props_no_people(bundle):
        bundle["action"].pop("location", None)  # no place yet either
        bundle["props"] = []
        bundle["assignments"] = []
        for cue in bundle["schedule"]:
            cue["props"] = []
            cue["participants"] = []

    store = scaled_store(tmp_path, no_props_no_people)
    try:
        with caplog.at_level(logging.WARNING):
            _sheet, (text, _reader) = master_of(store)
        assert not [r for r in caplog.records if "flat" in r.getMessage()]
        shown = flat(text)
        assert "Effectifs Aucun. Liste de contrôle des accessoires Aucun." in shown
        assert "Déroulé Heure Étape Lieu Qui" in shown  # the schedule still a table
        assert "Point de rendez-vous" not in shown  # no label with nothing after it
    finally:
        store.close()


def test_a_call_after_midnight_is_printed_beside_its_own_day(tmp_path):
    """A night vigil from Monday 22:00: Finch's call at 01:30 is on Tuesday. The sheet's date
    box said "lundi 27 mai" beside "01:30" (a day early), so did the pack's message."""
    from app.exports.pack.message import render_message
    from app.exports.runsheet import render_personal

    store = scaled_store(tmp_path, night_vigil(cue="2024-05-28T01:45", call="2024-05-28T01:30"))
    try:
        (finch,) = sheets_of(store, alias="Finch", lang="fr")
        text, _ = read(render_personal(finch))
        assert "Date mardi 28 mai" in flat(text) and "01:30" in text
        assert "mardi 28 mai" in render_message(finch)
    finally:
        store.close()


def test_a_time_keeps_its_width_when_long_words_crowd_a_table():
    """Unbreakable words in every other column (a URL, an e-mail, a long name) asked more than
    the page: every column was scaled down alike, and "02:00 (UTC+02:00)–02:10 (UTC+02:00)"
    broke inside its offset. The free columns give way; a time, a phone stay whole."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.exports.fonts import register_fonts
    from app.exports.pdfkit import fit_widths

    fonts = register_fonts()
    font = (fonts["regular"], 8.5)
    when = "02:00\u00a0(UTC+02:00)–02:10\u00a0(UTC+02:00)"
    long_word = "https://example.org/" + "x" * 60
    columns = [["Time", when], *[["Col", long_word] for _ in range(4)]]
    widths = fit_widths(columns, [font] * 5, 500, fixed=[True] + [False] * 4)
    assert abs(sum(widths) - 500) < 0.01
    assert widths[0] >= stringWidth(when, *font)
    assert min(widths[1:]) > 50  # the others share what is left


def test_names_are_listed_as_people_read_them(tmp_path):
    """ "Mourner 10, Mourner 11 … +59" skipped Mourner 7 to 9, "Do not photograph" read
    "Mourner 10, Mourner 7", and "Éloïse" came after "Zoé": numbers are numbers, and accents
    do not send a name to the end."""

    def change(bundle):
        extra = [
            {"key": f"m{n}", "alias": alias, "language": "fr", "consent": {"photos": False}}
            for n, alias in enumerate(["Mourner 10", "Zoé", "Mourner 7", "Éloïse", "Mourner 9"])
        ]
        bundle["participants"] += extra
        bundle["assignments"] += [
            {"participant": p["key"], "role": "mourner", "call_time": "2024-05-28T09:20"}
            for p in extra
        ]

    store = scaled_store(tmp_path, change)
    try:
        sheet, (text, _reader) = master_of(store)
        order = sheet.no_photo
        assert order.index("Mourner 7") < order.index("Mourner 9") < order.index("Mourner 10")
        assert order.index("Éloïse") < order.index("Finch") and order[-1] == "Zoé", order
        gather = next(line for line in sheet.schedule if line.title.startswith("Mourners"))
        assert "Éloïse, Finch" in gather.who, gather.who
    finally:
        store.close()


def test_a_cue_and_the_start_of_its_instructions_share_a_page(tmp_path):
    """A cue's row ended page 1 and its instructions began page 2 under the repeated header,
    with nothing saying which cue they belonged to (a coordinator's review of a 60-cue march)."""
    import re

    def change(bundle):
        first = bundle["schedule"][0]
        bundle["schedule"] = [
            dict(
                first,
                key=f"stage-{n}",
                title=f"Stage {n}: walk on",
                starts_at=f"2024-05-28T09:{30 + n // 2:02d}",
                minutes=1,
                instructions=f"Instruction of stage {n}. "
                + "Keep to the left. " * (20 + 3 * (n % 9)),
            )
            for n in range(40)
        ]
        for prop in bundle["props"]:
            prop.pop("cues", None)

    store = scaled_store(tmp_path, change)
    try:
        _sheet, (_text, reader) = master_of(store)
        pages = pages_text(reader)
        assert len(pages) > 2
        for n in range(40):
            title = [i for i, page in enumerate(pages) if re.search(rf"Stage {n}: walk on\b", page)]
            start = [i for i, page in enumerate(pages) if f"Instruction of stage {n}." in page]
            assert title and start and title[0] == start[0], (n, title, start)
    finally:
        store.close()


def test_the_master_sheet_and_props_card_are_titled_in_their_language(demo_store):
    """Their PDF titles, shown in the viewer's title bar, said "— Master" and "— Props card"
    in English on a French, German or Arabic sheet."""
    from app.exports.runsheet import render_props_card
    from app.exports.runsheet.master_data import props_card
    from app.services.actions import action_by_slug

    for lang, master, card in (
        ("fr", "Feuille générale", "Fiche accessoires"),
        ("de", "Gesamtblatt", "Requisitenkarte"),
        ("ar", "الورقة الرئيسية", "بطاقة المستلزمات"),
    ):
        _sheet, (_text, reader) = master_of(demo_store, lang=lang)
        assert reader.metadata.title.endswith(f" — {master}"), reader.metadata.title
        with demo_store.read() as session:
            action_id = action_by_slug(session, SLUG).id
            data = props_card(session, action_id, lang=lang, now=PRINTED)
        title = PdfReader(io.BytesIO(render_props_card(data))).metadata.title
        assert title.endswith(f" — {card}"), title


def test_a_nights_lists_say_where_the_day_changes(tmp_path):
    """A sheet dated Tuesday (the reader is called at 01:30) listed "22:30 Vigil" with no day:
    read under that date, Tuesday evening, a day late. Cues, schedules and the roster of a
    night say the day where it changes; a one-day action's lists are as before."""
    from app.exports.runsheet import render_personal

    def change(bundle) -> None:
        night_vigil(cue="2024-05-27T22:30", call="2024-05-28T01:30")(bundle)
        second = dict(bundle["schedule"][0], key="dawn", title="Dawn reading", roles=[])
        second["starts_at"] = "2024-05-28T02:00"  # nobody's own: in the whole schedule only
        bundle["schedule"].append(second)
        bundle["assignments"][0]["call_time"] = "2024-05-27T21:45"

    store = scaled_store(tmp_path, change)
    try:
        (finch,) = sheets_of(store, alias="Finch", lang="fr")
        text = flat(read(render_personal(finch))[0])
        assert "Date mardi 28 mai" in text
        assert text.count("lundi 27 mai") >= 2 and text.count("mardi 28 mai") >= 3, text
        assert text.index("lundi 27 mai 22:30") < text.index("mardi 28 mai 02:00"), text
        sheet, (master, _reader) = master_of(store, lang="fr")
        flat_master = flat(master)
        assert "lundi 27 mai 22:30" in flat_master and "mardi 28 mai 02:00" in flat_master
        calls = [p.call_time for block in sheet.roster for p in block.people]
        assert "21:45" in calls and "01:30\u00a0(mar.)" in calls, calls
        from app.exports.pack.phone_html import render_html

        page = render_html(finch)
        assert "<h3>lundi 27 mai</h3>" in page  # the cues of the reader, then all of them
        assert page.index('rowgroup">lundi 27 mai<') < page.index('rowgroup">mardi 28 mai<')
    finally:
        store.close()
    # one day: no day rows
    (tmp_path / "day").mkdir()
    day = scaled_store(tmp_path / "day", lambda bundle: None)
    try:
        (crow,) = sheets_of(day, alias="Crow", lang="fr")
        assert not [line.day for line in crow.schedule if line.day]
    finally:
        day.close()


def test_a_reader_in_every_cue_gets_the_schedule_once(tmp_path):
    """A marcher is in all 60 cues through their role: "Your cues" and the whole schedule
    printed the same 60 lines twice, an eight-page sheet."""
    from app.exports.pack.phone_html import render_html
    from app.exports.runsheet import render_personal

    def change(bundle):
        everyone = [r["key"] for r in bundle["roles"]]
        for cue in bundle["schedule"]:
            cue["roles"] = everyone

    store = scaled_store(tmp_path, change)
    try:
        (finch,) = sheets_of(store, alias="Finch", lang="en")
        assert finch.schedule and all(line.mine for line in finch.schedule)
        text = read(render_personal(finch))[0]
        assert "Whole schedule" not in text and "Your cues" in text
        assert "Whole schedule" not in render_html(finch)
    finally:
        store.close()
    (tmp_path / "demo").mkdir()
    demo = scaled_store(tmp_path / "demo", lambda bundle: None)
    try:  # in some cues only: the whole schedule shows where theirs fall
        (finch,) = sheets_of(demo, alias="Finch", lang="en")
        assert "Whole schedule (yours in bold)" in flat(read(render_personal(finch))[0])
    finally:
        demo.close()


def test_a_shared_props_quantity_says_it_is_in_all(tmp_path):
    """Each of the 40 flag carriers' cards said "Flags × 40": read as "you bring 40 flags"."""
    from app.exports.pack.message import render_message
    from app.exports.runsheet import render_personal, render_props_card

    def change(bundle):
        aliases = [p["key"] for p in bundle["participants"]][:3]
        bundle["props"].append(
            {"key": "flags", "name": "Flags", "quantity": 40, "carried_by": aliases}
        )

    store = scaled_store(tmp_path, change)
    try:
        card = _props_card(store, "en")
        text = flat(read(render_props_card(card))[0])
        assert "Flags × 40 in all" in text and "Flags × 40 with" not in text
        carrier = next(line for line in card.lines if line.prop == "Flags").alias
        (sheet,) = sheets_of(store, alias=carrier, lang="en")
        assert "Flags × 40 in all" in flat(read(render_personal(sheet))[0])
        assert "Flags × 40 in all" in render_message(sheet)
    finally:
        store.close()


def test_a_big_props_card_starts_on_its_first_page(tmp_path):
    """The cards of a march (a banner with 20 carriers, flags with 40) are taller than a page:
    kept with them, the heading began page 2, and page 1 held the title alone."""
    from app.exports.runsheet import render_props_card

    def change(bundle):
        people = [{"key": f"m{n}", "alias": f"Marcher {n}"} for n in range(60)]
        bundle["participants"] += people
        bundle["props"].append(
            {
                "key": "flags",
                "name": "Flags",
                "quantity": 60,
                "carried_by": [p["key"] for p in people],
            }
        )

    store = scaled_store(tmp_path, change)
    try:
        card = _props_card(store, "en")
        pages = pages_text(read(render_props_card(card))[1])
        assert len(pages) > 1
        assert "Who carries what, and when" in pages[0] and "Flags" in pages[0], pages[0]
    finally:
        store.close()


def _props_card(store, lang: str):
    from app.exports.runsheet.master_data import props_card
    from app.services.actions import action_by_slug

    with store.read() as session:
        return props_card(session, action_by_slug(session, SLUG).id, lang=lang, now=PRINTED)


def test_the_message_of_a_person_with_two_calls_names_both(tmp_path):
    """Owl, steward at 20:30 and night shift at 00:15, was told only "Call time: 20:30"."""
    from app.exports.pack.message import render_message

    def change(bundle) -> None:
        night_vigil(cue="2024-05-27T22:30", call="2024-05-27T21:45")(bundle)
        first = bundle["assignments"][0]
        other = next(r["key"] for r in bundle["roles"] if r["key"] != first["role"])
        bundle["assignments"].append(
            dict(first, role=other, call_time="2024-05-28T00:15", confirmed=False)
        )

    store = scaled_store(tmp_path, change)
    try:
        (crow,) = sheets_of(store, alias="Crow", lang="en")  # the first assignment's
        assert "Call time: 21:45 — Pallbearer, 00:15\u00a0(Tue) — Mourner" in render_message(crow)
    finally:
        store.close()
