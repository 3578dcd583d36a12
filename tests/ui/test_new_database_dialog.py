"""File → New database and the first start: the passphrase leads; not encrypting is explicit."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import drive_modal

PASS = "correct horse battery staple"


def _answer_box(button_name: str) -> None:
    """Click ``button_name`` in the message box that is about to open."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        next(b for b in box.buttons() if b.objectName() == button_name).click()

    QTimer.singleShot(0, click)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def settled(qtbot, dialog):
    """The dialog's focus widget once the dialog has become the active window."""
    from ui.dialog_policy import APPLIED

    qtbot.waitUntil(
        lambda: QApplication.activeWindow() is dialog and dialog.property(APPLIED), timeout=10_000
    )
    return QApplication.focusWidget()


def test_typing_a_passphrase_with_spaces_then_enter_creates_an_encrypted_database(
    qtbot, empty_window, tmp_path, monkeypatch
):
    from app.storage.cipher import is_encrypted_file
    from ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "start_folder", lambda: tmp_path)
    seen = {}

    def fill(dialog):
        seen["name"] = dialog.objectName()
        seen["focus"] = settled(qtbot, dialog).objectName()
        _type(qtbot, PASS)  # four words: every space goes into the field
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _type(qtbot, PASS)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        if dialog.isVisible():
            dialog.reject()

    drive_modal(empty_window.a_new_db.trigger, fill)
    assert seen == {"name": "new_database_dialog", "focus": "new_passphrase_edit"}
    created = tmp_path / "cortege.sqlite3"
    assert is_encrypted_file(created)
    assert empty_window.windowTitle().endswith("cortege.sqlite3")


def test_enter_on_a_half_typed_form_creates_nothing(qtbot, empty_window, tmp_path, monkeypatch):
    from ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "start_folder", lambda: tmp_path)
    seen = {}

    def fill(dialog):
        settled(qtbot, dialog)
        _type(qtbot, PASS)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # not typed twice
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.fields.error.text()
        dialog.reject()

    drive_modal(empty_window.a_new_db.trigger, fill)
    assert seen == {"open": True, "error": "The two passphrases differ."}
    assert not (tmp_path / "cortege.sqlite3").exists()


def test_no_encryption_is_a_second_step_with_its_own_confirmation(
    qtbot, empty_window, tmp_path, monkeypatch
):
    from app.storage.cipher import is_encrypted_file
    from ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "start_folder", lambda: tmp_path)
    seen = {}

    def fill(dialog):
        settled(qtbot, dialog)
        plain = dialog.findChild(type(dialog.ok_button), "without_encryption")
        assert not plain.autoDefault() and not plain.isDefault()
        _answer_box("back_to_passphrase")
        plain.click()
        seen["after_back"] = dialog.isVisible()
        _answer_box("confirm_without_encryption")
        plain.click()

    drive_modal(empty_window.a_new_db.trigger, fill)
    assert seen["after_back"] is True
    created = tmp_path / "cortege.sqlite3"
    assert created.exists() and not is_encrypted_file(created)


def test_first_start_focus_is_in_the_passphrase_and_typing_never_unencrypts(qtbot):
    from app.paths import default_database
    from app.storage.cipher import is_encrypted_file
    from ui.app import first_run
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    target = default_database()
    seen = {}

    def fill(dialog):
        seen["focus"] = settled(qtbot, dialog).objectName()
        seen["ok"] = dialog.ok_button.text().replace("&", "")
        for _ in range(2):
            _type(qtbot, " " + PASS + " ")
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Space on the OK button

    result = {}
    drive_modal(lambda: result.setdefault("ok", first_run(window, str(target))), fill)
    assert seen == {"focus": "new_passphrase_edit", "ok": "Start encrypted"}
    assert result["ok"] is True
    assert is_encrypted_file(target)
    window.close()
