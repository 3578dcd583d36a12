"""Nothing is lost when a database file is replaced: ``restore`` refuses while another process
has it open, and an open store that finds its file replaced stops writing and says so."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain import models as m
from app.domain.errors import StoreReplacedError
from app.services import edits
from app.storage.holders import _describe, holders

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backup(cli, demo_db, tmp_path) -> Path:
    out = tmp_path / "plan.backup"
    assert cli("--db", demo_db, "backup", "-o", out).code == 0
    return out


@pytest.fixture
def holder(tmp_path):
    """Another process that keeps a database open until the test ends."""
    procs = []

    def start(path: Path) -> subprocess.Popen:
        code = (
            "import sys; from app.storage.engine import open_store; "
            f"s = open_store({str(path)!r}); print('ready', flush=True); sys.stdin.read()"
        )
        proc = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "CORTEGE_DATA_DIR": str(tmp_path / "other-data")},
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready"
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        proc.stdin.close()
        proc.wait(10)


def test_restore_refuses_while_another_process_has_the_database_open(cli, backup, tmp_path, holder):
    target = tmp_path / "in-use.sqlite3"
    assert cli("--db", target, "init").code == 0
    proc = holder(target)
    before = _digest(target)
    r = cli("--db", target, "restore", backup, "--yes")
    assert r.code == 2
    assert f"process {proc.pid}" in r.err and "close it first" in r.err
    assert "nothing was restored" in r.err
    assert _digest(target) == before
    assert not list(tmp_path.glob("in-use.sqlite3.before-restore-*"))
    proc.stdin.close()
    proc.wait(10)
    assert cli("--db", target, "restore", backup, "--yes").code == 0
    assert "funeral-for-privacy" in cli("--db", target, "list").out


def test_restore_refuses_while_this_program_has_the_database_open(cli, backup, demo_store):
    r = cli("--db", demo_store.path, "restore", backup, "--yes")
    assert r.code == 2
    assert "another window or command in this program" in r.err


def test_processes_are_named_for_the_user():
    assert "desktop app" in _describe(["python3", "main.py", "--db", "x.sqlite3"], 7)
    assert "desktop app" in _describe(["/usr/bin/python3", "/opt/cortege/main.py"], 7)
    assert "'list'" in _describe(["python3", "main.py", "--db=x", "list"], 7)
    assert "another program, sqlite3 (process 7)" == _describe(["sqlite3", "x.db"], 7)


def test_nobody_holds_a_closed_database(store):
    path = store.path
    store.close()
    assert holders(path) == []


def test_an_open_store_whose_file_is_replaced_stops_writing_and_tells(demo_store, tmp_path):
    told: list[bool] = []
    demo_store.replaced_listeners.append(lambda: told.append(True))
    path = demo_store.path
    fresh = tmp_path / "fresh.sqlite3"
    from app.storage.engine import open_store

    open_store(str(fresh)).close()
    shutil.copy(fresh, tmp_path / "replacement")
    os.replace(tmp_path / "replacement", path)
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    with pytest.raises(StoreReplacedError, match="replaced or removed by another program"):
        with demo_store.session() as session:
            edits.create(session, "participant", alias="Lost edit")
    with demo_store.read():
        pass  # a read still works (the window reopens the file right after)
    assert told == [True]
    demo_store.close()
    reopened = open_store(str(path))
    with reopened.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Participant)) == 0
    reopened.close()
