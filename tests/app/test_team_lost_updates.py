"""Every write path refuses to go over a change it never saw: updates, deletes, key contacts,
rows a colleague deleted, and the same person assigned twice at the same moment."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError
from app.services import edits


def _first(store, model):
    with store.read() as s:
        row = s.scalars(select(model).order_by(model.id)).first()
        return row.id, row.version


def test_a_delete_over_a_change_it_never_saw_is_refused(any_demo_store):
    prop_id, seen = _first(any_demo_store, m.Prop)
    with any_demo_store.session() as s:  # a colleague renames the prop
        edits.update(s, "prop", prop_id, expected_version=seen, name="Black coffin")
    with pytest.raises(ConflictError) as caught, any_demo_store.session() as s:
        edits.delete(s, "prop", prop_id, expected_version=seen)
    assert "changed this prop since you opened it, so it was not deleted" in str(caught.value)
    assert not caught.value.deleted
    with any_demo_store.read() as s:
        assert edits.get(s, "prop", prop_id).name == "Black coffin"  # still there


def test_a_delete_from_the_version_shown_goes_through(any_demo_store):
    prop_id, seen = _first(any_demo_store, m.Prop)
    with any_demo_store.session() as s:
        edits.delete(s, "prop", prop_id, expected_version=seen)
    with any_demo_store.read() as s:
        assert s.get(m.Prop, prop_id) is None


@pytest.mark.parametrize("operation", ["update", "delete"])
def test_a_row_a_colleague_deleted_is_said_so(any_demo_store, operation):
    prop_id, seen = _first(any_demo_store, m.Prop)
    with any_demo_store.session() as s:
        edits.delete(s, "prop", prop_id, expected_version=seen)
    with pytest.raises(ConflictError) as caught, any_demo_store.session() as s:
        if operation == "update":
            edits.update(s, "prop", prop_id, expected_version=seen, name="Coffin")
        else:
            edits.delete(s, "prop", prop_id, expected_version=seen)
    assert str(caught.value) == "another organiser deleted this prop"
    assert caught.value.deleted and caught.value.entity_id == prop_id


def test_key_contacts_carry_a_version_too(any_demo_store):
    contact_id, seen = _first(any_demo_store, m.KeyContact)
    with any_demo_store.session() as s:
        edits.update(s, "contact", contact_id, expected_version=seen, phone="+33 1 00 00 00 01")
    with pytest.raises(ConflictError), any_demo_store.session() as s:
        edits.update(s, "contact", contact_id, expected_version=seen, phone="+33 1 00 00 00 02")
    with any_demo_store.read() as s:
        contact = edits.get(s, "contact", contact_id)
        assert (contact.phone, contact.version) == ("+33 1 00 00 00 01", seen + 1)


def test_the_same_person_in_the_same_role_at_the_same_moment_is_named(any_demo_store, monkeypatch):
    """Both organisers' checks passed before either committed: the database's unique rule
    refuses the second, in the words the check would have used."""
    with any_demo_store.read() as s:
        a = s.scalars(select(m.Assignment).order_by(m.Assignment.id)).first()
        values = {
            "action_id": a.action_id,
            "participant_id": a.participant_id,
            "role_id": a.role_id,
        }
    monkeypatch.setattr(edits, "_check_refs", lambda *args: None)  # the check saw no clash yet
    with pytest.raises(DomainError) as caught, any_demo_store.session() as s:
        edits.create(s, "assignment", **values)
    assert str(caught.value) == "role_id: this person already has this role"
    assert "duplicate" not in str(caught.value).lower()
    assert "UNIQUE" not in str(caught.value)


def test_a_colleague_s_change_of_another_field_does_not_stop_a_save(any_demo_store):
    cue_id, seen_version = _first(any_demo_store, m.Cue)
    with any_demo_store.read() as s:
        place = edits.get(s, "cue", cue_id).place
        title = edits.get(s, "cue", cue_id).title
    with any_demo_store.session() as s:  # the colleague moves the cue elsewhere
        edits.update(s, "cue", cue_id, expected_version=seen_version, place="Side gate")
    with any_demo_store.session() as s:  # this user renames it, from what they saw
        edits.update(
            s, "cue", cue_id, expected_version=seen_version, shown={"title": title}, title="Eulogy"
        )
    with pytest.raises(ConflictError), any_demo_store.session() as s:  # the same field: refused
        edits.update(
            s, "cue", cue_id, expected_version=seen_version, shown={"place": place}, place="Gate"
        )
    with any_demo_store.read() as s:
        cue = edits.get(s, "cue", cue_id)
        assert (cue.title, cue.place) == ("Eulogy", "Side gate")
