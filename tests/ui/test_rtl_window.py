"""Arabic lays the whole window out right to left, and back again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ui.i18n_qt import apply_language


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


def test_arabic_mirrors_the_whole_window(qtbot, main_window):
    main_window.apply_language("ar")
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    people = main_window.tab_widgets["people"]
    for widget in (
        main_window,
        main_window.menuBar(),
        main_window.tabs,
        people,
        main_window.actions_panel,
    ):
        assert widget.isRightToLeft(), widget.objectName()
    # the actions list is on the right now: the splitter's first pane is drawn last
    main_window.resize(1280, 820)
    qtbot.wait(10)
    panel = main_window.actions_panel.mapTo(main_window, main_window.actions_panel.rect().topLeft())
    assert panel.x() > main_window.width() // 2
    main_window.apply_language("fr")
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not main_window.tabs.isRightToLeft()


def _shown_texts(view) -> list[str]:
    """Every text the Readiness tab's list shows, groups and the rows under them."""
    from PySide6.QtCore import QModelIndex

    model, out = view.model(), []

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            for col in range(model.columnCount(parent)):
                text = model.index(row, col, parent).data()
                if isinstance(text, str):
                    out.append(text)
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return out


def test_arabic_readiness_keeps_a_latin_cue_apart_from_its_time(qtbot, main_window):
    """In the Arabic window "«Photo call for the press» (10:25 ص)" came out "(10:25 و) ص": the
    time after a Latin title joined the title. The titles are isolated from the sentence in
    Arabic; in English, where nothing can move, the row holds no invisible marks."""
    w = main_window
    w.apply_language("ar")
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Readiness
    view = w.tab_widgets["readiness"].view
    finch = [t for t in _shown_texts(view) if "\u2068Finch\u2069" in t and "Wreath" in t]
    assert finch and "«\u2068Wreath laid on the coffin\u2069»" in finch[0], finch
    w.apply_language("en")
    finch = [t for t in _shown_texts(view) if "Finch" in t and "Wreath" in t]
    assert finch and not any(c in finch[0] for c in "\u2066\u2067\u2068\u2069"), finch


def _cell_option(view, row: int, column: int):
    from PySide6.QtWidgets import QStyleOptionViewItem

    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option


def test_a_latin_cell_of_an_arabic_table_ends_with_its_own_full_stop(qtbot, main_window):
    """A cue's place "Boulevard de Ménilmontant" cut to its column read "…Boulevard de Mé" in
    the Arabic window, and "Coffin marked privacy." read ".Coffin marked privacy": the cell was
    laid out in the window's direction. It keeps its own, at the cell's right."""
    from PySide6.QtWidgets import QStyle

    main_window.apply_language("ar")
    main_window.show_tab("schedule")
    view = main_window.tab_widgets["schedule"].table
    model = view.model()
    places = [
        (row, col)
        for row in range(model.rowCount())
        for col in range(model.columnCount())
        if model.index(row, col).data() == "Boulevard de Ménilmontant"
    ]
    assert places, "the demo's cue at the boulevard"
    option = _cell_option(view, *places[0])
    assert option.direction == Qt.LayoutDirection.LeftToRight
    side = QStyle.visualAlignment(option.direction, option.displayAlignment)
    assert side & Qt.AlignmentFlag.AlignRight  # still at the cell's right, as its neighbours
    times = next(c for c in range(model.columnCount()) if ":" in (model.index(0, c).data() or ""))
    assert _cell_option(view, 0, times).direction == Qt.LayoutDirection.RightToLeft  # "9:30 ص"


def test_arabic_tables_list_with_the_arabic_comma(qtbot, main_window):
    """The Schedule's roles, people and props and the Props tab's carriers and times were
    joined with ", " in the Arabic window ("9:30 ص, 9:45 ص"); the window's language lists them."""
    main_window.apply_language("ar")
    texts = []
    for tab in ("schedule", "props"):
        main_window.show_tab(tab)
        model = main_window.tab_widgets[tab].table.model()
        texts += [
            model.index(row, col).data() or ""
            for row in range(model.rowCount())
            for col in range(model.columnCount())
        ]
    listed = [t for t in texts if "، " in t]
    assert len(listed) >= 3, texts
    assert not [t for t in texts if ", " in t and "ص" in t], texts  # times
    main_window.apply_language("en")
    model = main_window.tab_widgets["props"].table.model()
    assert any(", " in (model.index(r, c).data() or "") for r in range(3) for c in range(6))


def test_arabic_messages_list_keys_and_problems_with_arabic_punctuation(main_window):
    """The keys of a command in the shortcut help ("Ctrl+Z, Ctrl+Y") and the problems of a
    CSV row ("phone: …; email: …") were joined with the Latin comma and semicolon."""
    from PySide6.QtGui import QKeySequence

    from app.i18n import ui
    from ui.shortcut_help import native

    main_window.apply_language("ar")
    assert "، " in native([QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Y")])
    assert ui().group_list(["phone: x", "email: y"]) == "phone: x؛ email: y"
    main_window.apply_language("en")
    assert native([QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Y")]) == "Ctrl+Z, Ctrl+Y"


def test_arabic_spin_boxes_write_the_digits_every_other_number_is_written_in(qtbot, main_window):
    """Preferences said "٣٠ يوم" and "٦٠ د" (Arabic-Indic digits, Qt's default for Arabic)
    beside dates, times and amounts written "2026/12/08", "9:30 ص", "€ 180.00" everywhere
    else in the window and on paper (Latin digits, as babel writes Arabic)."""
    from PySide6.QtWidgets import QSpinBox

    from ui.dialogs.preferences import PreferencesDialog

    main_window.apply_language("ar")
    dialog = PreferencesDialog(main_window, main_window.ctx)
    qtbot.addWidget(dialog)
    shown = [spin.text() for spin in dialog.findChildren(QSpinBox)]
    assert shown and all(any(c in "0123456789" for c in t) for t in shown), shown
    assert not any(c in t for t in shown for c in "٠١٢٣٤٥٦٧٨٩"), shown
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft  # still an Arabic dialog


def test_arabic_dialog_buttons_name_commands_as_the_window_does(qtbot, main_window):
    """Qt's own Arabic says "ألغِ" and "حسنًا" (an imperative, "alright") under the window's
    verbal nouns ("حذف", "تصدير"): a dialog of the Arabic window says "إلغاء" and "موافق"."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

    apply_language("ar")
    main_window.retranslate()
    seen: list[list[str]] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, read_and_cancel)
            return
        box = dialog.findChild(QDialogButtonBox)
        seen.append(sorted(b.text() for b in box.buttons()))
        dialog.reject()

    QTimer.singleShot(0, read_and_cancel)
    main_window.a_new_action.trigger()
    assert seen == [sorted(["موافق", "إلغاء"])]
    apply_language("fr")  # Qt's own French, as before
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "Annuler"


def _menu_texts(field) -> list[str]:
    """The menu a right click on ``field`` shows (Qt's standard one), separators left out."""
    menu = field.createStandardContextMenu()
    try:
        return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    finally:
        menu.deleteLater()


def test_a_text_field_s_menu_names_commands_as_the_edit_menu_does(qtbot, main_window):
    """Qt's own Arabic menu of a text field says "ا&نسخ", "أل&صق", "احذف" (imperatives) and
    "أ&عد" where the window's Edit menu says "إ&عادة" and its buttons "حذف"; Spanish said
    "Borrar" beside the window's "Eliminar", German "Wiederherstellen" beside "Wiederholen"."""
    title = main_window.tab_widgets["overview"].fields["title"]
    expected = {
        "ar": ["ت&راجع", "إ&عادة", "&قص", "&نسخ", "ل&صق", "حذف", "تحديد الكل"],
        "es": [
            "&Deshacer",
            "&Rehacer",
            "Cor&tar",
            "&Copiar",
            "&Pegar",
            "Eliminar",
            "Seleccionar todo",
        ],
        "de": [
            "&Rückgängig",
            "&Wiederholen",
            "&Ausschneiden",
            "&Kopieren",
            "Einf&ügen",
            "Löschen",
            "Alles auswählen",
        ],
        "fr": [
            "&Annuler",
            "&Rétablir",
            "Co&uper",
            "Cop&ier",
            "Co&ller",
            "Supprimer",
            "Tout sélectionner",
        ],
    }
    for lang, texts in expected.items():
        apply_language(lang)
        main_window.retranslate()
        assert _menu_texts(title) == texts, lang
    apply_language("ar")
    main_window.retranslate()
    from PySide6.QtWidgets import QPlainTextEdit

    notes = main_window.tab_widgets["overview"].findChild(QPlainTextEdit)
    assert notes is not None
    assert _menu_texts(notes)[:7] == expected["ar"]


def test_an_arabic_shift_earlier_reads_from_the_right(qtbot, main_window):
    """Qt's Arabic minus sign carries a left-to-right mark: "-15 د" turned the shift dialog's
    box into a left-to-right line at the left edge, the unit after the number for an Arabic
    reader ("د" read first). The box reads from the right, the unit at the number's left."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtGui import QAction

    from tests.ui.tabs_helpers import with_modal

    apply_language("ar")
    main_window.retranslate()
    main_window.show_tab("schedule")
    table = main_window.tab_widgets["schedule"].table
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1):
        table.selectionModel().select(table.model().index(row, 0), flags)
    seen = {}

    def read(dialog):
        box = dialog.minutes
        for value in (-15, 15):
            box.setValue(value)
            field = box.lineEdit()
            text = field.text()
            xs = []
            for position in (text.index("1"), len(text)):  # before the digits, after the unit
                field.setCursorPosition(position)
                xs.append(field.cursorRect().x())
            seen[value] = (text.replace("\u200e", "").replace("\u200f", ""), xs)
        dialog.reject()

    with_modal(lambda: table.findChild(QAction, "shift_selected").trigger(), read)
    for value, (text, (digits, end)) in seen.items():
        assert text == f"{value} د", value
        assert end < digits, f"{value}: the unit is not at the left of the number"
