"""A killed export leaves nothing behind for long: stale hidden .part files are removed by the
next export into the folder, and batch workers end when their parent dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_export_removes_parts_left_by_dead_writers(cli, demo_db, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    dead = folder / f".Crow.pdf.{_dead_pid()}.k3j2h1g0.part"
    alive = folder / f".Owl.pdf.{os.getppid()}.a1b2c3d4.part"  # a running writer's
    old = folder / ".Wren.pdf.zz9yx8w7.part"  # an older version's, two hours old
    fresh = folder / ".Lark.pdf.q1w2e3r4.part"
    for part in (dead, alive, old, fresh):
        part.write_bytes(b"%PDF-1.4 personal data")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    r = cli("--db", demo_db, "export", "runsheet", "funeral-for-privacy", "-o", folder, "--each")
    assert r.code == 0, r.err
    assert not dead.exists() and not old.exists()
    assert alive.exists() and fresh.exists()
    assert not [p for p in folder.glob(".*.part") if p not in (alive, fresh)]


def test_a_part_names_its_writer_and_is_private(tmp_path):
    from app.storage.files import atomic_path

    with atomic_path(tmp_path / "sheet.pdf") as tmp:
        assert f".sheet.pdf.{os.getpid()}." in tmp.name and tmp.name.endswith(".part")
        assert tmp.stat().st_mode & 0o077 == 0


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return any(line.startswith("State:\tZ") for line in fh)
    except FileNotFoundError:
        return True


def test_batch_workers_end_when_their_parent_is_killed():
    if not sys.platform.startswith("linux"):
        import pytest

        pytest.skip("reads /proc")
    script = (
        "import multiprocessing, os, sys, time\n"
        "from app.storage.files import die_with_parent\n"
        "def work(_):\n"
        "    time.sleep(120)\n"
        "if __name__ == '__main__':\n"
        "    ctx = multiprocessing.get_context('fork')\n"
        "    pool = ctx.Pool(2, initializer=die_with_parent, initargs=(os.getpid(),))\n"
        "    pool.map_async(work, range(2))\n"
        "    time.sleep(1)\n"
        "    print(' '.join(str(p.pid) for p in pool._pool), flush=True)\n"
        "    time.sleep(120)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2 and not any(_gone(p) for p in workers)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not all(_gone(p) for p in workers):
        time.sleep(0.1)
    assert all(_gone(p) for p in workers)
