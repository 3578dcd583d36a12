"""The declaration's sent / received dates are typed like every other date ("20/05/2024",
"20 mai 2024"); an empty field means "not sent yet"; a date that cannot be read is said beside
the field and nothing is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from tests.ui.conftest import open_window


def _type(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    if text:
        QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_declaration_dialog_dates_are_typed(qtbot, demo_db):
    from app.services.declaration import declaration_info
    from ui.dialogs.declaration import DeclarationDialog

    window = open_window(qtbot, demo_db)
    dialog = DeclarationDialog(window, window.ctx, window.action_id)
    dialog.show()
    sent = dialog.findChild(QLineEdit, "sent_on_edit")
    received = dialog.findChild(QLineEdit, "received_on_edit")
    assert sent is not None and received is not None  # typed fields, not spin boxes
    assert sent.text() == "" and "Not sent" in sent.placeholderText()
    _type(sent, "20/05/2024")
    assert "2024" in sent.text() and "May" in sent.text()  # shown back with the month's name
    _type(received, "21 May 2024")
    assert dialog.save_tracking()
    info = window.ctx.query(declaration_info, window.action_id)
    assert (info.sent_on, info.received_on) == (date(2024, 5, 20), date(2024, 5, 21))
    _type(received, "")  # emptied: not received after all
    assert dialog.save_tracking()
    assert window.ctx.query(declaration_info, window.action_id).received_on is None
    _type(sent, "the 40th")
    assert sent.property("invalid")
    dialog.close()
    window.close()


def test_overview_declaration_dates_are_typed_and_refuse_nonsense(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    overview = window.tab_widgets["overview"]
    sent = overview.findChild(QLineEdit, "decl_sent_on")
    assert sent is not None
    steps = window.ctx.undo_stack.count()
    _type(sent, "20/05/2024")
    assert window.ctx.undo_stack.count() == steps + 1
    assert "May" in sent.text()
    _type(sent, "31/02/2024")
    error = overview.errors["decl_sent_on"]
    assert error.isVisible() and error.text()
    assert window.ctx.undo_stack.count() == steps + 1  # nothing saved
    window.close()


def test_a_time_typed_into_a_date_field_is_refused_not_read_as_a_date(qtbot, demo_db):
    """ "11:15" in Sent on was saved as 15 November (two numbers, month first in English)."""
    window = open_window(qtbot, demo_db)
    overview = window.tab_widgets["overview"]
    sent = overview.findChild(QLineEdit, "decl_sent_on")
    steps = window.ctx.undo_stack.count()
    _type(sent, "11:15")
    error = overview.errors["decl_sent_on"]
    assert error.isVisible() and "“11:15” is not a date" in error.text()
    assert window.ctx.undo_stack.count() == steps  # nothing saved
    window.close()
