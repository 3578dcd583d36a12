"""Assign somebody to a role: pick from the directory by alias, or create a new participant.

Also edits an existing assignment (role, call time, confirmed). Creating a person and assigning
them is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from app.i18n import _, ngettext, pgettext, ui
from app.services import views
from ui.dialogs.form import FormDialog
from ui.tabs._common import update_changed, wall_clock_instant
from ui.tabs._timeinput import WallClockEdit
from ui.widgets.text_edit import plain_text

NEW = -1  # the list item that creates a participant with the typed alias


def _add_icon():
    from ui.icons import icon

    return icon("add")


MAX_MATCHES = 200


def assign_new_person(ctx, *, action_id: int, alias: str, values: dict, text: str) -> int:
    """Create a participant and their assignment as one undo step; returns the assignment id."""
    from app.services.people_ops import assign_new_person as op

    return ctx.run_op(
        text, lambda session: op(session, action_id=action_id, alias=alias, values=values)
    )


class AssignDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx,
        *,
        action_id: int,
        tz,
        roles: list[views.Choice],
        default_start,
        role_id: int | None = None,
        row: views.AssignmentRow | None = None,
    ) -> None:
        super().__init__(
            parent, title=_("Edit assignment") if row else _("Assign a person"), name="assign"
        )
        self.ctx, self.action_id, self.tz, self.row = ctx, action_id, tz, row
        self.saved_id: int | None = None
        self.index: views.DirectoryIndex | None = None
        if row is None:
            self.search = self.add_field("alias", _("&Alias:"), QLineEdit())
            self.search.setPlaceholderText(_("Type to search the directory…"))
            self.matches = self.add_field("person", _("&Person:"), QListWidget())
            self.matches.setObjectName("matches")
            self.matches.setMinimumHeight(self.fontMetrics().height() * 8)
            self.index = views.DirectoryIndex(ctx.query(views.directory_rows))
            self.search.textChanged.connect(self._refresh_matches)
            self.search.returnPressed.connect(lambda: self.matches.setFocus())
        self.role = self.add_field("role_id", _("&Role:"), QComboBox())
        for c in roles:
            self.role.addItem(c.label, c.id)
        wanted = row.role_id if row else role_id
        if wanted is not None:
            self.role.setCurrentIndex(max(self.role.findData(wanted), 0))
        self.has_call = QCheckBox(_("&Set a call time"))
        self.has_call.setObjectName("has_call")
        self.call = self.add_field(
            "call_time",
            _("Call &time:"),
            WallClockEdit(
                "call",
                # Translators: the accessible name of a call-time field (when to arrive).
                pgettext("call time", "Call"),
            ),
        )
        self.form.insertRow(self.form.rowCount() - 1, "", self.has_call)
        self.confirmed = self.add_field("confirmed", _("C&onfirmed:"), QCheckBox(_("Confirmed")))
        self.has_call.toggled.connect(self.call.setEnabled)
        if row is not None:
            self.has_call.setChecked(row.call_time is not None)
            self.call.set_instant(row.call_time or default_start, tz)
            self.confirmed.setChecked(row.confirmed)
            self.role.setFocus()
        else:
            self.has_call.setChecked(True)
            self.call.set_instant(default_start, tz)
            self._refresh_matches("")
            self.search.setFocus()
        self.call.setEnabled(self.has_call.isChecked())

    def _refresh_matches(self, text: str) -> None:
        self.matches.clear()
        found = self.index.filter(text)
        alias = text.strip()
        if alias and not any(r.alias.casefold() == alias.casefold() for r in found):
            item = QListWidgetItem(_("New participant {alias}").format(alias=alias))
            item.setIcon(_add_icon())
            item.setData(Qt.ItemDataRole.UserRole, NEW)
            self.matches.addItem(item)
        for r in found[:MAX_MATCHES]:
            item = QListWidgetItem(r.alias)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.matches.addItem(item)
        if len(found) > MAX_MATCHES:
            rest = len(found) - MAX_MATCHES
            more = QListWidgetItem(
                ngettext(
                    "… {n} more: type more of the alias", "… {n} more: type more of the alias", rest
                ).format(n=ui().number(rest))
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.matches.addItem(more)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def save(self) -> bool:
        values: dict = {"role_id": self.role.currentData(), "confirmed": self.confirmed.isChecked()}
        if values["role_id"] is None:
            self.problem("role_id", _("add a role to the action first"))
            return False
        if self.has_call.isChecked():
            kept = self.row.call_time if self.row is not None else None
            values["call_time"] = wall_clock_instant(
                self, self.call, field="call_time", kept=kept, tz=self.tz
            )
            if values["call_time"] is None:
                return False
        else:
            values["call_time"] = None
        if self.row is not None:
            old = {
                "role_id": self.row.role_id,
                "confirmed": self.row.confirmed,
                "call_time": self.row.call_time,
            }
            self.saved_id = update_changed(
                self.ctx,
                self.row,
                entity="assignment",
                old=old,
                values=values,
                text=_("Edit assignment of {alias}").format(alias=self.row.alias),
            )
            return True
        item = self.matches.currentItem()
        pid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if pid is None:
            self.problem("person", _("pick a person, or type a new alias"))
            return False
        if pid == NEW:
            alias = self.search.text().strip()
            self.saved_id = assign_new_person(
                self.ctx,
                action_id=self.action_id,
                alias=alias,
                values=values,
                text=_("Assign new participant {alias}").format(alias=alias),
            )
        else:
            self.saved_id = self.ctx.create(
                "assignment",
                _("Assign {alias}").format(alias=item.text()),
                action_id=self.action_id,
                participant_id=pid,
                **values,
            )
        return True


class RoleDialog(FormDialog):
    """Add or edit a role: name, how many people are needed, instructions."""

    def __init__(self, parent, ctx, *, action_id: int, row: views.RoleRow | None = None) -> None:
        super().__init__(parent, title=_("Edit role") if row else _("Add role"), name="role_editor")
        from PySide6.QtWidgets import QPlainTextEdit

        self.ctx, self.action_id, self.row = ctx, action_id, row
        self.saved_id: int | None = None
        self.name = self.add_field("name", _("&Name:"), QLineEdit())
        self.needed = self.add_number_field("needed", _("N&eeded:"), decimals=0)
        self.instructions = self.add_field("instructions", _("&Instructions:"), QPlainTextEdit())
        self.instructions.setTabChangesFocus(True)
        self.instructions.setFixedHeight(self.fontMetrics().height() * 5)
        self.name.setText(row.name if row else "")
        self.set_number("needed", row.needed if row else 1)
        self.instructions.setPlainText(row.instructions if row else "")
        self.name.setFocus()

    def save(self) -> bool:
        from ui.dialogs.form import INVALID

        values = {
            "name": self.name.text().strip(),
            "needed": self.number("needed", whole=True, required=True),
            "instructions": plain_text(self.instructions).strip(),
        }
        if INVALID in values.values():
            return self.refuse("role", values)
        label = values["name"] or _("role")
        if self.row is None:
            self.saved_id = self.ctx.create(
                "role", _("Add role {name}").format(name=label), action_id=self.action_id, **values
            )
        else:
            old = {
                "name": self.row.name,
                "needed": self.row.needed,
                "instructions": self.row.instructions,
            }
            self.saved_id = update_changed(
                self.ctx,
                self.row,
                entity="role",
                old=old,
                values=values,
                text=_("Edit role {name}").format(name=label),
            )
        return True
