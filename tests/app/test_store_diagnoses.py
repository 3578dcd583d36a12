"""Each reason a database cannot be used is told apart: a full disk, a read-only disk, a damaged
file (plain or encrypted), a file that is not ours, a newer version, a wrong passphrase. Those
that cannot be fixed by Cortège change nothing; a read-only file opens read-only."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import func, select

from app.domain import models as m
from app.domain.errors import StoreError
from app.services import edits
from app.storage.engine import open_store

PASSPHRASE = "correct horse battery staple"
SLUG = "funeral-for-privacy"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MiB tmpfs (root only; skipped elsewhere)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small disk needs root")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], check=False)
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(disk: Path) -> None:
    try:  # closing the file flushes what is left, and that can be refused too
        with open(disk / "filler", "wb") as fh:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
    except OSError:
        pass
    try:
        with open(disk / "filler2", "wb") as fh:
            while True:
                fh.write(b"\0" * 512)
                fh.flush()
    except OSError:
        pass


def _remount_read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def _encrypted_demo(cli, demo_db: Path, target: Path, monkeypatch) -> Path:
    shutil.copy(demo_db, target)
    monkeypatch.setenv("CORTEGE_NEW_PASSPHRASE", PASSPHRASE)
    assert cli("--db", target, "change-passphrase").code == 0
    monkeypatch.setenv("CORTEGE_PASSPHRASE", PASSPHRASE)
    return target


# --- a full disk --------------------------------------------------------------------------------


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_full_disk_is_called_a_full_disk(cli, demo_db, small_disk, monkeypatch, encrypted):
    db = small_disk / "plan.sqlite3"
    if encrypted:
        _encrypted_demo(cli, demo_db, db, monkeypatch)
    else:
        shutil.copy(demo_db, db)
    _fill(small_disk)
    r = cli("--db", db, "list")
    assert r.code == 2
    assert "is full" in r.err
    assert "damaged" not in r.err and "wrong passphrase" not in r.err
    assert "not a Cortège database" not in r.err


def test_an_edit_on_a_full_disk_says_so_and_saves_nothing(demo_db, small_disk):
    db = small_disk / "plan.sqlite3"
    shutil.copy(demo_db, db)
    store = open_store(str(db))
    try:
        with store.read() as session:
            before = session.scalar(select(func.count()).select_from(m.Participant))
        _fill(small_disk)
        with pytest.raises(StoreError, match="is full: nothing was saved"):
            with store.session() as session:
                for i in range(50):
                    edits.create(session, "participant", alias=f"P{i}", notes="x" * 4000)
        (small_disk / "filler").unlink()
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(m.Participant)) == before
    finally:
        store.close()


# --- a read-only disk ---------------------------------------------------------------------------


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_database_on_a_read_only_disk_opens_read_only(
    cli, demo_db, small_disk, tmp_path, monkeypatch, encrypted
):
    db = small_disk / "plan.sqlite3"
    if encrypted:
        _encrypted_demo(cli, demo_db, db, monkeypatch)
    else:
        shutil.copy(demo_db, db)
    _remount_read_only(small_disk)
    before = _digest(db)
    r = cli("--db", db, "list")
    assert r.code == 0, r.err
    assert r.out.startswith(SLUG)
    out = tmp_path / "plan.json"
    assert cli("--db", db, "export", "bundle", SLUG, "-o", out).code == 0
    assert out.exists()
    r = cli("--db", db, "import", out)
    assert r.code == 2
    assert "read-only" in r.err and "nothing was saved" in r.err
    store = open_store(str(db), passphrase=PASSPHRASE if encrypted else None)
    try:
        assert store.read_only
        assert "read-only disk" in store.read_only_reason
    finally:
        store.close()
    assert _digest(db) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["plan.sqlite3"]


# --- damage found when it is read ---------------------------------------------------------------


def _wreck_table(db: Path, table: str, *, key: str | None = None) -> None:
    """Overwrite the middle of ``table``'s root page (the file's header page stays intact)."""
    if key is None:
        conn = sqlite3.connect(db)
    else:
        from app.storage.cipher import open_encrypted

        conn, _spec = open_encrypted(db, key)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    conn.close()
    with open(db, "r+b") as fh:
        fh.seek((int(page[0]) - 1) * size)
        fh.write(b"\xa5" * size)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_damaged_page_is_refused_with_a_sentence_when_it_is_read(
    cli, demo_db, tmp_path, monkeypatch, encrypted
):
    db = tmp_path / "plan.sqlite3"
    if encrypted:
        _encrypted_demo(cli, demo_db, db, monkeypatch)
    else:
        shutil.copy(demo_db, db)
    _wreck_table(db, "participant", key=PASSPHRASE if encrypted else None)
    # Opening does not scan the whole file (no quick_check on every open) ...
    store = open_store(str(db), passphrase=PASSPHRASE if encrypted else None)
    try:
        # ... but reading the damaged page is refused with a sentence.
        with pytest.raises(StoreError, match="is damaged"):
            with store.read() as session:
                list(session.scalars(select(m.Participant.alias)))
    finally:
        store.close()
    r = cli("--db", db, "export", "bundle", SLUG, "-o", tmp_path / "out.json")
    assert r.code == 2, r
    assert "is damaged" in r.err and "internal error" not in r.err


def test_an_upgrade_checks_the_whole_file_first(demo_db):
    from app.storage.engine import head_revision

    _wreck_table(demo_db, "participant")
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    assert head_revision() != "0001"
    with pytest.raises(StoreError, match="is damaged"):
        open_store(str(demo_db))
    assert not list(demo_db.parent.glob("*.before-upgrade-*"))


# --- not ours, newer, wrong passphrase: nothing is written ---------------------------------------


def test_an_encrypted_file_that_is_not_ours_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlcipher3.dbapi2.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="is not a Cortège database"):
        open_store(str(path), passphrase=PASSPHRASE)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_database_from_a_newer_version_is_left_untouched(
    cli, demo_db, tmp_path, monkeypatch, encrypted
):
    folder = tmp_path / "newer"
    folder.mkdir()
    db = folder / "plan.sqlite3"
    shutil.copy(demo_db, db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.execute("PRAGMA journal_mode = DELETE")  # as a newer Cortège might leave it
    conn.commit()
    conn.close()
    if encrypted:
        monkeypatch.setenv("CORTEGE_NEW_PASSPHRASE", PASSPHRASE)
        # encrypt it as this version would, then reset the journal mode the same way
        from app.storage.cipher import encrypt_plain_file

        encrypt_plain_file(db, PASSPHRASE)
    before = _digest(db)
    with pytest.raises(StoreError, match="newer version of Cortège"):
        open_store(str(db), passphrase=PASSPHRASE if encrypted else None)
    assert _digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["plan.sqlite3"]


def test_a_wrong_passphrase_is_not_called_damage(cli, demo_db, tmp_path, monkeypatch):
    db = _encrypted_demo(cli, demo_db, tmp_path / "plan.sqlite3", monkeypatch)
    before = _digest(db)
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "not the passphrase at all")
    r = cli("--db", db, "list")
    assert r.code == 2 and r.err.startswith("wrong passphrase")
    assert _digest(db) == before


# --- privacy on disk ---------------------------------------------------------------------------


def test_a_new_database_and_its_journal_are_readable_by_their_owner_only(cli, tmp_path):
    db = tmp_path / "plan.sqlite3"
    assert cli("--db", db, "demo", "--on", "2024-05-28").code == 0
    assert db.stat().st_mode & 0o777 == 0o600
    store = open_store(str(db))
    try:
        with store.session() as session:
            edits.create(session, "participant", alias="Newcomer")
        for extra in ("-wal", "-shm"):
            side = db.with_name(db.name + extra)
            assert not side.exists() or side.stat().st_mode & 0o077 == 0
    finally:
        store.close()


def test_the_data_folder_is_private(tmp_path, monkeypatch):
    from app.paths import data_dir, default_database

    monkeypatch.setenv("CORTEGE_DATA_DIR", str(tmp_path / "fresh" / "Cortege"))
    assert data_dir().stat().st_mode & 0o777 == 0o700
    store = open_store(str(default_database()))
    store.close()
    assert default_database().stat().st_mode & 0o777 == 0o600


def test_the_unlock_check_calls_only_a_key_that_does_not_fit_wrong(
    cli, demo_db, small_disk, monkeypatch
):
    from app.storage.cipher import check_passphrase

    db = _encrypted_demo(cli, demo_db, small_disk / "plan.sqlite3", monkeypatch)
    _remount_read_only(small_disk)
    assert check_passphrase(db, PASSPHRASE)
    assert not check_passphrase(db, "not the passphrase at all")


def test_a_backup_of_a_damaged_database_is_refused_and_keeps_the_older_one(cli, demo_db, tmp_path):
    older = tmp_path / "older.backup"
    assert cli("--db", demo_db, "backup", "-o", older).code == 0
    before = _digest(older)
    _wreck_table(demo_db, "participant")
    r = cli("--db", demo_db, "backup", "-o", older)
    assert r.code == 2, r
    assert "is damaged" in r.err and "no backup was written" in r.err
    assert _digest(older) == before


def test_text_that_does_not_decode_is_reported_as_damage(cli, demo_db, tmp_path):
    """Random bytes inside a row are not caught by SQLite; reading them must not be exit 1."""
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE participant SET alias = CAST(x'c328ff' AS TEXT) WHERE id = 1")
    conn.commit()
    conn.close()
    for args in (
        ("check", SLUG),
        ("export", "bundle", SLUG, "-o", tmp_path / "out.json"),
    ):
        r = cli("--db", demo_db, *args)
        assert r.code == 2, (args, r)
        assert "is damaged" in r.err and "internal error" not in r.err
