"""An Arabic window on a plan written in Latin letters: the action's title starts at the right
like every other line of the header (Qt aligned the label by its text, so it sat at the left,
beside the status), and the date and its time are joined by the Arabic comma "،"."""

from __future__ import annotations

from PySide6.QtGui import QColor


def _ink_columns(label) -> tuple[int, int]:
    """The first and last pixel columns where the label's text is drawn."""
    image = label.grab().toImage()
    back = QColor(image.pixel(0, 0))
    found = [
        x
        for x in range(image.width())
        if any(QColor(image.pixel(x, y)) != back for y in range(image.height()))
    ]
    return found[0], found[-1]


def test_a_latin_title_starts_at_the_right_of_an_arabic_window(qtbot, main_window):
    title = main_window.header_title
    first, last = _ink_columns(title)
    assert first < title.width() / 4  # English: at the left
    main_window.apply_language("ar")
    qtbot.waitUntil(lambda: _ink_columns(title)[1] > title.width() * 3 / 4)
    assert title.text() == "Funeral for privacy at Père-Lachaise"
    main_window.apply_language("en")
    qtbot.waitUntil(lambda: _ink_columns(title)[0] < title.width() / 4)


def test_the_arabic_header_and_readiness_join_date_and_time_with_the_arabic_comma(main_window):
    main_window.apply_language("ar")
    when = main_window.header_when.text()
    assert "،" in when and "2024," not in when, when
    readiness = main_window.tab_widgets["readiness"]
    assert "2024،" in readiness.headline.text() and "2024," not in readiness.headline.text()


def _arabic_contacts_phone(window):
    """The Overview's key-contacts table in an Arabic window, and the cell of a phone number."""
    from PySide6.QtWidgets import QTableView

    window.apply_language("ar")
    table = window.tab_widgets["overview"].findChild(QTableView, "contacts_table")
    model = table.model()
    cells = (model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount()))
    return table, next(i for i in cells if str(i.data() or "").startswith("+33"))


def test_a_phone_number_reads_the_right_way_round_in_an_arabic_window(main_window):
    """ "+33 1 40 00 00 00" has no letter: the right-to-left table drew its groups reversed
    ("00 00 00 40 1 33+"). The text handed to the painter now starts with a left-to-right mark,
    and only there: the model (and so a copy) holds the number as typed."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    table, index = _arabic_contacts_phone(main_window)
    model = table.model()
    option = QStyleOptionViewItem()
    option.initFrom(table)
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    assert option.text == "\u200e" + index.data()
    assert not index.data().startswith("\u200e")
    label = model.index(index.row(), 0)  # a word keeps its own direction, untouched
    table.itemDelegateForIndex(label).initStyleOption(option, label)
    assert option.text == label.data()


def test_a_phone_number_is_typed_left_to_right_in_an_arabic_window(qtbot, main_window):
    """Editing a key contact's phone (F2) opens an editor that lays the number out left to
    right (its groups came out reversed while typed); the label's editor stays right to left."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    table, phone = _arabic_contacts_phone(main_window)
    model = table.model()

    def edit(index) -> QLineEdit:
        table.setFocus()
        table.setCurrentIndex(index)
        QTest.keyClick(table, Qt.Key.Key_F2)  # the keyboard's way to edit a cell

        def shown() -> list[QLineEdit]:
            return [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]

        qtbot.waitUntil(lambda: len(shown()) == 1)
        return shown()[0]

    editor = edit(phone)
    assert editor.text() == phone.data()
    assert editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())
    label = edit(model.index(phone.row(), 0))
    assert label.layoutDirection() == Qt.LayoutDirection.RightToLeft
