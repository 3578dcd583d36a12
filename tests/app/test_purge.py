"""Purge: personal data goes for good (file and WAL), aliases and history stay."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app.domain import models as m
from app.services import edits
from app.services.purge import (
    due_count,
    plan_due,
    plan_for_action,
    run_purge,
)
from tests.conftest import DEMO_NOW

SLUG = "funeral-for-privacy"
AFTER = date(2024, 7, 15)  # past the demo's end + 30 days


def _file_bytes(path) -> bytes:
    out = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        out += wal.read_bytes()
    return out


def _later_action_with(session, alias: str) -> int:
    from app.services.actions import participant_by_alias

    action_id = edits.create(
        session,
        "action",
        title="Masks for the cameras",
        timezone="Europe/Paris",
        country="FR",
        starts_at=datetime(2024, 6, 8, 10, 0, tzinfo=UTC),
        ends_at=datetime(2024, 6, 8, 12, 0, tzinfo=UTC),
    )
    role_id = edits.create(session, "role", action_id=action_id, name="Mask wearer")
    person = participant_by_alias(session, alias)
    edits.create(
        session, "assignment", action_id=action_id, participant_id=person.id, role_id=role_id
    )
    return action_id


def test_purging_an_action_keeps_people_of_a_later_action(demo_store, demo_id):
    with demo_store.session() as session:
        _later_action_with(session, "Crow")
    with demo_store.read() as session:
        plan = plan_for_action(session, demo_id, today=AFTER)
    aliases = [p.label for p in plan.participants]
    assert "Crow" not in aliases and "Heron" in aliases and len(aliases) == 14
    assert [alias for alias, _why in plan.kept] == ["Crow"]
    assert plan.kept[0][1] == "Masks for the cameras"

    run_purge(demo_store, plan)
    with demo_store.read() as session:
        people = {p.alias: p for p in session.scalars(select(m.Participant))}
        heron, crow, raven = people["Heron"], people["Crow"], people["Raven"]
        assert (heron.full_name, heron.phone, heron.email, heron.notes) == ("", "", "", "")
        assert heron.consent_given_on is None and heron.consent_scope == ""
        assert heron.purged_at is not None
        assert raven.consent_photos is False and heron.consent_photos is True
        assert crow.full_name == "Camille Martin" and crow.purged_at is None
        # History stays: the aliases are still assigned in the action.
        assigned = session.scalars(
            select(m.Participant.alias)
            .join(m.Assignment, m.Assignment.participant_id == m.Participant.id)
            .where(m.Assignment.action_id == demo_id)
        ).all()
        assert "Heron" in assigned and "Raven" in assigned


def test_someone_kept_on_purpose_until_later_is_not_purged(demo_store, demo_id):
    from app.services.actions import participant_by_alias

    with demo_store.session() as session:
        wren = participant_by_alias(session, "Wren")
        edits.update(session, "participant", wren.id, retain_until=date(2025, 1, 1))
    with demo_store.read() as session:
        plan = plan_for_action(session, demo_id, today=AFTER)
    assert "Wren" not in [p.label for p in plan.participants]
    assert ("Wren", "2025-01-01") in plan.kept


def test_purged_values_are_gone_from_the_file_and_the_wal(demo_store, demo_db, demo_id):
    from app.services.actions import participant_by_alias

    with demo_store.session() as session:  # a fresh value that lives in the WAL for now
        raven = participant_by_alias(session, "Raven")
        edits.update(session, "participant", raven.id, notes="lives at 7 impasse Secrète")
    before = _file_bytes(demo_db)
    secrets = [
        b"Nadia Haddad",
        b"raven@example.org",
        "impasse Secrète".encode(),
        "Élise Fournier".encode(),
        b"contact for this action",
    ]
    for value in secrets:
        assert value in before, value

    with demo_store.read() as session:
        plan = plan_for_action(session, demo_id, today=AFTER)
    result = run_purge(demo_store, plan)
    assert result.participants == 15 and result.erased

    after = _file_bytes(demo_db)
    for value in secrets:
        assert value not in after, value
    assert b"Raven" in after  # the alias stays
    wal = demo_db.with_name(demo_db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_readiness_reminds_then_is_quiet_after_the_purge(demo_store, demo_id):
    from app.services.readiness import check

    later = datetime(2024, 7, 15, 8, 0, tzinfo=UTC)
    with demo_store.read() as session:
        kinds = [p.kind for p in check(session, demo_id, now=later)]
        assert kinds.count("purge-due") == 15
        plan = plan_due(session, today=AFTER)
        assert len(plan.participants) == 15
        assert due_count(session, today=AFTER) == 15 + len(plan.media_contacts)
        assert due_count(session, today=date(2024, 6, 1)) == 0
    run_purge(demo_store, plan)
    with demo_store.read() as session:
        assert "purge-due" not in [p.kind for p in check(session, demo_id, now=later)]
        assert due_count(session, today=AFTER) == 0


def test_media_contacts_past_retention_are_purged_too(demo_store, demo_id):
    with demo_store.session() as session:
        old = edits.create(
            session,
            "media_contact",
            outlet="Example Daily",
            name="R. Reporter",
            email="desk@example.com",
            phone="+33 1 00 00 00 09",
            retain_until=date(2024, 6, 1),
        )
        kept = edits.create(
            session,
            "media_contact",
            outlet="Le Quotidien",
            name="A. Journaliste",
            retain_until=date(2030, 1, 1),
        )
    with demo_store.read() as session:
        plan = plan_due(session, today=AFTER)
    labels = [c.label for c in plan.media_contacts]
    assert "Example Daily" in labels and "Le Quotidien" not in labels
    run_purge(demo_store, plan)
    with demo_store.read() as session:
        c = session.get(m.MediaContact, old)
        assert (c.outlet, c.name, c.email, c.phone) == ("Example Daily", "", "", "")
        assert c.purged_at is not None
        assert session.get(m.MediaContact, kept).name == "A. Journaliste"


def test_nobody_is_due_before_their_retention_date(demo_store):
    with demo_store.read() as session:
        assert plan_due(session, today=DEMO_NOW.date()).empty


def test_cli_purge_asks_for_yes_without_a_terminal(cli, demo_db):
    r = cli("--db", demo_db, "purge", SLUG)
    assert r.code == 2 and "--yes" in r.err
    assert b"Camille Martin" in _file_bytes(demo_db)


def test_cli_purge_with_yes_prints_the_aliases_and_warns_about_backups(cli, demo_db):
    r = cli("--db", demo_db, "purge", SLUG, "--yes")
    assert r.code == 0, r.err
    assert r.out.splitlines()[:2] == ["Crow", "Finch"]
    assert "backups made before still hold them" in r.err
    assert b"Camille Martin" not in _file_bytes(demo_db)
    r = cli("--db", demo_db, "purge", SLUG, "--yes")
    assert r.code == 0 and "nobody to purge" in r.err


def test_cli_purge_names_copies_that_still_hold_the_data(cli, demo_db):
    import shutil

    copy = demo_db.with_name(demo_db.name + ".before-restore-20240101T000000Z")
    shutil.copy(demo_db, copy)
    r = cli("--db", demo_db, "purge", SLUG, "--yes")
    assert r.code == 0
    assert f"this copy still holds the purged data: {copy}" in r.err


@pytest.mark.parametrize(
    "argv, message",
    [((), "SLUG or --due"), ((SLUG, "--due"), "SLUG or --due"), (("nope", "--yes"), "nope")],
)
def test_cli_purge_bad_arguments(cli, demo_db, argv, message):
    r = cli("--db", demo_db, "purge", *argv)
    assert r.code == 2 and message in r.err


def test_an_action_still_to_come_cannot_be_purged(demo_store, demo_id, cli, demo_db):
    with demo_store.read() as session:
        plan = plan_for_action(session, demo_id, now=DEMO_NOW)
    assert plan.empty and "has not taken place yet" in plan.blocked
    with demo_store.session() as session:
        edits.update(session, "action", demo_id, status="cancelled")
    with demo_store.read() as session:
        plan = plan_for_action(session, demo_id, now=DEMO_NOW)
    assert not plan.blocked and len(plan.participants) == 15
