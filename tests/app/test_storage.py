"""The store: SQLite settings, schema only through Alembic, refusing what is not ours."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import text

from app.domain.errors import StoreError
from app.storage.engine import head_revision, open_store, upgrade


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlite_runs_in_wal_with_foreign_keys_and_busy_timeout(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_new_database_is_at_the_head_revision_with_default_settings(store):
    from app.services.settings import read_settings

    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
    with store.read() as session:
        settings = read_settings(session)
    assert (settings.currency, settings.retention_days, settings.alarm_minutes) == ("EUR", 30, 60)
    assert settings.end_mark == "###"


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list: wreath, armbands\n" * 50)
    before = _digest(path)
    with pytest.raises(StoreError, match="not a Cortège database"):
        open_store(str(path))
    assert _digest(path) == before


def test_another_sqlite_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.execute("INSERT INTO birds VALUES ('crow')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="is not a Cortège database"):
        open_store(str(path))
    assert _digest(path) == before


def test_a_corrupt_database_is_refused_with_a_clear_message(demo_db):
    data = bytearray(demo_db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    demo_db.write_bytes(bytes(data))
    before = _digest(demo_db)
    with pytest.raises(StoreError, match="damaged|not a Cortège database"):
        open_store(str(demo_db))
    assert _digest(demo_db) == before


def test_a_database_from_a_newer_version_is_refused(demo_db):
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer version of Cortège"):
        open_store(str(demo_db))


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nowhere" / "plan.sqlite3"))


def test_upgrade_from_the_first_revision_keeps_the_data_and_copies_the_file(tmp_path):
    """A database made at revision 0001, with a plan in it, opens at head with the plan intact."""
    from app.storage.engine import make_engine

    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO action (id, slug, title, message, description, status, timezone, "
                "country, starts_at, ends_at, location_name, address, meeting_point, route, "
                "languages, fallback_plan, safety_notes, decl_authority, decl_reference, uid, "
                "version) VALUES (1, 'vigil', 'Vigil', 'Light a candle', '', 'planned', "
                "'Europe/Paris', 'FR', '2024-10-27 00:30:00', '2024-10-27 02:30:00', 'Place', '', "
                "'Gate', '[]', '[\"fr\"]', '', '', '', '', 'u-1', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO participant (id, alias, alias_key, full_name, phone, email, language, "
                "notes, consent_scope, consent_photos, version) VALUES (1, 'Crow', 'crow', "
                "'Camille Martin', '', '', 'fr', '', '', 0, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO press_release (id, action_id, key, language, headline, subheadline, "
                "dateline, body, boilerplate, status, version) VALUES (1, 1, 'pr-fr', 'fr', "
                "'Veillée', '', 'Paris', 'Texte', '', 'draft', 1)"
            )
        )
    engine.dispose()

    store = open_store(str(path))
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
            assert conn.execute(text("SELECT title FROM action WHERE slug='vigil'")).scalar() == (
                "Vigil"
            )
            assert conn.execute(text("SELECT full_name FROM participant")).scalar() == (
                "Camille Martin"
            )
            # The later revision's tables exist and work with the old rows.
            conn.execute(
                text(
                    "INSERT INTO release_send (release_id, sent_at, note) "
                    "VALUES (1, '2024-10-26 08:00:00', '')"
                )
            )
    finally:
        store.close()
    copies = list(tmp_path.glob("old.sqlite3.before-upgrade-0001"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert conn.execute("SELECT title FROM action").fetchone() == ("Vigil",)
    conn.close()


def test_backup_is_a_consistent_copy_while_the_database_is_open(demo_store, tmp_path):
    from app.storage.backup import backup_sqlite

    dest = tmp_path / "backup.sqlite3"
    with demo_store.session() as session:  # an open writer must not block the copy
        from app.services import edits
        from app.services.actions import action_by_slug

        action = action_by_slug(session, "funeral-for-privacy")
        edits.update(session, "action", action.id, title="Funeral for privacy (copy test)")
    backup_sqlite(demo_store, dest)
    copy = open_store(str(dest))
    try:
        from app.services.actions import list_actions

        with copy.read() as session:
            assert [a.title for a in list_actions(session)] == ["Funeral for privacy (copy test)"]
    finally:
        copy.close()


def test_backup_refuses_to_overwrite_the_database_itself(demo_store, demo_db):
    from app.storage.backup import backup_sqlite

    with pytest.raises(StoreError, match="cannot overwrite the database itself"):
        backup_sqlite(demo_store, demo_db)
