"""Fixtures shared by the team-mode tests of app/."""

from __future__ import annotations

import pytest


@pytest.fixture
def two_organisers(any_demo_store):
    """Two stores on the same database (two windows), each with its change watcher."""
    from app.storage.engine import open_store
    from app.storage.notify import enable_change_notifications

    other = open_store(any_demo_store.target)
    mine_watch = enable_change_notifications(any_demo_store).watch()
    their_watch = enable_change_notifications(other).watch()
    yield any_demo_store, other, mine_watch, their_watch
    mine_watch.close()
    their_watch.close()
    other.close()
