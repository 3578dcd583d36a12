"""The day's keys in the bundle: actual times, attendance, prop condition, incidents, coverage,
lessons travel, aliases only by default, and hostile values are refused with their path."""

from __future__ import annotations

import copy
import json

import pytest

from app.domain.errors import DomainError
from app.services.bundle_read import import_bundle
from app.services.bundle_write import bundle_dict
from tests.app.test_debrief import the_day


def exported(demo_store, demo_id, **kw) -> dict:
    the_day(demo_store, late=4)
    with demo_store.read() as session:
        return bundle_dict(session, demo_id, **kw)


def test_round_trip_keeps_the_day(demo_store, demo_id, tmp_path):
    from app.storage.engine import open_store

    first = exported(demo_store, demo_id)
    assert first["action"]["lessons"] == "Rehearse the eulogy against the clock"
    assert first["schedule"][0]["actual_start"] == "2024-05-28T09:34+02:00"
    assert sum(1 for a in first["assignments"] if "attended_at" in a) == 4
    assert first["props"][0]["condition"] == "damaged"
    assert first["incidents"] == [
        {
            "at": first["schedule"][2]["starts_at"],
            "cue": first["schedule"][2]["key"],
            "text": "Police stopped the cortege for ten minutes",
        }
    ]
    assert first["coverage"][0]["outlet"] == "Le Parisien"
    assert first["coverage"][0]["published_on"] == "2024-05-29"
    other = open_store(str(tmp_path / "other.sqlite3"))
    try:
        with other.session() as session:
            aid = import_bundle(session, json.dumps(first)).action_id
        with other.read() as session:
            second = bundle_dict(session, aid)
    finally:
        other.close()
    assert second == first


def test_default_bundle_of_the_day_holds_aliases_only(demo_store, demo_id):
    data = exported(demo_store, demo_id)
    text = json.dumps(data, ensure_ascii=False)
    assert "Camille Martin" not in text and "full_name" not in text
    assert "Crow" in text


def test_a_plan_before_its_day_writes_none_of_the_new_keys(demo_store, demo_id):
    with demo_store.read() as session:
        data = bundle_dict(session, demo_id)
    assert "incidents" not in data and "coverage" not in data
    assert "lessons" not in data["action"]
    assert not any("actual_start" in c for c in data["schedule"])
    assert not any("condition" in p for p in data["props"])


@pytest.mark.parametrize(
    ("where", "value", "path", "words"),
    [
        (("incidents", 0, "text"), "x" * 2001, "incidents[0].text", "longer than 2000"),
        (("incidents", 0, "text"), 42, "incidents[0].text", "must be text"),
        (("incidents", 0, "at"), "yesterday", "incidents[0].at", ""),
        (("incidents", 0, "cue"), "no-such-cue", "incidents[0].cue", "no such key"),
        (("incidents", 0, "extra"), 1, "incidents[0].extra", "unknown field"),
        (("coverage", 0, "outlet"), "", "coverage[0].outlet", "required"),
        (("coverage", 0, "published_on"), "29/05", "coverage[0].published_on", ""),
        (("props", 0, "condition"), "stolen", "props[0].condition", "not one of"),
        (("schedule", 0, "actual_start"), 1716881640, "schedule[0].actual_start", ""),
        (("action", "lessons"), "x" * 20001, "action.lessons", "longer than 20000"),
        (("incidents",), {"not": "a list"}, "incidents", "must be a list"),
    ],
)
def test_hostile_day_values_are_refused_with_their_path(
    demo_store, demo_id, store, where, value, path, words
):
    data = copy.deepcopy(exported(demo_store, demo_id))
    target = data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    with pytest.raises(DomainError) as info, store.session() as session:
        import_bundle(session, data)
    problems = {p.path: p.message for p in info.value.problems}
    assert path in problems, problems
    assert words in problems[path]
    from app.services.actions import list_actions

    with store.read() as session:
        assert list_actions(session) == []


def test_the_day_round_trips_on_each_backend(any_demo_store):
    """SQLite and PostgreSQL (when CORTEGE_TEST_POSTGRES_URL is set): check-in, the debrief's
    rows, a bundle of them imported back beside the original."""
    from app.services import checkin, debrief

    aid = the_day(any_demo_store)
    with any_demo_store.session() as session:
        person = checkin.find(session, aid, "owl")
        checkin.check_in(session, action_id=aid, participant_id=person.participant_id)
    with any_demo_store.read() as session:
        original = debrief.load(session, aid)
        data = bundle_dict(session, aid)
    with any_demo_store.session() as session:
        copy_id = import_bundle(session, json.dumps(data)).action_id
    with any_demo_store.read() as session:
        copied = debrief.load(session, copy_id)
    assert copied.turnout == original.turnout
    assert next(t for t in copied.turnout if t.role == "Speaker").attended == 1
    assert [c.text for c in copied.incidents] == [c.text for c in original.incidents]
    assert [(c.outlet, c.published_on) for c in copied.coverage] == [
        (c.outlet, c.published_on) for c in original.coverage
    ]
    assert [(c.actual_start, c.actual_end) for c in copied.cues] == [
        (c.actual_start, c.actual_end) for c in original.cues
    ]
    assert copied.lessons == original.lessons
    assert [(p.name, p.condition) for p in copied.props] == [
        (p.name, p.condition) for p in original.props
    ]


def test_a_hold_travels_with_its_cue_and_a_hostile_one_is_refused(demo_store, demo_id, tmp_path):
    """A 12-minute hold the caller pressed P for (cue.held_seconds) survives export and import,
    so the projection of the imported plan is the same; a negative or huge hold is refused with
    its path and nothing is imported."""
    from app.domain import models as m
    from app.storage.engine import open_store

    with demo_store.session() as session:
        cue = session.query(m.Cue).filter_by(action_id=demo_id).order_by(m.Cue.starts_at).first()
        cue.held_seconds = 720
    data = exported(demo_store, demo_id)
    assert data["schedule"][0]["held_seconds"] == 720
    assert all("held_seconds" not in row for row in data["schedule"][1:])
    other = open_store(str(tmp_path / "other.sqlite3"))
    try:
        with other.session() as session:
            aid = import_bundle(session, json.dumps(data)).action_id
        with other.read() as session:
            assert bundle_dict(session, aid)["schedule"][0]["held_seconds"] == 720
        for bad in (-1, 10**9, "12 min"):
            hostile = copy.deepcopy(data)
            hostile["schedule"][0]["held_seconds"] = bad
            with pytest.raises(DomainError) as refused:
                with other.session() as session:
                    import_bundle(session, json.dumps(hostile))
            assert "schedule[0]" in str(refused.value) and "held_seconds" in str(refused.value)
    finally:
        other.close()
