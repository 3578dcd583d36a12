"""A change by one organiser reaches the other's connection; our own changes are not echoed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain import models as m
from app.services import edits
from app.storage.engine import open_store
from app.storage.notify import ANYTHING, enable_change_notifications

ROOT = Path(__file__).resolve().parents[2]


def _action_and_cue(store) -> tuple[int, int]:
    with store.read() as s:
        cue = s.scalars(select(m.Cue).order_by(m.Cue.starts_at)).first()
        return cue.action_id, cue.id


def test_a_change_reaches_the_other_connection_and_is_not_echoed(two_organisers):
    mine, other, mine_watch, their_watch = two_organisers
    action_id, cue_id = _action_and_cue(mine)

    with mine.session() as s:
        edits.update(s, "cue", cue_id, title="Moved by me")

    notices = their_watch.wait(5.0)
    assert notices, "the other organiser was not told"
    if mine.backend == "postgresql":
        assert [n.action_id for n in notices] == [action_id]
    else:
        assert [n.payload for n in notices] == [ANYTHING]
    assert mine_watch.wait(0.6) == []  # our own edit is not news to us
    assert their_watch.wait(0.6) == []  # told once


def test_reads_and_refused_edits_notify_nobody(two_organisers):
    from app.domain.errors import DomainError

    mine, _other, _mine_watch, their_watch = two_organisers
    _action_id, cue_id = _action_and_cue(mine)
    with mine.read() as s:
        edits.get(s, "cue", cue_id)
    with pytest.raises(DomainError), mine.session() as s:
        edits.update(s, "cue", cue_id, minutes=0)
    assert their_watch.wait(0.8) == []


def test_organisation_wide_changes_name_the_entity_and_ids_but_no_values(two_organisers):
    mine, _other, _mine_watch, their_watch = two_organisers
    with mine.session() as s:
        pid = edits.create(s, "participant", alias="Albatross", full_name="Ada Lovelace")
    notices = their_watch.wait(5.0)
    if mine.backend == "sqlite":  # the file cannot say what changed
        assert [n.payload for n in notices] == [ANYTHING]
        return
    assert [(n.action_id, n.entity, n.kind, n.ids) for n in notices] == [
        (None, "participant", "created", (pid,))
    ]
    assert "Albatross" not in notices[0].payload and "Ada" not in notices[0].payload


def test_a_notice_names_the_action_entity_kind_and_ids(two_organisers):
    mine, _other, _mine_watch, their_watch = two_organisers
    if mine.backend == "sqlite":
        pytest.skip("SQLite's data_version cannot say what changed")
    action_id, cue_id = _action_and_cue(mine)
    with mine.session() as s:
        edits.update(s, "cue", cue_id, instructions="Walk slowly")
        prop_id = edits.create(s, "prop", action_id=action_id, name="Black umbrella")
    got = {(n.action_id, n.entity, n.kind, n.ids) for n in their_watch.wait(5.0)}
    assert got == {
        (action_id, "cue", "updated", (cue_id,)),
        (action_id, "prop", "created", (prop_id,)),
    }


def test_the_other_way_round_too(two_organisers):
    mine, other, mine_watch, _their_watch = two_organisers
    action_id, _cue_id = _action_and_cue(mine)
    with other.session() as s:
        edits.update(s, "action", action_id, title="Renamed by the other organiser")
    assert mine_watch.wait(5.0)


_WRITER = """
import sys
from app.services import edits
from app.services.actions import action_by_slug
from app.storage.engine import open_store
import app.storage.notify  # what open_store should do for every server store

store = open_store(sys.argv[1])
with store.session() as s:
    edits.update(s, "action", action_by_slug(s, "funeral-for-privacy").id, title="From afar")
store.close()
"""


def test_a_colleague_s_commit_just_before_ours_still_reaches_us(two_organisers):
    """The colleague saves, then we save before our watcher looked (it looks every half
    second): our own commit must not swallow theirs. SQLite's watcher moved its baseline past
    both and our window never showed the colleague's edit."""
    mine, other, mine_watch, _their_watch = two_organisers
    action_id, cue_id = _action_and_cue(mine)
    with other.session() as s:
        edits.update(s, "cue", cue_id, title="Moved by the colleague")
    with mine.session() as s:
        edits.update(s, "action", action_id, title="Renamed by me")

    notices = mine_watch.wait(5.0)
    assert notices, "the colleague's edit was taken for our own"
    assert mine_watch.wait(0.6) == []  # and once told, not told again


def test_our_commit_alone_is_still_not_news_after_a_colleague_s_was_seen(two_organisers):
    mine, other, mine_watch, _their_watch = two_organisers
    action_id, cue_id = _action_and_cue(mine)
    with other.session() as s:
        edits.update(s, "cue", cue_id, title="Moved by the colleague")
    assert mine_watch.wait(5.0)
    with mine.session() as s:
        edits.update(s, "action", action_id, title="Renamed by me")
    assert mine_watch.wait(0.6) == []


def test_a_change_made_by_another_process_is_noticed(any_demo_store):
    watcher = enable_change_notifications(any_demo_store).watch()
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", _WRITER, any_demo_store.target],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert watcher.wait(5.0)
    finally:
        watcher.close()


def test_no_sqlite_only_sql_reaches_the_server(pg_url, demo_store):
    """The notification is sent with pg_notify inside the writer's transaction."""
    from sqlalchemy import event

    from app.storage.transfer import copy_database

    copy_database(demo_store.engine, pg_url)
    store = open_store(pg_url)
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    try:
        action_id, cue_id = _action_and_cue(store)
        with store.session() as s:
            edits.update(s, "cue", cue_id, minutes=11)
        assert not [sql for sql in seen if "PRAGMA" in sql.upper()]
        assert any("pg_notify" in sql for sql in seen)
    finally:
        store.close()


def test_our_own_statement_on_many_rows_is_not_news_to_us_but_reaches_the_colleague(
    two_organisers,
):
    """A statement the session cannot itemise announces "everything may have changed"; it
    carries our origin like any notice, so on PostgreSQL it no longer comes back to us."""
    from sqlalchemy import update

    mine, _other, mine_watch, their_watch = two_organisers
    action_id, _cue = _action_and_cue(mine)
    with mine.session() as s:
        s.execute(
            update(m.Cue).where(m.Cue.action_id == action_id).values(minutes=m.Cue.minutes + 1)
        )
    notices = their_watch.wait(5.0)
    assert notices and all(n.everything for n in notices)
    assert mine_watch.wait(0.6) == []


def test_a_listener_whose_server_connection_dies_says_so_and_a_wake_ends_its_wait(pg_url):
    """The window's listener must hear that its connection is gone (it then says so in the
    status bar and reconnects), not wait on a dead socket; and a stopping window wakes it."""
    import threading
    import time

    import psycopg

    store = open_store(pg_url, upgrade_schema=True)
    watcher = enable_change_notifications(store).watch()
    try:
        started = time.monotonic()
        threading.Timer(0.2, watcher.wake).start()
        assert watcher.wait(30.0) == [] and time.monotonic() - started < 10  # woken
        assert watcher.wait(30.0) == []  # and every later wait returns at once too
        assert time.monotonic() - started < 10
    finally:
        watcher.close()
    watcher = enable_change_notifications(store).watch()
    admin = psycopg.connect(pg_url.split("?")[0].replace("postgresql+psycopg", "postgresql"))
    try:
        pid = watcher._conn.info.backend_pid
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        admin.commit()
        with pytest.raises(psycopg.OperationalError):  # within a wait or two, never silence
            for _attempt in range(3):
                watcher.wait(10.0)
    finally:
        admin.close()
        watcher.close()
        store.close()


def test_a_colleague_s_commit_just_after_ours_still_reaches_us(two_organisers):
    """The colleague was waiting for the write lock while we saved: their commit lands the
    moment ours ends, before our watcher has taken our own commit out of its count. SQLite's
    watcher re-read ``data_version`` after our commit and took theirs for ours: our window
    stayed stale until the next change."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    mine, other, mine_watch, _their_watch = two_organisers
    action_id, cue_id = _action_and_cue(mine)
    waiting = [True]

    def colleague_commits_first(session):  # before any of our own after-commit steps
        if waiting and session.bind is mine.engine:
            waiting.clear()
            with other.session() as s:
                edits.update(s, "cue", cue_id, title="Moved by the colleague")

    event.listen(Session, "after_commit", colleague_commits_first, insert=True)
    try:
        with mine.session() as s:
            edits.update(s, "action", action_id, title="Renamed by me")
    finally:
        event.remove(Session, "after_commit", colleague_commits_first)
    assert not waiting
    notices = mine_watch.wait(5.0)
    assert notices, "the colleague's edit was taken for our own"
    assert mine_watch.wait(0.6) == []  # and once told, not told again


def test_our_own_commits_in_a_row_are_not_news(two_organisers):
    """Ten saves of ours between two polls, and one refused: nothing to tell our window; the
    colleague's window is told, once."""
    from app.domain.errors import DomainError

    mine, _other, mine_watch, their_watch = two_organisers
    action_id, cue_id = _action_and_cue(mine)
    for i in range(10):
        with mine.session() as s:
            edits.update(s, "cue", cue_id, title=f"Moved {i}")
    with pytest.raises(DomainError), mine.session() as s:
        edits.update(s, "cue", cue_id, minutes=0)
    assert mine_watch.wait(0.6) == []
    assert their_watch.wait(5.0)
    assert their_watch.wait(0.6) == []


def test_a_program_that_keeps_no_commit_stamp_is_still_news(two_organisers):
    """An older Cortège or the sqlite3 shell changes the file without counting its commit:
    the change moved no stamp, and it is a colleague's, not ours."""
    import sqlite3

    mine, _other, mine_watch, _their_watch = two_organisers
    if mine.backend != "sqlite":
        pytest.skip("a SQLite file's commit stamp")
    action_id, _cue_id = _action_and_cue(mine)
    shell = sqlite3.connect(mine.engine.url.database)
    with shell:
        shell.execute("UPDATE action SET title = 'From the shell' WHERE id = ?", (action_id,))
    shell.close()
    assert mine_watch.wait(5.0)
    assert mine_watch.wait(0.6) == []


def test_the_commit_stamp_counts_round_at_its_bound(two_organisers):
    """``user_version`` is a signed 32-bit number: after 2**31 - 1 saves the stamp starts again
    at 0, and ours and a colleague's are still told apart across the turn."""
    from app.storage.notify import STAMP_MODULUS

    mine, other, mine_watch, _their_watch = two_organisers
    if mine.backend != "sqlite":
        pytest.skip("a SQLite file's commit stamp")
    action_id, cue_id = _action_and_cue(mine)
    with mine.engine.connect() as conn:  # as if the file had been saved 2**31 - 1 times
        conn.exec_driver_sql(f"PRAGMA user_version = {STAMP_MODULUS - 1}")
        conn.commit()
    assert mine_watch.wait(5.0)  # a change that moved the stamp by no save of ours
    with mine.session() as s:
        edits.update(s, "cue", cue_id, title="Ours, stamped 0")
    assert mine_watch.wait(0.6) == []
    with mine.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 0
    with mine.session() as s:
        edits.update(s, "cue", cue_id, title="Ours, stamped 1")
    with other.session() as s:
        edits.update(s, "action", action_id, title="Theirs, stamped 2")
    assert mine_watch.wait(5.0)


def test_a_listener_its_notices_cannot_reach_says_so_at_once(pg_url, monkeypatch):
    """Behind a pooler in transaction mode the listener's LISTEN lasts one transaction and no
    notice ever arrives: the window showed no colleague's change and said nothing. The watcher
    sends itself a notice through the app's own connection when it starts; when none arrives
    it says why. (Simulated here with a listener on another database of the same server:
    notices do not cross databases, as they do not cross PgBouncer's transaction pool.)"""
    import psycopg
    from sqlalchemy.engine import make_url

    import app.storage.server as server
    from app.storage.notify import NoticesDoNotArrive, enable_change_notifications

    store = open_store(pg_url, upgrade_schema=True)
    try:
        notifier = enable_change_notifications(store)
        watcher = notifier.watch()  # a direct listener: fine
        assert watcher.wait(0.1) == []
        watcher.close()
        elsewhere = make_url(pg_url).set(database="postgres", drivername="postgresql")
        conninfo = elsewhere.render_as_string(hide_password=False)
        monkeypatch.setattr(
            server, "listen_connection", lambda _e: psycopg.connect(conninfo, autocommit=True)
        )
        with pytest.raises(NoticesDoNotArrive):
            notifier.watch()
    finally:
        store.close()
