"""Helpers for the action-tab tests: a small host, and driving modal dialogs as a user would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget


def host(qtbot, ctx, tab_cls, action_id, **kwargs):
    """The tab as the main window would hold it: connected to ctx.changed, shown."""
    tab = tab_cls(ctx, **kwargs)
    qtbot.addWidget(tab)
    ctx.changed.connect(tab.on_changed)
    tab.resize(1100, 700)
    tab.show()
    tab.set_action(action_id)
    return tab


def with_modal(trigger: Callable[[], object], fill: Callable[[QWidget], None]) -> list:
    """Run ``trigger`` (which opens a modal dialog) and ``fill(dialog)`` inside it.

    ``fill`` must close the dialog (OK, Cancel…). Returns a list that holds the dialog once
    ``fill`` ran, so a test can assert the dialog appeared at all.
    """
    seen: list = []
    errors: list = []
    finished: list = []

    def handle() -> None:
        if finished:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in seen:
            QTimer.singleShot(10, handle)
            return
        seen.append(dialog)
        try:
            fill(dialog)
        except BaseException as exc:  # report it after the dialog is gone
            errors.append(exc)
            dialog.close()

    QTimer.singleShot(0, handle)
    try:
        trigger()
    finally:
        finished.append(True)
    if errors:
        raise errors[0]
    assert seen, "no dialog opened"
    return seen


def press_ok(dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok).click()


def answer(button_name: str | QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    """A ``fill`` that clicks a message box's button (by objectName or standard button)."""

    def fill(box: QWidget) -> None:
        if isinstance(button_name, str):
            box.findChild(QWidget, button_name).click()
        else:
            box.button(button_name).click()

    return fill


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def column_texts(model, column: int) -> list[str]:
    return [cell(model, r, column) for r in range(model.rowCount())]


def count_resets(model) -> list:
    """Record modelReset emissions: an edit must arrive as row changes, not a reset."""
    resets: list = []
    model.modelReset.connect(lambda: resets.append(1))
    return resets


def row_of_text(model, column: int, text: str) -> int:
    for r in range(model.rowCount()):
        if cell(model, r, column) == text:
            return r
    raise AssertionError(f"{text!r} not in column {column}: {column_texts(model, column)}")


def focus(view) -> None:
    """Give the keyboard focus to a widget of an active window (so its shortcuts apply)."""
    window = view.window()
    window.activateWindow()
    window.windowHandle().requestActivate()
    QApplication.processEvents()
    view.setFocus()


def select_row(view, row: int) -> None:
    """Select a row with the keyboard focus in the table."""
    from PySide6.QtCore import QItemSelectionModel

    focus(view)
    # The row alone, as a plain click selects it: the tables select many rows, and selectRow()
    # would read modifier keys a previous test's key chord left behind as held.
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)


def latest(ctx, entity: str, row_id: int) -> int:
    """The row's version now: for a test that edits as if its user had just read the row."""
    from app.services.conflicts import current_version

    return ctx.query(current_version, entity, row_id)
