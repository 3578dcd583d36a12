"""The People tab's tables: the action's roles, and who holds them (assignments)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication

from app.i18n import _, ngettext, ui
from app.services.views import AssignmentRow, DirectoryRow, RoleRow
from ui.models.base import RowTableModel
from ui.tabs._common import error_color, fmt_date, fmt_time


class RoleCol(IntEnum):
    NAME = 0
    NEEDED = 1
    ASSIGNED = 2
    INSTRUCTIONS = 3


class RoleModel(RowTableModel):
    columns = RoleCol

    def header(self, column: RoleCol) -> str:
        return {
            RoleCol.NAME: _("Role"),
            RoleCol.NEEDED: _("Needed"),
            RoleCol.ASSIGNED: _("Assigned"),
            RoleCol.INSTRUCTIONS: _("Instructions"),
        }[column]

    def cell(self, row: RoleRow, column: RoleCol, role: int):
        short = row.assigned < row.needed
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RoleCol.NAME:
                return row.name
            if column == RoleCol.NEEDED:
                return str(row.needed)
            if column == RoleCol.ASSIGNED:
                if short:
                    return _("⚠ {n} of {needed}").format(
                        n=ui().number(row.assigned), needed=ui().number(row.needed)
                    )
                return str(row.assigned)
            if column == RoleCol.INSTRUCTIONS:
                return " ".join(row.instructions.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RoleCol.ASSIGNED and short:
                short_by = row.needed - row.assigned
                return ngettext("{n} more needed", "{n} more needed", short_by).format(
                    n=ui().number(short_by)
                )
            if column == RoleCol.INSTRUCTIONS and row.instructions:
                return row.instructions
        if role == Qt.ItemDataRole.ForegroundRole and column == RoleCol.ASSIGNED and short:
            return QBrush(error_color(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            RoleCol.NEEDED,
            RoleCol.ASSIGNED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PersonCol(IntEnum):
    ALIAS = 0
    ROLE = 1
    CALL = 2
    CONFIRMED = 3
    PACK_SENT = 4
    PHOTOS = 5
    FULL_NAME = 6
    PHONE = 7
    EMAIL = 8
    CONSENT = 9
    NOTES = 10


PERSONAL_COLUMNS = (
    PersonCol.FULL_NAME,
    PersonCol.PHONE,
    PersonCol.EMAIL,
    PersonCol.CONSENT,
    PersonCol.NOTES,
)


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def personal_cell(row: AssignmentRow | DirectoryRow, column: PersonCol) -> str:
    p = row.personal
    if p is None:
        return ""
    if column == PersonCol.FULL_NAME:
        return p.full_name
    if column == PersonCol.PHONE:
        return p.phone
    if column == PersonCol.EMAIL:
        return p.email
    if column == PersonCol.CONSENT:
        if p.consent_given_on is None:
            return _("not recorded")
        scope = f" · {p.consent_scope}" if p.consent_scope else ""
        return fmt_date(p.consent_given_on) + scope
    if column == PersonCol.NOTES:
        return " ".join(p.notes.split())
    return ""


def personal_header(column: PersonCol) -> str:
    return {
        PersonCol.FULL_NAME: _("Full name"),
        PersonCol.PHONE: _("Phone"),
        PersonCol.EMAIL: _("E-mail"),
        PersonCol.CONSENT: _("Consent"),
        PersonCol.NOTES: _("Notes"),
    }[column]


class AssignmentModel(RowTableModel):
    columns = PersonCol
    #: The user ticked or unticked "confirmed" in the table: (assignment id, new value).
    confirm_requested = Signal(int, bool)
    #: The user ticked or unticked "pack sent": (assignment id, new value).
    pack_sent_requested = Signal(int, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tz = None

    def header(self, column: PersonCol) -> str:
        if column in PERSONAL_COLUMNS:
            return personal_header(column)
        return {
            PersonCol.ALIAS: _("Alias"),
            PersonCol.ROLE: _("Role"),
            PersonCol.CALL: _("Call time"),
            PersonCol.CONFIRMED: _("Confirmed"),
            PersonCol.PACK_SENT: _("Pack sent"),
            PersonCol.PHOTOS: _("Photos OK"),
        }[column]

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() in (PersonCol.CONFIRMED, PersonCol.PACK_SENT):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        column = index.column()
        if role != Qt.ItemDataRole.CheckStateRole or column not in (
            PersonCol.CONFIRMED,
            PersonCol.PACK_SENT,
        ):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        signal = (
            self.confirm_requested if column == PersonCol.CONFIRMED else self.pack_sent_requested
        )
        signal.emit(self.id_at(index.row()), checked)
        return False  # the table changes when the edit comes back through ctx.changed

    def cell(self, row: AssignmentRow, column: PersonCol, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PersonCol.ALIAS:
                return row.alias
            if column == PersonCol.ROLE:
                return row.role_name
            if column == PersonCol.CALL:
                return fmt_time(row.call_time, self.tz) if row.call_time else "—"
            if column == PersonCol.CONFIRMED:
                return _yes_no(row.confirmed)
            if column == PersonCol.PACK_SENT:
                return _yes_no(row.pack_sent)
            if column == PersonCol.PHOTOS:
                return _yes_no(row.consent_photos) if row.consent_photos else _("⚠ no photos")
            return personal_cell(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == PersonCol.CONFIRMED:
            return Qt.CheckState.Checked if row.confirmed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.CheckStateRole and column == PersonCol.PACK_SENT:
            return Qt.CheckState.Checked if row.pack_sent else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == PersonCol.PHOTOS:
            if not row.consent_photos:
                return _("Did not consent to photos: keep them behind the banner")
        return None
