"""Encryption at rest: an SQLCipher store shows nothing to someone holding the file."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from app.domain.errors import StoreError
from app.storage.cipher import is_encrypted_file
from app.storage.engine import head_revision, make_engine, open_store, upgrade

PASS = "correct horse battery staple"
PLAINTEXT = [b"Crow", b"Camille Martin", b"example.org", b"P\xc3\xa8re-Lachaise", b"PRIVACY"]


def _all_bytes(path) -> bytes:
    out = path.read_bytes()
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            out += side.read_bytes()
    return out


@pytest.fixture(scope="module")
def encrypted_db(tmp_path_factory):
    from app.services.demo import add_demo

    path = tmp_path_factory.mktemp("enc") / "secret.sqlite3"
    store = open_store(str(path), passphrase=PASS)
    with store.session() as session:
        add_demo(session, on=date(2024, 5, 28), today=date(2024, 5, 18))
    store.close()
    return path


def test_the_encrypted_file_and_its_wal_hold_no_plaintext(encrypted_db):
    raw = _all_bytes(encrypted_db)
    assert len(raw) > 50_000
    for needle in PLAINTEXT:
        assert needle not in raw
    assert not raw.startswith(b"SQLite format 3")
    assert is_encrypted_file(encrypted_db)


def test_the_standard_sqlite3_module_cannot_read_it(encrypted_db):
    conn = sqlite3.connect(f"file:{encrypted_db}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT name FROM sqlite_master").fetchall()
    finally:
        conn.close()


def test_the_right_passphrase_opens_it(encrypted_db):
    from app.services.actions import list_actions

    store = open_store(str(encrypted_db), passphrase=PASS)
    try:
        with store.read() as session:
            assert [a.slug for a in list_actions(session)] == ["funeral-for-privacy"]
    finally:
        store.close()


def test_a_wrong_passphrase_is_a_clear_store_error(encrypted_db):
    before = encrypted_db.read_bytes()
    with pytest.raises(StoreError, match="wrong passphrase, or .* is not a Cortège database"):
        open_store(str(encrypted_db), passphrase="correct horse battery stapler")
    assert encrypted_db.read_bytes() == before


def test_the_cli_says_wrong_passphrase_with_exit_2(cli, encrypted_db, monkeypatch):
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "nope")
    r = cli("--db", encrypted_db, "list")
    assert r.code == 2
    assert "wrong passphrase, or" in r.err and "Traceback" not in r.err
    assert r.out == ""


def test_the_cli_without_a_passphrase_explains_what_to_do(cli, encrypted_db):
    r = cli("--db", encrypted_db, "list")
    assert r.code == 2
    assert "CORTEGE_PASSPHRASE" in r.err and "Traceback" not in r.err


def test_the_cli_opens_it_with_cortege_passphrase(cli, encrypted_db, monkeypatch):
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASS)
    r = cli("--db", encrypted_db, "list")
    assert r.code == 0 and r.out.startswith("funeral-for-privacy\t")


@pytest.mark.parametrize("encrypted", [False, True], ids=["stdlib sqlite", "sqlcipher"])
def test_migrations_run_from_the_first_revision_on_both_sqlites(tmp_path, encrypted):
    path = tmp_path / "old.sqlite3"
    passphrase = PASS if encrypted else None
    engine = make_engine(str(path), passphrase=passphrase)
    with engine.connect() as conn:
        version = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
    # The two SQLites differ (FACTS.md): 3.40 in the stdlib, 3.5x bundled with SQLCipher.
    assert (version == sqlite3.sqlite_version) is (not encrypted)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO participant (alias, alias_key, full_name, phone, email, language, "
                "notes, consent_scope, consent_photos, version) VALUES ('Crow', 'crow', "
                "'Camille Martin', '', '', 'fr', '', '', 0, 1)"
            )
        )
    engine.dispose()
    assert is_encrypted_file(path) is encrypted

    store = open_store(str(path), passphrase=passphrase)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
            assert conn.execute(text("SELECT full_name FROM participant")).scalar() == (
                "Camille Martin"
            )
            assert "media_contact" in {
                r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")
            }
    finally:
        store.close()
    copies = list(tmp_path.glob("old.sqlite3.before-upgrade-*"))
    assert copies and (is_encrypted_file(copies[0]) is encrypted)


def test_init_encrypted_creates_an_encrypted_database_and_refuses_an_existing_one(
    cli, tmp_path, monkeypatch
):
    path = tmp_path / "new.sqlite3"
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASS)
    r = cli("--db", path, "init", "--encrypted")
    assert (r.code, r.out.strip()) == (0, str(path)), r.err
    assert is_encrypted_file(path)
    assert cli("--db", path, "demo", "--on", "2024-05-28").code == 0
    r = cli("--db", path, "init", "--encrypted")
    assert r.code == 2 and "already exists" in r.err


def test_init_without_a_passphrase_and_no_terminal_creates_nothing(cli, tmp_path):
    path = tmp_path / "new.sqlite3"
    r = cli("--db", path, "init", "--encrypted")
    assert r.code == 2 and "CORTEGE_PASSPHRASE" in r.err
    assert not path.exists()


def test_change_passphrase(cli, encrypted_db, tmp_path, monkeypatch):
    import shutil

    path = tmp_path / "copy.sqlite3"
    shutil.copy(encrypted_db, path)
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASS)
    monkeypatch.setenv("CORTEGE_NEW_PASSPHRASE", "a brand new one")
    r = cli("--db", path, "change-passphrase")
    assert r.code == 0, r.err
    with pytest.raises(StoreError, match="wrong passphrase"):
        open_store(str(path), passphrase=PASS)
    open_store(str(path), passphrase="a brand new one").close()


def test_change_passphrase_encrypts_a_plain_database(cli, demo_db, monkeypatch):
    assert b"Camille Martin" in _all_bytes(demo_db)
    monkeypatch.setenv("CORTEGE_NEW_PASSPHRASE", "now encrypted")
    r = cli("--db", demo_db, "change-passphrase")
    assert r.code == 0, r.err
    assert "is now encrypted" in r.err
    raw = _all_bytes(demo_db)
    for needle in PLAINTEXT:
        assert needle not in raw
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "now encrypted")
    assert cli("--db", demo_db, "list").out.startswith("funeral-for-privacy\t")


def test_the_backup_of_an_encrypted_database_is_encrypted(cli, encrypted_db, tmp_path, monkeypatch):
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASS)
    dest = tmp_path / "backup.sqlite3"
    r = cli("--db", encrypted_db, "backup", "-o", dest)
    assert r.code == 0, r.err
    raw = dest.read_bytes()
    for needle in PLAINTEXT:
        assert needle not in raw
    store = open_store(str(dest), passphrase=PASS)
    try:
        from app.services.actions import list_actions

        with store.read() as session:
            assert [a.slug for a in list_actions(session)] == ["funeral-for-privacy"]
    finally:
        store.close()


def test_two_windows_on_a_sealed_file_tell_their_saves_apart(tmp_path):
    """The commit stamp lives in the encrypted header too: a colleague's save after ours is
    news, ours is not."""
    from app.services import edits
    from app.services.demo import add_demo
    from app.storage.notify import enable_change_notifications

    path = tmp_path / "sealed.sqlite3"
    mine = open_store(str(path), passphrase=PASS)
    with mine.session() as session:
        add_demo(session, on=date(2024, 5, 28), today=date(2024, 5, 18))
    other = open_store(str(path), passphrase=PASS)
    watch = enable_change_notifications(mine).watch()
    try:
        with mine.engine.connect() as conn:
            action_id = conn.execute(text("SELECT min(id) FROM action")).scalar()
        with mine.session() as s:
            edits.update(s, "action", action_id, title="Ours")
        assert watch.wait(0.6) == []
        with other.session() as s:
            edits.update(s, "action", action_id, title="Theirs")
        assert watch.wait(5.0)
    finally:
        watch.close()
        other.close()
        mine.close()
