"""How fast the window is usable: ``python main.py`` on 1,000 actions and 10,000 participants.

Run: ``python benchmarks/startup.py [--runs 5] [--keep DIR]``. It builds the database with bulk
inserts, then measures (each in a fresh process, offscreen unless ``QT_QPA_PLATFORM`` says):

- anchor: Python start to a shown, bare QMainWindow, and its peak memory (what no app can beat);
- stack: the same with the libraries the brief prescribes imported (SQLAlchemy ORM, babel), the
  floor of this stack before any of the project's code (printed for information);
- startup: ``python main.py --db FILE`` to the window showing the first action (the app prints
  that moment, its first paint, when it settled and its peak memory by then through
  ``CORTEGE_BENCH_STARTUP=1``; we time the process from outside, from launch to that line, and
  take back the time from showing the action to settling);
- switching: selecting 40 different actions in the list, each until the visible tab, the
  header and the readiness badge are up to date (Overview, then Schedule in front).

Targets (issue #17): usable within 6× the anchor, memory within 2× the anchor's, switching
actions within 100 ms. The verdict line says PASS or FAIL for each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N_ACTIONS = 1_000
N_PEOPLE = 10_000


def build_database(path: Path) -> None:
    from sqlalchemy import insert

    from app.domain import models as m
    from app.storage.engine import open_store

    store = open_store(str(path))
    start = datetime(2025, 1, 4, 9, 0, tzinfo=UTC)
    with store.session() as s:
        s.execute(
            insert(m.Participant),
            [
                {"alias": f"Person {i:05d}", "alias_key": f"person {i:05d}", "language": "fr"}
                for i in range(N_PEOPLE)
            ],
        )
        s.execute(
            insert(m.Action),
            [
                {
                    "slug": f"action-{i:04d}",
                    "title": f"Action number {i}",
                    "status": "planned",
                    "timezone": "Europe/Paris",
                    "country": "FR",
                    "starts_at": start + timedelta(days=i),
                    "ends_at": start + timedelta(days=i, hours=2),
                    "languages": ["fr", "en"],
                    "route": [],
                    "uid": f"a{i}",
                }
                for i in range(N_ACTIONS)
            ],
        )
        roles, cues, props, people = [], [], [], []
        for a in range(1, N_ACTIONS + 1):
            for r in range(3):
                roles.append({"action_id": a, "key": f"r{r}", "name": f"Role {r}", "needed": 4})
            for c in range(6):
                cues.append(
                    {
                        "action_id": a,
                        "key": f"c{c}",
                        "title": f"Cue {c}",
                        "minutes": 15,
                        "starts_at": start + timedelta(days=a - 1, minutes=15 * c),
                        "uid": f"c{a}.{c}",
                    }
                )
            for p in range(3):
                props.append({"action_id": a, "key": f"p{p}", "name": f"Prop {p}"})
        s.execute(insert(m.Role), roles)
        s.execute(insert(m.Cue), cues)
        s.execute(insert(m.Prop), props)
        for a in range(1, N_ACTIONS + 1):
            for k in range(10):
                people.append(
                    {
                        "action_id": a,
                        "participant_id": (a - 1) * 10 + k + 1,
                        "role_id": (a - 1) * 3 + k % 3 + 1,
                        "uid": f"x{a}.{k}",
                    }
                )
        s.execute(insert(m.Assignment), people)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


BASELINE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 820); w.show(); app.processEvents()
import time
{stack}
# The same measure as ui.app's: this program's own peak (VmHWM); ru_maxrss would count the
# benchmark's memory at the moment it started us.
rss = next(int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(f"startup 0 painted 0 rss {rss:.1f} cpu {time.process_time():.3f}", flush=True)
"""

#: what the stack itself costs before any line of Cortège runs: the bare window, then the
#: libraries the brief prescribes imported as the app imports them (PySide6's import check
#: answered as ``ui.qt_imports`` does, SQLAlchemy's ORM, babel formatting one date)
STACK = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
import ui.qt_imports, sqlalchemy.orm, datetime
from babel.dates import format_datetime
format_datetime(datetime.datetime.now(), locale="en")
"""

SWITCH = """
import os, sys, time, statistics
sys.path.insert(0, {root!r})
from ui.app import make_application
app = make_application()
from ui.main_window import MainWindow
w = MainWindow(); w.resize(1280, 820); w.show()
w.open_database({db!r}); app.processEvents()
ids = w.actions_panel.model.ids
picks = [ids[(i * 37) % len(ids)] for i in range(1, 41)]
for tab in ("overview", "schedule"):
    if tab not in w.tab_widgets:
        continue
    w.show_tab(tab); app.processEvents()
    times = []
    for action_id in picks:
        t = time.perf_counter()
        w.actions_panel.select(action_id)
        app.processEvents()
        times.append(time.perf_counter() - t)
    print(tab, statistics.median(times), max(times), flush=True)
w.close()
"""


def _timed(cmd: list[str], env: dict) -> tuple[float, str]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=300)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[1:3]} failed:\n{proc.stderr[-2000:]}")
    return elapsed, proc.stdout


def _until_line(cmd: list[str], env: dict) -> tuple[float, str]:
    """Seconds from launching ``cmd`` to its first line of output (not to its exit)."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t
    proc.communicate(timeout=300)
    if not line.startswith("startup"):
        raise SystemExit(f"{cmd[1:3]} printed no startup line")
    return elapsed, line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder to build the database in and keep")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cortege-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "big.sqlite3"
    if not db.exists():
        t = time.perf_counter()
        build_database(db)
        print(
            f"built {N_ACTIONS} actions, {N_PEOPLE} participants in "
            f"{time.perf_counter() - t:.1f} s ({db.stat().st_size / 1e6:.1f} MB)"
        )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        CORTEGE_DATA_DIR=str(folder / "data"),
        CORTEGE_LANG="en",
    )
    env.pop("CORTEGE_DB", None)
    # Like an installed app (pip and the frozen build compile every module): bytecode cached,
    # in a folder of our own; PYTHONDONTWRITEBYTECODE would make every run compile ~130 of
    # the project's modules again (0.2-0.3 s the anchor, which imports no project module, never
    # pays). One untimed run of each fills the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    bare, stack = BASELINE.replace("{stack}", ""), BASELINE.replace("{stack}", STACK)
    _until_line([sys.executable, "-c", bare], env)
    _until_line(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db)],
        dict(env, CORTEGE_BENCH_STARTUP="1"),
    )
    base, base_rss, base_cpu, cpu, floor, floor_rss = [], [], [], [], [], []
    for _ in range(args.runs):
        elapsed, line = _until_line([sys.executable, "-c", bare], env)
        base.append(elapsed)
        base_rss.append(float(line.split()[5]))
        base_cpu.append(float(line.split()[7]))
        elapsed, line = _until_line([sys.executable, "-c", stack], env)
        floor.append(elapsed)
        floor_rss.append(float(line.split()[5]))
    starts, painted, rss, settled = [], [], [], []
    for _ in range(args.runs):
        elapsed, line = _until_line(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db)],
            dict(env, CORTEGE_BENCH_STARTUP="1"),
        )
        fields = line.split()
        # the line comes when the start has settled; the first action was on screen before:
        # ``startup`` and ``painted`` are counted from ``import ui.app``, shift them to launch
        launch = elapsed - float(fields[9])
        starts.append(launch + float(fields[1]))
        painted.append(launch + float(fields[3]))
        settled.append(elapsed)
        rss.append(float(fields[5]))
        cpu.append(float(fields[7]))
    _elapsed, out = _timed([sys.executable, "-c", SWITCH.format(root=str(ROOT), db=str(db))], env)
    anchor, usable = statistics.median(base), statistics.median(starts)
    anchor_mb, mb = statistics.median(base_rss), statistics.median(rss)
    print(f"anchor:   bare QMainWindow shown          median {anchor:.3f} s, {anchor_mb:.0f} MB")
    stack_s, stack_mb = statistics.median(floor), statistics.median(floor_rss)
    print(
        f"stack:    + SQLAlchemy ORM and babel      median {stack_s:.3f} s, {stack_mb:.0f} MB "
        f"({stack_s / anchor:.1f}× and {stack_mb / anchor_mb:.1f}× the anchor before any line "
        "of Cortège: for information, not a target)"
    )
    print(
        f"painted:  main.py to its first paint      median {statistics.median(painted):.3f} s "
        f"({statistics.median(painted) / anchor:.1f}× the anchor)"
    )
    print(
        f"startup:  main.py to first action shown   median {usable:.3f} s, worst "
        f"{max(starts):.3f} s ({usable / anchor:.1f}× the anchor; target 6×)"
    )
    print(
        f"settled:  its readiness badge and purge   median {statistics.median(settled):.3f} s "
        "(judged once the first action is on screen)"
    )
    cpu_ratio = statistics.median(cpu) / statistics.median(base_cpu)
    print(
        f"cpu:      CPU time to first action shown  median {statistics.median(cpu):.3f} s "
        f"({cpu_ratio:.1f}× the anchor's {statistics.median(base_cpu):.3f} s; steadier than "
        "wall time on a loaded machine)"
    )
    print(
        f"memory:   peak resident                   {mb:.0f} MB ({mb / anchor_mb:.1f}×; target 2×)"
    )
    verdicts = [("startup", usable <= 6 * anchor), ("memory", mb <= 2 * anchor_mb)]
    for line in out.splitlines():
        tab, med, worst = line.split()
        print(
            f"switch:   {tab:<9} tab in front            median {float(med) * 1000:.0f} ms, "
            f"worst {float(worst) * 1000:.0f} ms (target 100 ms)"
        )
        verdicts.append((f"switch {tab}", float(med) <= 0.1))
    print("verdict:  " + ", ".join(f"{name} {'PASS' if ok else 'FAIL'}" for name, ok in verdicts))
    return 0 if all(ok for _n, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
