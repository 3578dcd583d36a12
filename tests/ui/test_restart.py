"""A restart opens the last database used, not the default one."""

from __future__ import annotations

from tests.ui.conftest import open_window


def test_a_restart_opens_the_last_database_used(qtbot, demo_db, tmp_path, monkeypatch):
    from app.paths import default_database
    from ui.app import startup_target

    assert startup_target(None) == str(default_database())  # nothing used yet
    window = open_window(qtbot, demo_db)
    window.close()
    target = startup_target(None)
    assert target == str(demo_db)
    again = open_window(qtbot, target)
    assert again.header_title.text() == "Funeral for privacy at Père-Lachaise"
    again.close()
    # --db and CORTEGE_DB still win; a last file that is gone falls back to the default.
    assert startup_target(str(tmp_path / "x.sqlite3")) == str(tmp_path / "x.sqlite3")
    monkeypatch.setenv("CORTEGE_DB", str(tmp_path / "y.sqlite3"))
    assert startup_target(None) == str(tmp_path / "y.sqlite3")
    monkeypatch.delenv("CORTEGE_DB")
    demo_db.unlink()
    assert startup_target(None) == str(default_database())
