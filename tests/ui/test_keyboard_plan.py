"""Done when a user can plan the Père-Lachaise action from an empty database with the keyboard
alone: every step below is key presses on the focused widget (shortcuts, mnemonics, Tab, Enter)
through the real window, and each one checks what the user then sees."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QTableView
from shiboken6 import isValid

from tests.ui.conftest import open_window
from tests.ui.modal_steps import answer
from ui.dialog_policy import APPLIED

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def focused():
    """Where a key goes: the focused widget, else the active window (its shortcuts). While a
    dialog is open, once its focus is in one of its fields (as the user sees it)."""
    modal = QApplication.activeModalWidget()
    if modal is not None:
        for _attempt in range(100):
            here = QApplication.focusWidget()
            if modal.property(APPLIED) and here is not None and modal.isAncestorOf(here):
                break
            QTest.qWait(10)
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    if widget is None:  # offscreen, nothing gives the window back its activation after a dialog
        for top in QApplication.topLevelWidgets():
            if isValid(top) and top.objectName() == "main_window":
                top.activateWindow()
                QTest.qWait(20)
        widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None
    return widget


def type_in(text: str, *then: Qt.Key) -> None:
    """Type ``text`` into the focused widget, key by key ("è" too: QTest only knows ASCII)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClick(focused(), ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, ord(ch.upper()), Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(focused(), event)
    for key in then:
        QTest.keyClick(focused(), key)


def press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifiers)


def mnemonic(key: Qt.Key) -> None:
    """Alt+letter on a button: Qt clicks it a moment later (an animated click), so wait."""
    press(key, ALT)
    QTest.qWait(300)


def answer_once(step, trigger) -> None:
    """Like ``modal_steps.answer`` for one dialog Qt deletes as it closes (QInputDialog)."""
    done: list[bool] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or QApplication.activeWindow() is not modal:
            QTimer.singleShot(10, poll)
            return
        done.append(True)
        step(modal)

    QTimer.singleShot(0, poll)
    trigger()
    assert done, "no dialog opened"


def cells(view: QTableView) -> list[str]:
    model = view.model()
    return [
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def shown(tab) -> list[str]:
    return [text for view in tab.findChildren(QTableView) for text in cells(view)]


def test_plan_the_pere_lachaise_action_with_the_keyboard_alone(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "empty.sqlite3")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # A new action: Ctrl+N, the title, Enter.
    answer(
        [lambda d: type_in("Funeral for privacy at Père-Lachaise", Qt.Key.Key_Return)],
        lambda: press(Qt.Key.Key_N, CTRL),
    )
    assert window.header_title.text() == "Funeral for privacy at Père-Lachaise"

    # Roles: Ctrl+4 (People), Alt+L (Add role…), name, Tab, how many, Enter.
    press(Qt.Key.Key_4, CTRL)
    people = window.tab_widgets["people"]
    assert window.tabs.currentWidget() is people
    for name, needed in (("Pallbearer", "4"), ("Speaker", "1")):

        def role(d, name=name, needed=needed):
            type_in(name, Qt.Key.Key_Tab)
            focused().selectAll()
            type_in(needed, Qt.Key.Key_Return)

        answer([role], lambda: mnemonic(Qt.Key.Key_L))
    assert "Pallbearer" in shown(people) and "Speaker" in shown(people)

    # A participant assigned: Alt+O (the People table), Insert, a new alias, Enter saves it
    # with the highlighted match ("New participant Crow"). (Alt+A, the Assign button's letter,
    # is also the Action menu's: ambiguous, so it only moves the focus.)
    def assign(d):
        type_in("Crow")
        assert d.matches.currentItem().text() == "New participant Crow"
        press(Qt.Key.Key_Return)

    press(Qt.Key.Key_O, ALT)
    assert focused() is people.people
    answer([assign], lambda: press(Qt.Key.Key_Insert))
    assert "Crow" in shown(people)

    # Cues: Ctrl+3 puts the focus in the cue list; Insert, title, Alt+S start, Alt+D duration.
    press(Qt.Key.Key_3, CTRL)
    schedule = window.tab_widgets["schedule"]
    assert isinstance(focused(), QTableView) and schedule.isAncestorOf(focused())

    def first_cue(d):
        type_in("Hearse parks at the gate")
        press(Qt.Key.Key_S, ALT)
        focused().selectAll()
        type_in("9:45")
        press(Qt.Key.Key_D, ALT)
        focused().selectAll()
        type_in("10", Qt.Key.Key_Return)

    answer([first_cue], lambda: press(Qt.Key.Key_Insert))
    assert "Hearse parks at the gate" in shown(schedule)

    # The second cue follows the first (chained): Alt+F, Down picks it.
    def chained_cue(d):
        type_in("Coffin carried to the funeral parlour")
        press(Qt.Key.Key_F, ALT)
        press(Qt.Key.Key_Down)
        assert "Hearse parks at the gate" in d.follows.currentText()
        press(Qt.Key.Key_D, ALT)
        focused().selectAll()
        type_in("10", Qt.Key.Key_Return)

    answer([chained_cue], lambda: press(Qt.Key.Key_Insert))
    texts = shown(schedule)
    assert "Coffin carried to the funeral parlour" in texts
    assert "↳ Hearse parks at the gate" in texts  # shown as chained after the first

    # A prop carried by someone: Ctrl+5, Insert, name, Alt+B (Carried by), Down, Space, Enter.
    press(Qt.Key.Key_5, CTRL)
    props = window.tab_widgets["props"]
    assert isinstance(focused(), QTableView) and props.isAncestorOf(focused())

    def prop(d):
        type_in("Coffin marked PRIVACY")
        press(Qt.Key.Key_B, ALT)
        assert focused() is d.carriers
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Space)
        assert d.carriers.checked_ids()
        press(Qt.Key.Key_Return)

    answer([prop], lambda: press(Qt.Key.Key_Insert))
    texts = shown(props)
    assert "Coffin marked PRIVACY" in texts and "Crow" in texts  # carried by Crow

    # A release: Ctrl+6, Tab to "New release…", Space, Enter takes the offered language; then
    # Alt+B (Body), the text, Ctrl+Enter saves it.
    press(Qt.Key.Key_6, CTRL)
    press_tab = window.tab_widgets["press"]
    assert isinstance(focused(), QTableView) and press_tab.isAncestorOf(focused())
    press(Qt.Key.Key_Tab)
    assert focused().objectName() == "release_new"

    def language(d):
        assert d.findChild(QComboBox).currentText() == "français — French (fr)"
        press(Qt.Key.Key_Return)

    answer_once(language, lambda: press(Qt.Key.Key_Space))
    assert "Funeral for privacy at Père-Lachaise" in shown(press_tab)  # headline: the title
    press(Qt.Key.Key_B, ALT)
    body = focused()
    assert body.objectName() == "body"
    type_in("This morning some twenty people in black carried a coffin marked privacy.")
    press(Qt.Key.Key_Return, CTRL)
    assert "Edit release text" in window.a_undo.text()  # saved: Edit → Undo offers it back
    assert body.toPlainText().startswith("This morning some twenty people")
    window.close()
