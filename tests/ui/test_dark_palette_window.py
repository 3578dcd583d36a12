"""Preferences → Appearance: a dark (and a light) palette in which every warning, error and hint
colour of the window reads against its background at 4.5:1 or more (WCAG AA). Before the fix
the read-only banner was white text on the dark palette's yellow warning colour (1.3:1)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from tests.ui.conftest import open_window
from tests.ui.tabs_helpers import select_row
from ui import style, theme

AA = 4.5


@pytest.fixture(autouse=True)
def _back_to_the_system_look():
    yield
    theme.apply_theme(theme.SYSTEM)


def _colour(sheet: str, prop: str) -> QColor:
    found = re.search(rf"(?<![-\w]){prop}:\s*(#[0-9a-fA-F]{{6}})", sheet)
    assert found, (prop, sheet)
    return QColor(found.group(1))


def _choose_look(qtbot, window, label: str) -> None:
    from ui.dialogs.preferences import PreferencesDialog

    window.a_prefs.trigger()
    dialog = window.preferences
    assert isinstance(dialog, PreferencesDialog)
    combo = dialog.findChild(QComboBox, "theme")
    combo.setCurrentIndex(combo.findText(label))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    roles = (QPalette.ColorRole.Window, QPalette.ColorRole.Highlight)
    wanted = [QApplication.instance().palette().color(r) for r in roles]
    readiness = window.tab_widgets["readiness"]
    qtbot.waitUntil(lambda: [readiness.palette().color(r) for r in roles] == wanted)
    qtbot.wait(20)  # the window recolours its style sheets from the event loop


def _pairs(window) -> dict[str, tuple[QColor, QColor]]:
    """(foreground, background) of every coloured text of the window."""
    pal = window.palette()
    back, base = pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Base)
    alt = pal.color(QPalette.ColorRole.AlternateBase)
    banner = window.read_only_banner.styleSheet()
    readiness = window.tab_widgets["readiness"]
    from ui.tabs import _common

    pairs = {
        "read-only banner": (_colour(banner, "color"), _colour(banner, "background")),
        "warning label": (style.warning_color(window), back),
        "error beside a field": (style.error_color(window), back),
        "success label": (style.success_color(window), back),
        "muted hint": (style.muted_color(window), back),
        "empty-table hint": (pal.color(QPalette.ColorRole.PlaceholderText), base),
        "readiness problem row": (readiness.model.warning, base),
        "readiness problem row (alternate)": (readiness.model.warning, alt),
        "table error text": (_common.error_color(pal), base),
        "text on a warning cell": (
            pal.color(QPalette.ColorRole.Text),
            _common.warning_background(pal),
        ),
        "cancelled action in the list": (style.error_color(window), base),
        "timeline bar": (
            pal.color(QPalette.ColorRole.HighlightedText),
            pal.color(QPalette.ColorRole.Highlight),
        ),
        "selected timeline bar": (
            pal.color(QPalette.ColorRole.HighlightedText),
            pal.color(QPalette.ColorRole.Highlight).lighter(115),
        ),
        "body text": (pal.color(QPalette.ColorRole.WindowText), back),
        "selected row": (
            pal.color(QPalette.ColorRole.HighlightedText),
            pal.color(QPalette.ColorRole.Highlight),
        ),
    }
    sheet = readiness.declaration.styleSheet()
    if readiness.declaration.isVisibleTo(readiness) and "color" in sheet:
        pairs["readiness declaration"] = (_colour(sheet, "color"), back)
    return pairs


@pytest.mark.parametrize(("label", "dark"), [("Dark", True), ("Light", False)])
def test_every_warning_colour_reads_in_the_chosen_palette(qtbot, main_window, label, dark):
    window = main_window
    window.tab_actions[1].trigger()  # Readiness: its problem rows use the warning colour
    _choose_look(qtbot, window, label)
    assert style.is_dark(window) is dark
    assert theme.base_style_name().lower() == "fusion"
    assert theme.saved_theme() == label.lower()
    low = {
        name: round(style.contrast_ratio(fg, bg), 2)
        for name, (fg, bg) in _pairs(window).items()
        if style.contrast_ratio(fg, bg) < AA
    }
    assert low == {}


def test_a_read_only_banner_reads_in_dark_mode(qtbot, demo_db, monkeypatch):
    from app.storage import engine

    theme.apply_theme(theme.DARK)
    QApplication.processEvents()
    real = engine.open_store

    def open_marked(target, **kw):
        store = real(target, **kw)
        store.mark_read_only("your server role cannot write")
        return store

    monkeypatch.setattr(engine, "open_store", open_marked)
    window = open_window(qtbot, demo_db)
    banner = window.read_only_banner
    assert banner.isVisible()
    sheet = banner.styleSheet()
    ratio = style.contrast_ratio(_colour(sheet, "color"), _colour(sheet, "background"))
    assert ratio >= AA
    window.close()


def test_the_look_is_remembered_and_system_gives_the_platform_back(qtbot, main_window):
    before = QApplication.instance().palette().color(QPalette.ColorRole.Window)
    _choose_look(qtbot, main_window, "Dark")
    assert theme.saved_theme() == theme.DARK
    _choose_look(qtbot, main_window, "System")
    assert theme.saved_theme() == theme.SYSTEM
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window) == before


def test_contrast_ratio_matches_wcag():
    assert style.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert style.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, 0.01)
    assert style.text_on(QColor("#fdd663")).name() == "#000000"
    assert style.text_on(QColor("#8a5300")).name() == "#ffffff"


def _page_contrast(view) -> float:
    """The contrast of the darkest or lightest text on the page a preview shows with its
    background (the colour most of its pixels have), read off the pixels on screen."""
    from collections import Counter

    image = view.viewport().grab().toImage()
    colours = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )
    background = QColor.fromRgb(colours.most_common(1)[0][0])
    return max(style.contrast_ratio(QColor.fromRgb(c), background) for c in colours)


def test_the_press_previews_read_in_the_dark_look(qtbot, main_window):
    """The previews show the e-mail as its reader gets it; in the dark look their near-black
    headline and body were drawn on the dark background (about 1:1, unreadable)."""
    window = main_window
    window.tab_actions[5].trigger()  # View → Press (Ctrl+6), built in the system look
    press = window.tab_widgets["press"]
    assert window.tabs.currentWidget() is press
    _choose_look(qtbot, window, "Dark")  # then the look changes under it
    press.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(press.preview.toPlainText()))
    qtbot.wait(50)
    assert _page_contrast(press.preview) >= 7
    press.pages.setCurrentWidget(press.advisory)
    qtbot.waitUntil(lambda: bool(press.advisory.preview.toPlainText()))
    qtbot.wait(50)
    assert _page_contrast(press.advisory.preview) >= 7


#: WCAG 1.4.11: a control's boundary against what is next to it (non-text contrast)
CONTROL = 3.0


def _boundary_contrast(image, rect, background: QColor) -> float:
    """The strongest contrast of any pixel of ``rect`` in ``image`` against ``background``."""
    return max(
        style.contrast_ratio(QColor(image.pixel(x, y)), background)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def test_an_unticked_box_shows_in_the_dark_look(qtbot, main_window):
    """Dark look: the People tab's unticked "Pack sent" boxes were invisible on every other
    row (Fusion draws the box's edge from the window colour, darker, on the darker base), and
    the Press form's tick boxes barely showed on the window's grey."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    from ui.models.people import PersonCol

    window = main_window
    _choose_look(qtbot, window, "Dark")
    window.show_tab("people")
    table = window.tab_widgets["people"].people
    model = table.model()
    column = PersonCol.PACK_SENT
    unchecked = (Qt.CheckState.Unchecked, Qt.CheckState.Unchecked.value)
    unticked = [
        r
        for r in range(model.rowCount())
        if model.index(r, column).data(Qt.ItemDataRole.CheckStateRole) in unchecked
    ]
    assert len(unticked) >= 2
    qtbot.wait(20)
    image = table.viewport().grab().toImage()
    pal = table.palette()
    weak = {}
    for row in unticked[:2]:  # a base row and an alternate one
        cell = table.visualRect(model.index(row, column))
        back = QColor(image.pixel(cell.right() - 2, cell.center().y()))
        assert back in (
            pal.color(QPalette.ColorRole.Base),
            pal.color(QPalette.ColorRole.AlternateBase),
        )
        side = table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
        box = QRect(cell.left(), cell.top(), side, cell.height())  # the box leads, then "no"
        ratio = _boundary_contrast(image, box, back)
        if ratio < CONTROL:
            weak[f"row {row}"] = round(ratio, 2)
    window.show_tab("press")
    press = window.tab_widgets["press"]
    select_row(press.table, 1)  # the English draft: its form can be edited
    check = press.editor.findChild(QCheckBox, "release_at_set")
    check.blockSignals(True)  # shown unticked, nothing saved
    check.setChecked(False)
    assert check.isEnabled()
    qtbot.wait(20)
    option = QStyleOptionButton()
    option.initFrom(check)
    indicator = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, check)
    shot = check.grab().toImage()
    back = check.palette().color(QPalette.ColorRole.Window)
    ratio = _boundary_contrast(shot, indicator, back)
    if ratio < CONTROL:
        weak["Press tick box"] = round(ratio, 2)
    assert weak == {}
