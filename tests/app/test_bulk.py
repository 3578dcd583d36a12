"""Bulk writes for the import paths: the same rules as one edit, in one statement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import models as m
from app.domain.errors import DomainError
from app.services import edits
from app.services.bulk import KeyPicker, insert_cues

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)


def _action(store) -> int:
    with store.session() as s:
        return edits.create(
            s,
            "action",
            title="Vigil",
            timezone="Europe/Paris",
            starts_at=START,
            ends_at=START + timedelta(hours=2),
            country="",
        )


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["cue", "cue-2", "walk", "x" * 64, "x" * 62 + "-2"]), max_size=40))
def test_picked_keys_are_new_unique_and_short(bases):
    picker = KeyPicker({"cue", "walk-3"})
    keys = [picker.pick(b) for b in bases]
    assert len(set(keys)) == len(keys)
    assert not {"cue", "walk-3"} & set(keys)
    assert all(len(k) <= 64 for k in keys)


def test_cues_get_free_keys_their_uids_and_the_chain_once(store):
    aid = _action(store)
    with store.session() as s:
        edits.create(s, "cue", action_id=aid, starts_at=START, minutes=10, title="Walk")
        ids = insert_cues(
            s,
            aid,
            [
                {"starts_at": START + timedelta(minutes=30), "minutes": 5, "title": "Walk"},
                {
                    "starts_at": START + timedelta(minutes=40),
                    "minutes": 5,
                    "title": "Walk",
                    "uid": "event-1@example.org",
                },
                {"starts_at": START, "minutes": 5, "title": "Chained", "chained": True},
            ],
        )
    with store.read() as s:
        cues = {c.id: c for c in s.query(m.Cue).filter(m.Cue.action_id == aid)}
        assert [cues[i].key for i in ids] == ["walk-2", "walk-3", "chained"]
        assert cues[ids[1]].uid == "event-1@example.org"
        # re-chained once after the insert: it starts when "Walk" (7:30–7:40) ends
        assert cues[ids[2]].starts_at == START + timedelta(minutes=10)
        assert len({c.uid for c in cues.values()}) == 4


def test_a_bad_row_names_itself_and_nothing_is_written(store):
    aid = _action(store)
    with pytest.raises(DomainError) as caught, store.session() as s:
        insert_cues(
            s,
            aid,
            [
                {"starts_at": START, "minutes": 5, "title": "Fine"},
                {"starts_at": START, "minutes": 0, "title": ""},
            ],
            prefix="event",
        )
    paths = sorted(p.path for p in caught.value.problems)
    assert paths == ["event[1].minutes", "event[1].title"]
    with store.read() as s:
        assert s.query(m.Cue).count() == 0
