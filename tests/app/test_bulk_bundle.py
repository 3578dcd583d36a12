"""Bundle import through the driver's executemany (issue #17): every link lands on the right
row (assignments to people and roles, cues to people, roles and props, carriers, assignees,
translations), people of any script at their limits round-trip, and a failure anywhere leaves
nothing behind. SQLite, and PostgreSQL when CORTEGE_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import copy
import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain import models as m
from app.domain.errors import DomainError
from app.services import bundle_insert, edits
from app.services.bundle_read import import_bundle, read_bundle
from app.services.bundle_write import bundle_dict
from app.services.demo import demo_bundle

DEMO = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))
SCRIPTS = ["وقفة احتجاجية", "शांति मार्च", "Πορεία σιωπής", "✊🏽🕯️", "Zoë", "Crow"]
COUNTER = itertools.count()
TABLES = (m.Action, m.Participant, m.Assignment, m.Cue, m.Prop, m.Task, m.PressRelease, m.Quote)


def _at(text: str, limit: int, suffix: str = "") -> str:
    return (text * limit)[: limit - len(suffix)] + suffix


def _renamed(data: dict, names: list[str], tag: int) -> dict:
    """The demo with its people renamed (aliases unique to this example, at 100 characters)."""
    data = copy.deepcopy(data)
    data["action"]["slug"] = f"bulk-{tag}"
    for i, p in enumerate(data["participants"]):
        name = names[i % len(names)]
        p["alias"] = _at(name, 100, f" {tag}-{i}")
        p["full_name"] = _at(name, 200)
        p["notes"] = name
    return data


def _links(bundle: dict) -> dict:
    """What the bundle says is linked to what, by alias and key (participant keys are the
    file's own: the export makes new ones), read as the import reads it (times as instants)."""
    data = read_bundle(copy.deepcopy(bundle))
    alias = {p["key"]: p["alias"] for p in data["participants"]}
    return {
        "people": sorted(
            (p["alias"], p["full_name"], p.get("email", ""), p.get("notes", ""))
            for p in data["participants"]
        ),
        "assignments": sorted(
            (alias[a["participant"]], a["role"], a["call_time"], a["confirmed"])
            for a in data["assignments"]
        ),
        "cues": sorted(
            (
                c["key"],
                tuple(sorted(alias[k] for k in c["participants"])),
                tuple(sorted(c["roles"])),
            )
            for c in data["schedule"]
        ),
        "cue_props": sorted((c["key"], tuple(sorted(c["props"]))) for c in data["schedule"]),
        "carriers": sorted(
            (p["key"], tuple(sorted(alias[k] for k in p["carried_by"]))) for p in data["props"]
        ),
        "tasks": sorted((t["title"], alias.get(t["assignee"])) for t in data["tasks"]),
        "translations": sorted((r["key"], r.get("translation_of")) for r in data["press_releases"]),
        "quotes": [[q["text"] for q in r["quotes"]] for r in data["press_releases"]],
    }


def _counts(store) -> dict[str, int]:
    with store.read() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names=st.lists(st.sampled_from(SCRIPTS), min_size=1, max_size=4))
def test_every_link_lands_on_the_right_row(any_store, names):
    data = _renamed(DEMO, names, next(COUNTER))
    data["schedule"][0]["participants"] = [p["key"] for p in data["participants"][:3]]
    with any_store.session() as s:
        aid = import_bundle(s, copy.deepcopy(data)).action_id
    with any_store.read() as s:
        back = bundle_dict(s, aid, include_personal_data=True)
    assert _links(back) == _links(data)


def test_the_ids_are_those_of_the_rows_in_the_database(any_store):
    data = _renamed(DEMO, SCRIPTS, next(COUNTER))
    with any_store.session() as s:
        aid = import_bundle(s, copy.deepcopy(data)).action_id
    alias = {p["key"]: p["alias"] for p in data["participants"]}
    with any_store.read() as s:
        rows = s.execute(
            select(m.Participant.alias, m.Role.key)
            .join(m.Assignment, m.Assignment.participant_id == m.Participant.id)
            .join(m.Role, m.Role.id == m.Assignment.role_id)
            .where(m.Assignment.action_id == aid)
        ).all()
        assert sorted(rows) == sorted(
            (alias[a["participant"]], a["role"]) for a in data["assignments"]
        )
        uids = s.scalars(select(m.Assignment.uid).where(m.Assignment.action_id == aid)).all()
        assert len(set(uids)) == len(uids) == len(data["assignments"]) and all(
            len(u) == 36 for u in uids
        )
        cue_uids = s.scalars(select(m.Cue.uid).where(m.Cue.action_id == aid)).all()
        assert len(set(cue_uids)) == len(data["schedule"])


@pytest.mark.parametrize("directory", [2, 40], ids=["read-whole", "looked-up"])
def test_people_already_in_the_directory_keep_their_details_and_get_the_links(any_store, directory):
    tag = next(COUNTER)
    data = _renamed(DEMO, ["Ειρήνη"], tag)
    first = data["participants"][0]
    with any_store.session() as s:
        for i in range(directory - 1):
            edits.create(s, "participant", alias=f"someone {tag}-{i}")
        kept = edits.create(s, "participant", alias=first["alias"].upper(), full_name="Stored")
    with any_store.session() as s:
        result = import_bundle(s, copy.deepcopy(data))
    assert any("existing participant" in n for n in result.notes)
    with any_store.read() as s:
        assert s.get(m.Participant, kept).full_name == "Stored"
        held = s.scalars(
            select(m.Assignment.participant_id).where(m.Assignment.action_id == result.action_id)
        ).all()
    assert held.count(kept) == sum(
        1 for a in data["assignments"] if a["participant"] == first["key"]
    )


def test_a_bad_row_anywhere_is_named_and_nothing_is_written(any_store):
    data = _renamed(DEMO, ["शांति"], next(COUNTER))
    data["participants"][-1]["email"] = "not an address"
    data["tasks"][-1]["due"] = "someday"
    before = _counts(any_store)
    with pytest.raises(DomainError) as info, any_store.session() as s:
        import_bundle(s, data)
    where = [p.path for p in info.value.problems]
    assert f"participants[{len(data['participants']) - 1}].email" in where
    assert f"tasks[{len(data['tasks']) - 1}].due" in where
    assert _counts(any_store) == before


def test_a_failure_late_in_the_write_takes_every_row_back(any_store, monkeypatch):
    """The people, assignments and cues are in when the day's records fail: all go."""
    data = _renamed(DEMO, ["✊🏽"], next(COUNTER))
    before = _counts(any_store)

    def fails(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bundle_insert.day, "insert_day", fails)
    with pytest.raises(RuntimeError), any_store.session() as s:
        import_bundle(s, data)
    assert _counts(any_store) == before


def test_ids_read_back_by_key_give_the_same_plan(any_store, monkeypatch):
    from app.services import bulk

    monkeypatch.setattr(bulk, "id_range", lambda *_a: None)  # PostgreSQL's way, on SQLite too
    data = _renamed(DEMO, ["Zoë", "Crow"], next(COUNTER))
    with any_store.session() as s:
        aid = import_bundle(s, copy.deepcopy(data)).action_id
    with any_store.read() as s:
        assert _links(bundle_dict(s, aid, include_personal_data=True)) == _links(data)
