"""Property: a bundle with hostile values is refused with exit 2, or it imports, and then
``check`` and every export of it work (exit 0, or 3 for problems found). Never exit 1.

benchmarks/bundle_fuzz.py runs the same property for longer and prints the counts."""

from __future__ import annotations

import copy
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.demo import demo_bundle

DEMO = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))

HOSTILE = [
    0,
    -1,
    1,
    7 * 24 * 60,
    7 * 24 * 60 + 1,
    99_999_999_999,
    2**63,
    2**64 + 1,
    -(2**63) - 1,
    1e100,
    -1e308,
    "1e100",
    "-0.001",
    "9999999999.99",
    "\ud800",
    "a\udfffb",
    "--",
    "-",
    "a--b",
    "0001-01-01T00:30+01:00",
    "9999-12-31T23:30-01:00",
    "1899-12-31T23:59",
    "3000-01-01T00:00",
    "2024-05-28T10:00+14:00",
    "2024-05-28T10:00+99:99",
    "0001-01-01",
    "9999-12-31",
    "Europe/" + "x" * 2000,
    "x" * 30_000,
    [],
    {},
    None,
    True,
]


# Every leaf of the demo bundle, as a path of keys and indexes.
def _paths(node, prefix=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield (*prefix, k)
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield (*prefix, i)
            yield from _paths(v, (*prefix, i))


PATHS = list(_paths(DEMO))


def mangle(data: dict, changes: list[tuple[tuple, object]]) -> dict:
    data = copy.deepcopy(data)
    for path, value in changes:
        node = data
        try:
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced that branch
    return data


def run_case(cli, db, folder, data: dict) -> tuple[str, str]:
    """('imported' | 'refused' | 'other', detail) for one bundle."""
    path = folder / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8", errors="surrogatepass")
    r = cli("--db", db, "import", path)
    if r.code == 2:
        return "refused", r.err
    if r.code != 0:
        return "other", f"import: {r.err}"
    slug = r.out.strip()
    steps = (
        (("check", slug), (0, 3)),
        (("export", "bundle", slug, "-o", folder / "out.json"), (0,)),
        (("export", "ics", slug, "-o", folder / "out.ics"), (0,)),
        (("export", "runsheet", slug, "-o", folder / "master.pdf"), (0,)),
    )
    for args, ok in steps:
        r = cli("--db", db, *args)
        if r.code not in ok:
            return "other", f"{args[0]} {args[1]}: exit {r.code}: {r.err}"
    return "imported", slug


change = st.tuples(st.sampled_from(PATHS), st.sampled_from(HOSTILE))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(change, min_size=1, max_size=3))
def test_a_hostile_bundle_is_refused_or_every_export_of_it_works(cli, tmp_path, changes):
    outcome, detail = run_case(cli, tmp_path / "fuzz.sqlite3", tmp_path, mangle(DEMO, changes))
    assert outcome in ("imported", "refused"), detail
    if outcome == "refused":
        assert "internal error" not in detail and len(detail) < 20_000
