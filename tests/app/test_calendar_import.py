"""Calendar import: a partner's programme becomes cues; a bad file changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

PROGRAMME = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN
BEGIN:VTIMEZONE
TZID:/mozilla.org/20070129_1/Europe/Berlin
BEGIN:STANDARD
DTSTART:19701025T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:sound-check@partner.example
SUMMARY:Sound check\\, PA system
LOCATION:Funeral parlour
DESCRIPTION:Bring the long cable.\\nAsk for Sam.
DTSTART;TZID=/mozilla.org/20070129_1/Europe/Berlin:20240528T093500
DTEND;TZID=/mozilla.org/20070129_1/Europe/Berlin:20240528T095000
END:VEVENT
BEGIN:VEVENT
UID:press-briefing@partner.example
SUMMARY:Press briefing
DTSTART:20240528T083000Z
DURATION:PT20M
END:VEVENT
BEGIN:VEVENT
UID:van-booking@venue.example
SUMMARY:Van booked
DTSTART:20240528T070000
DTEND:20240528T080000
END:VEVENT
BEGIN:VEVENT
UID:bell@partner.example
SUMMARY:Church bell
RRULE:FREQ=DAILY;COUNT=30
DTSTART;TZID=Europe/Paris:20240520T100000
DTEND;TZID=Europe/Paris:20240520T100500
END:VEVENT
BEGIN:VEVENT
UID:minute@partner.example
SUMMARY:Minute of silence
RRULE:FREQ=HOURLY;UNTIL=20240601T000000Z
EXDATE;TZID=Europe/Paris:20240528T100000
DTSTART;TZID=Europe/Paris:20240527T090000
DURATION:PT1M
END:VEVENT
BEGIN:VEVENT
UID:minute@partner.example
RECURRENCE-ID;TZID=Europe/Paris:20240528T110000
SUMMARY:Minute of silence (moved)
DTSTART;TZID=Europe/Paris:20240528T111500
DURATION:PT1M
END:VEVENT
BEGIN:VEVENT
UID:cancelled@partner.example
SUMMARY:Drummers
STATUS:CANCELLED
DTSTART:20240528T090000Z
END:VEVENT
END:VCALENDAR
"""


def _cues(store, action_id) -> list[tuple]:
    from sqlalchemy import select

    from app.domain import models as m

    with store.read() as s:
        return [
            (c.uid, c.title, c.starts_at, c.minutes, c.place, c.instructions, c.version)
            for c in s.scalars(select(m.Cue).where(m.Cue.action_id == action_id).order_by(m.Cue.id))
        ]


def _preview(store, action_id, text: str):
    from app.services.calendar_import import preview_ics

    with store.read() as s:
        return preview_ics(s, action_id, text.encode("utf-8"))


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_preview_reads_zones_recurrence_and_flags(demo_store, demo_id):
    preview = _preview(demo_store, demo_id, PROGRAMME)
    rows = {(e.title, e.starts_at): e for e in preview.events}
    # Vendor-prefixed TZID -> Europe/Berlin (CEST): 09:35 local = 07:35 UTC.
    sound = rows[("Sound check, PA system", utc(2024, 5, 28, 7, 35))]
    assert (sound.minutes, sound.place, sound.outside) == (15, "Funeral parlour", False)
    assert sound.instructions == "Bring the long cable.\nAsk for Sam."
    assert rows[("Press briefing", utc(2024, 5, 28, 8, 30))].minutes == 20
    # Floating time: read in the action's zone; before the action starts: flagged.
    van = rows[("Van booked", utc(2024, 5, 28, 5, 0))]
    assert van.outside
    # Daily rule: only the occurrence on the action's day.
    bells = [e for e in preview.events if e.title == "Church bell"]
    assert [b.starts_at for b in bells] == [utc(2024, 5, 28, 8, 0)]
    # Hourly rule: the day's 24 occurrences minus the EXDATE and the moved one, plus the move.
    minutes = [e for e in preview.events if e.title.startswith("Minute of silence")]
    assert len(minutes) == 23
    starts = {e.starts_at for e in minutes}
    assert utc(2024, 5, 28, 8, 0) not in starts  # EXDATE 10:00 Paris
    assert utc(2024, 5, 28, 9, 0) not in starts  # 11:00 moved to 11:15
    assert utc(2024, 5, 28, 9, 15) in starts
    assert sum(1 for e in minutes if not e.outside) == 1  # 11:15 (10:00 excluded, 11:00 moved)
    assert not any(e.title == "Drummers" for e in preview.events)
    assert any("Drummers" in note and "cancelled" in note for note in preview.notes)
    assert all(e.status == "new" for e in preview.events)
    assert len({e.uid for e in preview.events}) == len(preview.events)


def test_import_then_reimport_updates_instead_of_duplicating(
    demo_store, demo_id, tmp_path, cli, demo_db
):
    before = _cues(demo_store, demo_id)
    path = tmp_path / "programme.ics"
    path.write_text(PROGRAMME, encoding="utf-8")
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "created\t2024-05-28T09:35+02:00\tSound check, PA system" in lines
    assert "created\t2024-05-28T07:00+02:00\tVan booked\toutside" in lines
    assert "Drummers" in r.err
    after = _cues(demo_store, demo_id)
    assert len(after) == len(before) + len(lines)
    assert "sound-check@partner.example" in {c[0] for c in after}

    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path)
    assert r.code == 0
    assert all(line.startswith("unchanged\t") for line in r.out.splitlines())
    assert _cues(demo_store, demo_id) == after

    path.write_text(PROGRAMME.replace("20240528T093500", "20240528T094000"), encoding="utf-8")
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path)
    assert "updated\t2024-05-28T09:40+02:00\tSound check, PA system" in r.out.splitlines()
    final = {c[0]: c for c in _cues(demo_store, demo_id)}
    assert len(final) == len(after)
    sound = final["sound-check@partner.example"]
    assert (sound[2], sound[3]) == (utc(2024, 5, 28, 7, 40), 10)


def test_skip_outside_and_dry_run(demo_store, demo_id, tmp_path, cli, demo_db):
    before = _cues(demo_store, demo_id)
    path = tmp_path / "programme.ics"
    path.write_text(PROGRAMME, encoding="utf-8")
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path, "--dry-run")
    assert r.code == 0 and "created\t" in r.out
    assert _cues(demo_store, demo_id) == before
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path, "--skip-outside")
    assert "outside" not in r.out
    assert "Van booked" in r.err
    assert len(_cues(demo_store, demo_id)) == len(before) + len(r.out.splitlines())


BAD_SECOND_EVENT = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:ok@test
SUMMARY:Fine
DTSTART:20240528T080000Z
DURATION:PT10M
END:VEVENT
BEGIN:VEVENT
UID:bad@test
SUMMARY:Ends before it starts
DTSTART:20240528T090000Z
DTEND:20240528T080000Z
END:VEVENT
END:VCALENDAR
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BAD_SECOND_EVENT, "line 14: the event ends before it starts"),
        (PROGRAMME.replace("DURATION:PT20M", "DURATION:PT20"), "line 31: DURATION cannot be read"),
        (
            PROGRAMME.replace("END:VEVENT\nBEGIN:VEVENT\nUID:press", "BEGIN:VEVENT\nUID:press", 1),
            "line 26: BEGIN:VEVENT inside VEVENT (begun on line 19)",
        ),
        (
            PROGRAMME.replace("Europe/Paris:20240520T100000", "Mars/Olympus:20240520T100000"),
            "line 43: unknown time zone 'Mars/Olympus'",
        ),
        ("Hello, this is not a calendar\n", "line 1: not an iCalendar line"),
        (PROGRAMME.replace("END:VCALENDAR\n", ""), "line 1: BEGIN:VCALENDAR is never closed"),
        (
            PROGRAMME.replace("RRULE:FREQ=DAILY;COUNT=30", "RRULE:FREQ=SOMETIMES"),
            "line 42: RRULE cannot be read",
        ),
    ],
)
def test_bad_file_is_refused_with_its_line_and_changes_nothing(
    demo_store, demo_id, tmp_path, cli, demo_db, text, message
):
    before = _cues(demo_store, demo_id)
    path = tmp_path / "bad.ics"
    path.write_text(text, encoding="utf-8")
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path)
    assert r.code == 2
    assert message in r.err, r.err
    assert "Traceback" not in r.err and r.out == ""
    assert _cues(demo_store, demo_id) == before


def test_undo_takes_the_import_back(demo_store, demo_id):
    from app.services.calendar_import import apply_import, preview_ics, undo_import

    before = _cues(demo_store, demo_id)
    with demo_store.session() as s:
        outcome = apply_import(s, preview_ics(s, demo_id, PROGRAMME.encode()))
    assert len(_cues(demo_store, demo_id)) == len(before) + len(outcome.created)
    changed = PROGRAMME.replace("Sound check", "Line check")
    with demo_store.session() as s:
        second = apply_import(s, preview_ics(s, demo_id, changed.encode()))
    assert list(second.updated) and not second.created
    with demo_store.session() as s:
        undo_import(s, second)
    assert "Sound check, PA system" in {c[1] for c in _cues(demo_store, demo_id)}
    with demo_store.session() as s:
        undo_import(s, outcome)
    assert [c[:6] for c in _cues(demo_store, demo_id)] == [c[:6] for c in before]


def test_ambiguous_and_missing_local_times_follow_rfc_5545(demo_store, demo_id):
    text = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:fold@test
SUMMARY:Twice
DTSTART;TZID=Europe/Paris:20241027T021500
DURATION:PT10M
END:VEVENT
BEGIN:VEVENT
UID:gap@test
SUMMARY:Never
DTSTART;TZID=Europe/Paris:20240331T023000
DURATION:PT10M
END:VEVENT
END:VCALENDAR
"""
    rows = {e.title: e for e in _preview(demo_store, demo_id, text).events}
    assert rows["Twice"].starts_at == utc(2024, 10, 27, 0, 15)  # the first occurrence (CEST)
    assert rows["Never"].starts_at == utc(2024, 3, 31, 1, 30)  # the offset before the gap
    assert rows["Twice"].outside and rows["Never"].outside


def test_long_uids_are_kept_stable(demo_store, demo_id):
    uid = "040000008200E00074C5B7101A82E0080000000" + "A" * 80
    text = PROGRAMME.replace("sound-check@partner.example", uid)
    first = {e.title: e.uid for e in _preview(demo_store, demo_id, text).events}
    second = {e.title: e.uid for e in _preview(demo_store, demo_id, text).events}
    assert first == second
    assert len(first["Sound check, PA system"]) <= 64


def test_windows_zone_all_day_and_export_round_trip(demo_store, demo_id):
    from app.exports.calendar.export import action_calendar
    from app.services.calendar_import import apply_import, preview_ics

    text = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
BEGIN:VEVENT
UID:outlook-1
SUMMARY:Venue booking
DTSTART;TZID=W. Europe Standard Time:20240528T090000
DTEND;TZID=W. Europe Standard Time:20240528T120000
END:VEVENT
BEGIN:VEVENT
UID:all-day
SUMMARY:Square reserved
DTSTART;VALUE=DATE:20240528
DTEND;VALUE=DATE:20240529
END:VEVENT
END:VCALENDAR
"""
    with demo_store.session() as s:
        preview = preview_ics(s, demo_id, text.encode())
        apply_import(s, preview)
    rows = {e.title: e for e in preview.events}
    assert rows["Venue booking"].starts_at == utc(2024, 5, 28, 7, 0)
    assert rows["Venue booking"].minutes == 180
    assert rows["Square reserved"].starts_at == utc(2024, 5, 27, 22, 0)  # midnight in Paris
    assert rows["Square reserved"].minutes == 1440
    with demo_store.read() as s:
        exported = action_calendar(s, demo_id).decode()
    assert "UID:outlook-1\r\n" in exported
    assert "DTSTART;TZID=Europe/Paris:20240528T090000" in exported


def test_a_place_written_on_two_lines_is_one_place(demo_store, demo_id):
    """Calendars write LOCATION as "Place\\nStreet"; a cue's place and title are one line."""
    text = PROGRAMME.replace(
        "LOCATION:Funeral parlour", "LOCATION:Funeral parlour\\n16 rue du Repos\\n75020 Paris"
    ).replace("SUMMARY:Press briefing", "SUMMARY:Press\\nbriefing")
    rows = {e.uid: e for e in _preview(demo_store, demo_id, text).events}
    assert rows["sound-check@partner.example"].place == (
        "Funeral parlour, 16 rue du Repos, 75020 Paris"
    )
    assert rows["press-briefing@partner.example"].title == "Press briefing"


def test_the_plans_own_export_imported_again_changes_nothing(
    demo_store, demo_id, tmp_path, cli, demo_db
):
    """The action's own event became a cue as long as the action (which double-booked
    everybody), and a personal calendar's call time became a cue too."""
    before = _cues(demo_store, demo_id)
    plan = tmp_path / "plan.ics"
    assert cli("--db", demo_db, "export", "ics", "funeral-for-privacy", "-o", plan).code == 0
    mine = tmp_path / "crow.ics"
    r = cli(
        "--db", demo_db, "export", "ics", "funeral-for-privacy", "--participant", "Crow", "-o", mine
    )
    assert r.code == 0, r.err
    for path, left_out in ((plan, "is the action itself"), (mine, "is a call time")):
        r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path)
        assert r.code == 0, r.err
        assert r.out and all(line.startswith("unchanged\t") for line in r.out.splitlines()), r.out
        assert f"{left_out}, not a cue: left out" in r.err, r.err
    assert _cues(demo_store, demo_id) == before
