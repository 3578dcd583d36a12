"""Chained cues follow one named predecessor: stored, carried by bundles, version-checked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError
from app.services import edits
from app.services.bundle_read import import_bundle
from app.services.bundle_write import bundle_dict as export_bundle
from app.services.cue_ops import insert_after

PARIS = ZoneInfo("Europe/Paris")


def at(hhmm: str, day: str = "2024-05-28") -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=PARIS)


def _action(s, start="09:00", end="12:00", day="2024-05-28") -> int:
    return edits.create(
        s,
        "action",
        title="Funeral for privacy",
        timezone="Europe/Paris",
        starts_at=at(start, day),
        ends_at=at(end, day),
    )


def _cue(s, aid, start, minutes, title, follows=None, day="2024-05-28") -> int:
    return edits.create(
        s,
        "cue",
        action_id=aid,
        starts_at=at(start, day),
        minutes=minutes,
        title=title,
        follows_id=follows,
    )


def _starts(s, aid) -> dict[str, str]:
    from app.storage.rows import load_action

    return {
        c.title: c.starts_at.astimezone(PARIS).strftime("%H:%M") for c in load_action(s, aid).cues
    }


@pytest.fixture
def chain(store):
    with store.session() as s:
        aid = _action(s)
        hearse = _cue(s, aid, "09:30", 15, "Hearse parks")
        coffin = _cue(s, aid, "09:45", 15, "Coffin carried", follows=hearse)
        eulogy = _cue(s, aid, "10:00", 10, "Eulogy", follows=coffin)
    return aid, hearse, coffin, eulogy


def test_a_parallel_unchained_cue_moves_nothing(store, chain):
    aid, *_ = chain
    with store.session() as s:
        _cue(s, aid, "09:30", 120, "Police liaison on duty")
    with store.read() as s:
        assert _starts(s, aid) == {
            "Hearse parks": "09:30",
            "Police liaison on duty": "09:30",
            "Coffin carried": "09:45",
            "Eulogy": "10:00",
        }


def test_the_chain_follows_its_named_predecessor_only(store, chain):
    aid, hearse, coffin, _eulogy = chain
    with store.session() as s:
        edits.update(s, "cue", hearse, minutes=25)
    with store.read() as s:
        assert _starts(s, aid)["Coffin carried"] == "09:55"
        assert _starts(s, aid)["Eulogy"] == "10:10"
        assert s.get(m.Cue, coffin).follows_id == hearse


def test_a_ripple_past_the_end_of_the_action_is_refused_and_changes_nothing(store, chain):
    aid, hearse, *_ = chain
    with pytest.raises(DomainError) as caught, store.session() as s:
        edits.update(s, "cue", hearse, minutes=150)
    problem = caught.value.problems[0]
    assert problem.path == "minutes"
    assert "“Coffin carried”" in problem.message and "after the action ends" in problem.message
    with store.read() as s:
        assert s.get(m.Cue, hearse).minutes == 15
        assert _starts(s, aid)["Eulogy"] == "10:00"


def test_a_loop_is_refused(store, chain):
    _aid, hearse, _coffin, eulogy = chain
    with pytest.raises(DomainError) as caught, store.session() as s:
        edits.update(s, "cue", hearse, follows_id=eulogy)
    assert caught.value.problems[0].path == "follows_id"


def test_a_chain_across_the_spring_forward_gap_lands_on_a_real_time(store):
    with store.session() as s:
        aid = _action(s, "00:30", "05:00", day="2024-03-31")
        first = _cue(s, aid, "01:30", 60, "Vigil", day="2024-03-31")
        _cue(s, aid, "01:00", 10, "Candles out", follows=first, day="2024-03-31")
    with store.read() as s:
        assert _starts(s, aid)["Candles out"] == "03:30"  # 02:30 does not exist that night


def test_deleting_a_predecessor_unchains_its_follower_and_undo_chains_it_again(store, chain):
    aid, _hearse, coffin, eulogy = chain
    with store.session() as s:
        snap = edits.delete(s, "cue", coffin)
    with store.read() as s:
        assert s.get(m.Cue, eulogy).follows_id is None
        assert _starts(s, aid)["Eulogy"] == "10:00"
    with store.session() as s:
        edits.restore_snapshot(s, snap)
    with store.read() as s:
        assert s.get(m.Cue, eulogy).follows_id == coffin


def test_insert_after_hands_over_the_followers_in_one_operation(store, chain):
    aid, hearse, coffin, _eulogy = chain
    with store.session() as s:
        op = insert_after(s, after_id=hearse, values={"title": "Coffin unloaded", "minutes": 5})
    new_id = op.result
    with store.read() as s:
        assert s.get(m.Cue, new_id).follows_id == hearse
        assert s.get(m.Cue, coffin).follows_id == new_id
        assert _starts(s, aid) | {} == {
            "Hearse parks": "09:30",
            "Coffin unloaded": "09:45",
            "Coffin carried": "09:50",
            "Eulogy": "10:05",
        }
    with store.session() as s:
        back = op.undo(s)
    with store.read() as s:
        assert s.get(m.Cue, new_id) is None
        assert s.get(m.Cue, coffin).follows_id == hearse
        assert _starts(s, aid)["Eulogy"] == "10:00"
    with store.session() as s:
        back.undo(s)  # redo: the same row again
    with store.read() as s:
        assert s.get(m.Cue, coffin).follows_id == new_id


def test_an_insert_that_would_push_past_the_end_writes_nothing(store, chain):
    aid, hearse, *_ = chain
    with pytest.raises(DomainError), store.session() as s:
        insert_after(s, after_id=hearse, values={"title": "Very long", "minutes": 130})
    with store.read() as s:
        assert "Very long" not in _starts(s, aid)
        assert _starts(s, aid)["Eulogy"] == "10:00"


def test_the_bundle_carries_the_chain_and_an_old_bundle_imports_unchained(store, chain):
    aid, *_ = chain
    with store.read() as s:
        data = export_bundle(s, aid)
    items = {c["title"]: c for c in data["schedule"]}
    assert items["Coffin carried"]["follows"] == items["Hearse parks"]["key"]
    assert "follows" not in items["Hearse parks"]
    with store.session() as s:
        copy = import_bundle(s, data)
    with store.read() as s:
        again = export_bundle(s, copy.action_id)
        assert again["schedule"] == data["schedule"]
        follows = {
            c.title: (c.follows.title if c.follows else None)
            for c in s.get(m.Action, copy.action_id).cues
        }
    assert follows == {
        "Hearse parks": None,
        "Coffin carried": "Hearse parks",
        "Eulogy": "Coffin carried",
    }
    for item in data["schedule"]:
        item.pop("follows", None)
    with store.session() as s:
        old = import_bundle(s, data)
    with store.read() as s:
        assert not any(c.chained for c in s.get(m.Action, old.action_id).cues)


@pytest.mark.parametrize(
    ("where", "follows", "path"),
    [
        (0, 2, "schedule[0].follows"),
        (1, "nope", "schedule[1].follows"),
        (1, 1, "schedule[1].follows"),
    ],
)
def test_a_bundle_with_a_bad_or_looping_follows_is_refused_with_its_path(
    store, chain, where, follows, path
):
    aid, *_ = chain
    with store.read() as s:
        data = export_bundle(s, aid)
    keys = [c["key"] for c in data["schedule"]]
    data["schedule"][where]["follows"] = keys[follows] if isinstance(follows, int) else follows
    with pytest.raises(DomainError) as caught, store.session() as s:
        import_bundle(s, data)
    assert path in {p.path for p in caught.value.problems}


def test_a_ripple_over_a_row_changed_meanwhile_is_a_conflict_not_a_crash(store, chain):
    _aid, hearse, coffin, _eulogy = chain
    with pytest.raises(ConflictError), store.session() as s:
        seen = s.get(m.Cue, coffin)  # this session has read the follower…
        s.connection().exec_driver_sql(  # …which another organiser then saved
            f"UPDATE cue SET version = version + 1, place = 'Gate' WHERE id = {coffin}"
        )
        edits.update(s, "cue", hearse, minutes=20)
        assert seen is not None
    with store.read() as s:
        assert s.get(m.Cue, hearse).minutes == 15


def test_a_concurrent_change_on_postgresql_gives_the_normal_conflict(pg_url):
    from app.storage.engine import open_store

    mine = open_store(pg_url, upgrade_schema=True)
    theirs = open_store(pg_url)
    try:
        with mine.session() as s:
            aid = _action(s)
            hearse = _cue(s, aid, "09:30", 15, "Hearse parks")
            coffin = _cue(s, aid, "09:45", 15, "Coffin carried", follows=hearse)
        with pytest.raises(ConflictError), mine.session() as s:
            seen = s.get(m.Cue, coffin)
            with theirs.session() as other:
                edits.update(other, "cue", coffin, place="Gate")
            edits.update(s, "cue", hearse, minutes=20)
            assert seen is not None
        with mine.read() as s:
            assert s.get(m.Cue, hearse).minutes == 15
    finally:
        theirs.close()
        mine.close()
