"""The very first start: the welcome dialog recommends encryption, then shows the demo."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


def _window(qtbot):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_start_creates_an_encrypted_default_database_with_the_demo(qtbot):
    from app.paths import default_database
    from app.storage.cipher import is_encrypted_file
    from tests.ui.conftest import drive_modal
    from ui.app import first_run

    window = _window(qtbot)
    target = default_database()
    result = {}

    def fill(dialog):
        assert dialog.objectName() == "first_run_dialog"
        assert dialog.windowTitle() == "Welcome to Cortège"
        assert dialog.ok_button.text() == "&Start encrypted"  # encryption leads
        dialog.fields.first.setText("correct horse battery staple")
        dialog.fields.second.setText("correct horse battery staple")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    drive_modal(lambda: result.setdefault("ok", first_run(window, str(target))), fill)
    assert result["ok"] is True
    assert is_encrypted_file(target)
    assert b"Crow" not in target.read_bytes()
    assert window.windowTitle().startswith("Cortège — ")
    assert window.actions_panel.view.model().rowCount() == 1
    window.close()


def test_quitting_the_welcome_dialog_creates_nothing(qtbot):
    from app.paths import default_database
    from tests.ui.conftest import drive_modal
    from ui.app import first_run

    window = _window(qtbot)
    target = default_database()
    result = {}

    def quit_(dialog):
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        assert button.text().replace("&", "") == "Quit"
        button.click()

    drive_modal(lambda: result.setdefault("ok", first_run(window, str(target))), quit_)
    assert result["ok"] is False
    assert not target.exists()
    window.close()
