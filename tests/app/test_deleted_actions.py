"""An action deleted in a window stays undoable while that window is open: another program's
open of the same file (a `list` on the command line, a second window) erased it for good, and
the window's undo then brought back nothing, without a word (CLI review)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from app.domain import models as m


def _slugs(cli, db) -> list[str]:
    return [line.split("\t")[0] for line in cli("--db", db, "list").out.splitlines()]


def _delete(store, slug: str) -> int:
    from app.services.actions import soft_delete

    with store.session() as session:
        action = session.scalar(select(m.Action).where(m.Action.slug == slug))
        soft_delete(session, action)
        return action.id


def test_a_list_on_the_command_line_leaves_a_window_s_deletion_undoable(cli, db_path):
    from app.services.actions import undelete
    from app.storage.engine import open_store

    cli("--db", db_path, "demo", "--on", "2024-05-28")
    window = open_store(str(db_path))  # the window that deletes, and may undo
    doomed = _delete(window, "funeral-for-privacy")
    assert _slugs(cli, db_path) == []  # deleted: not listed
    with window.session() as session:  # the window's Ctrl+Z
        undelete(session, doomed)
    assert _slugs(cli, db_path) == ["funeral-for-privacy"]
    window.close()


def test_a_day_old_deletion_goes_at_the_next_open(cli, db_path):
    from app.storage.engine import open_store

    cli("--db", db_path, "demo", "--on", "2024-05-28")
    store = open_store(str(db_path))
    doomed = _delete(store, "funeral-for-privacy")
    with store.session() as session:
        session.execute(
            update(m.Action)
            .where(m.Action.id == doomed)
            .values(deleted_at=datetime.now(UTC) - timedelta(days=1, minutes=1))
        )
    store.close()
    cli("--db", db_path, "list")
    store = open_store(str(db_path))
    with store.session() as session:
        assert session.get(m.Action, doomed) is None  # erased, its people's links with it
    store.close()


def test_the_window_that_deleted_erases_on_closing(qtbot, db_path):
    """Its undo history goes with it: what it deleted goes for good then, not a day later."""
    from tests.ui.conftest import open_window

    window = open_window(qtbot, db_path, add_demo=True)
    doomed = window.action_id
    store = window.ctx.store
    _delete(store, "funeral-for-privacy")
    window.close()
    from app.storage.engine import open_store

    again = open_store(str(db_path))
    with again.session() as session:
        assert session.get(m.Action, doomed) is None
    again.close()
