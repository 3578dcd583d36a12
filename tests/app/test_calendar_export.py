"""Calendar export: read back by vobject (an independent parser), instants checked two ways.

RFC 5545 way: the TZID is an IANA name and a repeated local time means its first occurrence.
VTIMEZONE way: the file's own VTIMEZONE, read by ``dateutil.tz.tzical`` (for clients without
the IANA database). vobject's own zone reading is not trusted (see shared/FACTS.md).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import DEMO_DAY

PARIS = ZoneInfo("Europe/Paris")


def read_ics(data: bytes) -> dict:
    """uid -> what a client reads: summary, sequence, status, and both instants of start/end."""
    import vobject
    from dateutil.tz import tzical

    text = data.decode("utf-8")
    cal = vobject.readOne(text)
    zones = tzical(io.StringIO(text)) if "BEGIN:VTIMEZONE" in text else None
    out = {}
    for comp in cal.getChildren():
        if comp.name not in ("VEVENT", "VTODO"):
            continue
        item = {
            "kind": comp.name,
            "summary": comp.summary.value,
            "sequence": int(comp.sequence.value),
            "status": comp.status.value,
            "text": comp.serialize(),
        }
        for name in ("dtstart", "dtend"):
            if not hasattr(comp, name):
                continue
            prop = getattr(comp, name)
            tzid = prop.params.get("X-VOBJ-ORIGINAL-TZID", [None])[0]
            value = prop.value
            if tzid:
                naive = value.replace(tzinfo=None)
                rfc = naive.replace(tzinfo=ZoneInfo(tzid), fold=0).astimezone(UTC)
                own = naive.replace(tzinfo=zones.get(tzid), fold=0).astimezone(UTC)
            else:
                assert value.tzinfo is not None, "a floating time in an export"
                rfc = own = value.astimezone(UTC)
            item[name] = (rfc, own)
        out[comp.uid.value] = item
    return out


def paris(y, mo, d, h, mi, fold=0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=PARIS, fold=fold).astimezone(UTC)


@pytest.fixture
def fallback_action(store):
    """Europe/Paris, 27 Oct 2024: cues before, in both occurrences of 02:00–03:00, and after."""
    from app.services import edits

    starts = [
        ("Before", paris(2024, 10, 27, 1, 30)),
        ("First 02:00", paris(2024, 10, 27, 2, 0)),
        ("First 02:15", paris(2024, 10, 27, 2, 15)),
        ("Second 02:00", paris(2024, 10, 27, 2, 0, fold=1)),
        ("Second 02:15", paris(2024, 10, 27, 2, 15, fold=1)),
        ("Second 02:59", paris(2024, 10, 27, 2, 59, fold=1)),
        ("After", paris(2024, 10, 27, 3, 0)),
    ]
    with store.session() as s:
        action_id = edits.create(
            s,
            "action",
            title="Night vigil",
            timezone="Europe/Paris",
            starts_at=paris(2024, 10, 27, 1, 0),
            ends_at=paris(2024, 10, 27, 4, 0),
        )
        ids = {
            title: edits.create(s, "cue", action_id=action_id, title=title, starts_at=t, minutes=10)
            for title, t in starts
        }
    return action_id, dict(starts), ids


def _export(store, action_id) -> bytes:
    from app.exports.calendar.export import action_calendar

    with store.read() as s:
        return action_calendar(s, action_id)


def test_fall_back_hour_instants_are_right_both_ways(store, fallback_action):
    from app.domain import models as m

    action_id, planned, ids = fallback_action
    data = _export(store, action_id)
    read = read_ics(data)
    with store.read() as s:
        uids = {title: s.get(m.Cue, i).uid for title, i in ids.items()}
    for title, instant in planned.items():
        event = read[uids[title]]
        rfc, own = event["dtstart"]
        assert rfc == instant, title
        assert own == instant, title
        assert event["dtend"] == (instant + timedelta(minutes=10),) * 2
    text = data.decode()
    # The second occurrence cannot be a local time with a TZID: it is written in UTC.
    assert "DTSTART:20241027T010000Z" in text  # 02:00 CET
    assert "DTSTART;TZID=Europe/Paris:20241027T020000" in text  # 02:00 CEST
    # The onset of winter time is the local time before the change (RFC 5545 3.6.5).
    assert "DTSTART:20241027T030000\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200" in text


@pytest.mark.parametrize(
    ("zone", "local"),
    [
        ("Europe/Paris", datetime(2051, 10, 29, 2, 30)),
        ("America/New_York", datetime(1962, 4, 29, 9, 0)),
        ("Australia/Lord_Howe", datetime(2040, 4, 1, 1, 45)),
    ],
)
def test_vtimezone_covers_dates_outside_1970_2038(store, zone, local):
    from app.services import edits

    tz = ZoneInfo(zone)
    start = local.replace(tzinfo=tz).astimezone(UTC)
    with store.session() as s:
        action_id = edits.create(
            s,
            "action",
            title="Far",
            timezone=zone,
            starts_at=start,
            ends_at=start + timedelta(hours=30),
        )
        for hours in range(0, 30, 2):
            edits.create(
                s,
                "cue",
                action_id=action_id,
                title=f"+{hours}h",
                starts_at=start + timedelta(hours=hours),
                minutes=5,
            )
    read = read_ics(_export(store, action_id))
    seen = {e["summary"]: e["dtstart"] for e in read.values()}
    for hours in range(0, 30, 2):
        expected = start + timedelta(hours=hours)
        assert seen[f"+{hours}h"] == (expected, expected)
    assert "only works from 1970" not in _export(store, action_id).decode()


def test_demo_action_file(demo_store, demo_id):
    from app.storage.rows import load_action

    data = _export(demo_store, demo_id)
    read = read_ics(data)
    with demo_store.read() as s:
        action = load_action(s, demo_id)
        cues = [(c.uid, c.title, c.starts_at, c.ends_at) for c in action.cues]
        tasks = [(t.uid, t.title, t.due, t.done) for t in action.tasks]
        people = [(p.participant.full_name, p.participant.phone) for p in action.assignments]
        main = read[action.uid]
        assert main["dtstart"] == (action.starts_at,) * 2
        assert main["dtend"] == (action.ends_at,) * 2
    assert main["summary"] == "Funeral for privacy at Père-Lachaise"
    assert "GEO:48.861400;2.393300" in main["text"]
    # The action's own file is in its main language (French).
    assert "Point de rendez-vous\u00a0: Boulevard de Ménilmontant" in main["text"].replace(
        "\r\n ", ""
    )
    assert main["status"] == "CONFIRMED"
    for uid, title, start, end in cues:
        assert read[uid]["summary"] == title
        assert read[uid]["dtstart"] == (start, start)
        assert read[uid]["dtend"] == (end, end)
    for uid, _title, due, done in tasks:
        assert read[uid]["kind"] == "VTODO"
        assert read[uid]["status"] == ("COMPLETED" if done else "NEEDS-ACTION")
        if due:
            assert f"DUE;VALUE=DATE:{due:%Y%m%d}" in read[uid]["text"]
    assert len(read) == 1 + len(cues) + len(tasks)
    text = data.decode()
    for full_name, phone in people:
        assert full_name not in text
        assert not phone or phone not in text
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_uids_stable_and_sequence_grows_after_an_edit(demo_store, demo_id):
    from app.services import edits
    from app.storage.rows import load_action

    before = read_ics(_export(demo_store, demo_id))
    with demo_store.read() as s:
        action = load_action(s, demo_id)
        cue_id, cue_uid = action.cues[1].id, action.cues[1].uid
        other_uid = action.cues[2].uid
    again = read_ics(_export(demo_store, demo_id))
    assert {u: e["sequence"] for u, e in again.items()} == {
        u: e["sequence"] for u, e in before.items()
    }
    with demo_store.session() as s:
        edits.update(s, "cue", cue_id, title="Hearse parks at the side gate")
    after = read_ics(_export(demo_store, demo_id))
    assert set(after) == set(before)
    assert after[cue_uid]["summary"] == "Hearse parks at the side gate"
    assert after[cue_uid]["sequence"] > before[cue_uid]["sequence"]
    assert after[other_uid]["sequence"] == before[other_uid]["sequence"]

    with demo_store.session() as s:
        edits.update(s, "action", demo_id, status="cancelled")
    cancelled = read_ics(_export(demo_store, demo_id))
    for uid, event in cancelled.items():
        assert event["status"] == "CANCELLED" or event["kind"] == "VTODO", event["summary"]
        assert event["sequence"] > after[uid]["sequence"]


def _person_file(store, action_id, alias) -> bytes:
    from app.exports.calendar.export import participant_calendar
    from app.services.actions import participant_by_alias

    with store.read() as s:
        return participant_calendar(s, action_id, participant_by_alias(s, alias).id)


def test_a_persons_file_holds_their_part_and_nothing_of_others(demo_store, demo_id):
    from app.services.settings import update_settings
    from app.storage.rows import load_action

    with demo_store.read() as s:
        action = load_action(s, demo_id)
        crow = next(a for a in action.assignments if a.participant.alias == "Crow")
        roles = {a.role_id for a in action.assignments if a.participant_id == crow.participant_id}
        mine = {
            c.uid
            for c in action.cues
            if roles & {r.id for r in c.roles}
            or crow.participant_id in {p.id for p in c.participants}
        }
        others = [
            (p.alias, p.full_name, p.phone, p.email)
            for p in (a.participant for a in action.assignments)
            if p.id != crow.participant_id
        ]
        call = crow.call_time
        crow_uid = crow.uid
    data = _person_file(demo_store, demo_id, "Crow")
    read = read_ics(data)
    assert set(read) == mine | {crow_uid}
    assert read[crow_uid]["dtstart"] == (call, call)
    assert read[crow_uid]["summary"].endswith("Funeral for privacy at Père-Lachaise")
    assert "TRIGGER:-PT1H" in read[crow_uid]["text"]
    text = data.decode()
    for person in others:
        for value in person:
            assert not value or value not in text, value
    assert "Camille Martin" not in text  # Crow's own full name: aliases only
    with demo_store.session() as s:
        update_settings(s, alarm_minutes=30)
    again = read_ics(_person_file(demo_store, demo_id, "Crow"))
    assert "TRIGGER:-PT30M" in again[crow_uid]["text"]
    assert again[crow_uid]["sequence"] > read[crow_uid]["sequence"]


def test_text_escaping_and_folding_round_trip(store):
    from icalendar import Calendar

    from app.services import edits

    title = "Banner; wreath, coffin \\ «Rest in Peace Privacy» — 🕯️ " * 4
    with store.session() as s:
        action_id = edits.create(
            s,
            "action",
            title="Vigil",
            timezone="Europe/Paris",
            starts_at=paris(2024, 5, 28, 9, 0),
            ends_at=paris(2024, 5, 28, 11, 0),
        )
        edits.create(
            s,
            "cue",
            action_id=action_id,
            title=title.strip()[:300],
            instructions="Line one\nLine two, with a comma; and a semicolon",
            starts_at=paris(2024, 5, 28, 9, 30),
            minutes=15,
        )
    data = _export(store, action_id)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event = Calendar.from_ical(data).walk("VEVENT")[1]
    assert str(event["SUMMARY"]) == title.strip()[:300]
    assert str(event["DESCRIPTION"]) == "Line one\nLine two, with a comma; and a semicolon"


def test_cli_export_each_and_participant(cli, demo_db, tmp_path):
    folder = tmp_path / "calendars"
    r = cli("--db", demo_db, "export", "ics", "funeral-for-privacy", "-o", folder, "--each")
    assert r.code == 0, r.err
    names = sorted(p.name for p in folder.iterdir())
    assert "Crow.ics" in names and "Magpie.ics" in names
    assert r.out.splitlines() == [str(folder / n) for n in names]
    for path in folder.iterdir():
        read_ics(path.read_bytes())  # vobject reads every file

    out = tmp_path / "crow.ics"
    export = ("--db", demo_db, "export", "ics", "funeral-for-privacy", "-o", out)
    r = cli(*export, "--participant", "crow")
    assert r.code == 0, r.err
    assert out.read_bytes().count(b"BEGIN:VALARM") == 1

    r = cli(*export, "--participant", "Nobody")
    assert r.code == 2
    assert "Nobody" in r.err and "Traceback" not in r.err

    whole = tmp_path / "plan.ics"
    r = cli("--db", demo_db, "export", "ics", "funeral-for-privacy", "-o", whole)
    assert r.code == 0 and r.out.strip() == str(whole)
    assert DEMO_DAY.strftime("%Y%m%d") in whole.read_text(encoding="utf-8")


ZONES = [
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",  # a 30-minute shift
    "America/Santiago",  # changes at midnight
    "Asia/Tehran",
    "Pacific/Apia",  # skipped a whole day in 2011
    "Europe/Dublin",  # negative DST in the IANA data
]


@pytest.mark.parametrize("zone_name", ZONES)
def test_instants_around_every_clock_change_read_back_the_same_both_ways(zone_name):
    """Around each offset change of years from 1916 to 2077 (IANA history, the POSIX rule after
    2037): the minutes before, at and after it, written by the exporter's writer."""
    from app.exports.calendar.ics import IcsWriter
    from app.exports.calendar.vtimezone import transitions

    tz = ZoneInfo(zone_name)
    checked = 0
    for year in (1916, 1950, 1975, 2011, 2024, 2040, 2077):
        start = datetime(year, 1, 1, tzinfo=UTC)
        instants = [start + timedelta(days=45, minutes=year)]
        for at, _offset in transitions(tz, start, start.replace(year=year + 1)):
            instants += [at + timedelta(minutes=m) for m in (-61, -60, -31, -1, 0, 1, 30, 59, 61)]
        w = IcsWriter(zone_name)
        for n, at in enumerate(instants):
            w.begin("VEVENT")
            for name, value in (("UID", str(n)), ("DTSTAMP", "20240101T000000Z")):
                w.prop(name, value)
            for name, value in (("SEQUENCE", "0"), ("SUMMARY", "x"), ("STATUS", "CONFIRMED")):
                w.prop(name, value)
            w.when("DTSTART", at)
            w.end("VEVENT")
        read = read_ics(w.to_bytes())
        for n, expected in enumerate(instants):
            assert read[str(n)]["dtstart"] == (expected, expected), (zone_name, expected)
            checked += 1
    assert checked > 7


def test_the_place_is_listed_with_the_actions_own_comma(store):
    """LOCATION joins the place and its address as the action's language writes a list: an
    Arabic action's with "، " (it read "مقبرة بير لاشيز, 16 شارع ريبو" with a Latin comma)."""
    import vobject

    from app.exports.calendar.export import action_calendar
    from app.services import edits

    start = paris(2025, 3, 8, 10, 0)
    places = {}
    for lang, name, address in (
        ("ar", "مقبرة بير لاشيز", "16 شارع ريبو، باريس"),
        ("fr", "Cimetière du Père-Lachaise", "16 rue du Repos, Paris"),
    ):
        with store.session() as s:
            action_id = edits.create(
                s,
                "action",
                title=f"Vigil {lang}",
                timezone="Europe/Paris",
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                languages=[lang],
                location_name=name,
                address=address,
            )
        with store.read() as s:
            cal = vobject.readOne(action_calendar(s, action_id).decode())
        places[lang] = next(c for c in cal.getChildren() if c.name == "VEVENT").location.value
    assert places == {
        "ar": "مقبرة بير لاشيز، 16 شارع ريبو، باريس",
        "fr": "Cimetière du Père-Lachaise, 16 rue du Repos, Paris",
    }


def test_two_roles_called_at_the_same_time_ring_once(demo_store, demo_id):
    """A person with two roles called at 00:45 got two call-time events, two alarms."""
    from app.services import edits
    from app.storage.rows import load_action

    with demo_store.session() as s:
        action = load_action(s, demo_id)
        crow = next(a for a in action.assignments if a.participant.alias == "Crow")
        other = next(r for r in action.roles if r.id != crow.role_id)
        edits.create(
            s,
            "assignment",
            action_id=demo_id,
            participant_id=crow.participant_id,
            role_id=other.id,
            call_time=crow.call_time,
        )
    read = read_ics(_person_file(demo_store, demo_id, "Crow"))
    calls = [e for e in read.values() if "TRIGGER:" in e["text"]]  # the call has the alarm
    assert len(calls) == 1, [e["summary"] for e in calls]
