"""Props and tasks as tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QGuiApplication

from app.i18n import _, ngettext, pgettext, ui
from app.services.readiness import status_label
from app.services.views import PropRow, TaskRow
from ui.models.base import RowTableModel
from ui.tabs._common import error_color, fmt_date, fmt_time


class PropCol(IntEnum):
    NAME = 0
    QUANTITY = 1
    STATUS = 2
    CARRIERS = 3
    COST = 4
    USED_IN = 5
    NOTES = 6


def money(amount, currency: str) -> str:
    return ui().currency(amount, currency)


class PropModel(RowTableModel):
    columns = PropCol

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tz = None
        self.currency = "EUR"

    def header(self, column: PropCol) -> str:
        return {
            PropCol.NAME: _("Prop"),
            PropCol.QUANTITY: _("Qty"),
            PropCol.STATUS: _("Status"),
            PropCol.CARRIERS: _("Carried by"),
            PropCol.COST: _("Cost"),
            PropCol.USED_IN: _("Used in"),
            PropCol.NOTES: _("Notes"),
        }[column]

    def cell(self, row: PropRow, column: PropCol, role: int):
        uncarried = bool(row.used_in) and not row.carriers
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PropCol.NAME:
                return row.name
            if column == PropCol.QUANTITY:
                return ui().number(row.quantity)
            if column == PropCol.STATUS:
                return status_label(row.status)
            if column == PropCol.CARRIERS:
                return (
                    ui().comma_list(row.carriers)
                    if row.carriers
                    else (_("⚠ nobody") if uncarried else "—")
                )
            if column == PropCol.COST:
                return money(row.cost, self.currency) if row.cost is not None else ""
            if column == PropCol.USED_IN:
                return ui().comma_list(fmt_time(u.starts_at, self.tz) for u in row.used_in)
            if column == PropCol.NOTES:
                return " ".join(row.notes.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PropCol.USED_IN and row.used_in:
                return "\n".join(
                    f"{fmt_time(u.starts_at, self.tz)}  {u.title}" for u in row.used_in
                )
            if column == PropCol.CARRIERS and uncarried:
                return _("A cue uses this prop and nobody carries it")
            if column == PropCol.NOTES and row.notes:
                return row.notes
        if role == Qt.ItemDataRole.ForegroundRole and column == PropCol.CARRIERS and uncarried:
            return QBrush(error_color(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            PropCol.QUANTITY,
            PropCol.COST,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TaskCol(IntEnum):
    DONE = 0
    TITLE = 1
    DUE = 2
    ASSIGNEE = 3


class TaskModel(RowTableModel):
    columns = TaskCol
    done_requested = Signal(int, bool)

    def __init__(self, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self.today = today

    def header(self, column: TaskCol) -> str:
        return {
            # Translators: a column header of the task list: whether the task is done. Keep it
            # short (one word): the column is as wide as its header and its cells.
            TaskCol.DONE: pgettext("task column", "Done"),
            TaskCol.TITLE: _("Task"),
            # Translators: a column header of the task list: the date the task is due by.
            TaskCol.DUE: pgettext("task column", "Due"),
            TaskCol.ASSIGNEE: _("Assignee"),
        }[column]

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == TaskCol.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != TaskCol.DONE:
            return False
        self.done_requested.emit(
            self.id_at(index.row()), Qt.CheckState(value) == Qt.CheckState.Checked
        )
        return False  # the row changes when the edit comes back through ctx.changed

    def cell(self, row: TaskRow, column: TaskCol, role: int):
        overdue = row.overdue(self.today())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TaskCol.DONE:
                # Translators: a task's state in the task list's narrow first column; keep
                # each short (one word if you can).
                return (
                    pgettext("task state", "done") if row.done else pgettext("task state", "to do")
                )
            if column == TaskCol.TITLE:
                return row.title
            if column == TaskCol.DUE:
                if overdue:
                    return _("⚠ {date} — overdue").format(date=fmt_date(row.due))
                return fmt_date(row.due) or "—"
            if column == TaskCol.ASSIGNEE:
                return row.assignee or "—"
        if role == Qt.ItemDataRole.CheckStateRole and column == TaskCol.DONE:
            return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
        if overdue and role == Qt.ItemDataRole.ForegroundRole and column != TaskCol.DONE:
            return QBrush(error_color(QGuiApplication.palette()))
        if overdue and role == Qt.ItemDataRole.FontRole and column in (TaskCol.TITLE, TaskCol.DUE):
            font = QFont()
            font.setBold(True)
            return font
        if row.done and role == Qt.ItemDataRole.FontRole and column == TaskCol.TITLE:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if overdue and role == Qt.ItemDataRole.ToolTipRole:
            days = (self.today() - row.due).days
            return ngettext("Overdue by {n} day", "Overdue by {n} days", days).format(
                n=ui().number(days)
            )
        return None
