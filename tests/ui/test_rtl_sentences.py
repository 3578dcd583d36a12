"""Arabic sentences that open with somebody's words still read from the right.

A label lays its text out by the text's first letter: an Arabic sentence of ours that opened
with an alias, a title, a file name or a path ("Crow اسم مستعار لشخص آخر", "plan.cortege
مشفّرة…") was laid out from the left, its parts in reverse order for a reader from the right,
and a path in the middle lost its leading "/" to the far end ("home/ana/x.pdf/ صُدّر إلى").
Each place below was seen so in the Arabic window with the demo's English names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.i18n import first_strong
from tests.ui.tabs_helpers import press_ok, row_of_text, select_row, with_modal
from ui.i18n_qt import apply_language

FSI, PDI = "\u2068", "\u2069"


@pytest.fixture(autouse=True)
def _arabic(qapp):
    apply_language("ar")
    yield
    apply_language("en")


def test_a_refused_alias_in_the_directory_reads_from_the_right(qtbot, demo_store):
    from ui.context import AppContext
    from ui.dialogs.directory import open_dialog
    from ui.models.directory import DirCol

    directory = open_dialog(None, AppContext(demo_store))
    qtbot.addWidget(directory)
    select_row(directory.table, row_of_text(directory.model, DirCol.ALIAS, "Robin"))
    shown = []

    def fill(dialog):
        dialog.alias.setText("crow")
        press_ok(dialog)
        shown.append(dialog.errors["alias"].text())
        dialog.reject()

    with_modal(lambda: qtbot.keyClick(directory.table, Qt.Key.Key_Return), fill)
    (text,) = shown
    assert first_strong(text) == "rtl", text
    assert "'crow'" in text and "اسم مستعار" in text


def test_a_refused_language_code_beside_its_field_reads_from_the_right(qtbot, main_window):
    main_window.apply_language("ar")
    main_window.show_tab("overview")
    tab = main_window.tab_widgets["overview"]
    tab.fields["languages"].setText("fr, xx")
    tab.fields["languages"].editingFinished.emit()
    error = tab.errors["languages"]
    assert error.isVisible()
    assert first_strong(error.text()) == "rtl", error.text()
    assert error.message == "'xx' ليس رمز لغة"  # as the service said it, without marks


def test_the_unlock_dialog_names_the_file_inside_its_sentence(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from ui.dialogs.unlock import UnlockDialog

    dialog = UnlockDialog(None, tmp_path / "plan.cortege")
    qtbot.addWidget(dialog)
    intro = dialog.findChild(QLabel, "unlock_intro")
    assert intro.text().startswith(f"{FSI}plan.cortege{PDI} ")
    assert first_strong(intro.text()) == "rtl"


def test_an_existing_file_is_named_inside_the_sentence(qtbot, tmp_path):
    from tests.ui.test_privacy_dialogs import refused_existing_file

    dialog, existing = refused_existing_file(qtbot, tmp_path)
    text = dialog.path_error.text()
    assert text.startswith(f"{FSI}{existing}{PDI} "), text  # the path whole, its "/" first
    assert first_strong(text) == "rtl"


def test_tooltips_of_the_actions_list_and_the_timeline_read_from_the_right(qtbot, main_window):
    main_window.apply_language("ar")
    panel = main_window.actions_panel
    tip = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"{FSI}Funeral for privacy at Père-Lachaise{PDI}، "), tip
    assert first_strong(tip) == "rtl"
    main_window.show_tab("schedule")
    timeline = main_window.tab_widgets["schedule"].timeline
    qtbot.waitUntil(lambda: bool(timeline.rows))
    tip = timeline._bar_tip(timeline.rows[0])
    assert first_strong(tip) == "rtl", tip


def test_a_saved_file_is_named_whole_in_an_arabic_sentence(qtbot, main_window, tmp_path):
    """'Exported to {path}' in the status bar: the path kept whole, its leading "/" with it."""
    from ui import window_files

    main_window.apply_language("ar")
    target = tmp_path / "plan.cortege-bundle"
    assert window_files.export_bundle(main_window, target, include_personal_data=False)
    text = main_window.saved_notice.label.text()
    assert f"{FSI}{target}{PDI}" in text and first_strong(text) == "rtl", text


def test_check_in_says_who_came_from_the_right(qtbot, main_window):
    from PySide6.QtWidgets import QLabel, QLineEdit

    from tests.ui.test_checkin_window import open_checkin, type_in

    main_window.apply_language("ar")
    dialog = open_checkin(qtbot, main_window)
    type_in(qtbot, dialog, "cr")
    qtbot.keyClick(dialog.findChild(QLineEdit, "checkin_search"), Qt.Key.Key_Return)
    status = dialog.findChild(QLabel, "checkin_status").text()
    assert f"{FSI}Crow{PDI}" in status and first_strong(status) == "rtl", status
    hints = [label.text() for label in dialog.findChildren(QLabel) if "Ctrl+Z" in label.text()]
    assert hints and all(first_strong(text) == "rtl" for text in hints), hints
    dialog.close()


def test_a_latin_only_line_of_a_dialog_starts_at_the_right(qtbot, tmp_path):
    """The About title ("Cortège 1.0") and the unlock dialog's folder sat at the left of
    their Arabic dialogs, under lines that start at the right."""
    from PySide6.QtWidgets import QLabel

    from tests.ui.test_rtl_header import _ink_columns
    from ui.dialogs.about import AboutDialog
    from ui.dialogs.unlock import UnlockDialog

    about = AboutDialog(None)
    unlock = UnlockDialog(None, tmp_path / "plan.cortege")
    for dialog in (about, unlock):
        qtbot.addWidget(dialog)
        dialog.resize(600, dialog.sizeHint().height())
        dialog.show()
        qtbot.waitExposed(dialog)
    title = about.findChild(QLabel, "about_title")
    where = unlock.findChild(QLabel, "unlock_folder")
    assert title.text().startswith("Cortège ") and where.text() == str(tmp_path)
    for label in (title, where):  # its ink ends at the right edge (a long path fills more)
        first, last = _ink_columns(label)
        assert last > label.width() - 16 and first > 8, (label.objectName(), first, last)
    assert _ink_columns(title)[0] > title.width() / 2  # the short title, at the right
    # every line of the About text from the right: "Qt for Python 6…" stood at the left, and
    # the licence's file name broke at its "/" into two reversed halves
    lines = about.findChild(QLabel, "about_text").text().splitlines()
    assert [line for line in lines if line and first_strong(line) != "rtl"] == []
    assert f"{FSI}resources/LICENSE-icons.md{PDI}" in lines[3]
