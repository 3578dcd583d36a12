"""A text box shows whole lines: never the top of a line cut at mid-height at its bottom edge."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui.widgets.text_edit import CommitTextEdit


def _visible_lines(edit: CommitTextEdit) -> list[tuple[float, float]]:
    """The top and bottom (viewport pixels) of every line of which more than a pixel row shows.

    Qt's plain text box counts a line as fitting when it ends a pixel above the viewport's
    bottom edge, so a box of whole lines shows the first pixel row of the next: its ascent,
    blank in every font the app uses.
    """
    height = edit.viewport().height()
    offset = edit.contentOffset()
    shown = []
    block = edit.document().firstBlock()
    while block.isValid():
        top = edit.blockBoundingGeometry(block).translated(offset).top()
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            line_top = top + line.y()
            line_bottom = line_top + line.height()
            if line_bottom > 1 and line_top < height - 1:
                shown.append((line_top, line_bottom))
        block = block.next()
    return shown


def _cut(edit: CommitTextEdit) -> list[tuple[float, float]]:
    """Lines of which more than a pixel row shows, but not all of them."""
    height = edit.viewport().height()
    return [(top, bottom) for top, bottom in _visible_lines(edit) if top < height - 1 < bottom - 1]


def _lines(n: int) -> str:
    return "\n".join(f"Line {i + 1} of the safety note" for i in range(n))


def test_the_overview_description_ends_on_a_whole_line(qtbot, main_window):
    tab = main_window.tab_widgets["overview"]
    main_window.tabs.setCurrentWidget(tab)
    box = tab.fields["description"]
    box.set_text(_lines(12))
    qtbot.wait(20)  # the tab's layout, posted when it was shown
    assert box.verticalScrollBar().maximum() == 9
    shown = _visible_lines(box)
    assert len(shown) == 3, shown
    assert _cut(box) == []


@pytest.mark.parametrize("field", ["message", "description", "safety_notes", "route"])
def test_a_text_of_exactly_its_lines_needs_no_scrolling(qtbot, main_window, field):
    tab = main_window.tab_widgets["overview"]
    main_window.tabs.setCurrentWidget(tab)
    box = tab.fields[field]
    lines = box.lines
    box.set_text(_lines(lines))
    qtbot.wait(20)
    assert box.verticalScrollBar().maximum() == 0
    assert len(_visible_lines(box)) == lines
    box.set_text(_lines(lines + 1))
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() == 1)
    assert _cut(box) == []
    box.verticalScrollBar().setValue(1)
    assert _cut(box) == []
    assert len(_visible_lines(box)) == lines


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.integers(min_value=1, max_value=9), size=st.integers(min_value=7, max_value=28))
def test_any_box_at_any_font_size_shows_whole_lines(qtbot, lines, size):
    box = CommitTextEdit(lines=lines)
    font = box.font()
    font.setPixelSize(size)
    box.setFont(font)
    qtbot.addWidget(box)
    box.resize(400, box.sizeHint().height())
    box.show()
    box.set_text(_lines(lines + 5))
    qtbot.waitUntil(lambda: box.verticalScrollBar().maximum() > 0)
    assert _cut(box) == []
    assert len(_visible_lines(box)) == lines
    box.close()


ARABIC = "ابقوا على الرصيف. لا يتحدث إلى عناصر الشرطة إلا مسؤول التواصل مع الشرطة. لا تحملوا وثائق."
LATIN = "Stay on the pavement. Only the police liaison talks to officers. Carry no papers."


def _drawn_edges(edit: CommitTextEdit) -> list[tuple[float, float]]:
    """Left and right (viewport pixels) of every line of the text as the box draws it."""
    offset = edit.contentOffset()
    edges = []
    block = edit.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            rect = layout.lineAt(n).naturalTextRect().translated(offset)
            edges.append((rect.left(), rect.right()))
        block = block.next()
    return edges


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_wrapped_note_never_scrolls_sideways(qtbot, main_window, language):
    from ui.i18n_qt import apply_language

    main_window.apply_language(language)
    try:
        main_window.resize(1280, 820)
        main_window.show_tab("overview")
        box = main_window.tab_widgets["overview"].fields["safety_notes"]
        qtbot.waitUntil(box.isVisible)
        for text in (ARABIC, LATIN, ARABIC + " " + ARABIC, "x"):
            box.set_text(text)
            qtbot.wait(10)
            box.moveCursor(box.textCursor().MoveOperation.End)
            width = box.viewport().width()  # less the vertical scroll bar of a long text
            assert box.horizontalScrollBar().maximum() == 0, text
            edges = _drawn_edges(box)
            assert all(0 <= left and right <= width for left, right in edges), (edges, width)
            if text != "x" and text.startswith("ا"):
                assert edges[0][1] > width - 12, (edges, width)  # flush right
            elif text != "x":
                assert edges[0][0] < 1, (edges, width)  # flush left
    finally:
        apply_language("en")
