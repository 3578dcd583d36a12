"""Edits: each validates and names the field, commits alone, and can be undone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.errors import DomainError, NotFoundError
from app.services import edits
from app.services.actions import duplicate_action, move_action
from app.storage.rows import load_action

PARIS = ZoneInfo("Europe/Paris")


def at(hhmm: str, day: str = "2024-05-28", tz=PARIS) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=tz)


def new_action(session, **extra) -> int:
    values = dict(
        title="Vigil", timezone="Europe/Paris", starts_at=at("09:00"), ends_at=at("12:00")
    )
    values.update(extra)
    return edits.create(session, "action", **values)


def test_create_update_delete_restore_a_cue(store):
    with store.session() as s:
        aid = new_action(s)
        cid = edits.create(
            s, "cue", action_id=aid, starts_at=at("09:30"), minutes=15, title="Gather"
        )
    with store.session() as s:
        old = edits.update(s, "cue", cid, title="Gather in black", minutes=20)
    assert old == {"title": "Gather", "minutes": 15}
    with store.session() as s:
        snap = edits.delete(s, "cue", cid)
    with store.read() as s, pytest.raises(NotFoundError, match="no cue with id"):
        edits.get(s, "cue", cid)
    with store.session() as s:
        edits.restore_snapshot(s, snap)
    with store.read() as s:
        cue = edits.get(s, "cue", cid)
        assert (cue.title, cue.minutes) == ("Gather in black", 20)


def test_bad_values_name_the_field_and_change_nothing(store):
    with store.session() as s:
        aid = new_action(s)
    with pytest.raises(DomainError) as info, store.session() as s:
        edits.create(s, "prop", action_id=aid, name="", quantity=-2, cost="12.345")
    assert [str(p) for p in info.value.problems] == [
        "name: is required",
        "quantity: must not be negative",
        "cost: '12.345' is not an amount with at most 2 decimals",
    ]
    with (
        pytest.raises(DomainError, match="ends_at: ends before the action starts"),
        store.session() as s,
    ):
        edits.update(s, "action", aid, ends_at=at("08:00"))
    with (
        pytest.raises(DomainError, match="timezone: unknown time zone 'Mars/Olympus'"),
        store.session() as s,
    ):
        edits.update(s, "action", aid, timezone="Mars/Olympus")
    with store.read() as s:
        action = edits.get(s, "action", aid)
        assert action.ends_at == at("12:00") and action.timezone == "Europe/Paris"
        assert edits.count(s, "prop", aid) == 0


def test_aliases_are_unique_after_normalisation(store):
    with store.session() as s:
        edits.create(s, "participant", alias="Crow")
    with (
        pytest.raises(DomainError, match="alias: 'CROW' is already somebody's alias"),
        store.session() as s,
    ):
        edits.create(s, "participant", alias="  CROW ")


def test_a_person_cannot_take_the_same_role_twice(store):
    with store.session() as s:
        aid = new_action(s)
        pid = edits.create(s, "participant", alias="Crow")
        rid = edits.create(s, "role", action_id=aid, name="Pallbearer", needed=4)
        edits.create(s, "assignment", action_id=aid, participant_id=pid, role_id=rid)
    with (
        pytest.raises(DomainError, match="role_id: this person already has this role"),
        store.session() as s,
    ):
        edits.create(s, "assignment", action_id=aid, participant_id=pid, role_id=rid)


def test_deleting_a_role_takes_its_assignments_and_undo_brings_them_back(store):
    with store.session() as s:
        aid = new_action(s)
        pid = edits.create(s, "participant", alias="Crow")
        rid = edits.create(s, "role", action_id=aid, name="Pallbearer")
        edits.create(
            s, "assignment", action_id=aid, participant_id=pid, role_id=rid, call_time=at("08:45")
        )
        edits.create(
            s, "cue", action_id=aid, starts_at=at("09:30"), minutes=5, title="Carry", role_ids=[rid]
        )
    with store.session() as s:
        snap = edits.delete(s, "role", rid)
    with store.read() as s:
        a = load_action(s, aid)
        assert a.assignments == [] and a.cues[0].roles == []
    with store.session() as s:
        edits.restore_snapshot(s, snap)
    with store.read() as s:
        a = load_action(s, aid)
        assert [x.participant.alias for x in a.assignments] == ["Crow"]
        assert [r.name for r in a.cues[0].roles] == ["Pallbearer"]


def test_chained_cues_ripple_when_a_duration_changes(store):
    with store.session() as s:
        aid = new_action(s)
        first = edits.create(
            s, "cue", action_id=aid, starts_at=at("09:30"), minutes=10, title="Hearse arrives"
        )
        coffin = edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("09:40"),
            minutes=10,
            title="Coffin carried",
            follows_id=first,
        )
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("09:50"),
            minutes=5,
            title="Eulogy",
            follows_id=coffin,
        )
    with store.session() as s:
        edits.update(s, "cue", first, minutes=25)
    with store.read() as s:
        starts = [c.starts_at.astimezone(PARIS).strftime("%H:%M") for c in load_action(s, aid).cues]
    assert starts == ["09:30", "09:55", "10:05"]


def test_changing_the_zone_keeps_wall_clock_times(store):
    with store.session() as s:
        aid = new_action(s)
        edits.create(s, "cue", action_id=aid, starts_at=at("10:00"), minutes=10, title="Speech")
    with store.session() as s:
        edits.update(s, "action", aid, timezone="America/New_York")
    ny = ZoneInfo("America/New_York")
    with store.read() as s:
        a = load_action(s, aid)
        assert a.starts_at.astimezone(ny).strftime("%H:%M") == "09:00"
        assert a.cues[0].starts_at.astimezone(ny).strftime("%H:%M") == "10:00"


def test_moving_an_action_across_a_dst_change_keeps_local_times(store):
    with store.session() as s:
        aid = new_action(s, starts_at=at("09:00", "2024-03-28"), ends_at=at("12:00", "2024-03-28"))
        edits.create(
            s, "cue", action_id=aid, starts_at=at("10:00", "2024-03-28"), minutes=10, title="Speech"
        )
        edits.create(s, "task", action_id=aid, title="Declare", due=date(2024, 3, 20))
    with store.session() as s:
        assert move_action(s, aid, date(2024, 4, 4)) == 7
    with store.read() as s:
        a = load_action(s, aid)
        assert a.cues[0].starts_at.astimezone(PARIS).isoformat() == "2024-04-04T10:00:00+02:00"
        assert a.tasks[0].due == date(2024, 3, 27)


def test_a_move_onto_a_time_that_does_not_exist_is_refused(store):
    with store.session() as s:
        aid = new_action(s, starts_at=at("01:00", "2024-03-24"), ends_at=at("04:00", "2024-03-24"))
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("02:30", "2024-03-24"),
            minutes=10,
            title="Night vigil",
        )
    with pytest.raises(DomainError, match="does not exist in Europe/Paris"), store.session() as s:
        move_action(s, aid, date(2024, 3, 31))
    with store.read() as s:
        assert load_action(s, aid).starts_at == at("01:00", "2024-03-24").astimezone(UTC)


def test_duplicate_as_a_template_shifts_every_time_and_drops_people(demo_store, demo_id):
    with demo_store.session() as s:
        copy_id = duplicate_action(s, demo_id, new_date=date(2024, 6, 8))
    with demo_store.read() as s:
        src, copy = load_action(s, demo_id), load_action(s, copy_id)
        assert copy.slug == "funeral-for-privacy-2"
        assert copy.starts_at - src.starts_at == timedelta(days=11)
        assert [c.title for c in copy.cues] == [c.title for c in src.cues]
        assert copy.cues[0].starts_at.astimezone(PARIS).isoformat() == "2024-06-08T09:30:00+02:00"
        assert copy.assignments == [] and all(p.carriers == [] for p in copy.props)
        assert {r.status for r in copy.releases} == {"draft"}
        assert copy.releases[1].translation_of_id == copy.releases[0].id


def test_deleting_an_action_hides_it_until_undone_and_erases_it_when_its_window_closes(demo_db):
    from app.services.actions import action_by_slug, list_actions
    from app.storage.engine import erase_deleted_actions, open_store

    store = open_store(str(demo_db))
    with store.read() as s:
        aid = action_by_slug(s, "funeral-for-privacy").id
    with store.session() as s:
        snap = edits.delete(s, "action", aid)
    with store.read() as s:
        assert list_actions(s) == []
    with store.session() as s:
        edits.restore_snapshot(s, snap)
    with store.read() as s:
        assert [a.slug for a in list_actions(s)] == ["funeral-for-privacy"]
    with store.session() as s:
        edits.delete(s, "action", aid)
    erase_deleted_actions(store, closing=True)  # as the window's close does
    store.close()
    store = open_store(str(demo_db))
    try:
        from sqlalchemy import func, select

        from app.domain.models import Action, Cue

        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(Action)) == 0
            assert s.scalar(select(func.count()).select_from(Cue)) == 0
    finally:
        store.close()


def test_settings_are_validated(store):
    from app.services.settings import read_settings, update_settings

    with pytest.raises(DomainError) as info, store.session() as s:
        update_settings(s, currency="EURO", retention_days=-1, country="France")
    assert [str(p) for p in info.value.problems] == [
        "currency: 'EURO' is not an ISO 4217 currency code",
        "retention_days: must be a whole number, 0 or more",
        "country: 'France' is not an ISO 3166 country code",
    ]
    with store.session() as s:
        update_settings(s, name="Privacy Now", currency="CHF")
    with store.read() as s:
        assert (read_settings(s).name, read_settings(s).currency) == ("Privacy Now", "CHF")


def test_changing_only_the_links_of_a_cue_counts_as_a_new_version(store):
    with store.session() as s:
        aid = new_action(s)
        rid = edits.create(s, "role", action_id=aid, name="Speaker")
        cid = edits.create(
            s, "cue", action_id=aid, starts_at=at("10:00"), minutes=10, title="Eulogy"
        )
    with store.read() as s:
        before = edits.get(s, "cue", cid).version
    with store.session() as s:
        edits.update(s, "cue", cid, role_ids=[rid])
    with store.read() as s:
        cue = edits.get(s, "cue", cid)
        assert [r.name for r in cue.roles] == ["Speaker"]
        assert cue.version == before + 1
