"""Bulk edits between two organisers, on SQLite and on PostgreSQL (when a server is set): a real
edit of a row changed since it was read is refused naming it, a tick goes through."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.domain import models as m
from app.domain.errors import ConflictError
from app.services import assignment_marks, bulk_ops, edits
from app.services.bulk_ops import Seen
from app.services.cue_shift import shift
from app.services.demo import add_demo
from app.storage.engine import open_store
from tests.conftest import DEMO_DAY


@pytest.fixture
def two(any_target):
    """Two organisers' stores on one database holding the demo."""
    a, b = open_store(any_target), open_store(any_target)
    with a.session() as s:
        add_demo(s, on=DEMO_DAY, today=DEMO_DAY - timedelta(days=10))
    yield a, b
    a.close()
    b.close()


def _cues(store) -> dict:
    from types import SimpleNamespace

    with store.read() as s:
        return {
            c.title: SimpleNamespace(id=c.id, version=c.version, starts_at=c.starts_at)
            for c in s.scalars(select(m.Cue))
        }


def test_a_shift_over_a_cue_a_colleague_retimed_is_refused_naming_it(two):
    a, b = two
    seen = _cues(a)
    picks = ["Mourners gather in black", "Banner unrolled"]
    rows = [Seen(seen[t].id, seen[t].version, {"starts_at": seen[t].starts_at}) for t in picks]
    with b.session() as s:  # the colleague moves the banner meanwhile
        edits.update(
            s,
            "cue",
            seen["Banner unrolled"].id,
            starts_at=seen["Banner unrolled"].starts_at + timedelta(minutes=1),
        )
    with pytest.raises(ConflictError, match="Banner unrolled"), a.session() as s:
        shift(s, rows=rows, minutes=5)
    now = _cues(a)
    assert now["Mourners gather in black"].starts_at == seen["Mourners gather in black"].starts_at


def test_a_colleagues_edit_of_another_field_does_not_stop_a_bulk_status(two):
    a, b = two
    with a.read() as s:
        props = list(s.scalars(select(m.Prop).order_by(m.Prop.id)))[:2]
        rows = [Seen(p.id, p.version, {"status": p.status}) for p in props]
    with b.session() as s:
        edits.update(s, "prop", rows[0].id, notes="Collected.")
    with a.session() as s:
        bulk_ops.set_prop_status(s, rows=rows, status="returned")
    with a.read() as s:
        assert {s.get(m.Prop, r.id).status for r in rows} == {"returned"}


def test_a_tick_expects_no_version_and_its_undo_keeps_a_colleagues_other_tick(two):
    a, b = two
    with a.read() as s:
        ids = list(s.scalars(select(m.Assignment.id).order_by(m.Assignment.id)))[:3]
    with b.session() as s:  # the colleague unconfirms one of them before the tick
        edits.update(s, "assignment", ids[0], confirmed=False)
    with a.session() as s:
        op = assignment_marks.mark(s, ids=ids, flag="pack_sent", value=True)
    with a.session() as s:
        op.undo(s)
    with a.read() as s:
        assert not any(s.get(m.Assignment, i).pack_sent for i in ids)
        assert s.get(m.Assignment, ids[0]).confirmed is False


def test_undo_of_a_bulk_role_change_refuses_to_overwrite_a_later_change(two):
    a, b = two
    with a.read() as s:
        target = list(s.scalars(select(m.Role).order_by(m.Role.id)))[-1]
        target_id = target.id
        moving = [
            x
            for x in s.scalars(select(m.Assignment).order_by(m.Assignment.id))
            if x.role_id != target.id
            and target.id
            not in {
                y.role_id
                for y in s.scalars(
                    select(m.Assignment).where(m.Assignment.participant_id == x.participant_id)
                )
            }
        ][:2]
        rows = [Seen(x.id, x.version, {"role_id": x.role_id}) for x in moving]
        back = {x.id: x.role_id for x in moving}
    assert len(rows) == 2
    with a.session() as s:
        op = bulk_ops.set_role(s, rows=rows, role_id=target_id)
    with b.session() as s:  # the colleague moves one of them again
        edits.update(s, "assignment", rows[1].id, role_id=back[rows[1].id])
    with pytest.raises(ConflictError), a.session() as s:
        op.undo(s)
    with a.read() as s:
        assert s.get(m.Assignment, rows[0].id).role_id == target_id  # nothing was undone
