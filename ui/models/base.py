"""A table model over row ids plus a row cache, updated by diffing (never a reset per edit).

Each concrete model names its columns with an ``IntEnum`` and answers ``cell(row, column,
role)``. ``sync(rows)`` takes the fresh rows from a service and turns the difference into row
removals, moves, inserts and ``dataChanged`` for the rows whose values changed, so the view
keeps its selection, scroll position and the screen reader its place. A filter (typing in a
filter box) is not an edit: ``set_filter`` resets the visible ids at once, which stays fast for
ten thousand rows.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    columns: type[IntEnum]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []  # every row, in order
        self._ids: list[int] = []  # the visible ones
        self._rows: dict[int, Any] = {}  # id -> row (cache of every row)
        self._match: Callable[[Any], bool] | None = None

    # --- to override ---------------------------------------------------------------------------
    def header(self, column: IntEnum) -> str:
        return column.name.title()

    def cell(self, row: Any, column: IntEnum, role: int) -> Any:
        return None

    # --- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.header(self.columns(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        row = self._rows[self._ids[index.row()]]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.DisplayRole
        return self.cell(row, self.columns(index.column()), role)

    # --- look-ups -------------------------------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_at(self, row: int) -> Any:
        rid = self.id_at(row)
        return None if rid is None else self._rows[rid]

    def row_of(self, row_id: int) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def get(self, row_id: int) -> Any:
        return self._rows.get(row_id)

    def all_rows(self) -> list[Any]:
        return list(self._all)

    def visible_rows(self) -> list[Any]:
        return [self._rows[i] for i in self._ids]

    # --- updates --------------------------------------------------------------------------------
    def set_filter(self, match: Callable[[Any], bool] | None) -> None:
        self._match = match
        self.beginResetModel()
        self._ids = [r.id for r in self._all if match is None or match(r)]
        self.endResetModel()

    def set_visible_ids(self, ids: list[int]) -> None:
        """Show exactly these rows (a filter computed elsewhere, e.g. an index of aliases)."""
        self._match = None
        self.beginResetModel()
        self._ids = list(ids)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._all, self._ids, self._rows = [], [], {}
        self.endResetModel()

    def sync(self, rows: list[Any]) -> None:
        """Show ``rows``: removals, moves, inserts and dataChanged for what differs."""
        self._all = list(rows)
        shown = [r for r in rows if self._match is None or self._match(r)]
        new_ids = [r.id for r in shown]
        keep = set(new_ids)
        root = QModelIndex()
        i = len(self._ids) - 1
        while i >= 0:
            if self._ids[i] in keep:
                i -= 1
                continue
            j = i
            while j > 0 and self._ids[j - 1] not in keep:
                j -= 1
            self.beginRemoveRows(root, j, i)
            del self._ids[j : i + 1]
            self.endRemoveRows()
            i = j - 1
        for pos, row in enumerate(shown):
            if pos < len(self._ids) and self._ids[pos] == row.id:
                continue
            if row.id in self._rows and row.id in self._ids:
                j = self._ids.index(row.id, pos)
                self.beginMoveRows(root, j, j, root, pos)
                self._ids.insert(pos, self._ids.pop(j))
                self.endMoveRows()
            else:
                self.beginInsertRows(root, pos, pos)
                self._rows[row.id] = row
                self._ids.insert(pos, row.id)
                self.endInsertRows()
        last = len(self.columns) - 1
        for pos, row in enumerate(shown):
            if self._rows.get(row.id) != row:
                self._rows[row.id] = row
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, last))
        self._rows = {r.id: r for r in rows}

    def patch(self, rows: list[Any], gone: set[int], *, key: Callable[[Any], Any]) -> bool:
        """Refresh just these rows (``gone``: ids that no longer exist), in place: cost
        independent of the table's size. False, changing nothing, when a row is new or would
        move (its sort ``key`` or its filter match changed): then ``sync`` everything."""
        for row in rows:
            old = self._rows.get(row.id)
            if old is None or key(old) != key(row):
                return False
            if self._match is not None and self._match(old) != self._match(row):
                return False
        root = QModelIndex()
        for row_id in gone:
            if row_id not in self._rows:
                continue
            del self._rows[row_id]
            self._all = [r for r in self._all if r.id != row_id]
            if row_id in self._ids:
                pos = self._ids.index(row_id)
                self.beginRemoveRows(root, pos, pos)
                del self._ids[pos]
                self.endRemoveRows()
        last = len(self.columns) - 1
        fresh = {row.id: row for row in rows}
        self._all = [fresh.get(r.id, r) for r in self._all] if fresh else self._all
        for row in rows:
            self._rows[row.id] = row
            if row.id in self._ids:
                pos = self._ids.index(row.id)
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, last))
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )
