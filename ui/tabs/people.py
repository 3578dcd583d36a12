"""The People tab: the action's roles, and who holds them.

Aliases are shown; personal fields (full name, phone, e-mail, consent, notes) stay hidden until
the user presses "Reveal personal data", and hide again when another action is shown. The
directory of every participant and the CSV import open from here (a .csv file can be dropped
on the tab too).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeutil import zone
from app.i18n import _
from app.services import views
from app.services.changes import Change
from ui.models.people import PERSONAL_COLUMNS, AssignmentModel, PersonCol, RoleCol, RoleModel
from ui.tabs._common import (
    SPACING,
    EmptyTableView,
    attempt,
    button,
    delete_selected,
    filter_box,
    reveal,
    row_layout,
    run_editor,
    set_button_text,
    wire_table,
)
from ui.tabs.base import ActionTab

RELEVANT = ("role", "assignment", "participant", "action", "*")


def _pane(buttons: QBoxLayout, view: QWidget) -> QWidget:
    """One half of the splitter: a row of buttons over its table."""
    pane = QWidget()
    lay = QVBoxLayout(pane)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(SPACING)
    lay.addLayout(buttons)
    lay.addWidget(view)
    return pane


class PeopleTab(ActionTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("people_tab")
        self.setAcceptDrops(True)
        self.tz = None
        self.info: views.ActionInfo | None = None

        self.roles_label = QLabel()
        self.add_role_button = button("", "add_role", icon_name="add")
        self.edit_role_button = button("", "edit_role")
        self.delete_role_button = button("", "delete_role")
        self.role_model = RoleModel(self)
        self.roles = EmptyTableView("roles_table")
        self.roles.setModel(self.role_model)
        self.roles.set_widths({RoleCol.NAME: 20, RoleCol.NEEDED: 8, RoleCol.ASSIGNED: 10})
        self.roles_label.setBuddy(self.roles)

        self.people_label = QLabel()
        self.assign_button = button("", "assign", icon_name="add")
        self.edit_button = button("", "edit_assignment")
        self.remove_button = button("", "remove_assignment")
        self.reveal_button = QPushButton()
        self.reveal_button.setObjectName("reveal_personal")
        self.reveal_button.setCheckable(True)
        self.copy_message_button = button("", "copy_message_button")
        self.directory_button = button("", "open_directory", icon_name="people")
        self.import_button = button("", "import_csv", icon_name="import")
        self.filter = filter_box("people_filter", _("Filter people…"))
        self.model = AssignmentModel(self)
        self.people = EmptyTableView("people_table")
        self.people.setModel(self.model)
        self.people.set_widths(
            {
                PersonCol.ALIAS: 14,
                PersonCol.ROLE: 16,
                PersonCol.CALL: 10,
                PersonCol.CONFIRMED: 12,
                PersonCol.PACK_SENT: 11,
                PersonCol.PHOTOS: 12,
                PersonCol.FULL_NAME: 20,
                PersonCol.PHONE: 18,
                PersonCol.EMAIL: 24,
                PersonCol.CONSENT: 22,
            }
        )
        self.people_label.setBuddy(self.people)
        self._show_personal(False)
        for heading in (self.roles_label, self.people_label):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)

        top = _pane(
            row_layout(
                self.roles_label,
                self.add_role_button,
                self.edit_role_button,
                self.delete_role_button,
            ),
            self.roles,
        )
        # Two rows: the table's own commands with the filter, then the tools. On one row the
        # German and French labels forced the window past 1,390 px.
        commands = row_layout(
            self.people_label,
            self.assign_button,
            self.edit_button,
            self.remove_button,
            stretch_after=3,
        )
        commands.addWidget(self.filter)
        tools = row_layout(
            self.reveal_button, self.copy_message_button, self.directory_button, self.import_button
        )
        commands_and_tools = QVBoxLayout()
        commands_and_tools.setSpacing(SPACING)
        commands_and_tools.addLayout(commands)
        commands_and_tools.addLayout(tools)
        bottom = _pane(commands_and_tools, self.people)
        people_row = tools  # the Selection menu (people_bulk) goes among the tools
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("people_splitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.splitter)

        self.reveal_button.toggled.connect(self._reveal_toggled)
        self.directory_button.clicked.connect(self.open_directory)
        self.import_button.clicked.connect(lambda: self.import_csv())
        self.filter.textChanged.connect(self._apply_filter)
        self.model.confirm_requested.connect(self._set_confirmed)
        wire_table(
            self.roles,
            insert=self.add_role,
            edit=self.edit_role,
            delete=self.delete_role,
            selection_changed=self._update_buttons,
            buttons=(self.add_role_button, self.edit_role_button, self.delete_role_button),
        )
        wire_table(
            self.people,
            insert=self.assign,
            edit=self.edit_assignment,
            delete=self.remove_assignment,
            selection_changed=self._update_buttons,
            buttons=(self.assign_button, self.edit_button, self.remove_button),
        )
        from ui.tabs.people_pack import PackTools

        self.pack_tools = PackTools(self)
        from ui.tabs.people_bulk import PeopleBulk

        self.bulk = PeopleBulk(self)  # the Selection menu, before "Copy message"
        people_row.insertWidget(people_row.indexOf(self.copy_message_button), self.bulk.sel.button)
        self.retranslate()
        self._update_buttons()

    # --- ActionTab ------------------------------------------------------------------------------
    def title(self) -> str:
        return _("People")

    def retranslate(self) -> None:
        self.roles_label.setText(_("&Roles"))
        self.people_label.setText(_("Pe&ople"))
        set_button_text(self.add_role_button, _("Add ro&le…"))
        set_button_text(self.edit_role_button, _("Edit role…"))
        set_button_text(self.delete_role_button, _("Delete role"))
        set_button_text(self.assign_button, _("A&ssign…"))
        self.assign_button.setToolTip(_("Assign somebody from the directory, or a new person"))
        set_button_text(self.edit_button, _("Edit…"))
        set_button_text(self.remove_button, _("Remove"))
        set_button_text(self.reveal_button, _("Reveal personal data"))
        self.reveal_button.setToolTip(_("Show full names, phones, e-mails and consent (sensitive)"))
        set_button_text(self.directory_button, _("&Directory…"))
        set_button_text(self.import_button, _("&Import CSV…"))
        self.filter.setPlaceholderText(_("Filter people…"))
        self.filter.setAccessibleName(_("Filter people"))
        self.roles.setAccessibleName(_("Roles"))
        self.people.setAccessibleName(_("People of this action"))
        self.role_model.retranslate()
        self.model.retranslate()
        if hasattr(self, "bulk"):
            self.pack_tools.retranslate()
            self.bulk.retranslate()
        self._update_empty_text()

    def set_action(self, action_id: int | None) -> None:
        self.filter.clear()
        if self.reveal_button.isChecked():
            self.reveal_button.blockSignals(True)
            self.reveal_button.setChecked(False)
            self.reveal_button.blockSignals(False)
            self._show_personal(False)
        super().set_action(action_id)

    def reload(self) -> None:
        if self.action_id is None:
            self.info = None
            self.role_model.clear()
            self.model.clear()
        else:
            self.info = self.ctx.query(views.action_info, self.action_id)
            self.tz = zone(self.info.timezone)
            self.model.tz = self.tz
            self.role_model.sync(self.ctx.query(views.role_rows, self.action_id))
            self.model.sync(
                self.ctx.query(
                    views.assignment_rows, self.action_id, personal=self.reveal_button.isChecked()
                )
            )
        self._update_empty_text()
        self._update_buttons()

    def on_changed(self, change: Change) -> None:
        if change.entity == "assignment" and change.ids and self._refresh_rows(change):
            return
        if change.entity in RELEVANT:
            super().on_changed(change)

    def _refresh_rows(self, change: Change) -> bool:
        """A few assignments changed (a colleague's tick, a call time): read and repaint only
        those rows, not the whole action (10,000 people)."""
        if self.action_id is None or change.action_id != self.action_id:
            return False
        rows = self.ctx.query(
            views.assignment_rows,
            self.action_id,
            personal=self.reveal_button.isChecked(),
            ids=change.ids,
        )
        gone = set(change.ids) - {r.id for r in rows}

        def order(r):
            return (r.role_id, r.alias.casefold())

        if not self.model.patch(rows, gone, key=order):
            return False
        if gone:  # the roles' head counts moved (an update in place keeps its role)
            self.role_model.sync(self.ctx.query(views.role_rows, self.action_id))
        self._update_empty_text()
        self._update_buttons()
        return True

    def focus_entity(self, entity: str, entity_id: int) -> bool:
        if entity == "role":
            return reveal(self.roles, entity_id)
        if entity in ("participant", "assignment"):
            self.filter.clear()
            for row in self.model.all_rows():
                if (entity == "assignment" and row.id == entity_id) or (
                    entity == "participant" and row.participant_id == entity_id
                ):
                    self.people.select_id(row.id)
                    self.people.setFocus()
                    return True
        return False

    # --- drag and drop of a CSV file ------------------------------------------------------------
    @staticmethod
    def _csv_path(event) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".csv"):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self.action_id is not None and self._csv_path(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._csv_path(event)
        if path:
            event.acceptProposedAction()
            self.import_csv(path)

    # --- helpers --------------------------------------------------------------------------------
    def _show_personal(self, on: bool) -> None:
        for column in PERSONAL_COLUMNS:
            self.people.setColumnHidden(column, not on)

    def _reveal_toggled(self, on: bool) -> None:
        self._show_personal(on)
        self.reload()

    def _update_empty_text(self) -> None:
        if self.action_id is None:
            self.roles.set_empty_text(_("Select an action to see its roles"))
            self.people.set_empty_text(_("Select an action to see who takes part"))
            return
        self.roles.set_empty_text(_("No roles yet — press Insert or click Add role"))
        if self.model.all_rows() and self.filter.text():
            text = _("Nobody matches “{text}”").format(text=self.filter.text())
        elif not self.role_model.all_rows():
            text = _("Add a role first, then assign people to it")
        else:
            text = _("Nobody assigned yet — press Insert or click Assign, or drop a CSV file here")
        self.people.set_empty_text(text)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        self.model.set_filter(
            (lambda r: needle in f"{r.alias} {r.role_name}".casefold()) if needle else None
        )
        self._update_empty_text()

    def _update_buttons(self, *_args) -> None:
        has = self.action_id is not None
        role = self.roles.selected_id() is not None
        person = self.people.selected_id() is not None
        self.add_role_button.setEnabled(has)
        self.edit_role_button.setEnabled(has and role)
        self.delete_role_button.setEnabled(has and role)
        self.assign_button.setEnabled(has and bool(self.role_model.all_rows()))
        self.edit_button.setEnabled(has and person)
        self.remove_button.setEnabled(has and person)
        self.import_button.setEnabled(has)
        if hasattr(self, "bulk"):
            self.pack_tools.update_enabled(has and self.people.selectionModel().hasSelection())
            self.bulk.update_enabled()

    def _set_confirmed(self, assignment_id: int, value: bool) -> None:
        row = self.model.get(assignment_id)
        text = (_("Confirm {alias}") if value else _("Unconfirm {alias}")).format(alias=row.alias)
        attempt(
            self,
            self.ctx.update,
            "assignment",
            assignment_id,
            text,
            expected_version=row.version,
            shown={"confirmed": row.confirmed},
            confirmed=value,
        )

    # --- commands -------------------------------------------------------------------------------
    def add_role(self) -> None:
        from ui.dialogs.assign import RoleDialog

        if self.action_id is None:
            return
        dialog = RoleDialog(self, self.ctx, action_id=self.action_id)
        if dialog.exec() and dialog.saved_id:
            self.roles.select_id(dialog.saved_id)

    def edit_role(self) -> None:
        from ui.dialogs.assign import RoleDialog

        rid = self.roles.selected_id()
        if rid is None:
            return
        RoleDialog(self, self.ctx, action_id=self.action_id, row=self.role_model.get(rid)).exec()

    def delete_role(self) -> None:
        delete_selected(
            self,
            self.roles,
            entity="role",
            undo_text=lambda row: _("Delete role {name}").format(name=row.name),
        )

    def _assign_dialog(self, **kwargs):
        from ui.dialogs.assign import AssignDialog

        roles = [views.Choice(r.id, r.name) for r in self.role_model.all_rows()]
        return AssignDialog(
            self,
            self.ctx,
            action_id=self.action_id,
            tz=self.tz,
            roles=roles,
            default_start=self.info.starts_at,
            **kwargs,
        )

    def assign(self) -> None:
        if not self.assign_button.isEnabled():
            return
        dialog = self._assign_dialog(role_id=self.roles.selected_id())
        run_editor(dialog, self.people, on_saved=self.filter.clear)

    def edit_assignment(self) -> None:
        aid = self.people.selected_id()
        if aid is not None:
            self._assign_dialog(row=self.model.get(aid)).exec()

    def remove_assignment(self) -> None:
        if len(self.people.selectionModel().selectedRows()) > 1:
            self.bulk.remove()  # one question naming the count, one undo step
            return
        delete_selected(
            self,
            self.people,
            entity="assignment",
            undo_text=lambda row: _("Remove {alias} from {role}").format(
                alias=row.alias, role=row.role_name
            ),
            reselect=True,
        )

    def open_directory(self) -> None:
        from ui.dialogs.directory import open_dialog

        open_dialog(self, self.ctx)

    def import_csv(self, path: str | Path | None = None) -> None:
        from ui.dialogs.csv_import import open_dialog

        if self.action_id is not None:
            open_dialog(self, self.ctx, self.action_id, path=path)
