"""The main window driven as a user would: plan an action, watch readiness, undo, reopen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from tests.conftest import DEMO_NOW
from tests.ui.conftest import drive_modal, open_window, problem_kinds
from tests.ui.test_readiness_tab import KIND_ROLE, rows_of


def _list_titles(window) -> list[str]:
    proxy = window.actions_panel.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def _fill_new_action(title: str):
    def fill(dialog):
        from PySide6.QtCore import QDate, QTime

        dialog.title_edit.setText(title)
        dialog.date_edit.setDate(QDate(2024, 6, 8))
        dialog.start_edit.setTime(QTime(14, 0))
        dialog.end_edit.setTime(QTime(16, 0))
        dialog.zone_picker.set_zone("Europe/Paris")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    return fill


def test_plan_an_action_watch_readiness_undo_and_reopen(qtbot, db_path):
    window = open_window(qtbot, db_path)
    assert window.findChild(QLabel, "actions_empty").isVisible()
    assert "No action yet" in window.empty_title.text()

    drive_modal(window.a_new_action.trigger, _fill_new_action("Masks for the cameras"))
    assert _list_titles(window) == ["Masks for the cameras"]
    assert window.header_title.text() == "Masks for the cameras"
    assert "Sat, Jun 8, 2024, 2:00" in window.header_when.text()
    action_id = window.action_id
    ctx = window.ctx

    # A role that needs two people: readiness says so, and the tab title counts it.
    role = ctx.create("role", "Add role", action_id=action_id, name="Steward", needed=2)
    assert "role-short" in problem_kinds(window)
    readiness_index = window.tabs.indexOf(window.tab_widgets["readiness"])
    assert window.tabs.tabText(readiness_index).startswith("Readiness (")

    # A cue and a person assigned to it.
    start = datetime(2024, 6, 8, 12, 15, tzinfo=UTC)  # 14:15 in Paris
    ctx.create(
        "cue",
        "Add cue",
        action_id=action_id,
        starts_at=start,
        minutes=20,
        title="Masks on",
        role_ids=[role],
    )
    person = ctx.create("participant", "Add participant", alias="Heron")
    ctx.create(
        "assignment", "Assign Heron", action_id=action_id, participant_id=person, role_id=role
    )
    assert "1 cue" in window.status_left.text()
    assert "1 participant" in window.status_left.text()
    readiness = window.tab_widgets["readiness"]
    messages = [p.message for p in readiness.problems() if p.kind == "role-short"]
    assert messages and "1 of 2" in messages[0]

    # The Edit menu says what will be undone; undo takes the assignment back.
    assert window.a_undo.text().replace("&", "") == "Undo Assign Heron"
    window.a_undo.trigger()
    assert "0 participants" in window.status_left.text()
    assert "0 of 2" in [p.message for p in readiness.problems() if p.kind == "role-short"][0]
    assert window.a_redo.text().replace("&", "") == "Redo Assign Heron"
    window.a_redo.trigger()
    assert "1 participant" in window.status_left.text()
    window.close()

    # Reopen: the plan is there and the last action is selected again.
    again = open_window(qtbot, db_path)
    assert _list_titles(again) == ["Masks for the cameras"]
    assert again.action_id == action_id
    assert "1 cue" in again.status_left.text()
    again.close()


def test_window_shows_the_demo_with_title_status_and_badge(main_window):
    w = main_window
    assert w.windowTitle().startswith("Cortège — ")
    assert w.windowTitle().endswith("demo.sqlite3")
    assert w.header_title.text() == "Funeral for privacy at Père-Lachaise"
    assert w.header_state.text() == "confirmed · in 10 days"
    assert w.status_left.text().startswith("All changes saved · 15 participants · 11 cues")
    assert w.status_right.text() == "en · Europe/Paris"
    index = w.tabs.indexOf(w.tab_widgets["readiness"])
    assert w.tabs.tabText(index) == f"Readiness ({len(problem_kinds(w))})"


def test_ctrl_number_switches_tabs(qtbot, main_window):
    w = main_window
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentWidget() is w.tab_widgets["readiness"]
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentWidget() is w.tab_widgets["overview"]
    assert [a.shortcut().toString() for a in w.tab_actions] == [f"Ctrl+{n}" for n in range(1, 8)]


def test_readiness_link_jumps_to_the_overview_for_the_declaration(qtbot, main_window):
    w = main_window
    w.tab_widgets["overview"].commit("decl_received_on", None)
    assert "declaration-missing" in problem_kinds(w)
    w.show_tab("readiness")
    readiness = w.tab_widgets["readiness"]
    row = next(r for r in rows_of(readiness) if r.data(KIND_ROLE) == "declaration-missing")
    readiness.view.setCurrentIndex(row)
    qtbot.mouseClick(readiness.open_button, Qt.MouseButton.LeftButton)
    assert w.tabs.currentWidget() is w.tab_widgets["overview"]


def test_delete_asks_then_undo_brings_it_back(main_window, monkeypatch):
    w = main_window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.a_delete.trigger()
    assert _list_titles(w) == []
    assert w.right.currentIndex() == 0  # the empty state
    assert "Delete “Funeral for privacy" in w.a_undo.text()
    w.a_undo.trigger()
    assert _list_titles(w) == ["Funeral for privacy at Père-Lachaise"]


def test_delete_cancelled_changes_nothing(main_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    main_window.a_delete.trigger()
    assert len(_list_titles(main_window)) == 1
    assert not main_window.ctx.undo_stack.canUndo()


def test_duplicate_for_a_new_date_keeps_wall_clock_times(main_window):
    from PySide6.QtCore import QDate

    w = main_window

    def fill(dialog):
        dialog.title_edit.setText("Funeral, second run")
        dialog.date_edit.setDate(QDate(2024, 11, 5))  # after the change to winter time
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    drive_modal(w.a_duplicate.trigger, fill)
    assert "Funeral, second run" in _list_titles(w)
    assert w.header_title.text() == "Funeral, second run"
    assert "Tue, Nov 5, 2024, 9:30" in w.header_when.text()
    w.a_undo.trigger()
    assert "Funeral, second run" not in _list_titles(w)


def test_move_to_another_date(main_window):
    from PySide6.QtCore import QDate

    def fill(dialog):
        dialog.date_edit.setDate(QDate(2024, 6, 4))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    drive_modal(main_window.a_move.trigger, fill)
    assert "Tue, Jun 4, 2024, 9:30" in main_window.header_when.text()
    main_window.a_undo.trigger()
    assert "Tue, May 28, 2024, 9:30" in main_window.header_when.text()


def test_filter_box_narrows_the_list_and_says_when_nothing_matches(qtbot, main_window):
    panel = main_window.actions_panel
    qtbot.keyClicks(panel.filter_edit, "funeral")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "zzz")
    assert panel.proxy.rowCount() == 0
    assert panel.empty.isVisible()
    assert "No action matches “zzz”" in panel.empty.text()


def test_layout_and_last_action_are_remembered(qtbot, demo_db, db_path):
    w = open_window(qtbot, demo_db)
    w.splitter.setSizes([350, 930])
    remembered = w.splitter.sizes()
    w.close()
    again = open_window(qtbot, demo_db)
    assert again.splitter.sizes() == remembered
    assert again.header_title.text() == "Funeral for privacy at Père-Lachaise"
    again.close()


def test_recent_databases_never_hold_a_password(qtbot, main_window):
    from app.paths import data_dir
    from ui import settings_store

    settings_store.add_recent_database("postgresql+psycopg://ann:s3cret@db.example/cortege")
    recent = settings_store.recent_databases()
    assert recent[0] == "postgresql+psycopg://ann:***@db.example/cortege"
    assert str(main_window.ctx.store.path) in recent
    assert "s3cret" not in (data_dir() / "ui-settings.ini").read_text()


def test_dropping_a_bundle_imports_it_as_one_undo_step(qtbot, main_window, tmp_path, cli):
    w = main_window
    bundle = tmp_path / "funeral.json"
    r = cli("--db", w.ctx.store.path, "export", "bundle", "funeral-for-privacy", "-o", bundle)
    assert r.code == 0, r.err
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    w.dropEvent(event)
    qtbot.waitUntil(lambda: len(_list_titles(w)) == 2, timeout=10000)
    assert w.a_undo.text().replace("&", "") == "Undo Import funeral.json"
    assert "Imported funeral.json" in w.statusBar().currentMessage()
    w.a_undo.trigger()
    assert len(_list_titles(w)) == 1


def test_a_bad_bundle_is_refused_with_its_problems(qtbot, main_window, tmp_path):
    from ui import window_files
    from ui.dialogs.error_dialog import open_error_dialogs

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    handle = window_files.import_bundle_file(main_window, bad)
    qtbot.waitUntil(lambda: handle.state == "failed", timeout=10000)
    texts = [d.text() for d in open_error_dialogs()]
    assert any("not a Cortège bundle" in t for t in texts)
    assert len(_list_titles(main_window)) == 1
    for d in open_error_dialogs():
        d.close()


def test_export_bundle_leaves_personal_data_out_by_default(main_window, tmp_path):
    from ui import window_files

    dialog = window_files.ExportBundleDialog(main_window)
    assert not dialog.personal.isChecked()
    assert "No full names" in dialog.warning.text()
    dialog.personal.setChecked(True)
    assert "full names, phone numbers, e-mail" in dialog.warning.text()
    out = tmp_path / "out.json"
    assert window_files.export_bundle(main_window, out, include_personal_data=False)
    assert "Funeral for privacy" in out.read_text()
    assert '"full_name"' not in out.read_text()


def test_an_encrypted_file_asks_for_its_passphrase_and_cancel_keeps_the_old_one(
    qtbot, empty_window, tmp_path, monkeypatch
):
    from ui import window_files

    junk = tmp_path / "locked.sqlite3"
    junk.write_bytes(b"\x8f" * 4096)
    asked = []
    monkeypatch.setattr(window_files, "_ask_passphrase", lambda w, p: asked.append(p))
    before = empty_window.ctx.store
    assert not empty_window.open_database(str(junk))
    assert asked == [junk]
    assert empty_window.ctx.store is before


def test_a_wrong_passphrase_gives_a_clear_message(qtbot, empty_window, tmp_path, monkeypatch):
    from ui import window_files
    from ui.dialogs.error_dialog import open_error_dialogs

    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list\n" * 200)
    monkeypatch.setattr(window_files, "_ask_passphrase", lambda w, p: "not it")
    assert not empty_window.open_database(str(junk))
    texts = [d.text() for d in open_error_dialogs()]
    assert any(t.startswith("Wrong passphrase, or") for t in texts), texts
    for d in open_error_dialogs():
        d.close()


def test_a_folder_is_refused_with_its_reason(qtbot, empty_window, tmp_path):
    from ui.dialogs.error_dialog import open_error_dialogs

    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    assert not empty_window.open_database(str(folder))
    texts = [d.text() for d in open_error_dialogs()]
    assert any("is a folder, not a Cortège database" in t for t in texts)
    assert not any("Traceback" in t for t in texts)
    for d in open_error_dialogs():
        d.close()


def test_first_start_of_the_default_database_adds_the_demo(qtbot):
    from app.paths import default_database

    target = default_database()
    assert not target.exists()
    w = open_window(qtbot, target, add_demo=True)
    assert _list_titles(w) == ["Funeral for privacy at Père-Lachaise"]
    w.close()
    again = open_window(qtbot, target, add_demo=False)  # the second start adds nothing
    assert len(_list_titles(again)) == 1
    again.close()


def test_a_second_window_on_the_same_file_works(qtbot, demo_db):
    first = open_window(qtbot, demo_db)
    second = open_window(qtbot, demo_db)
    first.tab_widgets["overview"].commit("title", "Changed in the first window")
    second.tab_widgets["overview"].commit("location_name", "Changed in the second")
    second.ctx.changed.emit(__import__("app.services.changes").services.changes.EVERYTHING)
    assert second.header_title.text() == "Changed in the first window"
    assert "Changed in the second" in second.header_when.text()
    first.close()
    second.close()


@pytest.mark.parametrize("now", [datetime(2024, 5, 28, 12, 0, tzinfo=UTC)])
def test_countdown_after_the_action(qtbot, demo_db, now):
    w = open_window(qtbot, demo_db, now=now)
    assert w.header_state.text().endswith("ago")
    w.close()
    assert DEMO_NOW < now


def test_dark_palette_is_followed(qtbot, main_window):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from ui import style

    app = QApplication.instance()
    saved = app.palette()
    dark = QPalette(saved)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
    ):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: style.is_dark(main_window))
        assert style.error_color(main_window).lightness() > 128  # readable on dark
        assert style.muted_color(main_window).lightness() > 100
        tab = main_window.tab_widgets["overview"]
        tab.fields["latitude"].setText("x")
        tab.fields["latitude"].editingFinished.emit()
        assert style.css(style.error_color(main_window)) in tab.errors["latitude"].styleSheet()
    finally:
        app.setPalette(saved)


def test_keyboard_order_and_accessible_names(main_window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    panel = main_window.actions_panel
    assert _next_tab_stop(panel.filter_edit) is panel.view
    assert _next_tab_stop(panel.view) is panel.new_button
    unnamed = []
    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView, QAbstractSpinBox)
    for root in (panel, main_window.tab_widgets["overview"], main_window.tab_widgets["readiness"]):
        for widget in root.findChildren(QWidget):
            if not isinstance(widget, kinds) or not widget.isVisibleTo(main_window):
                continue
            if isinstance(widget.parent(), kinds):
                continue  # the line edit inside a combo or spin box, a view's viewport
            if not widget.accessibleName():
                unnamed.append(widget.objectName() or type(widget).__name__)
        for button in root.findChildren(QAbstractButton):
            if button.isVisibleTo(main_window) and button.focusPolicy() != Qt.FocusPolicy.NoFocus:
                assert button.text() or button.accessibleName(), button.objectName()
    assert unnamed == []


def _next_tab_stop(widget):
    nxt = widget.nextInFocusChain()
    while not (nxt.focusPolicy() & Qt.FocusPolicy.TabFocus) or not nxt.isVisible():
        nxt = nxt.nextInFocusChain()
    return nxt


def test_python_main_py_on_its_first_start_adds_the_demo_to_the_default_database(tmp_path, cli):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    data = tmp_path / "data"
    env = dict(
        os.environ,
        CORTEGE_DATA_DIR=str(data),
        CORTEGE_BENCH_STARTUP="1",
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("CORTEGE_DB", None)
    proc = subprocess.run(
        [sys.executable, str(root / "main.py")],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    listing = cli("--db", data / "cortege.sqlite3", "list")
    assert listing.out.count("\n") == 1
    assert "Funeral for privacy at Père-Lachaise" in listing.out
