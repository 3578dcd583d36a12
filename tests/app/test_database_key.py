"""The database key: Argon2id for new databases, older (PBKDF2) ones still open and are upgraded
by change-passphrase, SQLCipher's settings pinned, one passphrase rule everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from app.storage.cipher import ARGON2_MARK, uses_argon2
from app.storage.engine import open_store

PASSPHRASE = "correct horse battery staple"
SLUG = "funeral-for-privacy"


def _legacy_encrypted(plain: Path, target: Path, passphrase: str) -> Path:
    """An encrypted database as earlier Cortège versions made them (PBKDF2 over the passphrase)."""
    conn = sqlcipher3.dbapi2.connect(str(plain), isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    quoted = passphrase.replace("'", "''")
    conn.execute(f"ATTACH DATABASE '{target}' AS legacy KEY '{quoted}'")
    conn.execute("SELECT sqlcipher_export('legacy')")
    conn.execute("DETACH DATABASE legacy")
    conn.close()
    return target


def _opens_with_pbkdf2(path: Path, passphrase: str) -> bool:
    conn = sqlcipher3.dbapi2.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        quoted = passphrase.replace("'", "''")
        conn.execute(f"PRAGMA key = '{quoted}'")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    finally:
        conn.close()


def _slugs(cli, db) -> list[str]:
    r = cli("--db", db, "list")
    assert r.code == 0, r.err
    return [line.split("\t")[0] for line in r.out.splitlines()]


def test_a_new_encrypted_database_is_keyed_with_argon2id(cli, tmp_path, monkeypatch):
    db = tmp_path / "new.sqlite3"
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASSPHRASE)
    assert cli("--db", db, "init", "--encrypted").code == 0
    assert cli("--db", db, "demo", "--on", "2024-05-28").code == 0
    assert db.read_bytes()[12:16] == ARGON2_MARK
    assert not _opens_with_pbkdf2(db, PASSPHRASE)  # SQLCipher's own PBKDF2 key is not it
    assert _slugs(cli, db) == [SLUG]
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "not the passphrase")
    r = cli("--db", db, "list")
    assert r.code == 2 and "wrong passphrase" in r.err


def test_an_older_pbkdf2_database_opens_and_change_passphrase_upgrades_it(
    cli, demo_db, tmp_path, monkeypatch
):
    old = _legacy_encrypted(demo_db, tmp_path / "old.sqlite3", PASSPHRASE)
    assert not uses_argon2(old) and _opens_with_pbkdf2(old, PASSPHRASE)
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASSPHRASE)
    assert _slugs(cli, old) == [SLUG]
    monkeypatch.setenv("CORTEGE_NEW_PASSPHRASE", "a brand new passphrase")
    r = cli("--db", old, "change-passphrase")
    assert r.code == 0, r.err
    assert uses_argon2(old)
    assert not _opens_with_pbkdf2(old, "a brand new passphrase")
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "a brand new passphrase")
    assert _slugs(cli, old) == [SLUG]


def test_sqlcipher_settings_are_pinned_against_other_defaults(demo_db, tmp_path):
    """A future SQLCipher with other defaults must not make an old file read as "wrong
    passphrase": simulated by switching this process's SQLCipher defaults to version 3."""
    old = _legacy_encrypted(demo_db, tmp_path / "old.sqlite3", PASSPHRASE)
    probe = sqlcipher3.dbapi2.connect(":memory:")
    probe.execute("PRAGMA cipher_default_compatibility = 3")
    try:
        store = open_store(str(old), passphrase=PASSPHRASE)
        store.close()
        fresh = open_store(str(tmp_path / "fresh.sqlite3"), passphrase=PASSPHRASE)
        fresh.close()
    finally:
        probe.execute("PRAGMA cipher_default_compatibility = 4")
        probe.close()
    reopened = open_store(str(tmp_path / "fresh.sqlite3"), passphrase=PASSPHRASE)
    reopened.close()


@pytest.mark.parametrize("command", [("init", "--encrypted"), ("change-passphrase",)])
def test_the_command_line_refuses_a_short_new_passphrase_like_the_window(
    cli, tmp_path, monkeypatch, command
):
    db = tmp_path / "plan.sqlite3"
    if command[0] == "change-passphrase":
        assert cli("--db", db, "init").code == 0
    before = db.read_bytes() if db.exists() else None
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "x")
    monkeypatch.setenv("CORTEGE_NEW_PASSPHRASE", "x")
    r = cli("--db", db, *command)
    assert r.code == 2
    assert "at least 8 characters" in r.err
    assert (db.read_bytes() if db.exists() else None) == before
