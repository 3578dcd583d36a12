"""Bulk edits as service operations: all rows or none, one inverse, versions checked."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError
from app.services import bulk_ops, edits
from app.services.bulk_ops import Seen
from app.services.cue_shift import MAX_SHIFT, shift

PARIS = ZoneInfo("Europe/Paris")


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2024-05-28T{hhmm}").replace(tzinfo=PARIS)


def _setup(s) -> tuple[int, dict[str, int]]:
    aid = edits.create(
        s,
        "action",
        title="Funeral for privacy",
        timezone="Europe/Paris",
        starts_at=at("09:00"),
        ends_at=at("12:00"),
    )

    def cue(start, minutes, title, follows=None):
        return edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at(start),
            minutes=minutes,
            title=title,
            follows_id=follows,
        )

    ids = {}
    ids["hearse"] = cue("09:30", 15, "Hearse parks")
    ids["coffin"] = cue("09:45", 15, "Coffin carried", ids["hearse"])
    ids["eulogy"] = cue("10:00", 10, "Eulogy", ids["coffin"])
    ids["banner"] = cue("09:30", 20, "Banner unrolled")
    ids["wreath"] = cue("11:00", 30, "Wreath laid")
    return aid, ids


def _starts(s, aid) -> dict[int, datetime]:
    from sqlalchemy import select

    return {c.id: c.starts_at for c in s.scalars(select(m.Cue).where(m.Cue.action_id == aid))}


def _seen(s, ids) -> list[Seen]:
    return [Seen(i, edits.get(s, "cue", i).version) for i in ids]


@pytest.fixture
def plan(store):
    with store.session() as s:
        return _setup(s)


def test_shift_moves_the_selected_and_their_followers_and_undo_puts_them_back(store, plan):
    aid, ids = plan
    with store.read() as s:
        before = _starts(s, aid)
        rows = _seen(s, [ids["hearse"], ids["banner"]])
    with store.session() as s:
        op = shift(s, rows=rows, minutes=15)
    with store.read() as s:
        after = _starts(s, aid)
    moved = {ids[k] for k in ("hearse", "coffin", "eulogy", "banner")}
    for cid, start in before.items():
        assert after[cid] == start + timedelta(minutes=15 if cid in moved else 0)
    with store.session() as s:
        redo = op.undo(s).undo
    with store.read() as s:
        assert _starts(s, aid) == before
    with store.session() as s:
        redo(s)
    with store.read() as s:
        assert _starts(s, aid) == after


def test_a_chained_cue_alone_is_refused_naming_the_head_of_its_chain(store, plan):
    aid, ids = plan
    with store.read() as s:
        rows = _seen(s, [ids["coffin"]])
    with pytest.raises(DomainError, match="Hearse parks"), store.session() as s:
        shift(s, rows=rows, minutes=5)


def test_a_shift_past_the_end_is_refused_and_nothing_moves(store, plan):
    aid, ids = plan
    with store.read() as s:
        before = _starts(s, aid)
        rows = _seen(s, [ids["banner"], ids["wreath"]])
    with pytest.raises(DomainError, match="Wreath laid.*12:"), store.session() as s:
        shift(s, rows=rows, minutes=45)
    with store.read() as s:
        assert _starts(s, aid) == before


def test_a_cue_changed_since_it_was_selected_is_a_conflict_naming_it(store, plan):
    aid, ids = plan
    with store.read() as s:
        rows = _seen(s, [ids["banner"], ids["wreath"]])
        before = _starts(s, aid)
    with store.session() as s:  # another organiser retimes the wreath
        edits.update(s, "cue", ids["wreath"], starts_at=at("10:50"))
    with pytest.raises(ConflictError, match="Wreath laid"), store.session() as s:
        shift(s, rows=rows, minutes=5)
    with store.read() as s:
        assert _starts(s, aid)[ids["banner"]] == before[ids["banner"]]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    minutes=st.integers(-MAX_SHIFT, MAX_SHIFT),
    picks=st.sets(st.sampled_from(["hearse", "coffin", "eulogy", "banner", "wreath"]), min_size=1),
)
def test_any_shift_moves_every_selected_cue_by_n_or_refuses_all(store, minutes, picks):
    with store.session() as s:
        aid, ids = _setup(s)
    with store.read() as s:
        before = _starts(s, aid)
        rows = _seen(s, [ids[k] for k in sorted(picks)])
    try:
        with store.session() as s:
            shift(s, rows=rows, minutes=minutes)
    except DomainError:
        with store.read() as s:
            assert _starts(s, aid) == before
        return
    with store.read() as s:
        after = _starts(s, aid)
    for row in rows:
        assert after[row.id] - before[row.id] == timedelta(minutes=minutes)


def test_bulk_status_is_one_step_and_refuses_a_row_changed_since(store):
    with store.session() as s:
        aid, _ = _setup(s)
        props = [
            edits.create(s, "prop", action_id=aid, name=n, quantity=1) for n in ("Coffin", "Urn")
        ]
    with store.read() as s:
        rows = [Seen(p, edits.get(s, "prop", p).version, {"status": "needed"}) for p in props]
    with store.session() as s:
        op = bulk_ops.set_prop_status(s, rows=rows, status="ready")
    with store.read() as s:
        assert {edits.get(s, "prop", p).status for p in props} == {"ready"}
    with store.session() as s:
        op.undo(s)
    with store.read() as s:
        assert {edits.get(s, "prop", p).status for p in props} == {"needed"}
        rows = [Seen(p, edits.get(s, "prop", p).version, {"status": "needed"}) for p in props]
    with store.session() as s:
        edits.update(s, "prop", props[1], status="sourced")
    with pytest.raises(ConflictError, match="Urn"), store.session() as s:
        bulk_ops.set_prop_status(s, rows=rows, status="ready")
    with store.read() as s:
        assert edits.get(s, "prop", props[0]).status == "needed"


def test_bulk_delete_of_chained_cues_comes_back_chained(store, plan):
    aid, ids = plan
    with store.read() as s:
        rows = _seen(s, [ids["hearse"], ids["coffin"]])
    with store.session() as s:
        op = bulk_ops.delete_rows(s, entity="cue", rows=rows)
    with store.session() as s:
        op.undo(s)
    with store.read() as s:
        assert edits.get(s, "cue", ids["coffin"]).follows_id == ids["hearse"]
        assert edits.get(s, "cue", ids["eulogy"]).follows_id == ids["coffin"]


SCRIPTS = st.sampled_from(
    [
        "ابتسامة الخصوصية",  # Arabic
        "निजता का अंतिम संस्कार",  # Devanagari
        "Κηδεία της ιδιωτικότητας",  # Greek
        "⚰️🕯️ 👩🏽‍🦳",  # emoji, with a skin tone and a ZWJ sequence
        "{n} {title} }{",  # format fields typed by the user stay text
    ]
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(base=SCRIPTS, length=st.sampled_from([1, 150, 300]))
def test_refusals_name_a_cue_whatever_its_script_and_length(store, base, length):
    title = (base * (length // len(base) + 1))[:length].strip() or base
    with store.session() as s:
        aid, ids = _setup(s)
        edits.update(s, "cue", ids["wreath"], title=title)
    with store.read() as s:
        rows = _seen(s, [ids["wreath"]])
        head = _seen(s, [ids["coffin"]])
    with pytest.raises(DomainError) as late, store.session() as s:
        shift(s, rows=rows, minutes=90)
    assert title in str(late.value)
    with store.session() as s:
        edits.update(s, "cue", ids["eulogy"], title=title)
    with pytest.raises(DomainError) as chained, store.session() as s:
        shift(s, rows=_seen(s, [ids["eulogy"]]), minutes=5)
    assert title in str(chained.value) and "Hearse parks" in str(chained.value)
    with store.session() as s:
        edits.update(s, "cue", ids["coffin"], minutes=20)
    with pytest.raises(ConflictError) as conflict, store.session() as s:
        bulk_ops.delete_rows(s, entity="cue", rows=head)
    assert "Coffin carried" in str(conflict.value)


def test_a_bulk_task_edit_undoes_and_redoes_as_one_step(store):
    with store.session() as s:
        aid, _ = _setup(s)
        pid = edits.create(s, "participant", alias="Crow")
        tasks = [edits.create(s, "task", action_id=aid, title=f"Task {i}") for i in range(3)]
    with store.read() as s:
        rows = [Seen(t, edits.get(s, "task", t).version, {"assignee_id": None}) for t in tasks]
    with store.session() as s:
        op = bulk_ops.set_task_assignee(s, rows=rows, assignee_id=pid)
    with store.session() as s:
        redo = op.undo(s).undo
    with store.read() as s:
        assert {edits.get(s, "task", t).assignee_id for t in tasks} == {None}
    with store.session() as s:
        again = redo(s)
    with store.read() as s:
        assert {edits.get(s, "task", t).assignee_id for t in tasks} == {pid}
    with store.session() as s:  # another organiser reassigns one: undo would overwrite it
        edits.update(s, "task", tasks[2], assignee_id=None)
    with pytest.raises(ConflictError, match="Task 2"), store.session() as s:
        again.undo(s)
    with pytest.raises(DomainError, match="unknown participant"), store.session() as s:
        bulk_ops.set_task_assignee(s, rows=rows, assignee_id=10**9)


def test_moving_people_to_a_role_one_of_them_holds_is_refused_naming_them(store):
    with store.session() as s:
        aid, _ = _setup(s)
        bearer = edits.create(s, "role", action_id=aid, name="Pallbearer")
        mourner = edits.create(s, "role", action_id=aid, name="Mourner")
        crow = edits.create(s, "participant", alias="Crow")
        heron = edits.create(s, "participant", alias="Heron")
        a1 = edits.create(s, "assignment", action_id=aid, participant_id=crow, role_id=mourner)
        edits.create(s, "assignment", action_id=aid, participant_id=crow, role_id=bearer)
        a3 = edits.create(s, "assignment", action_id=aid, participant_id=heron, role_id=mourner)
    rows = [Seen(a1), Seen(a3)]
    with pytest.raises(DomainError, match="Crow already has the role Pallbearer"):
        with store.session() as s:
            bulk_ops.set_role(s, rows=rows, role_id=bearer)
    with store.read() as s:
        assert edits.get(s, "assignment", a3).role_id == mourner  # nothing moved
