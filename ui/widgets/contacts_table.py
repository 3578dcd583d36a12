"""The action's key contacts (legal support, first aid…): an editable table, each cell edit
one undo step. These are not participants: they are printed on every run-sheet."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from ui import style
from ui.icons import icon
from ui.widgets.bidi_delegate import install
from ui.widgets.field_error import FieldError, problem_text


class Col(IntEnum):
    LABEL = 0
    PHONE = 1
    EMAIL = 2


FIELDS = ("label", "phone", "email")
HEADERS = (N_("Label"), N_("Phone"), N_("E-mail"))


def read_contacts(session, action_id: int):
    """Read by ``app.services.window_views.key_contacts`` (imported late)."""
    from app.services.window_views import key_contacts

    return key_contacts(session, action_id)


class ContactsModel(QAbstractTableModel):
    def __init__(self, ctx, error: FieldError | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.error = error
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        if [r["id"] for r in rows] == [r["id"] for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(Col) - 1))
            return
        self.beginResetModel()  # a different set of contacts (another action, add or remove)
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][FIELDS[index.column()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{_(HEADERS[index.column()])}: {value}"
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        from ui.context import EditFailed

        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        name = FIELDS[index.column()]
        value = str(value).strip()
        if value == row[name]:
            return False
        try:
            self.ctx.update(
                "contact",
                row["id"],
                _("Edit key contact"),
                expected_version=row["version"],
                shown={name: row[name]},
                **{name: value},
            )
        except EditFailed as exc:
            if self.error is not None:
                self.error.show_error(
                    _("{field}: {problem}").format(
                        field=_(HEADERS[index.column()]), problem=problem_text(exc)
                    )
                )
            return False
        if self.error is not None:
            self.error.clear_error()
        return True


class ContactsEditor(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action_id: int | None = None
        self.table = QTableView(self)
        self.table.setObjectName("contacts_table")
        install(self.table)  # its phone numbers read the right way round in an Arabic window
        self.error = FieldError(self.table, self)
        self.model = ContactsModel(ctx, self.error, self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Col.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Col.PHONE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.EMAIL, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Col.PHONE, 150)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4 + 30)
        self.add_button = QPushButton(icon("add"), "", self)
        self.add_button.setObjectName("add_contact")
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button = QPushButton(icon("delete"), "", self)
        self.remove_button.setObjectName("remove_contact")
        self.remove_button.clicked.connect(self.remove_contact)
        buttons = QHBoxLayout()
        buttons.setSpacing(style.SPACING)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACING // 2)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(_("Key contacts"))
        self.table.setAccessibleDescription(_("Label, phone and e-mail of each key contact"))
        self.add_button.setText(_("Add co&ntact"))
        self.add_button.setAccessibleName(_("Add key contact"))
        self.remove_button.setText(_("Remove contact"))
        self.remove_button.setAccessibleName(_("Remove the selected key contact"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Col) - 1)

    def set_action(self, action_id: int | None, rows: list[dict]) -> None:
        self.action_id = action_id
        self.model.set_rows(rows)
        self.remove_button.setEnabled(bool(rows))

    def add_contact(self) -> None:
        from ui.context import EditFailed

        if self.action_id is None:
            return
        try:
            new_id = self.ctx.create(
                "contact",
                _("Add key contact"),
                action_id=self.action_id,
                label=_("New contact"),
                position=len(self.model.rows),
            )
        except EditFailed as exc:
            self.error.show_error(problem_text(exc))
            return
        for row, item in enumerate(self.model.rows):
            if item["id"] == new_id:
                index = self.model.index(row, Col.LABEL)
                self.table.setCurrentIndex(index)
                self.table.edit(index)

    def remove_contact(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return
        from ui.context import EditFailed

        row = self.model.rows[index.row()]
        try:
            self.ctx.delete(
                "contact", row["id"], _("Remove key contact"), expected_version=row["version"]
            )
        except EditFailed as exc:
            self.error.show_error(problem_text(exc))
