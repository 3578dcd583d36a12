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


def test_shift_enter_takes_back_a_mistaken_check_in_alone(qtbot, main_window):
    """Live-mode review: the steward checked in Raven meaning Robin; Ctrl+Z took back Swift's
    right check-in made after it too, and after a restart nothing could take it back."""
    dialog = open_checkin(qtbot, main_window)
    search = dialog.findChild(QLineEdit, "checkin_search")
    for letters in ("rav", "her"):  # Raven by mistake, then Heron
        type_in(qtbot, dialog, letters)
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert "Pallbearer 2/4" in texts(dialog, "checkin_counts")
    type_in(qtbot, dialog, "rav")
    assert texts(dialog, "checkin_matches")[0].startswith("✓ Raven")
    qtbot.keyClick(search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    status = dialog.findChild(QLabel, "checkin_status").text()
    assert "Raven is no longer checked in" in status, status
    assert "Pallbearer 1/4" in texts(dialog, "checkin_counts")
    assert any("Raven" in t for t in texts(dialog, "checkin_missing"))
    assert not any("Heron" in t for t in texts(dialog, "checkin_missing"))  # still here
    assert main_window.ctx.undo_stack.undoText() == "Take back the check-in of Raven"
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Pallbearer 2/4" in texts(dialog, "checkin_counts")
    dialog.close()


def test_shift_enter_on_someone_not_checked_in_changes_nothing(qtbot, main_window):
    dialog = open_checkin(qtbot, main_window)
    search = dialog.findChild(QLineEdit, "checkin_search")
    type_in(qtbot, dialog, "cr")
    steps = main_window.ctx.undo_stack.count()
    qtbot.keyClick(search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert (
        "Crow is not checked in; nothing changed."
        in dialog.findChild(QLabel, "checkin_status").text()
    )
    assert main_window.ctx.undo_stack.count() == steps
    dialog.close()


def test_the_status_line_goes_when_an_undo_takes_its_check_in_back(qtbot, main_window):
    dialog = open_checkin(qtbot, main_window)
    search = dialog.findChild(QLineEdit, "checkin_search")
    type_in(qtbot, dialog, "cr")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    status = dialog.findChild(QLabel, "checkin_status")
    assert "Crow checked in" in status.text()
    main_window.undo()  # from the main window's Edit menu
    assert status.text() == ""  # not "Crow checked in at …" beside Crow still missing
    dialog.close()


def test_the_french_count_agrees_with_the_people_checked_in(qtbot, main_window):
    main_window.apply_language("fr")
    dialog = open_checkin(qtbot, main_window)
    total = dialog.findChild(QLabel, "checkin_total")
    type_in(qtbot, dialog, "cr")
    qtbot.keyClick(dialog.findChild(QLineEdit, "checkin_search"), Qt.Key.Key_Return)
    assert total.text().startswith("1 personne pointée sur 15"), total.text()
    type_in(qtbot, dialog, "her")
    qtbot.keyClick(dialog.findChild(QLineEdit, "checkin_search"), Qt.Key.Key_Return)
    assert total.text().startswith("2 personnes pointées sur 15"), total.text()
    dialog.close()
    main_window.apply_language("en")
