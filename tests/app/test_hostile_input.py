"""Hostile input is refused cleanly where it enters (exit 2, a short message naming the field),
and whatever is accepted never breaks ``check`` or an export afterwards."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from app.domain.errors import DomainError
from app.services import edits
from app.services.demo import demo_bundle

DEMO = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))


def _bundle(tmp_path, change=None, *, raw: str | None = None):
    data = copy.deepcopy(DEMO)
    if change is not None:
        change(data)
    path = tmp_path / "hostile.json"
    path.write_text(raw if raw is not None else json.dumps(data), encoding="utf-8")
    return path


def _set(path: tuple, value):
    def change(data):
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


REFUSED = [
    ("minutes", ("schedule", 0, "minutes"), 99_999_999_999, "schedule[0].minutes: must be at most"),
    ("minutes 2**63", ("schedule", 0, "minutes"), 2**63, "schedule[0].minutes: must be at most"),
    ("needed 2**64", ("roles", 0, "needed"), 2**64, "roles[0].needed: must be at most"),
    ("quantity", ("props", 0, "quantity"), 10**12, "props[0].quantity: must be at most"),
    ("cost 1e100", ("props", 0, "cost"), "1e100", "props[0].cost: must be less than"),
    ("cost NaN", ("props", 0, "cost"), "NaN", "props[0].cost:"),
    ("year 1", ("action", "starts_at"), "0001-01-01T00:30+01:00", "action.starts_at:"),
    ("year 9999", ("action", "ends_at"), "9999-12-31T23:30-01:00", "action.ends_at:"),
    ("cue year 1", ("schedule", 0, "starts_at"), "0001-01-01T00:00", "schedule[0].starts_at:"),
    ("date 9999", ("participants", 0, "retain_until"), "9999-12-31", "retain_until:"),
    ("slug --", ("action", "slug"), "--", "action.slug:"),
    ("slug -x", ("action", "slug"), "-x", "action.slug:"),
    ("surrogate", ("action", "title"), "\ud800 funeral", "action.title: contains a character"),
    ("surrogate key", ("roles", 0, "key"), "\udfff", "roles[0].key: contains a character"),
]


_IDS = [r[0] for r in REFUSED]


@pytest.mark.parametrize(
    ("label", "path", "value", "message"), REFUSED, ids=[r[0] for r in REFUSED]
)
def test_hostile_values_are_refused_with_exit_2(
    cli, db_path, tmp_path, label, path, value, message
):
    r = cli("--db", db_path, "import", _bundle(tmp_path, _set(path, value)))
    assert r.code == 2, r
    assert message in r.err
    assert "internal error" not in r.err
    assert cli("--db", db_path, "list").out == ""  # nothing was written


def test_a_number_of_more_than_4300_digits_is_refused(cli, db_path, tmp_path):
    import re

    raw = re.sub(r'"needed": \d+', '"needed": ' + "9" * 5000, json.dumps(DEMO), count=1)
    assert "9" * 5000 in raw
    r = cli("--db", db_path, "import", _bundle(tmp_path, raw=raw))
    assert r.code == 2, r
    assert "not valid JSON" in r.err and len(r.err) < 300


def test_nan_and_infinity_are_not_json_numbers(cli, db_path, tmp_path):
    raw = json.dumps(DEMO).replace('"latitude": 48.8614', '"latitude": NaN', 1)
    assert "NaN" in raw
    r = cli("--db", db_path, "import", _bundle(tmp_path, raw=raw))
    assert r.code == 2 and "not valid JSON" in r.err


def test_an_error_quotes_only_a_short_prefix_of_the_bad_value(cli, db_path, tmp_path):
    huge = "Europe/" + "x" * 5_000_000
    r = cli("--db", db_path, "import", _bundle(tmp_path, _set(("action", "timezone"), huge)))
    assert r.code == 2
    assert "action.timezone: unknown time zone" in r.err
    assert len(r.err) < 1000
    r = cli("--db", db_path, "import", _bundle(tmp_path, _set(("action", "country"), "q" * 10**6)))
    assert r.code == 2 and len(r.err) < 1000


def test_values_at_the_bounds_import_and_every_export_works(cli, db_path, tmp_path):
    def change(data):
        data["schedule"][0]["minutes"] = 7 * 24 * 60
        data["roles"][0]["needed"] = 100_000
        data["props"][0]["quantity"] = 100_000
        data["props"][0]["cost"] = "9999999999.99"

    r = cli("--db", db_path, "import", _bundle(tmp_path, change))
    assert r.code == 0, r.err
    slug = r.out.strip()
    assert cli("--db", db_path, "check", slug).code in (0, 3)
    for args in (
        ("export", "runsheet", slug, "-o", tmp_path / "master.pdf"),
        ("export", "runsheet", slug, "-o", tmp_path / "each", "--each"),
        ("export", "runsheet", slug, "-o", tmp_path / "props.pdf", "--props-card"),
        ("export", "ics", slug, "-o", tmp_path / "plan.ics"),
        ("export", "bundle", slug, "-o", tmp_path / "again.json"),
    ):
        r = cli("--db", db_path, *args)
        assert r.code == 0, (args, r)


def test_the_windows_services_apply_the_same_bounds(demo_store, demo_id):
    with demo_store.read() as session:
        cue_id = edits.get(session, "action", demo_id).cues[0].id
    for values, field in (
        ({"minutes": 10**12}, "minutes"),
        ({"minutes": 2**63}, "minutes"),
        ({"title": "a\ud800b"}, "title"),
    ):
        with pytest.raises(DomainError) as info:
            with demo_store.session() as session:
                edits.update(session, "cue", cue_id, **values)
        assert info.value.field == field
    with pytest.raises(DomainError) as info:
        with demo_store.session() as session:
            edits.create(session, "role", action_id=demo_id, name="Crowd", needed=10**9)
    assert info.value.field == "needed"
    with pytest.raises(DomainError) as info:
        with demo_store.session() as session:
            edits.update(session, "task", 2**70, done=True)
    assert "internal" not in str(info.value)


def test_a_calendar_event_longer_than_a_week_is_refused_with_its_line(cli, demo_db, tmp_path):
    ics = tmp_path / "long.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:long-1\r\nDTSTAMP:20240501T000000Z\r\nDTSTART:20240528T080000Z\r\n"
        "DTEND:21240528T080000Z\r\nSUMMARY:Forever\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", ics)
    assert r.code == 2, r
    assert "line 8" in r.err and "too long for a cue" in r.err


def test_a_people_list_quotes_a_bad_value_briefly(demo_store, demo_id):
    from app.services.people_csv import preview

    text = "alias,role,call_time\nOwl," + "R" * 100_000 + ",09:00\n"
    with demo_store.read() as session:
        result = preview(session, demo_id, text.encode())
    messages = [e.message for row in result.rows for e in row.errors]
    assert messages and all(len(msg) < 400 for msg in messages)
