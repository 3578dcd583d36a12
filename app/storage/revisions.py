"""The schema revisions, read from the revision files without importing Alembic (it costs
0.1 s, and opening a current database needs only the head and the known names)."""

from __future__ import annotations

import functools
import re

from app.domain.errors import StoreError
from app.i18n import ngettext
from app.storage.constants import MIGRATIONS


@functools.lru_cache(maxsize=1)
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the revision files without importing Alembic
    (it costs 0.1 s, and opening a current database needs only these two names)."""
    graph: dict[str, str | None] = {}
    pattern = re.compile(r"^(revision|down_revision)\s*=\s*(None|['\"]([^'\"]+)['\"])", re.M)
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = {m.group(1): m.group(3) for m in pattern.finditer(path.read_text("utf-8"))}
        if found.get("revision"):
            graph[found["revision"]] = found.get("down_revision")
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    if len(heads) != 1:
        raise StoreError(
            ngettext(
                "the schema revisions have {n} head",
                "the schema revisions have {n} heads",
                len(heads),
            ).format(n=len(heads))
        )
    return heads[0]


def known_revisions() -> set[str]:
    return set(_revision_graph())
