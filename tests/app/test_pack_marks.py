"""Pack sent and confirmed for many people at once; the schema revision; bundles; messages."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.domain import models as m
from app.domain.errors import DomainError, NotFoundError
from app.services import assignment_marks


def _assignments(session, action_id):
    return list(
        session.scalars(
            select(m.Assignment)
            .where(m.Assignment.action_id == action_id)
            .order_by(m.Assignment.id)
        )
    )


def test_set_flag_on_many_then_restore_puts_every_row_back(demo_store, demo_id):
    with demo_store.session() as s:
        rows = _assignments(s, demo_id)
        rows[0].pack_sent = True  # one already ticked
        ids = [r.id for r in rows[:5]]
    with demo_store.session() as s:
        change, previous = assignment_marks.set_flag(s, ids, flag="pack_sent", value=True)
        assert change.entity == "assignment" and set(change.ids) == set(ids)
        assert previous == {ids[0]: True, **{i: False for i in ids[1:]}}
    with demo_store.read() as s:
        assert [r.pack_sent for r in _assignments(s, demo_id)[:6]] == [True] * 5 + [False]
    with demo_store.session() as s:
        assignment_marks.restore_flag(s, previous, flag="pack_sent")
    with demo_store.read() as s:
        assert [r.pack_sent for r in _assignments(s, demo_id)[:5]] == [True] + [False] * 4


def test_set_flag_grows_the_row_version_for_team_mode_and_calendars(demo_store, demo_id):
    with demo_store.read() as s:
        first = _assignments(s, demo_id)[0]
        first_id, version = first.id, first.version
    with demo_store.session() as s:
        assignment_marks.set_flag(s, [first_id], flag="confirmed", value=False)
    with demo_store.read() as s:
        assert s.get(m.Assignment, first_id).version == version + 1


def test_bad_requests_change_nothing_and_name_the_problem(demo_store, demo_id):
    with demo_store.read() as s:
        ids = [r.id for r in _assignments(s, demo_id)[:2]]
    with demo_store.session() as s, pytest.raises(NotFoundError):
        assignment_marks.set_flag(s, [*ids, 999_999], flag="confirmed", value=False)
    with demo_store.session() as s, pytest.raises(DomainError, match="flag"):
        assignment_marks.set_flag(s, ids, flag="attended", value=True)
    with demo_store.session() as s, pytest.raises(DomainError):
        assignment_marks.set_flag(s, [], flag="confirmed", value=True)
    with demo_store.read() as s:
        assert all(r.confirmed for r in _assignments(s, demo_id))


def test_pack_sent_travels_in_bundles_only_when_true(demo_store, demo_id):
    from app.services.bundle_read import read_bundle
    from app.services.bundle_write import bundle_dict

    with demo_store.read() as s:
        plain = bundle_dict(s, demo_id)
    assert all("pack_sent" not in a for a in plain["assignments"])  # older Cortège reads it
    with demo_store.session() as s:
        ids = [r.id for r in _assignments(s, demo_id)[:3]]
        assignment_marks.set_flag(s, ids, flag="pack_sent", value=True)
    with demo_store.read() as s:
        data = bundle_dict(s, demo_id)
    assert sum(1 for a in data["assignments"] if a.get("pack_sent") is True) == 3
    plan = read_bundle(data)
    assert sum(1 for a in plan["assignments"] if a["pack_sent"]) == 3
    data["assignments"][0]["pack_sent"] = "yes"
    with pytest.raises(DomainError, match=r"assignments\[0\]\.pack_sent"):
        read_bundle(data)


def test_upgrade_from_the_previous_head_keeps_assignments_unsent(tmp_path):
    from app.storage.engine import make_engine, open_store, upgrade

    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    from app.storage.revisions import _revision_graph

    upgrade(engine, _revision_graph()["0003_pack"])  # the revision just before 0003_pack
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO action (id, slug, title, message, description, status, timezone, "
                "country, starts_at, ends_at, location_name, address, meeting_point, route, "
                "languages, fallback_plan, safety_notes, decl_authority, decl_reference, uid, "
                "version) VALUES (1, 'vigil', 'Vigil', '', '', 'planned', 'Europe/Paris', 'FR', "
                "'2024-10-27 00:30:00', '2024-10-27 02:30:00', 'Place', '', 'Gate', '[]', "
                "'[\"fr\"]', '', '', '', '', 'u-1', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO participant (id, alias, alias_key, full_name, phone, email, language, "
                "notes, consent_scope, consent_photos, version) VALUES (1, 'Crow', 'crow', '', '', "
                "'', 'fr', '', '', 0, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO role (id, action_id, key, name, needed, instructions, version) "
                "VALUES (1, 1, 'steward', 'Steward', 1, '', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO assignment (id, action_id, participant_id, role_id, confirmed, uid, "
                "version) VALUES (1, 1, 1, 1, 1, 'a-1', 1)"
            )
        )
    engine.dispose()
    store = open_store(str(path))
    try:
        with store.read() as s:
            row = s.get(m.Assignment, 1)
            assert row.confirmed is True and row.pack_sent is False
    finally:
        store.close()


def test_message_is_short_in_the_readers_language_and_names_nobody_else(demo_store, demo_id):
    from app.services.pack import messages_for

    with demo_store.read() as s:
        people = {p.alias: p.id for p in s.scalars(select(m.Participant))}
        ((alias, message),) = messages_for(s, demo_id, [people["Starling"]])
        both = messages_for(s, demo_id, [people["Crow"], people["Magpie"], people["Crow"]])
    assert alias == "Starling"
    assert "Dienstag, 28. Mai" in message and "09:15" in message
    assert "Boulevard de Ménilmontant" in message and "+33 1 40 00 00 00" in message
    assert "Jonas Weber" not in message and "@" not in message
    assert "Heron" not in message  # who else carries the coffin is on the sheet, not here
    assert len(message) < 600
    assert [a for a, _m in both] == ["Crow", "Magpie"]
    assert "mardi 28 mai" in both[0][1] and "Tuesday" in both[1][1]
    assert "Coffin marked PRIVACY" in both[0][1]


def test_confirm_many_and_undo_on_every_backend(any_demo_store):
    from app.services.actions import action_by_slug

    store = any_demo_store
    with store.read() as s:
        action_id = action_by_slug(s, "funeral-for-privacy").id
        ids = [r.id for r in _assignments(s, action_id)]
    with store.session() as s:
        _change, previous = assignment_marks.set_flag(s, ids, flag="confirmed", value=False)
    with store.session() as s:
        assignment_marks.set_flag(s, ids[:4], flag="pack_sent", value=True)
    with store.read() as s:
        rows = _assignments(s, action_id)
        assert not any(r.confirmed for r in rows)
        assert [r.pack_sent for r in rows] == [True] * 4 + [False] * (len(rows) - 4)
    with store.session() as s:
        assignment_marks.restore_flag(s, previous, flag="confirmed")
    with store.read() as s:
        assert all(r.confirmed for r in _assignments(s, action_id))
