"""Arabic run-sheets of a plan written in English: every time reads whole, and every table
from the right.

The lines below are what the eye meets left to right (the PDF's drawing order); an Arabic
reader takes them from the right, so "9:30 ص–9:45 ص" must come out as "ص 9:45–ص 9:30". Before,
a time cell set left to right gave "ص–9:45 ص 9:30" (the range torn apart) and "9:45 ص" (read
"ص 9:45"), a Latin place before a time took the time's digits ("9:45 · Boulevard …", then
"ص–9:55 ص" on the next line), and a line could break at the no-break space inside "9:45 ص"."""

from __future__ import annotations

import re

from pypdf import PdfReader

SLUG = "funeral-for-privacy"
INVISIBLE = re.compile("[\u200e\u200f\u2066-\u2069]")


def seen_lines(path) -> list[str]:
    """Each line of every page as drawn, left to right, invisible marks and doubled spaces out."""
    lines = []
    for page in PdfReader(path).pages:
        found: dict[float, str] = {}

        def visit(text, cm, tm, _font, _size, found=found):
            if text.strip():
                y = round(cm[5] + tm[5] * cm[3], 1)
                found[y] = found.get(y, "") + text

        page.extract_text(visitor_text=visit)
        lines += [" ".join(INVISIBLE.sub("", t).split()) for _y, t in sorted(found.items())[::-1]]
    return lines


def x_of(path, needle: str, *, size: float = 0, page: int = 0) -> float:
    """Where on the first page (or ``page``) the first piece of text holding ``needle`` (set
    at least ``size`` points large) starts, in points from the left edge."""
    found: list[float] = []

    def visit(text, cm, tm, _font, font_size):
        if needle in text and font_size * tm[0] >= size:
            found.append(cm[4] + tm[4] * cm[0])

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    assert found, needle
    return found[0]


def _export(cli, db, out, *extra):
    r = cli("--db", db, "export", "runsheet", SLUG, "--lang", "ar", "-o", out, *extra)
    assert r.code == 0, r.err
    return seen_lines(out)


def test_the_volunteer_sheet_reads_every_time_whole(cli, demo_db, tmp_path):
    lines = _export(cli, demo_db, tmp_path / "crow.pdf", "--participant", "Crow")
    torn = [line for line in lines if "ص–" in line]
    assert not torn, torn
    assert "ص 9:45" in lines and "9:45 ص" not in lines  # the cue's big time, from the right
    assert any("ص 9:55–ص 9:45" in line for line in lines)  # beside "Boulevard de Ménilmontant"
    assert "ص 11:30–ص 9:30 ·" in lines[2], lines[:4]  # the day: date, hours, place
    # what Crow carries: the box first from the right, the times an Arabic list ("… و10:00 ص")
    carry = [line for line in lines if "Coffin marked PRIVACY ☐" in line]
    assert carry and carry[0].endswith("Coffin marked PRIVACY ☐") and "ص و" in carry[0], carry
    # the whole schedule: a table read from the right, its time column at the right edge
    mourners = [line for line in lines if "Mourners gather in black" in line]
    assert mourners and mourners[0] == "Main gate Mourners gather in black ص 9:45–ص 9:30"
    # a cue: its big time at the right, its title beside it, the place at the left
    sheet = tmp_path / "crow.pdf"
    title = x_of(sheet, "Hearse parks at the gate")
    assert x_of(sheet, "9:55", size=7) < title < x_of(sheet, "9:45", size=13)
    # no time of a bold row breaks before its "ص" (the column was 2 points too narrow)
    assert not [line for line in lines if line == "ص"]


def test_the_master_sheet_and_props_card_read_every_time_whole(cli, demo_db, tmp_path):
    master = _export(cli, demo_db, tmp_path / "master.pdf")
    assert not [line for line in master if "ص–" in line]
    hearse = [line for line in master if "Hearse parks at" in line]  # its title wraps
    assert hearse and hearse[0].endswith("Hearse parks at ص 9:55–ص 9:45"), hearse  # at the right
    # the time column is as wide as its widest time drawn in the Arabic font (reportlab measured
    # it in the Latin one, and "10:00 ص–10:10 ص" left its last "ص" on a line of its own)
    wrapped = [line for line in master if re.match(r"\d+:\d\d–ص|ص$", line)]
    assert not wrapped, wrapped
    # "Still to fix": Finch refused photos in «Wreath laid on the coffin» (10:20 ص) and «Photo
    # call…»; a time after a Latin title joined the title and pulled in the "و" (and) after it
    finch = [line for line in master if "Finch" in line and "Wreath laid on the coffin" in line]
    assert finch and "(10:20 و)" not in finch[0] and ") ص10:20(" in finch[0], finch
    card = _export(cli, demo_db, tmp_path / "card.pdf", "--props-card")
    coffin = [line for line in card if "Hearse parks at the gate" in line]
    assert coffin and all("ص 9:45" in line for line in coffin), coffin
    # whose line it is comes first from the right: the alias, then what, then when
    path = tmp_path / "card.pdf"
    assert x_of(path, "Pack up and disperse") < x_of(path, "Coffin marked") < x_of(path, "Crow")


def test_the_master_sheets_roster_props_and_tasks_read_from_the_right(cli, demo_db, tmp_path):
    """Every header label starts at the right of its column; a role's count stays beside it
    (")4 من4( Pallbearer", not ")4 منPallbearer (4"); a date reads "2024/05/23" from the right
    (it came out "232024/05/"); a prop's times are a list of whole times with Arabic commas."""
    path = tmp_path / "master.pdf"
    master = _export(cli, demo_db, path)
    page = next(
        i for i, p in enumerate(PdfReader(path).pages) if "الاسم المستعار" in p.extract_text()
    )
    # an alias is a label of the sheet: under its header, from the right (it stood at the left
    # edge beside the call time, the right half of every row empty)
    assert x_of(path, "Crow", page=page) > x_of(path, "الاسم المستعار", page=page)
    roles = [line for line in master if line.endswith("Pallbearer")]
    assert roles == [")4 من4( Pallbearer"], roles
    declare = next(line for line in master if "Declare the action" in line)
    assert "2024/05/23" in declare and "232024/05/" not in declare, declare
    hearse = next(line for line in master if line.endswith("Hearse ☐"))
    assert hearse.startswith("ص 11:10 ص، 9:45"), hearse


def test_an_arabic_plan_reads_from_the_right_in_every_cell(cli, tmp_path):
    """The demo written in Arabic: a cell of the plan's own words reads right to left from the
    right edge of its column ("زاوية rue de la Roquette" began at the left, its Latin street
    first); an English plan's cells stay left to right (the tests above)."""
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")  # the demo is written in the window's language
    assert cli("--db", db, "demo").code == 0
    master = _export(cli, db, tmp_path / "master.pdf")
    corner = [line for line in master if "rue de la" in line]  # drawn left to right
    assert corner and "rue de laزاوية" in corner[0] and "زاويةrue" not in corner[0], corner


def test_the_arabic_release_prints_its_press_phone_the_right_way_round(cli, tmp_path):
    """The contact line "المكتب الإعلامي · +33 1 00 00 00 00 · media@…" is right to left; the
    number, with no letter of its own, came out in reversed groups ("00 00 00 00 1 33+")."""
    from app import i18n

    db, out = tmp_path / "ar.sqlite3", tmp_path / "release.pdf"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    r = cli("--db", db, "export", "press", SLUG, "--lang", "ar", "--format", "pdf", "-o", out)
    assert r.code == 0, r.err
    contact = [line for line in seen_lines(out) if "media@" in line]
    assert contact and "+33 1 00 00 00 00" in contact[0], contact


def test_an_arabic_plan_separates_its_lists_with_arabic_punctuation(cli, tmp_path):
    """A cue's people ("مشيِّع (Finch، Kestrel…)؛ منظِّم ميداني (Jay، Swift)"), its props and
    the names under "do not photograph" are lists of the sheet's language: the Latin ", " and
    "; " printed between Arabic words ("سيارة نقل الموتى, نعش كُتب عليه")."""
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    master = _export(cli, db, tmp_path / "master.pdf")
    assert not [line for line in master if "الموتى," in line or "); " in line], master
    assert any("سيارة نقل الموتى، نعش" in line for line in master), master
    # (the extracted text puts each Arabic comma after the space its font drew it with)
    names = re.compile("Finch ?، ?Kestrel ?، ?Lark")
    assert any(names.search(line) for line in master), master
    assert any("؛ منظِّم ميداني" in line for line in master), master  # before the next role
    # under "Do not photograph", read from the right: Finch first (drawn left to right here)
    assert "Raven ،Finch" in master or "Raven، Finch" in master, master
    crow = _export(cli, db, tmp_path / "crow.pdf", "--participant", "Crow")
    assert not [line for line in crow if "); " in line or "الموتى," in line], crow


def test_a_latin_address_starts_where_its_meeting_point_does(cli, demo_db, tmp_path):
    """The Arabic plan's meeting point starts at the right; the Paris address under it, all in
    Latin letters, stood alone at the left edge. Under an English meeting point (an English
    plan on an Arabic sheet) it stays at the left with it."""
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    half = 595 / 2
    for extra in ((), ("--participant", "Crow")):
        _export(cli, db, tmp_path / "ar.pdf", *extra)
        assert x_of(tmp_path / "ar.pdf", "16 rue du Repos") > half, extra
        _export(cli, demo_db, tmp_path / "en.pdf", *extra)
        assert x_of(tmp_path / "en.pdf", "16 rue du Repos") < half, extra


def test_the_phone_sheet_sets_the_address_under_its_meeting_point(cli, demo_db, tmp_path):
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    for base, right in ((db, True), (demo_db, False)):
        out = tmp_path / "sheet.html"
        args = ("export", "runsheet", SLUG, "--participant", "Crow", "--lang", "ar")
        assert cli("--db", base, *args, "--format", "html", "-o", out).code == 0
        page = out.read_text(encoding="utf-8")
        address = next(p for p in re.findall(r"<p [^>]*>[^<]*</p>", page) if "rue du Repos" in p)
        assert ("text-align:right" in address) is right, address


def test_the_print_time_names_its_zone_with_the_arabic_comma(cli, tmp_path):
    """Every sheet's footer says when it was printed and where: "(باريس, غرينتش+01:00)" put a
    Latin comma between the city and its offset; so did the printed_at of every language."""
    from datetime import UTC, datetime

    from app import i18n
    from app.exports.runsheet.data import printed_at

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    for extra in ((), ("--participant", "Crow")):
        footer = [line for line in _export(cli, db, tmp_path / "s.pdf", *extra) if "غرينتش" in line]
        assert footer, extra
        assert not [line for line in footer if "," in line], footer
        assert any(re.search("باريس ?، ?غرينتش", line) for line in footer), footer
    now = datetime(2024, 5, 26, 15, 2, tzinfo=UTC)
    assert "(Paris, GMT+02:00)" in printed_at("en", now, "Europe/Paris")
    assert "(باريس، غرينتش+02:00)" in printed_at("ar", now, "Europe/Paris")


def test_the_phone_sheet_and_message_list_with_the_arabic_comma(tmp_path):
    """A volunteer reading Arabic gets the pack's message and phone sheet: their roles, the
    meeting point and its address, the names under "do not photograph" were joined with ", "."""
    from app import i18n
    from app.exports.pack.message import render_message
    from app.exports.pack.phone_html import render_html
    from app.exports.runsheet.data import personal_sheets
    from app.services.actions import action_by_slug
    from app.services.demo import add_demo_to
    from app.storage.engine import open_store

    i18n.set_ui_language("ar")
    store = open_store(str(tmp_path / "ar.sqlite3"))
    try:
        add_demo_to(store)
        with store.session() as s:
            action = action_by_slug(s, SLUG)
            sheet = next(
                sh
                for sh in personal_sheets(s, action.id, lang="ar")
                if len(sh.roles) >= 1 and sh.no_photo and sh.header.address
            )
    finally:
        store.close()
    message = render_message(sheet)
    meeting = next(line for line in message.splitlines() if sheet.header.address in line)
    assert "، " + sheet.header.address in meeting and ", 16" not in meeting, meeting
    page = render_html(sheet)
    names = "، ".join(sheet.no_photo)
    assert names in page and ", ".join(sheet.no_photo) not in page


def test_the_phone_sheet_keeps_a_cues_hours_whole_after_a_latin_place(cli, tmp_path):
    """Under a cue of the Arabic phone sheet, "Boulevard de Ménilmontant · 9:45 ص–9:55 ص" was
    a left-to-right line (its first letter Latin): the hours came out "9:45 –ص" and "9:55 ص"
    on the next line. The line runs in the sheet's direction, the place isolated, as on paper."""
    from app import i18n

    db = tmp_path / "ar.sqlite3"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    out = tmp_path / "crow.html"
    args = ("export", "runsheet", SLUG, "--participant", "Crow", "--lang", "ar")
    assert cli("--db", db, *args, "--format", "html", "-o", out).code == 0
    page = out.read_text(encoding="utf-8")
    line = next(p for p in re.findall(r'<p class="muted".*?</p>', page) if "Ménil" in p)
    assert 'dir="rtl"' in line and "\u2068Boulevard de Ménilmontant\u2069 · " in line, line
    assert '<span style="white-space:nowrap">9:45\xa0ص–9:55\xa0ص</span>' in line, line


def test_a_long_arabic_instruction_keeps_its_direction_across_its_slices():
    """A cue's instruction of thousands of characters is cut into rows of the master sheet;
    each slice took the direction of its own first letter, so the paragraph flipped to the
    left (its full stops to the wrong side) at every slice that opened with a Latin word."""
    from app.exports.pdfkit import text_flow
    from app.exports.runsheet.organiser import CHUNK, _slices

    line = " ".join(["تعليمات مفصلة"] * 40 + ["instructions détaillées"] * 40 + ["تعليمات"] * 150)
    assert len(line) > 2 * CHUNK
    slices = _slices(line)
    assert len(slices) >= 3 and slices[1][0].startswith("instructions")
    shown = [text_flow(piece, "tiny", direction=side)[0] for piece, side in slices]
    assert [p.rtl for p in shown] == [True] * len(shown)
    assert _slices("Walk slowly.") == [("Walk slowly.", None)]  # a short line: its own way


def test_an_arabic_release_sets_a_latin_speaker_and_contact_from_the_right(cli, tmp_path):
    """The attribution "— Owl" (a Latin name alone) stood at the far left under a quote whose
    rule is on the right, and so did an all-Latin contact line under its Arabic heading."""
    from sqlalchemy import update

    from app import i18n
    from app.domain import models as m
    from app.storage.engine import open_store

    db, out = tmp_path / "ar.sqlite3", tmp_path / "release.pdf"
    i18n.set_ui_language("ar")
    assert cli("--db", db, "demo").code == 0
    store = open_store(str(db))
    with store.session() as s:
        s.execute(update(m.Quote).values(speaker="Owl"))
        s.execute(update(m.PressContact).values(label="Service presse"))
    store.close()
    r = cli("--db", db, "export", "press", SLUG, "--lang", "ar", "--format", "pdf", "-o", out)
    assert r.code == 0, r.err
    middle = float(PdfReader(out).pages[0].mediabox.width) / 2
    assert x_of(out, "Owl") > middle, x_of(out, "Owl")
    assert x_of(out, "Service presse") > middle - 150  # the line ends at the right margin
