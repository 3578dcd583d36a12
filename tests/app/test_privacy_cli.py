"""backup [--encrypt] and restore: sealed copies, integrity checked, the old database kept."""

from __future__ import annotations

import shutil

import pytest

from app.storage.cipher import is_encrypted_file

SLUG = "funeral-for-privacy"


def _slugs(cli, db) -> list[str]:
    r = cli("--db", db, "list")
    assert r.code == 0, r.err
    return [line.split("\t")[0] for line in r.out.splitlines()]


def test_help_lists_the_privacy_commands(cli, capsys):
    cli("--help")  # argparse prints help on the real stdout
    out = capsys.readouterr().out
    for command in ("init", "change-passphrase", "backup", "restore", "purge", "declaration"):
        assert f"\n    {command}" in out
    cli("backup", "--help")
    assert "--encrypt" in capsys.readouterr().out
    cli("export", "bundle", "--help")
    assert "--encrypt" in capsys.readouterr().out


def test_encrypted_backup_of_a_plain_database_round_trips(cli, demo_db, tmp_path, monkeypatch):
    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "backup pass")
    backup = tmp_path / "plan.backup"
    r = cli("--db", demo_db, "backup", "-o", backup, "--encrypt")
    assert (r.code, r.out.strip()) == (0, str(backup)), r.err
    raw = backup.read_bytes()
    assert raw.startswith(b"CORTEGE1")
    assert b"Camille" not in raw and b"Crow" not in raw and b"SQLite format" not in raw
    # No scratch copy was left beside it.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

    target = tmp_path / "restored.sqlite3"
    r = cli("--db", target, "restore", backup)
    assert r.code == 0, r.err
    assert "not encrypted" in r.err
    assert _slugs(cli, target) == [SLUG]


def test_restore_keeps_the_current_database_beside_it(cli, demo_db, tmp_path, monkeypatch):
    backup = tmp_path / "plan.sqlite3.bak"
    assert cli("--db", demo_db, "backup", "-o", backup).code == 0
    target = tmp_path / "current.sqlite3"
    assert cli("--db", target, "demo", "--on", "2025-03-01").code == 0

    r = cli("--db", target, "restore", backup)
    assert r.code == 2 and "--yes" in r.err
    assert _slugs(cli, target) == [SLUG]  # the one made by demo --on, untouched
    r = cli("--db", target, "restore", backup, "--yes")
    assert r.code == 0, r.err
    copies = list(tmp_path.glob("current.sqlite3.before-restore-*"))
    assert len(copies) == 1 and str(copies[0]) in r.err
    assert _slugs(cli, target) == [SLUG]
    assert _slugs(cli, copies[0]) == [SLUG]


def test_a_tampered_encrypted_backup_is_refused_and_nothing_changes(
    cli, demo_db, tmp_path, monkeypatch
):
    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "backup pass")
    backup = tmp_path / "plan.backup"
    assert cli("--db", demo_db, "backup", "-o", backup, "--encrypt").code == 0
    raw = bytearray(backup.read_bytes())
    raw[len(raw) // 3] ^= 0x20
    backup.write_bytes(bytes(raw))
    target = tmp_path / "restored.sqlite3"
    shutil.copy(demo_db, target)
    before = target.read_bytes()
    r = cli("--db", target, "restore", backup, "--yes")
    assert r.code == 2 and "altered or damaged" in r.err and "Traceback" not in r.err
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("restored.sqlite3.before-restore-*"))


def test_a_damaged_plain_backup_is_refused(cli, demo_db, tmp_path):
    backup = tmp_path / "plan.bak"
    assert cli("--db", demo_db, "backup", "-o", backup).code == 0
    raw = bytearray(backup.read_bytes())
    for i in range(8192, 8192 + 4096):  # scribble over the second and third pages
        raw[i] = 0x5A
    backup.write_bytes(bytes(raw))
    target = tmp_path / "restored.sqlite3"
    r = cli("--db", target, "restore", backup, "--yes")
    assert r.code == 2 and "damaged" in r.err, r.err
    assert not target.exists()


@pytest.mark.parametrize("content", [b"shopping list\n" * 100, b""])
def test_something_else_is_not_restored(cli, tmp_path, monkeypatch, content):
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "whatever")
    other = tmp_path / "notes.txt"
    other.write_bytes(content)
    target = tmp_path / "restored.sqlite3"
    r = cli("--db", target, "restore", other, "--yes")
    assert r.code == 2 and "Traceback" not in r.err
    assert not target.exists()


def test_restore_of_an_encrypted_database_backup(cli, tmp_path, monkeypatch):
    db = tmp_path / "enc.sqlite3"
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "db passphrase")
    assert cli("--db", db, "init", "--encrypted").code == 0
    assert cli("--db", db, "demo", "--on", "2024-05-28").code == 0
    monkeypatch.setenv("CORTEGE_FILE_PASSPHRASE", "file passphrase")
    backup = tmp_path / "enc.backup"
    assert cli("--db", db, "backup", "-o", backup, "--encrypt").code == 0

    target = tmp_path / "back.sqlite3"
    r = cli("--db", target, "restore", backup)
    assert r.code == 0, r.err
    assert is_encrypted_file(target)  # the backup keeps the database's own encryption
    assert _slugs(cli, target) == [SLUG]

    monkeypatch.setenv("CORTEGE_PASSPHRASE", "not the db pass")
    other = tmp_path / "other.sqlite3"
    r = cli("--db", other, "restore", backup)
    assert r.code == 2 and "wrong passphrase" in r.err
    assert not other.exists()


def test_restore_refuses_a_server_database(cli, tmp_path):
    r = cli("--db", "postgresql+psycopg://u:secret@localhost/db", "restore", tmp_path / "x")
    assert r.code == 2 and "server database" in r.err and "secret" not in r.err
