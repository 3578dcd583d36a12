"""Two organisers edit the same cue: the second save is refused, the first one's change is kept."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain import models as m
from app.domain.errors import ConflictError
from app.services import edits

ROOT = Path(__file__).resolve().parents[2]


def _first_cue(store) -> tuple[int, int]:
    with store.read() as s:
        cue = s.scalars(select(m.Cue).order_by(m.Cue.starts_at)).first()
        return cue.id, cue.version


def _cue(store, cue_id: int) -> dict:
    with store.read() as s:
        cue = edits.get(s, "cue", cue_id)
        return {"title": cue.title, "minutes": cue.minutes, "version": cue.version}


def test_the_second_save_of_a_stale_cue_is_refused(any_demo_store):
    store = any_demo_store
    cue_id, seen_by_both = _first_cue(store)

    with store.session() as s:  # Alice saves first
        edits.update(s, "cue", cue_id, expected_version=seen_by_both, title="Alice's title")
    with pytest.raises(ConflictError) as caught, store.session() as s:  # then Bob, from the old
        edits.update(s, "cue", cue_id, expected_version=seen_by_both, title="Bob's title")

    assert "somebody else changed this cue" in str(caught.value)
    assert caught.value.entity == "cue" and caught.value.entity_id == cue_id
    cue = _cue(store, cue_id)
    assert cue["title"] == "Alice's title"
    assert cue["version"] == seen_by_both + 1


def test_a_save_from_the_current_version_goes_through(any_demo_store):
    cue_id, version = _first_cue(any_demo_store)
    with any_demo_store.session() as s:
        edits.update(s, "cue", cue_id, expected_version=version, minutes=12)
    with any_demo_store.session() as s:
        edits.update(s, "cue", cue_id, expected_version=version + 1, minutes=13)
    assert _cue(any_demo_store, cue_id)["minutes"] == 13


def _race_inside_transactions(store) -> None:
    """Both sessions have loaded the cue; Alice commits; Bob's flush must not overwrite her."""
    cue_id, _version = _first_cue(store)
    alice = store._sessions()
    bob = store._sessions()
    try:
        on_screen = [edits.get(alice, "cue", cue_id), edits.get(bob, "cue", cue_id)]  # held
        edits.update(alice, "cue", cue_id, title="Alice's title")
        alice.commit()
        with pytest.raises(ConflictError):
            edits.update(bob, "cue", cue_id, title="Bob's title")
        assert len(on_screen) == 2
    finally:
        alice.close()
        bob.close()
    assert _cue(store, cue_id)["title"] == "Alice's title"


def test_version_counter_refuses_a_concurrent_flush_on_postgresql(pg_url, demo_store):
    from app.storage.engine import open_store
    from app.storage.transfer import copy_database

    copy_database(demo_store.engine, pg_url)
    store = open_store(pg_url)
    try:
        _race_inside_transactions(store)
    finally:
        store.close()


def test_version_counter_refuses_a_stale_write_on_sqlite(demo_store):
    """SQLite write transactions begin IMMEDIATE, so two cannot both hold the cue: Bob's
    copy comes from a read, and his later write names the version he saw."""
    cue_id, version = _first_cue(demo_store)
    with demo_store.read() as bob:
        on_screen = edits.get(bob, "cue", cue_id).title
    with demo_store.session() as alice:
        edits.update(alice, "cue", cue_id, title="Alice's title")
    with pytest.raises(ConflictError):
        with demo_store.session() as bob:
            edits.update(bob, "cue", cue_id, expected_version=version, title="Bob's title")
    assert on_screen != "Alice's title"
    assert _cue(demo_store, cue_id)["title"] == "Alice's title"


_WORKER = """
import sys, time
from pathlib import Path
from app.domain.errors import ConflictError
from app.services import edits
from app.storage.engine import open_store

url, entity, row_id, me, folder, mode = sys.argv[1:7]
row_id, folder = int(row_id), Path(folder)


def both_ready():
    (folder / f"ready-{me}").touch()
    while len(list(folder.glob("ready-*"))) < 2:
        time.sleep(0.01)


store = open_store(url)
try:
    if mode == "window":  # read to show it, then save later from what was shown
        with store.read() as s:
            seen = edits.get(s, entity, row_id).version
        both_ready()
        with store.session() as s:
            edits.update(s, entity, row_id, expected_version=seen, title=f"{me}'s title")
    else:  # both inside one transaction each: the version counter in the UPDATE decides
        with store.session() as s:
            on_screen = edits.get(s, entity, row_id)
            both_ready()
            edits.update(s, entity, row_id, title=f"{me}'s title")
    print("saved")
except ConflictError as exc:
    print(f"refused: {exc}")
finally:
    store.close()
"""


@pytest.mark.parametrize(
    ("entity", "mode"), [("cue", "transaction"), ("action", "window"), ("cue", "window")]
)
def test_two_processes_edit_the_same_thing_on_postgresql(
    pg_url, demo_store, tmp_path, entity, mode
):
    """Two organisers on two processes: exactly one save wins, the other is told."""
    from app.storage.engine import open_store
    from app.storage.transfer import copy_database

    copy_database(demo_store.engine, pg_url)
    model = m.Cue if entity == "cue" else m.Action
    with demo_store.read() as s:
        row_id = s.scalars(select(model.id).order_by(model.starts_at)).first()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [pg_url, entity, str(row_id)]
    procs = {
        who: subprocess.Popen(
            [sys.executable, "-c", _WORKER, *args, who, str(tmp_path), mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for who in ("alice", "bob")
    }
    results = {}
    deadline = time.monotonic() + 60
    for who, proc in procs.items():
        out, err = proc.communicate(timeout=max(1, deadline - time.monotonic()))
        assert proc.returncode == 0, err
        results[who] = out.strip()

    saved = [who for who, out in results.items() if out == "saved"]
    refused = [who for who, out in results.items() if out.startswith("refused:")]
    assert len(saved) == 1 and len(refused) == 1, results
    assert f"somebody else changed this {entity}" in results[refused[0]]

    store = open_store(pg_url)
    try:
        with store.read() as s:
            row = edits.get(s, entity, row_id)
            assert (row.title, row.version) == (f"{saved[0]}'s title", 2)
    finally:
        store.close()
