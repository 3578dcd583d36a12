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
        walk = edits.create(s, "cue", action_id=aid, starts_at=START, minutes=10, title="Walk")
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
                {"starts_at": START, "minutes": 5, "title": "Chained", "follows_id": walk},
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


def test_csv_rows_whose_alias_was_taken_since_the_preview_are_refused(store):
    """Team mode: another organiser adds "Wren" between the preview and the import."""
    from app.services import people_csv

    aid = _action(store)
    with store.session() as s:
        edits.create(s, "role", action_id=aid, name="Steward", needed=2)
        pre = people_csv.preview(s, aid, "alias,role\nLark,Steward\nWren,Steward\n")
    with store.session() as s:
        edits.create(s, "participant", alias="wren ")
    with pytest.raises(DomainError) as caught, store.session() as s:
        people_csv.import_rows(s, aid, pre.rows)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("row 3.alias", "'Wren' is already somebody's alias")
    ]
    with store.read() as s:
        assert s.query(m.Participant).count() == 1
        assert s.query(m.Assignment).count() == 0


def test_csv_import_writes_people_and_their_roles_in_bulk(store):
    from app.services import people_csv

    aid = _action(store)
    with store.session() as s:
        rid = edits.create(s, "role", action_id=aid, name="Steward", needed=300)
        text = "alias,phone,role\n" + "".join(f"P{i},+33 6 {i:04d},Steward\n" for i in range(300))
        result = people_csv.import_rows(s, aid, people_csv.preview(s, aid, text).rows)
    assert len(result.participant_ids) == len(result.assignment_ids) == 300
    with store.read() as s:
        people = {p.id: p for p in s.query(m.Participant)}
        assert people[result.participant_ids[7]].alias == "P7"
        assert people[result.participant_ids[7]].phone == "+33 6 0007"
        a = s.get(m.Assignment, result.assignment_ids[7])
        assert (a.participant_id, a.role_id, a.action_id) == (result.participant_ids[7], rid, aid)
