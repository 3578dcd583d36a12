"""A database opened read-only is a mode: a banner says why, edits are off, viewing and every
export work, and nothing ever fails with a database error."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from tests.ui.conftest import open_window


def _assert_read_only_mode(window, reason: str, tmp_path) -> None:
    from ui.context import EditFailed
    from ui.window_files import export_bundle

    banner = window.read_only_banner
    assert banner.isVisible()
    assert reason in banner.text() and "Read-only" in banner.text()
    for name in ("a_new_action", "a_delete", "a_duplicate", "a_move", "a_import", "a_purge"):
        assert not getattr(window, name).isEnabled(), name
    for name in ("a_export_bundle", "a_runsheets", "a_press", "a_calendar", "a_backup"):
        assert getattr(window, name).isEnabled(), name
    # Viewing: the plan is there, its fields can be read but not typed into.
    assert window.header_title.text() == "Funeral for privacy at Père-Lachaise"
    overview = window.tab_widgets["overview"]
    title = next(
        e
        for e in overview.findChildren(QLineEdit)
        if e.text() == "Funeral for privacy at Père-Lachaise"
    )
    assert title.isReadOnly()
    window.tab_actions[3].trigger()  # People: its edit buttons stay off after the tab loads
    people = window.tab_widgets["people"]
    for name in ("assign", "add_role", "import_csv"):
        assert not people.findChild(QAbstractButton, name).isEnabled(), name
    # A path that still reaches an edit is refused with the reason, not a database error.
    with pytest.raises(EditFailed, match="read-only"):
        window.ctx.update(
            "action", window.action_id, "Edit title", expected_version=1, title="Changed"
        )
    # Exports work.
    out = tmp_path / "bundle.json"
    assert export_bundle(window, out, include_personal_data=False)
    assert b"funeral-for-privacy" in out.read_bytes()


def test_mark_read_only_shows_the_banner_and_turns_edits_off(qtbot, demo_db, tmp_path):
    from app.storage import engine

    real = engine.open_store

    def open_marked(target, **kw):
        store = real(target, **kw)
        store.mark_read_only("your server role cannot write")
        return store

    import ui.window_files  # noqa: F401 - open_store is imported inside open_database

    engine.open_store, saved = open_marked, engine.open_store
    try:
        window = open_window(qtbot, demo_db)
    finally:
        engine.open_store = saved
    _assert_read_only_mode(window, "your server role cannot write", tmp_path)
    # Another, writable database: the mode goes away.
    assert window.open_database(str(tmp_path / "other.sqlite3"))
    assert not window.read_only_banner.isVisible()
    assert window.a_new_action.isEnabled()
    window.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a 0444 file")
def test_a_read_only_file_opens_read_only_on_purpose(qtbot, demo_db, tmp_path):
    demo_db.chmod(0o444)
    try:
        window = open_window(qtbot, demo_db)
        _assert_read_only_mode(window, "read-only", tmp_path)
        window.close()
    finally:
        demo_db.chmod(0o644)


def test_the_window_notices_a_file_it_cannot_write(qtbot, demo_db, tmp_path, monkeypatch):
    """As root a chmod does not stop writes: the check itself is what is tested here."""
    from ui import read_only

    real_access = os.access
    monkeypatch.setattr(
        read_only.os,
        "access",
        lambda p, mode: (
            False if str(p) == str(demo_db) and mode == os.W_OK else real_access(p, mode)
        ),
    )
    window = open_window(qtbot, demo_db)
    _assert_read_only_mode(window, "the file demo.sqlite3 is read-only", tmp_path)
    window.close()
