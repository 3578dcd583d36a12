"""Multi-line fields start an Arabic text at the right, as one-line fields do.

In the Arabic window the Overview's description, meeting point and safety notes started every
line but the first (which filled the width) at the left edge of the field: a plain-text editor
lays its paragraphs out from the left whatever their direction. A one-line field beside it set
the same text from the right. A Latin text in the Arabic window still starts at the left, and
the same holds in every dialog's notes field."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from ui.i18n_qt import apply_language

ARABIC = "ابقوا على الرصيف. لا يتحدث إلى عناصر الشرطة إلا مسؤول التواصل مع الشرطة. لا تحملوا وثائق."
LATIN = "Stay on the pavement. Only the police liaison talks to officers. Carry no papers."


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


def _last_line(edit: QPlainTextEdit) -> tuple[float, float, float]:
    """Where the last line of the field's text is drawn: its left, its right, the field's width."""
    layout = edit.document().lastBlock().layout()
    assert layout.lineCount() >= 2, "the text should wrap"
    rect = layout.lineAt(layout.lineCount() - 1).naturalTextRect()
    return rect.left(), rect.right(), edit.viewport().width()


def test_an_arabic_note_starts_every_line_at_the_right(qtbot, main_window):
    main_window.apply_language("ar")
    main_window.resize(1280, 820)
    main_window.show_tab("overview")
    notes = main_window.tab_widgets["overview"].fields["safety_notes"]
    qtbot.waitUntil(notes.isVisible)
    notes.setPlainText(ARABIC)  # as typed or loaded
    qtbot.wait(10)
    left, right, width = _last_line(notes)
    assert right > width - 12 and left > 20, (left, right, width)
    notes.setPlainText(LATIN)
    qtbot.wait(10)
    left, right, width = _last_line(notes)
    assert left < 12 and right < width - 20, (left, right, width)


def test_a_dialogs_plain_text_field_follows_its_text_too(qtbot, main_window):
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    main_window.apply_language("ar")
    dialog = QDialog(main_window)
    edit = QPlainTextEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.resize(320, 200)
    edit.setPlainText(ARABIC)
    dialog.show()
    qtbot.waitExposed(dialog)
    left, right, width = _last_line(edit)
    assert right > width - 12 and left > 20, (left, right, width)
    dialog.close()


def test_an_empty_field_starts_on_the_windows_side_after_a_switch(qtbot, main_window):
    """Typing starts where the window reads from: an empty notes field of an open dialog turns
    to the right when the window turns to Arabic, and back."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    dialog = QDialog(main_window)
    notes = QPlainTextEdit(dialog)
    QVBoxLayout(dialog).addWidget(notes)
    dialog.show()
    qtbot.waitExposed(dialog)

    def side():
        return notes.document().defaultTextOption().alignment() & (
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight
        )

    assert side() == Qt.AlignmentFlag.AlignLeft
    main_window.apply_language("ar")
    assert side() == Qt.AlignmentFlag.AlignRight
    main_window.apply_language("en")
    assert side() == Qt.AlignmentFlag.AlignLeft
    dialog.close()
