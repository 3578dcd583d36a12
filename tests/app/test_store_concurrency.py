"""Two writers on one SQLite file queue instead of failing; a lock held too long is explained."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import func, select

from app.domain import models as m
from app.domain.errors import StoreBusyError
from app.services import edits


def _other_writer(path, started: threading.Event, done: threading.Event, errors: list) -> None:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        started.wait(5)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO participant (alias, alias_key, full_name, phone, email, language, notes,"
            " consent_scope, consent_photos, version)"
            " VALUES ('Owl', 'owl', '', '', '', '', '', '', 0, 1)"
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        errors.append(exc)
    finally:
        conn.close()
        done.set()


def test_a_write_that_reads_first_waits_for_another_writer_instead_of_failing(store):
    """A deferred BEGIN reads a snapshot; if another writer commits before our first write,
    SQLite refuses it at once ('database is locked'), whatever the busy timeout."""
    read_done, other_done, errors = threading.Event(), threading.Event(), []
    other = threading.Thread(target=_other_writer, args=(store.path, read_done, other_done, errors))
    other.start()
    with store.session() as session:
        count = session.scalar(select(func.count()).select_from(m.Participant))
        read_done.set()
        other_done.wait(1.0)  # deferred: the other commits here; immediate: it waits for us
        edits.create(session, "participant", alias="Crow")
    other.join(10)
    assert errors == []
    with store.read() as session:
        aliases = set(session.scalars(select(m.Participant.alias)))
    assert count == 0
    assert aliases == {"Crow", "Owl"}


def test_parallel_writers_all_succeed(store):
    failures: list[BaseException] = []

    def writer(n: int) -> None:
        for i in range(5):
            try:
                with store.session() as session:
                    session.scalar(select(func.count()).select_from(m.Participant))
                    edits.create(session, "participant", alias=f"P{n}-{i}")
            except Exception as exc:  # collected and asserted below
                failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failures == []
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Participant)) == 30


def test_a_lock_held_past_the_timeout_is_explained_and_nothing_is_saved(store, monkeypatch):
    from app.storage import engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    store.engine.dispose()  # new connections take the short timeout
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusyError) as info:
            with store.session() as session:
                edits.create(session, "participant", alias="Crow")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    message = str(info.value)
    assert "is busy: another program kept it locked" in message and "try again" in message
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Participant)) == 0
