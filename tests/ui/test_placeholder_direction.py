"""Grey text in a text box reads from its own language's side, paragraph by paragraph.

A French advisory's plan text in an Arabic window was painted from the right by Qt (a box's
placeholder takes the window's direction, not its text's): "Banner unrolled (Pavement by the
gate) — 09:55", its parts in reverse order, and a long paragraph ran off the box's left edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ui.widgets.text_edit import CommitTextEdit


def _ink_per_line(edit: CommitTextEdit, lines: int) -> list[tuple[int, int] | None]:
    """The first and last pixel columns with ink in each of the first ``lines`` lines of the
    box's viewport (a line: rows with ink between blank rows; None for a line not there)."""
    image = edit.viewport().grab().toImage()
    back = QColor(image.pixel(image.width() - 1, image.height() - 1))
    inked = [
        [x for x in range(image.width()) if QColor(image.pixel(x, y)) != back]
        for y in range(image.height())
    ]
    found: list[tuple[int, int] | None] = []
    band: list[int] = []
    for columns in [*inked, []]:
        if columns:
            band.extend(columns)
        elif band:
            found.append((min(band), max(band)))
            band = []
    return (found + [None] * lines)[:lines]


@pytest.fixture
def box(qtbot):
    edit = CommitTextEdit(lines=5)
    edit.setCursorWidth(0)  # the ink measured is the text's, not a blinking cursor's
    qtbot.addWidget(edit)
    edit.resize(600, edit.sizeHint().height())
    edit.show()
    qtbot.waitExposed(edit)
    return edit


@pytest.mark.parametrize("window", [Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight])
def test_each_grey_paragraph_starts_on_its_own_side(qtbot, box, window):
    box.setLayoutDirection(window)
    # an empty paragraph between each, so that the test tells their lines apart
    box.setPlaceholderText("09:55 — Banner unrolled\n\nنعش الخصوصية\n\n10:20 — Wreath laid")
    latin, arabic, again = _ink_per_line(box, 3)
    width = box.viewport().width()
    assert latin[0] < 10 and latin[1] < width / 2, latin
    assert arabic[1] > width - 10 and arabic[0] > width / 2, arabic
    assert again[0] < 10 and again[1] < width / 2, again
    assert box.placeholderText().startswith("09:55 — Banner")
    assert box.toPlainText() == ""  # grey text is not text


def test_a_long_grey_paragraph_wraps_inside_the_box(qtbot, box):
    box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box.resize(300, box.height())
    words = "Mock funeral outside the cemetery gate against AI video surveillance"
    box.setPlaceholderText(words)
    first, second, _third = _ink_per_line(box, 3)
    assert second is not None  # wrapped onto a second line, not cut at an edge
    assert first[0] < 10 and first[1] < box.viewport().width() - 1, first


def test_grey_text_goes_once_something_is_typed(qtbot, box):
    box.setPlaceholderText("09:55 — Banner unrolled")
    assert _ink_per_line(box, 1)[0] is not None
    box.setPlainText(" ")
    assert _ink_per_line(box, 1)[0] is None
    box.setPlainText("")
    assert _ink_per_line(box, 1)[0] is not None


def test_the_arabic_advisory_shows_a_french_plan_from_the_left(qtbot, main_window):
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    main_window.apply_language("ar")
    action = next(a for a in main_window.findChildren(type(main_window.a_advisory))
                  if a.objectName() == "export_advisory")  # fmt: skip
    action.trigger()
    QApplication.processEvents()
    page = main_window.tab_widgets["press"].advisory
    photo = page.findChild(QPlainTextEdit, "advisory_photo")
    assert photo.toPlainText() == "" and "Banner unrolled" in photo.placeholderText()
    lines = _ink_per_line(photo, 3)
    width = photo.viewport().width()
    assert all(line is not None and line[0] < 10 for line in lines), (lines, width)
    main_window.apply_language("en")


def test_the_arabic_advisory_wraps_a_long_french_paragraph_inside_its_box(qtbot, main_window):
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    main_window.apply_language("ar")
    main_window.tab_widgets["press"].show_advisory()
    main_window.show_tab("press")
    QApplication.processEvents()
    what = main_window.tab_widgets["press"].advisory.findChild(QPlainTextEdit, "advisory_what")
    assert "Mock funeral outside the cemetery gate" in what.placeholderText()
    width = what.viewport().width()
    lines = [line for line in _ink_per_line(what, 3) if line is not None]
    # from the left, and none touching the right edge (Qt's ran off one edge or the other)
    assert len(lines) == 3, lines
    assert all(first < 10 and last < width - 1 for first, last in lines), (lines, width)
    main_window.apply_language("en")
