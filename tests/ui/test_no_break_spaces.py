"""A no-break space typed or pasted into a text box is saved as typed (Qt's ``toPlainText()`` turned
every one into a plain space: "1 200 €" and « … » broke across lines on paper)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.tabs_helpers import latest

NBSP = "\u00a0"
TYPED = f"«{NBSP}Non{NBSP}» : 1{NBSP}200 personnes."


def _english_release(window):
    window.show_tab("press")
    tab = window.tab_widgets["press"]
    rid = next(r.id for r in tab.model.all_rows() if r.language == "en")
    assert tab.focus_entity("release", rid)
    return tab, rid


def _body(window, rid) -> str:
    from app.services import edits

    return window.ctx.query(lambda s: edits.get(s, "release", rid).body)


def test_a_no_break_space_pasted_into_a_release_body_is_saved(qtbot, main_window):
    tab, rid = _english_release(main_window)
    body = tab.editor.fields["body"]
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    QTest.keyClick(body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(body, Qt.Key.Key_Return)
    QApplication.clipboard().setText(TYPED)  # pasted from a word processor, as it comes
    QTest.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    tab.editor.fields["headline"].setFocus()  # leaving the box saves it
    qtbot.waitUntil(lambda: _body(main_window, rid).endswith(TYPED))


def test_clicking_through_a_body_with_no_break_spaces_changes_nothing(qtbot, main_window):
    tab, rid = _english_release(main_window)
    main_window.ctx.update(
        "release", rid, "Body", expected_version=latest(main_window.ctx, "release", rid), body=TYPED
    )
    steps = main_window.ctx.undo_stack.count()
    body = tab.editor.fields["body"]
    assert body.toPlainText() == TYPED
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    tab.editor.fields["headline"].setFocus()
    qtbot.wait(50)
    assert _body(main_window, rid) == TYPED
    assert main_window.ctx.undo_stack.count() == steps


def test_the_dialogs_text_boxes_read_no_break_spaces_as_typed(qtbot):
    """The cue, assignment, prop and directory dialogs read their boxes with ``plain_text``."""
    from PySide6.QtWidgets import QPlainTextEdit

    from ui.widgets.text_edit import plain_text

    box = QPlainTextEdit()
    qtbot.addWidget(box)
    box.setPlainText(f"{TYPED}\nSecond line\u2028same paragraph")
    assert plain_text(box) == f"{TYPED}\nSecond line\nsame paragraph"
    assert box.toPlainText() != plain_text(box)  # what Qt's own call would have saved
