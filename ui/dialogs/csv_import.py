"""Import participants from a CSV file: a preview, every bad row listed, then a confirmation.

Nothing is written until the user presses Import; then the good rows are written in one
transaction (one undo step) and the bad ones are skipped.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.timeutil import zone
from app.i18n import _, ngettext, ui
from app.services import people_csv, people_ops, views
from ui.context import EditFailed
from ui.file_dialogs import open_file_name
from ui.models.base import RowTableModel
from ui.tabs._common import SPACING, EmptyTableView, error_color, fmt_time


class PreviewCol(IntEnum):
    LINE = 0
    ALIAS = 1
    ROLE = 2
    CALL = 3
    RESULT = 4


class PreviewModel(RowTableModel):
    columns = PreviewCol

    def __init__(self, tz, parent=None) -> None:
        super().__init__(parent)
        self.tz = tz

    def header(self, column: PreviewCol) -> str:
        return {
            PreviewCol.LINE: _("Row"),
            PreviewCol.ALIAS: _("Alias"),
            PreviewCol.ROLE: _("Role"),
            PreviewCol.CALL: _("Call time"),
            PreviewCol.RESULT: _("Result"),
        }[column]

    def cell(self, row: people_csv.CsvRow, column: PreviewCol, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PreviewCol.LINE:
                return str(row.line)
            if column == PreviewCol.ALIAS:
                return row.alias
            if column == PreviewCol.ROLE:
                return row.role_name
            if column == PreviewCol.CALL:
                return fmt_time(row.call_time, self.tz)
            if not row.ok:
                return "⚠ " + ui().group_list(f"{e.field}: {e.message}" for e in row.errors)
            return _("existing person") if row.existing_id else _("new person")
        if role == Qt.ItemDataRole.ForegroundRole and not row.ok:
            return QBrush(error_color(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.ToolTipRole and not row.ok:
            return "\n".join(str(e) for e in row.errors)
        return None


class CsvImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int, path: str | Path) -> None:
        super().__init__(parent)
        self.ctx, self.action_id, self.path = ctx, action_id, Path(path)
        self.result_: people_csv.ImportResult | None = None
        self.setObjectName("csv_import")
        self.setWindowTitle(_("Import participants from {name}").format(name=self.path.name))
        self.setAccessibleName(self.windowTitle())
        info = ctx.query(views.action_info, action_id)
        self.data = self.path.read_bytes()
        self.preview = ctx.query(people_csv.preview, action_id, self.data)

        self.summary = QLabel()
        self.summary.setObjectName("csv_summary")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(zone(info.timezone), self)
        self.model.sync(self.preview.rows)
        self.table = EmptyTableView("csv_preview")
        self.table.setAccessibleName(_("Rows to import"))
        self.table.setModel(self.model)
        self.table.set_empty_text(_("The file has no rows under its header"))
        self.table.set_widths(
            {PreviewCol.LINE: 5, PreviewCol.ALIAS: 18, PreviewCol.ROLE: 16, PreviewCol.CALL: 10}
        )
        self.errors_label = QLabel(_("&Problems (these rows are not imported):"))
        self.errors = QListWidget()
        self.errors.setObjectName("csv_errors")
        self.errors.setAccessibleName(_("Problems"))
        self.errors.setWordWrap(True)
        self.errors_label.setBuddy(self.errors)
        for e in self.preview.errors():
            self.errors.addItem(str(e))
        errors_box = QWidget()
        eb = QVBoxLayout(errors_box)
        eb.setContentsMargins(0, 0, 0, 0)
        eb.addWidget(self.errors_label)
        eb.addWidget(self.errors)
        errors_box.setVisible(bool(self.preview.errors()))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(errors_box)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        good = len(self.preview.good)
        self.import_button = self.buttons.addButton(
            ngettext("&Import {n} row", "&Import {n} rows", good).format(n=ui().number(good)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("do_import")
        self.import_button.setEnabled(good > 0)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setSpacing(SPACING)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        lay.addWidget(self.buttons)
        self.summary.setText(self._summary())
        self.resize(760, 520)
        self.table.setFocus()

    def _summary(self) -> str:
        good, bad = len(self.preview.good), len(self.preview.bad)
        if self.preview.problems:
            return _("This file cannot be imported: fix its header (see the problems below).")
        text = ngettext("{n} row is ready to import.", "{n} rows are ready to import.", good)
        text = text.format(n=ui().number(good))
        if bad:
            text += " " + ngettext(
                "{n} row has problems and will be skipped.",
                "{n} rows have problems and will be skipped.",
                bad,
            ).format(n=ui().number(bad))
        return text

    def do_import(self) -> None:
        data, action_id = self.data, self.action_id

        def op(session):
            return people_ops.import_people_csv(session, action_id=action_id, data=data)

        good = len(self.preview.good)
        try:
            self.result_ = self.ctx.run_op(
                ngettext("Import {n} participant", "Import {n} participants", good).format(
                    n=ui().number(good)
                ),
                op,
            )
        except EditFailed as exc:
            QMessageBox.warning(self, _("Nothing imported"), str(exc.error))
            return
        self.accept()


def open_dialog(
    parent: QWidget | None, ctx, action_id: int, path: str | Path | None = None
) -> CsvImportDialog | None:
    """Ask for a file when none is given, show the preview, import on confirmation (modal)."""
    if path is None:
        path = open_file_name(
            parent, _("Import participants"), _("CSV files (*.csv);;All files (*)")
        )
        if not path:
            return None
    try:
        dialog = CsvImportDialog(parent, ctx, action_id, path)
    except OSError as exc:
        QMessageBox.warning(parent, _("Cannot read the file"), f"{path}: {exc.strerror or exc}")
        return None
    except DomainError as exc:
        QMessageBox.warning(parent, _("Cannot import this file"), str(exc))
        return None
    dialog.exec()
    return dialog
