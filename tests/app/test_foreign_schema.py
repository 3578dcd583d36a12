"""A database file that holds more than Cortège makes — a trigger, a view, other columns — is
not opened, and not restored over a working one (hostile-input review: a trigger kept every
name and phone the purge "purged"; a view named `action` hung every command; a restored file
with other columns replaced the working database)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

SHADOW = """CREATE TABLE zz_shadow(full_name, phone);
CREATE TRIGGER zz_keep BEFORE UPDATE ON participant BEGIN
  INSERT INTO zz_shadow VALUES (old.full_name, old.phone); END;"""
IN_SETTINGS = """CREATE TRIGGER zz_keep2 BEFORE UPDATE ON participant WHEN old.full_name <> ''
BEGIN UPDATE settings SET name = name || ' ' || old.full_name; END;"""
ENDLESS_VIEW = """PRAGMA foreign_keys=OFF; ALTER TABLE action RENAME TO action_real;
CREATE VIEW action AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n)
SELECT a.* FROM action_real a, n;"""
OTHER_COLUMNS = """PRAGMA foreign_keys=OFF; DROP TABLE participant;
CREATE TABLE participant(id INTEGER PRIMARY KEY, nick TEXT);"""


def _made(demo_db, tmp_path, name: str, sql: str):
    path = tmp_path / f"{name}.cortege"
    shutil.copy(demo_db, path)
    with sqlite3.connect(path) as db:
        db.executescript(sql)
    db.close()
    return path


CASES = [
    ("shadow", SHADOW, "holds a trigger ('zz_keep')"),
    ("settings", IN_SETTINGS, "holds a trigger ('zz_keep2')"),
    ("view", ENDLESS_VIEW, "holds a view ('action')"),
    ("columns", OTHER_COLUMNS, "does not hold Cortège's columns (participant."),
]


@pytest.mark.parametrize(("name", "sql", "message"), CASES)
def test_such_a_file_is_not_opened(cli, demo_db, tmp_path, name, sql, message):
    path = _made(demo_db, tmp_path, name, sql)
    for command in (("list",), ("purge", "funeral-for-privacy", "--yes")):
        r = cli("--db", path, *command)
        assert r.code == 2, r.err
        assert message in r.err, r.err
    with sqlite3.connect(path) as db:
        names = db.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'zz_%'").fetchone()
    db.close()
    assert names[0] == (2 if name == "shadow" else 1 if name == "settings" else 0)  # untouched


@pytest.mark.parametrize(("name", "sql", "message"), CASES)
def test_such_a_file_is_not_restored_over_a_working_one(cli, demo_db, tmp_path, name, sql, message):
    bad = _made(demo_db, tmp_path, name, sql)
    target = tmp_path / "working.cortege"
    shutil.copy(demo_db, target)
    r = cli("--db", target, "restore", bad, "--yes")
    assert r.code == 2, r.err
    assert message in r.err and "nothing was changed" in r.err, r.err
    assert cli("--db", target, "list").out.startswith("funeral-for-privacy\t")
    assert not list(tmp_path.glob("*before-restore*"))


def test_a_backup_with_an_empty_version_table_is_not_ours(cli, demo_db, tmp_path):
    bad = _made(demo_db, tmp_path, "empty", "DELETE FROM alembic_version;")
    target = tmp_path / "working.cortege"
    shutil.copy(demo_db, target)
    r = cli("--db", target, "restore", bad, "--yes")
    assert r.code == 2 and "is not a Cortège backup" in r.err, r.err
