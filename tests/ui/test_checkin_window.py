"""Check-in at the gate through the real window: the shortcut, two letters, Enter, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget


def open_checkin(qtbot, window):
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window._checkin_dialog
    qtbot.waitExposed(dialog)
    search = dialog.findChild(QLineEdit, "checkin_search")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    return dialog


def texts(dialog, name: str) -> list[str]:
    box = dialog.findChild(QListWidget, name)
    return [box.item(i).text() for i in range(box.count())]


def type_in(qtbot, dialog, letters: str) -> None:
    search = dialog.findChild(QLineEdit, "checkin_search")
    assert QApplication.focusWidget() is search
    qtbot.keyClicks(search, letters)


def test_two_letters_and_enter_check_a_pallbearer_in_and_undo_takes_it_back(qtbot, main_window):
    dialog = open_checkin(qtbot, main_window)
    assert "Pallbearer 0/4" in texts(dialog, "checkin_counts")
    assert any("Crow" in t and "9:15" in t for t in texts(dialog, "checkin_missing"))
    type_in(qtbot, dialog, "cr")
    assert texts(dialog, "checkin_matches")[0].startswith("Crow")
    search = dialog.findChild(QLineEdit, "checkin_search")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert "Pallbearer 1/4" in texts(dialog, "checkin_counts")
    assert not any("Crow" in t for t in texts(dialog, "checkin_missing"))
    assert "Crow checked in" in dialog.findChild(QLabel, "checkin_status").text()
    assert search.text() == ""
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Pallbearer 0/4" in texts(dialog, "checkin_counts")
    assert any("Crow" in t for t in texts(dialog, "checkin_missing"))
    dialog.close()


def test_checking_in_twice_says_so_and_changes_nothing(qtbot, main_window):
    dialog = open_checkin(qtbot, main_window)
    search = dialog.findChild(QLineEdit, "checkin_search")
    type_in(qtbot, dialog, "he")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    steps = main_window.ctx.undo_stack.count()
    type_in(qtbot, dialog, "he")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert "already checked in" in dialog.findChild(QLabel, "checkin_status").text()
    assert main_window.ctx.undo_stack.count() == steps
    assert "Pallbearer 1/4" in texts(dialog, "checkin_counts")
    dialog.close()


def test_down_arrow_picks_the_second_match(qtbot, main_window):
    dialog = open_checkin(qtbot, main_window)
    search = dialog.findChild(QLineEdit, "checkin_search")
    type_in(qtbot, dialog, "r")  # Raven, Robin start with r; Crow, Heron… contain it
    first, second = texts(dialog, "checkin_matches")[:2]
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    alias = second.split(" — ")[0]
    assert f"{alias} checked in" in dialog.findChild(QLabel, "checkin_status").text()
    assert not any(
        t.split("  ")[-1].startswith(alias + " ") for t in texts(dialog, "checkin_missing")
    )
    assert first != second
    dialog.close()


def test_nobody_matching_says_so(qtbot, main_window):
    dialog = open_checkin(qtbot, main_window)
    search = dialog.findChild(QLineEdit, "checkin_search")
    type_in(qtbot, dialog, "zz")
    assert texts(dialog, "checkin_matches") == []
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert "Nobody matches" in dialog.findChild(QLabel, "checkin_status").text()
    dialog.close()
