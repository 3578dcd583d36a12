"""A database reached through a symbolic link (the plan on an external disk, linked from home):
encrypting it encrypts that file, restoring restores that file (hostile-input review: both
replaced the link with a new file and left the real database in plain text, after saying
"is now encrypted")."""

from __future__ import annotations

import sqlite3

import pytest


@pytest.fixture
def linked(cli, tmp_path):
    volume, home = tmp_path / "volume", tmp_path / "home"
    volume.mkdir()
    home.mkdir()
    real = volume / "plan.cortege"
    assert cli("--db", real, "demo", "--on", "2024-05-28").code == 0
    link = home / "plan.cortege"
    link.symlink_to(real)
    return real, link


def _plain_names(path) -> int:
    try:
        with sqlite3.connect(path) as db:
            return db.execute("select count(*) from participant where full_name <> ''").fetchone()[
                0
            ]
    except sqlite3.DatabaseError:
        return 0  # encrypted: not readable without the key


def test_encrypting_through_a_link_encrypts_the_linked_file(cli, linked, monkeypatch):
    pytest.importorskip("sqlcipher3")
    real, link = linked
    assert _plain_names(real) > 0
    monkeypatch.setenv("CORTEGE_NEW_PASSPHRASE", "correct-horse-battery-staple")
    r = cli("--db", link, "change-passphrase")
    assert r.code == 0, r.err
    assert link.is_symlink()  # still the link the user made
    assert _plain_names(real) == 0  # and what it points at is encrypted
    assert b"Camille Martin" not in real.read_bytes()
    monkeypatch.setenv("CORTEGE_PASSPHRASE", "correct-horse-battery-staple")
    assert cli("--db", link, "list").out.startswith("funeral-for-privacy\t")


def test_restoring_through_a_link_restores_the_linked_file(cli, linked, tmp_path):
    real, link = linked
    backup = tmp_path / "backup.cortege"
    assert cli("--db", link, "backup", "-o", backup).code == 0
    assert cli("--db", link, "demo", "--on", "2024-06-01").code == 0  # a second action
    assert len(cli("--db", link, "list").out.splitlines()) == 2
    r = cli("--db", link, "restore", backup, "--yes")
    assert r.code == 0, r.err
    assert link.is_symlink()
    assert len(cli("--db", real, "list").out.splitlines()) == 1  # the real file was restored
    assert not list(link.parent.glob("*before-restore*"))  # no copy left beside the link
