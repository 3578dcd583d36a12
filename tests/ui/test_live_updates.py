"""Another organiser's change appears in the open window without a restart."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from app.domain import models as m
from app.services import edits
from app.storage.engine import open_store
from tests.ui.conftest import wait_listening
from tests.ui.tabs_helpers import latest


@pytest.fixture
def live(qtbot, any_demo_store):
    from ui.context import AppContext
    from ui.live_updates import LiveUpdates

    ctx = AppContext(any_demo_store)
    live = LiveUpdates(ctx)
    wait_listening(qtbot, live)
    other = open_store(any_demo_store.target)
    yield ctx, live, other
    live.stop()
    other.close()


def _release(store) -> tuple[int, int]:
    with store.read() as s:
        rel = s.scalars(select(m.PressRelease).where(m.PressRelease.language == "en")).one()
        return rel.id, rel.action_id


def test_a_change_by_another_organiser_reloads_the_window(qtbot, live):
    ctx, _live, other = live
    release_id, action_id = _release(other)

    def names_the_release(c) -> bool:
        if ctx.store.backend == "sqlite":  # the file cannot say what changed
            return c.entity == "*" and c.remote
        return (c.entity, c.ids, c.action_id, c.remote) == (
            "release",
            (release_id,),
            action_id,
            True,
        )

    with qtbot.waitSignal(ctx.changed, timeout=8000, check_params_cb=names_the_release):
        with other.session() as s:
            edits.update(s, "release", release_id, status="approved")


def test_our_own_edit_is_not_announced_back(qtbot, live):
    ctx, _live, _other = live
    release_id, _action_id = _release(ctx.store)
    seen = []
    ctx.changed.connect(seen.append)
    ctx.update(
        "release",
        release_id,
        "Approve",
        expected_version=latest(ctx, "release", release_id),
        status="approved",
    )
    qtbot.wait(1500)
    assert [(c.kind, c.remote) for c in seen] == [("updated", False)]


def test_the_readiness_panel_shows_the_other_organisers_fix(qtbot, any_demo_store):
    from tests.conftest import DEMO_NOW
    from tests.ui.conftest import open_window, problem_kinds

    window = open_window(qtbot, any_demo_store.target, now=DEMO_NOW)
    try:
        assert window.live_updates is not None
        wait_listening(qtbot, window.live_updates)
        assert "release-unapproved" in problem_kinds(window)
        release_id, _action_id = _release(any_demo_store)
        with any_demo_store.session() as s:  # the press officer, elsewhere
            edits.update(s, "release", release_id, status="approved")
        qtbot.waitUntil(lambda: "release-unapproved" not in problem_kinds(window), timeout=8000)
        window.grab().save("/tmp/team/live_window.png")
    finally:
        window.close()


def test_stop_ends_the_listener_and_a_new_store_gets_one(qtbot, live, tmp_path):
    ctx, live_updates, _other = live
    assert live_updates.listening
    live_updates.stop()
    assert not live_updates.listening

    fresh = open_store(str(tmp_path / "fresh.sqlite3"))
    try:
        ctx.reset_store(fresh)
        wait_listening(qtbot, live_updates)
        writer = open_store(str(tmp_path / "fresh.sqlite3"))
        try:
            with qtbot.waitSignal(ctx.changed, timeout=8000, check_params_cb=lambda c: c.remote):
                with writer.session() as s:
                    edits.create(s, "participant", alias="Albatross")
        finally:
            writer.close()
    finally:
        live_updates.stop()
        fresh.close()


def test_a_lost_server_is_reported_not_raised(qtbot, monkeypatch):
    from ui.context import AppContext
    from ui.live_updates import LiveUpdates, _Listener

    class Broken:
        def watch(self):
            raise OSError("server gone")

    monkeypatch.setattr("ui.live_updates.RETRY_SECONDS", 0.2)
    ctx = AppContext(None)
    live_updates = LiveUpdates(ctx)
    assert not live_updates.listening  # no store: nothing to listen to
    thread = _Listener(Broken())
    thread.state.connect(live_updates._state)
    with qtbot.waitSignal(live_updates.statusChanged, timeout=5000) as got:
        thread.start()
    thread.requestInterruption()
    thread.wait(3000)
    assert "Lost the connection to the database server" in got.args[0]
    assert "OSError" not in got.args[0]  # a class name means nothing to an organiser (logged)


def test_a_burst_of_notices_is_one_refresh_per_entity(qtbot, live):
    from app.storage.notify import FORMAT, Notice

    ctx, live_updates, _other = live
    seen = []
    ctx.changed.connect(seen.append)

    def notice(entity, kind, ids, action="7"):
        return Notice("|".join((FORMAT, "elsewhere", action, entity, kind, ids)))

    before = live_updates.refreshes
    live_updates._others_changed([notice("cue", "updated", "1,2")])
    live_updates._others_changed([notice("cue", "updated", "2,3"), notice("prop", "created", "9")])
    live_updates._others_changed([notice("participant", "updated", "4", action="*")])
    qtbot.waitUntil(lambda: live_updates.refreshes > before, timeout=10_000)
    qtbot.wait(400)
    assert live_updates.refreshes == before + 1  # one refresh for the burst
    assert [(c.entity, c.ids, c.kind, c.action_id) for c in seen] == [
        ("cue", (1, 2, 3), "updated", 7),
        ("participant", (4,), "updated", None),
        ("prop", (9,), "created", 7),
    ]


def test_no_refresh_starts_while_one_runs_and_a_gap_follows_it(qtbot, live):
    from app.storage.notify import FORMAT, Notice

    ctx, live_updates, _other = live
    starts = []
    running = []

    def slow_view(change) -> None:
        assert not running, "a refresh started while another was running"
        running.append(True)
        starts.append(time.monotonic())
        live_updates._others_changed([Notice(f"{FORMAT}|x|7|cue|updated|5")])  # meanwhile
        time.sleep(0.2)
        running.clear()

    ctx.changed.connect(slow_view)
    live_updates._others_changed([Notice(f"{FORMAT}|x|7|cue|updated|4")])
    qtbot.waitUntil(lambda: len(starts) >= 2, timeout=5000)
    ctx.changed.disconnect(slow_view)
    assert starts[1] - starts[0] >= 0.2 + 2 * 0.2 - 0.05  # the refresh, then twice its time


def test_stopping_wakes_the_wait_instead_of_sitting_it_out(qtbot, any_demo_store, monkeypatch):
    """Closing the window (or opening another database) stops the listener: it used to sit out
    its wait first, half a second on every close (SQLite's poll; PostgreSQL's ``notifies``,
    which no other thread can interrupt); here the wait is 30 s."""
    from ui.context import AppContext
    from ui.live_updates import LiveUpdates

    monkeypatch.setattr("app.storage.notify.SQLITE_POLL_SECONDS", 30.0)
    monkeypatch.setattr("ui.live_updates.WAIT_SECONDS", 30.0)
    monkeypatch.setattr("ui.live_updates._stopper", lambda t: lambda *_a: t.stop(60_000))
    live_updates = LiveUpdates(AppContext(any_demo_store))
    wait_listening(qtbot, live_updates)
    thread = live_updates._thread
    qtbot.wait(200)  # it is inside its 30-second wait now
    started = time.monotonic()
    live_updates.stop()
    assert thread.isFinished()
    assert time.monotonic() - started < 10  # woken, not the 30 s poll


def test_listening_means_a_change_from_now_on_will_be_seen(qtbot, any_demo_store, monkeypatch):
    """The listener's thread runs before its watcher has read where the file stands: a change
    committed in between would be taken for the starting point and never shown. "Listening" is
    said only once the watcher is there (a busy machine made CI hit exactly that gap)."""
    import threading

    from app.storage.notify import ChangeNotifier
    from ui.context import AppContext
    from ui.live_updates import LiveUpdates

    ready = threading.Event()
    real = ChangeNotifier.watch

    def slow_watch(self):
        ready.wait(5)
        return real(self)

    monkeypatch.setattr(ChangeNotifier, "watch", slow_watch)
    ctx = AppContext(any_demo_store)
    live_updates = LiveUpdates(ctx)
    try:
        qtbot.waitUntil(lambda: live_updates._thread.isRunning(), timeout=5000)
        qtbot.wait(100)
        assert not live_updates.listening  # running, but not watching yet
        ready.set()
        wait_listening(qtbot, live_updates)
    finally:
        ready.set()
        live_updates.stop()


def test_a_notice_due_when_the_window_closes_is_not_shown_after_it(qtbot, live):
    """A colleague's last edit (their window erasing its deleted actions on close) could arrive
    just before ours closed: the refresh due 150 ms later then read the closed store again, on a
    team server after its schema was gone ("relation action does not exist")."""
    from app.storage.notify import FORMAT, Notice

    ctx, live_updates, _other = live
    seen = []
    ctx.changed.connect(seen.append)
    before = live_updates.refreshes
    live_updates._others_changed([Notice(f"{FORMAT}|elsewhere|7|cue|updated|1")])
    live_updates.stop()  # the window closes
    live_updates._others_changed([Notice(f"{FORMAT}|elsewhere|7|cue|updated|2")])  # queued
    qtbot.wait(500)
    assert (live_updates.refreshes, seen) == (before, [])


def test_a_colleague_s_edit_saved_just_before_ours_is_still_shown(
    qtbot, any_demo_store, monkeypatch
):
    """The colleague saves, we save a moment later, before our listener looked again: the
    window must still hear of the colleague's edit (it took it for our own)."""
    from app.storage import notify
    from ui.context import AppContext
    from ui.live_updates import LiveUpdates

    monkeypatch.setattr(notify, "SQLITE_POLL_SECONDS", 2.0)  # both saves fall between polls
    ctx = AppContext(any_demo_store)
    live_updates = LiveUpdates(ctx)
    other = open_store(any_demo_store.target)
    try:
        wait_listening(qtbot, live_updates)
        release_id, action_id = _release(ctx.store)
        qtbot.wait(100)  # the listener is in its wait, between two looks
        with qtbot.waitSignal(ctx.changed, timeout=10000, check_params_cb=lambda c: c.remote):
            with other.session() as s:
                edits.update(s, "release", release_id, status="approved")
            ctx.update(
                "action",
                action_id,
                "Rename",
                expected_version=latest(ctx, "action", action_id),
                title="Renamed here",
            )
    finally:
        live_updates.stop()
        other.close()


@pytest.mark.parametrize("any_blank", ["postgresql"], indirect=True)
def test_a_window_whose_listener_hears_nothing_says_so(qtbot, any_demo_store, monkeypatch):
    """Behind a pooler in transaction mode no notice reaches the window: it said nothing and
    showed no colleague's change. Now the status bar says so (simulated by a listener on
    another database of the server: notices do not cross databases)."""
    import psycopg
    from sqlalchemy.engine import make_url

    import app.storage.server as server
    from tests.ui.conftest import open_window

    elsewhere = make_url(any_demo_store.target).set(database="postgres", drivername="postgresql")
    conninfo = elsewhere.render_as_string(hide_password=False)
    monkeypatch.setattr(
        server, "listen_connection", lambda _e: psycopg.connect(conninfo, autocommit=True)
    )
    window = open_window(qtbot, any_demo_store.target)
    qtbot.waitUntil(lambda: bool(window.live_updates.status), timeout=10_000)
    assert window.live_updates.status.startswith(
        "Other organisers' changes do not appear by themselves"
    )
    assert window.statusBar().currentMessage() == window.live_updates.status
    assert not window.live_updates.listening
