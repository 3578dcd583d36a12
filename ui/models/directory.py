"""The organisation's directory of participants (tens of thousands of rows, filtered by alias)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

from app.i18n import _, ui
from app.services.views import DirectoryRow
from ui.models.base import RowTableModel
from ui.models.people import PersonCol, personal_cell, personal_header


class DirCol(IntEnum):
    ALIAS = 0
    LANGUAGE = 1
    PHOTOS = 2
    ACTIONS = 3
    FULL_NAME = 4
    PHONE = 5
    EMAIL = 6
    CONSENT = 7
    NOTES = 8


DIR_PERSONAL = {
    DirCol.FULL_NAME: PersonCol.FULL_NAME,
    DirCol.PHONE: PersonCol.PHONE,
    DirCol.EMAIL: PersonCol.EMAIL,
    DirCol.CONSENT: PersonCol.CONSENT,
    DirCol.NOTES: PersonCol.NOTES,
}


class DirectoryModel(RowTableModel):
    columns = DirCol

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._languages: dict[str, str] = {}

    def header(self, column: DirCol) -> str:
        if column in DIR_PERSONAL:
            return personal_header(DIR_PERSONAL[column])
        return {
            DirCol.ALIAS: _("Alias"),
            DirCol.LANGUAGE: _("Language"),
            DirCol.PHOTOS: _("Photos OK"),
            DirCol.ACTIONS: _("Actions"),
        }[column]

    def refresh(self, rows: list[DirectoryRow], visible: list[int], changed) -> None:
        """Take ``rows`` (every row) and show ``visible`` after an edit of the ``changed`` ids:
        when the visible rows keep their order only those rows are repainted (the selection and
        scroll position stay), else the visible rows are set again. No diff of 10,000 rows."""
        self._all = list(rows)
        self._rows = {r.id: r for r in rows}
        if visible != self._ids:
            self.set_visible_ids(visible)
            return
        last = len(self.columns) - 1
        position = {rid: pos for pos, rid in enumerate(self._ids)}
        for rid in changed:
            pos = position.get(rid)
            if pos is not None:
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, last))

    def _language(self, code: str) -> str:
        if code not in self._languages:
            self._languages[code] = ui().language_name(code) if code else ""
        return self._languages[code]

    def retranslate(self) -> None:
        self._languages.clear()
        super().retranslate()

    def cell(self, row: DirectoryRow, column: DirCol, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DirCol.ALIAS:
                return row.alias
            if column == DirCol.LANGUAGE:
                return self._language(row.language)
            if column == DirCol.PHOTOS:
                return _("yes") if row.consent_photos else _("no")
            if column == DirCol.ACTIONS:
                return str(row.actions)
            return personal_cell(row, DIR_PERSONAL[column])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DirCol.ACTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
