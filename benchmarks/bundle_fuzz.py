"""A longer bundle fuzzer than the suite's (tests/app/test_bundle_fuzz_hostile.py).

Each case mangles the demo bundle with one to four hostile values (huge and negative numbers,
2**63, 1e100 costs, lone surrogates, "--" slugs, years 1 and 9999 with offsets, 50 kB text…),
imports it through the CLI (in process), and when it imports runs ``check`` and the bundle,
ICS and master run-sheet exports. Prints: cases tried, imported (and exported), refused with
exit 2, anything else — which must be 0; the first few of those are printed with their error.

    .venv/bin/python benchmarks/bundle_fuzz.py [CASES] [--seed N]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CORTEGE_LANG", "en")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="?", type=int, default=400)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cortege-fuzz-"))
    os.environ["CORTEGE_DATA_DIR"] = str(folder / "data")

    from app.cli import run
    from tests.app.test_bundle_fuzz_hostile import DEMO, HOSTILE, PATHS, mangle, run_case

    def cli(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run([str(a) for a in argv], out=out, err=err)
        return type("R", (), {"code": code, "out": out.getvalue(), "err": err.getvalue()})

    rng = random.Random(args.seed)
    counts = {"imported": 0, "refused": 0, "other": 0}
    others: list[str] = []
    start = time.perf_counter()
    for n in range(args.cases):
        db = folder / f"fuzz-{n // 50}.sqlite3"  # a fresh database every 50 cases
        changes = [
            (rng.choice(PATHS), rng.choice(HOSTILE)) for _ in range(rng.choice((1, 1, 1, 2, 3, 4)))
        ]
        outcome, detail = run_case(cli, db, folder, mangle(DEMO, changes))
        counts[outcome] += 1
        if outcome == "other" and len(others) < 5:
            others.append(f"{changes!r:.300}\n    -> {detail[:300]}")
    seconds = time.perf_counter() - start
    print(f"cases tried:                {args.cases}")
    print(f"imported (and exported):    {counts['imported']}")
    print(f"refused with exit 2:        {counts['refused']}")
    print(f"anything else (must be 0):  {counts['other']}")
    print(
        f"time:                       {seconds:.1f} s ({seconds / args.cases * 1000:.0f} ms a case)"
    )
    for line in others:
        print("  " + line)
    return 0 if counts["other"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
