"""Every file operation of the CLI from the window: sealed bundles and backups, restore, copy,
the demo; file dialogs that open where the user was; "Saved to …" with Open / Show in folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton

from tests.ui.modal_steps import answer, click, ok

PASS = "four random words here"


@pytest.fixture
def file_dialogs(monkeypatch, tmp_path):
    """File dialogs answer with the next queued path; every start folder asked is recorded."""
    queue: list[Path] = []
    asked: list[str] = []

    def pick(_parent, _title, start="", *_a, **_k):
        asked.append(start)
        return (str(queue.pop(0)), "") if queue else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(pick))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    return queue, asked


def _passphrase(text: str, *, twice: bool):
    def step(dialog):
        if twice:
            dialog.fields.first.setText(text)
            dialog.fields.second.setText(text)
        else:
            dialog.findChild(QLineEdit, "file_passphrase_edit").setText(text)
        ok(dialog)

    return step


def test_export_a_sealed_bundle_then_import_it_from_the_window(
    qtbot, main_window, tmp_path, file_dialogs
):
    from app.services.envelope import decrypt, is_envelope

    queue, _asked = file_dialogs
    out = tmp_path / "sealed.json"
    queue.append(out)

    def choose(dialog):
        assert dialog.objectName() == "export_bundle_dialog"
        click(dialog, "encrypt_file")
        ok(dialog)

    seen = answer([choose, _passphrase(PASS, twice=True)], main_window.a_export_bundle.trigger)
    assert seen == ["export_bundle_dialog", "file_passphrase_dialog"]
    raw = out.read_bytes()
    assert is_envelope(raw) and b"funeral" not in raw
    assert json.loads(decrypt(raw, PASS))["action"]["slug"] == "funeral-for-privacy"
    assert main_window.saved_notice.label.text() == f"Exported to {out}"

    before = main_window.actions_panel.model.rowCount()
    queue.append(out)
    seen = answer([_passphrase(PASS, twice=False)], main_window.a_import.trigger)
    assert seen == ["file_passphrase_dialog"]
    qtbot.waitUntil(lambda: main_window.actions_panel.model.rowCount() == before + 1)


def test_a_wrong_passphrase_keeps_the_import_dialog_open_with_the_reason(
    qtbot, main_window, tmp_path, file_dialogs
):
    from app.services.bundle_write import bundle_json
    from app.services.envelope import encrypt

    queue, _asked = file_dialogs
    text = main_window.ctx.query(bundle_json, main_window.action_id, include_personal_data=False)
    sealed = tmp_path / "sealed.json"
    sealed.write_bytes(encrypt(text.encode(), PASS))
    queue.append(sealed)
    seen_error = {}

    def wrong(dialog):
        dialog.findChild(QLineEdit, "file_passphrase_edit").setText("not it at all")
        ok(dialog)

        def look() -> None:  # the dialog comes back, saying why
            if not dialog.isVisible():
                QTimer.singleShot(10, look)
                return
            seen_error["text"] = dialog.error.text()
            seen_error["open"] = dialog.isVisible()
            dialog.reject()

        QTimer.singleShot(10, look)

    answer([wrong], main_window.a_import.trigger)
    assert seen_error["open"] is True
    assert "passphrase" in seen_error["text"].lower()
    assert "Error" not in seen_error["text"]


def test_a_sealed_backup_from_the_window(qtbot, main_window, tmp_path, file_dialogs):
    from app.services.envelope import decrypt, is_envelope

    queue, _asked = file_dialogs
    out = tmp_path / "backup.sqlite3"
    queue.append(out)

    def choose(dialog):
        click(dialog, "encrypt_file")
        ok(dialog)

    seen = answer([choose, _passphrase(PASS, twice=True)], main_window.a_backup.trigger)
    assert seen == ["backup_dialog", "file_passphrase_dialog"]
    raw = out.read_bytes()
    assert is_envelope(raw)
    assert decrypt(raw, PASS).startswith(b"SQLite format 3")


def test_restore_a_backup_from_the_window(qtbot, main_window, tmp_path, file_dialogs, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    queue, _asked = file_dialogs
    backup = tmp_path / "before.sqlite3"
    queue.append(backup)
    answer([ok], main_window.a_backup.trigger)  # a plain copy, with the demo in it
    from ui.window_files import delete_action

    delete_action(main_window, confirm=False)
    assert main_window.actions_panel.model.rowCount() == 0
    queue.append(backup)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    main_window.a_restore.trigger()
    assert main_window.actions_panel.model.rowCount() == 1
    assert "Restored before.sqlite3" in main_window.statusBar().currentMessage()


def test_saved_notice_opens_the_file_and_its_folder(qtbot, main_window, tmp_path, monkeypatch):
    from ui import saved_notice

    opened = []
    monkeypatch.setattr(saved_notice, "open_url", lambda url: opened.append(url.toLocalFile()))
    out = tmp_path / "plain.json"
    from ui.window_files import export_bundle

    assert export_bundle(main_window, out, include_personal_data=False)
    notice = main_window.saved_notice
    assert notice.isVisible()
    notice.open_button.click()
    notice.folder_button.click()
    assert opened == [str(out), str(tmp_path)]


def test_file_dialogs_open_in_the_last_folder_used_else_documents(
    qtbot, main_window, tmp_path, file_dialogs
):
    from ui.file_dialogs import documents_folder

    queue, asked = file_dialogs
    answer([ok], main_window.a_backup.trigger)  # cancelled in the file dialog
    assert Path(asked[-1]).parent == documents_folder()
    sub = tmp_path / "exports"
    sub.mkdir()
    queue.append(sub / "copy.sqlite3")
    answer([ok], main_window.a_backup.trigger)
    answer([ok], main_window.a_export_bundle.trigger)
    assert Path(asked[-1]) == sub / "funeral-for-privacy.cortege.json"


# Every CLI command and how the window reaches it (a QAction objectName, or the part that does).
WINDOW_PATH = {
    "demo": "add_demo",
    "list": "actions_list",
    "import": "import_bundle",
    "check": "go_readiness",
    "backup": "backup",
    "export": (
        "export_bundle export_runsheets export_press export_calendar export_advisory "
        "export_volunteer_pack debrief"
    ),
    "checkin": "checkin",
    "organisation": "preferences",  # the organisation's name and settings
    "import-ics": "import_calendar",
    "media": "press_tab",
    "init": "new_database",
    "change-passphrase": "change_passphrase",
    "restore": "restore_backup",
    "purge": "purge",
    "declaration": "declaration",
    "copy-db": "copy_database",
    "upgrade": None,  # a server's schema is upgraded on purpose, by its administrator
    "i18n": None,  # maintains the catalogues: a developer's tool
}


def test_every_cli_command_has_a_window_path(main_window):
    import argparse

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from app.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    commands = set(sub.choices)
    assert commands == set(WINDOW_PATH), commands ^ set(WINDOW_PATH)
    for key in main_window.tab_widgets:  # tabs are built when first shown: build them all
        main_window.tab_widgets[key]
    actions = {a.objectName(): a for a in main_window.findChildren(QAction)}
    widgets = {w.objectName() for w in main_window.findChildren(QWidget)}
    missing = []
    for command, names in WINDOW_PATH.items():
        for name in (names or "").split():
            if name in actions:
                if not actions[name].isEnabled():
                    missing.append(f"{command}: {name} is disabled")
            elif name not in widgets:
                missing.append(f"{command}: no {name} in the window")
    assert missing == []


def test_a_run_sheet_saved_from_its_dialog_offers_open_and_show_in_folder(
    qtbot, main_window, tmp_path, file_dialogs, monkeypatch
):
    from ui import saved_notice

    opened = []
    monkeypatch.setattr(saved_notice, "open_url", lambda url: opened.append(url.toLocalFile()))
    queue, _asked = file_dialogs
    out = tmp_path / "master.pdf"
    queue.append(out)

    from PySide6.QtWidgets import QDialog

    main_window.a_runsheets.trigger()  # not modal: the plan stays usable beside it
    dialog = main_window.findChild(QDialog, "runsheet_dialog")
    dialog.findChild(QPushButton, "save_button").click()
    dialog.close()
    assert out.read_bytes().startswith(b"%PDF")
    notice = main_window.saved_notice
    assert notice.label.text() == f"Saved to {out}"
    notice.folder_button.click()
    assert opened == [str(tmp_path)]
