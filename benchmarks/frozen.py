"""How big the download is and how fast it starts, against the pip install, in the same run.

Run: ``python benchmarks/frozen.py [--runs 5]`` after ``python build/freeze.py``. It prints:

- size: the app folder, the archive, and what ``pip install cortege`` puts in site-packages
  (Cortège's dependencies, found from its metadata);
- start-up, each in a fresh process, offscreen, on a database holding the demo: the frozen
  ``Cortege`` and ``python main.py`` to the window showing the action (the app prints the
  moment through ``CORTEGE_BENCH_STARTUP=1``), ``--version`` for both (the command line's
  cost), and the anchor: a bare PySide6 QMainWindow shown by the same Python (FACTS.md: ratios
  to it are stable on a loaded machine, seconds are not).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dist" / "Cortege"
BASELINE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 820); w.show(); app.processEvents()
print("startup 0", flush=True)
"""


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def pip_install_size() -> int:
    """Bytes of the installed distributions cortege needs, its own files left out (editable)."""
    seen: set[str] = set()
    todo = ["cortege"]
    total = 0
    while todo:
        name = re.split(r"[\s\[<>=!;~(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if name != "cortege":
            for f in dist.files or []:
                p = Path(dist.locate_file(f))
                if p.is_file():
                    total += p.stat().st_size
        for req in dist.requires or []:
            if "extra ==" not in req:
                todo.append(req)
            elif "psycopg" in req and "binary" in req:  # cortege asks for psycopg[binary]
                todo.append(req)
    return total


def until_line(cmd: list[str], env: dict, prefix: str) -> float:
    """Seconds from launching ``cmd`` to its first line starting with ``prefix``."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t
    proc.communicate(timeout=300)
    if not line.startswith(prefix):
        raise SystemExit(f"{cmd[0]} printed {line!r}, not {prefix!r}")
    return elapsed


def median_of(runs: int, cmd: list[str], env: dict, prefix: str) -> float:
    return statistics.median(until_line(cmd, env, prefix) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = APP / ("Cortege.exe" if sys.platform == "win32" else "Cortege")
    if not program.exists():
        raise SystemExit("build it first: python build/freeze.py")
    from app.version import __version__

    archives = sorted((ROOT / "dist").glob(f"Cortege-{__version__}-*"))
    folder = Path(tempfile.mkdtemp(prefix="cortege-frozen-bench-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        CORTEGE_DATA_DIR=str(folder / "data"),
        CORTEGE_LANG="en",
    )
    env.pop("CORTEGE_DB", None)
    db = folder / "demo.sqlite3"
    subprocess.run(
        [str(program), "--db", str(db), "demo"], env=env, check=True, capture_output=True
    )
    gui = dict(env, CORTEGE_BENCH_STARTUP="1")
    python_main = [sys.executable, str(ROOT / "main.py")]
    mb = 1024 * 1024
    print(f"size:     app folder {folder_size(APP) / mb:.0f} MiB", end="")
    for archive in archives:
        print(f", {archive.name} {archive.stat().st_size / mb:.0f} MiB", end="")
    print(f"; pip install: {pip_install_size() / mb:.0f} MiB in site-packages (plus Python)")
    anchor = median_of(args.runs, [sys.executable, "-c", BASELINE], env, "startup")
    frozen = median_of(args.runs, [str(program), "--db", str(db)], gui, "startup")
    pip = median_of(args.runs, [*python_main, "--db", str(db)], gui, "startup")
    print(f"anchor:   bare QMainWindow (python)   median {anchor:.3f} s")
    for label, value in (("frozen Cortege", frozen), ("python main.py (pip)", pip)):
        print(f"window:   {label:<25} median {value:.3f} s ({value / anchor:.1f}x anchor)")
    cli_frozen = median_of(args.runs, [str(program), "--version"], env, "Cortège")
    cli_pip = median_of(args.runs, [*python_main, "--version"], env, "Cortège")
    print(f"--version: frozen {cli_frozen:.3f} s, pip {cli_pip:.3f} s (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
