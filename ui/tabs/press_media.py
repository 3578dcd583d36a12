"""The Press tab's media list: the action's journalists, added by hand or from a CSV file.

Media contacts are personal data; the page says where they go (the Bcc of e-mail drafts, bundles
exported with personal data) and the purge removes them like participants' details.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import CortegeError
from app.i18n import _, ngettext, pgettext, ui
from ui import style
from ui.context import EditFailed
from ui.file_dialogs import open_file_name
from ui.models.base import RowTableModel
from ui.tabs._common import EmptyTableView, button, row_layout, show_error
from ui.widgets.bidi_delegate import left_to_right
from ui.widgets.field_error import FieldError, problem_text


class MediaCol(IntEnum):
    OUTLET = 0
    NAME = 1
    EMAIL = 2
    PHONE = 3
    LANGUAGE = 4
    BEAT = 5


class MediaModel(RowTableModel):
    columns = MediaCol

    def header(self, column: MediaCol) -> str:
        return {
            MediaCol.OUTLET: _("Outlet"),
            MediaCol.NAME: _("Name"),
            MediaCol.EMAIL: _("E-mail"),
            MediaCol.PHONE: _("Phone"),
            MediaCol.LANGUAGE: _("Language"),
            # Translators: a column of the media list: the topic a journalist covers (their
            # "beat": environment, justice, technology…), not a rhythm.
            MediaCol.BEAT: pgettext("journalist", "Beat"),
        }[column]

    def cell(self, row, column: MediaCol, role: int):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if row.purged and column != MediaCol.OUTLET:
            return _("(purged)") if column == MediaCol.NAME else ""
        return [row.outlet, row.name, row.email, row.phone, row.language, row.beat][column]


FIELDS = ("outlet", "name", "email", "phone", "language", "beat")


class ContactDialog(QDialog):
    """A new media contact, put on the action's list. Refused values are shown by the field."""

    def __init__(self, ctx, action_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("media_contact_dialog")
        self.setWindowTitle(_("New media contact"))
        self.ctx, self.action_id = ctx, action_id
        self.contact_id: int | None = None
        form = QFormLayout(self)
        labels = {
            "outlet": _("&Outlet:"),
            "name": _("&Name:"),
            "email": _("&E-mail:"),
            "phone": _("&Phone:"),
            "language": _("&Language:"),
            "beat": _("&Beat:"),
        }
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, FieldError] = {}
        for name in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"media_{name}")
            self.edits[name] = edit
            self.errors[name] = FieldError(edit, self)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(self.errors[name])
            form.addRow(labels[name], box)
        left_to_right(self.edits["phone"])
        left_to_right(self.edits["email"])
        self.edits["language"].setPlaceholderText("fr, en…")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict:
        return {name: self.edits[name].text().strip() for name in FIELDS}

    def save(self) -> bool:
        from app.services import people_ops

        for err in self.errors.values():
            err.clear_error()
        values = self.values()
        action_id = self.action_id

        def op(session):
            return people_ops.add_media_contact(session, action_id=action_id, values=values)

        try:
            self.contact_id = self.ctx.run_op(_("Add media contact"), op)
        except EditFailed as exc:
            for problem in getattr(exc.error, "problems", []):
                target = self.errors.get(problem.path)
                if target is not None:
                    target.show_error(problem.message)
                else:
                    show_error(self, exc)
            return False
        self.accept()
        return True


class CsvImportDialog(QDialog):
    """The rows of a CSV file, each with what is wrong with it; only the good rows are imported."""

    def __init__(self, ctx, action_id: int, data: bytes, parent: QWidget | None = None) -> None:
        from app.services.media import preview_csv

        super().__init__(parent)
        self.setObjectName("media_import_dialog")
        self.setWindowTitle(_("Import media contacts"))
        self.ctx, self.action_id, self.data = ctx, action_id, data
        self.result = None
        self.preview = ctx.query(preview_csv, data)
        lay = QVBoxLayout(self)
        good, bad = len(self.preview.good), len(self.preview.rows) - len(self.preview.good)
        self.summary = QLabel(self)
        self.summary.setObjectName("media_import_summary")
        self.summary.setWordWrap(True)
        self.summary.setText(
            ngettext("{n} contact can be imported", "{n} contacts can be imported", good).format(
                n=ui().number(good)
            )
            + " · "
            + ngettext("{n} row refused", "{n} rows refused", bad).format(n=ui().number(bad))
        )
        lay.addWidget(self.summary)
        if self.preview.problems:
            header = QLabel("\n".join(str(p) for p in self.preview.problems), self)
            header.setObjectName("media_import_file_errors")
            header.setStyleSheet(f"color: {style.css(style.error_color(self))};")
            header.setWordWrap(True)
            lay.addWidget(header)
        self.table = QTableWidget(len(self.preview.rows), 5, self)
        self.table.setObjectName("media_import_rows")
        self.table.setHorizontalHeaderLabels(
            [_("Row"), _("Outlet"), _("Name"), _("E-mail"), _("Problems")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        red = style.error_color(self)
        for i, row in enumerate(self.preview.rows):
            problems = ui().group_list(f"{e.field}: {e.message}" for e in row.errors)
            cells = [
                str(row.line),
                row.cells.get("outlet", ""),
                row.cells.get("name", ""),
                row.cells.get("email", ""),
                problems or (_("already known") if row.existing_id else _("new")),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if problems:
                    item.setForeground(red)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(
            _("&Import {n}").format(n=ui().number(good)), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("media_import_button")
        self.import_button.setEnabled(good > 0)
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(720, 420)

    def run_import(self) -> None:
        from app.services import people_ops

        action_id, data = self.action_id, self.data

        def op(session):
            return people_ops.import_media_contacts(session, action_id=action_id, data=data)

        try:
            self.result = self.ctx.run_op(_("Import media contacts"), op)
        except EditFailed as exc:
            show_error(self, exc)
            return
        self.accept()


class MediaListPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("media_page")
        self.ctx = ctx
        self.action_id: int | None = None
        self.model = MediaModel(self)
        self.table = EmptyTableView("media_list", self)
        self.table.setModel(self.model)
        self.note = QLabel(self)
        self.note.setObjectName("media_privacy_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        self.add_button = button(_("A&dd contact…"), "media_add")
        self.remove_button = button(_("&Remove from list"), "media_remove")
        self.import_button = button(_("&Import CSV…"), "media_import")
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_file)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        lay.addLayout(row_layout(self.add_button, self.import_button, self.remove_button))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(
            _(
                "Media contacts are personal data. Their e-mail addresses go into the Bcc of "
                "e-mail drafts you export; bundles carry them only with personal data; the "
                "purge removes them."
            )
        )
        self.table.set_empty_text(
            _(
                "No journalists on this action's list yet — click Add contact, or Import CSV "
                "for a whole list"
            )
        )
        self.model.retranslate()

    def set_action(self, action_id: int | None) -> None:
        self.action_id = action_id
        self.reload()

    def reload(self) -> None:
        from app.services.media import media_list

        if self.action_id is None:
            self.model.clear()
            return
        self.model.sync(self.ctx.query(media_list, self.action_id))
        self.table.set_widths({0: 26, 1: 18, 2: 26, 3: 16, 4: 8})

    def add_contact(self) -> None:
        if self.action_id is not None:
            ContactDialog(self.ctx, self.action_id, self).exec()

    def remove_selected(self) -> None:
        from app.services import people_ops

        cid = self.table.selected_id()
        if cid is None or self.action_id is None:
            return
        action_id = self.action_id

        def op(session):
            return people_ops.remove_from_media_list(
                session, action_id=action_id, contact_ids=[cid]
            )

        try:
            self.ctx.run_op(_("Remove from media list"), op)
        except EditFailed as exc:
            show_error(self, exc)

    def import_file(self, path: str | None = None) -> CsvImportDialog | None:
        if self.action_id is None:
            return None
        if not path:
            path = open_file_name(
                self, _("Import media contacts"), _("CSV files (*.csv);;All files (*)")
            )
            if not path:
                return None
        try:
            from app.services.people_csv import MAX_BYTES
            from app.storage.files import read_input

            data = read_input(path, limit=MAX_BYTES)
            dialog = CsvImportDialog(self.ctx, self.action_id, data, self)
        except (OSError, CortegeError) as exc:  # unreadable, too big, not UTF-8
            show_error(self, Exception(problem_text(exc)), title=_("Not imported"))
            return None
        dialog.open()
        return dialog
