"""The 116 real-world calendars of icalendar's test suite: each imports or is refused with a
message (never a traceback), and a refused file leaves the plan as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "icalendar"
FILES = sorted(CORPUS.glob("*.ics")) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def corpus_store(_demo_template, tmp_path_factory):
    from app.storage.engine import open_store

    path = tmp_path_factory.mktemp("corpus") / "demo.sqlite3"
    shutil.copy(_demo_template, path)
    store = open_store(str(path))
    with store.read() as s:
        from app.services.actions import action_by_slug

        action_id = action_by_slug(s, "funeral-for-privacy").id
    yield store, action_id
    store.close()


def _plan(store, action_id) -> list[tuple]:
    from sqlalchemy import select

    from app.domain import models as m

    with store.read() as s:
        return [
            (c.id, c.uid, c.title, c.starts_at, c.minutes, c.version)
            for c in s.scalars(select(m.Cue).where(m.Cue.action_id == action_id))
        ]


def test_corpus_is_there():
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the checkout ({CORPUS})")
    assert len(FILES) == 116


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_calendar_imports_or_is_refused_cleanly(corpus_store, path):
    from app.domain.errors import DomainError
    from app.services.calendar_import import apply_import, preview_ics

    store, action_id = corpus_store
    before = _plan(store, action_id)
    data = path.read_bytes()
    try:
        with store.session() as s:
            preview = preview_ics(s, action_id, data)
            apply_import(s, preview)
    except DomainError as exc:
        message = str(exc)
        assert message.strip()
        # Each refusal names the line, or says what is wrong with the file as a whole.
        assert re.match(r"(line \d+|FILE): ", message), message
        assert _plan(store, action_id) == before
        return
    after = _plan(store, action_id)
    assert len(after) >= len(before)
    uids = {row[1] for row in after}
    assert all(event.uid in uids for event in preview.events)
    # Importing the same file again changes nothing.
    with store.read() as s:
        again = preview_ics(s, action_id, data)
    assert [e.status for e in again.events] == ["same"] * len(again.events)
