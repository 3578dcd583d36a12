"""Offline: the window on a SQLite file opens no network connection, whatever the user does."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import drive_modal, open_window


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[tuple] = []

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(("socket", args))
            raise OSError("network access is not allowed in this test")

    def no_connection(*args, **kwargs):
        attempts.append(("create_connection", args))
        raise OSError("network access is not allowed in this test")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", no_connection)
    return attempts


def test_the_window_opens_no_socket(qtbot, demo_db, tmp_path, no_network):
    from PySide6.QtCore import QDate

    from ui import window_files

    window = open_window(qtbot, demo_db)
    overview = window.tab_widgets["overview"]
    assert overview.commit("title", "Offline funeral")
    assert overview.commit("languages", ["fr", "en", "de"])
    for key in list(window.tab_widgets):
        window.show_tab(key)

    def fill(dialog):
        dialog.title_edit.setText("Second action")
        dialog.date_edit.setDate(QDate(2024, 7, 1))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    drive_modal(window.a_new_action.trigger, fill)
    window.a_undo.trigger()
    window.a_redo.trigger()
    assert window_files.export_bundle(window, tmp_path / "b.json", include_personal_data=False)
    window.close()
    assert no_network == []
