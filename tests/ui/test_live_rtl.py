"""Arabic live mode reads from the right: the countdown stands at the right of the caller's
screen with the cue's other lines, also when it runs over ("-10:00"), and a sentence with an
English name inside or a key's name first still starts at the right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui import test_live_mode
from tests.ui.test_live_mode import START, Clock, enter, press
from ui.i18n_qt import apply_language


@pytest.fixture
def clock():  # the first cue starts at once (test_live_mode's ``window`` takes this clock)
    return Clock(START)


window = test_live_mode.window  # the real window on the demo, on the clock above


@pytest.fixture(autouse=True)
def _english_after(qapp):
    yield
    apply_language("en")


def _ink(label) -> tuple[int, int, int]:
    """The leftmost and rightmost columns the label's text paints, and the label's width."""
    image = label.grab().toImage()
    paper = QColor(image.pixel(0, 0))
    columns = [
        x
        for x in range(image.width())
        if any(QColor(image.pixel(x, y)) != paper for y in range(0, image.height(), 2))
    ]
    assert columns, "the label shows nothing"
    scale = image.width() / label.width()
    return round(columns[0] / scale), round(columns[-1] / scale), label.width()


@pytest.mark.parametrize("late", [0, 25], ids=["in time", "running over"])
def test_the_arabic_countdown_stands_at_the_right(qtbot, window, clock, late):
    window.apply_language("ar")
    screen = enter(window)
    press(qtbot, screen, Qt.Key.Key_Space)  # the first cue starts: 15 minutes
    screen.showNormal()  # the test screen is 800 px wide: a window wider than the countdown
    qtbot.wait(20)
    screen.resize(1600, 1000)
    clock.forward(minutes=late, seconds=1)
    screen.render()
    qtbot.wait(50)
    label = screen.countdown
    assert label.text().lstrip("\u200f\u200e") == ("-10:01" if late else "14:59")
    left, right, width = _ink(label)
    assert right > 0.95 * width and left > 0.05 * width, (left, right, width)


def test_the_english_countdown_stays_at_the_left(qtbot, window, clock):
    screen = enter(window)
    press(qtbot, screen, Qt.Key.Key_Space)
    screen.showNormal()
    qtbot.wait(20)
    screen.resize(1600, 1000)
    clock.forward(minutes=25, seconds=1)
    screen.render()
    qtbot.wait(50)
    assert screen.countdown.text() == "-10:01"
    left, right, width = _ink(screen.countdown)
    assert left < 0.05 * width and right < 0.95 * width, (left, right, width)


def test_arabic_sentences_read_from_the_right_with_latin_names_inside(qtbot, window, clock):
    """The demo's cues and people have English names; the sentences around them are Arabic and
    start at the right, the name read where the sentence puts it ("Mourner: Wren و..." read
    from the left set the list before its role, and the keys after their commands)."""
    window.apply_language("ar")
    screen = enter(window)
    press(qtbot, screen, Qt.Key.Key_Space)
    screen.showNormal()
    qtbot.wait(20)
    screen.resize(1600, 1000)
    clock.forward(minutes=1)
    screen.render()
    qtbot.wait(50)
    assert screen.who.text().startswith("\u2068Mourner\u2069: ")
    assert screen.keys.text().startswith("\u200f\u2068Space\u2069: ")
    for label in (screen.who, screen.alongside, screen.keys):
        left, right, width = _ink(label)
        assert right > 0.97 * width, (label.objectName(), label.text(), left, right, width)
    assert screen.current.text() == "Mourners gather in black"  # a title alone keeps its side
    left, right, width = _ink(screen.current)
    assert left < 0.03 * width, (left, right, width)
