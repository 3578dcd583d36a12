"""Editors for a prop and a task; bad values are shown beside their field and not saved."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from app.domain.enums import PropStatus, values
from app.i18n import N_, _, ui
from app.numbers import number_text
from app.services.readiness import status_label
from app.services.views import Choice, PropRow, TaskRow
from ui.dialogs.form import INVALID, CheckList, FormDialog
from ui.widgets.text_edit import plain_text
from ui.widgets.typed_date import OptionalDateField


class PropDialog(FormDialog):
    def __init__(
        self, parent, ctx, *, action_id: int, people: list[Choice], row: PropRow | None = None
    ) -> None:
        super().__init__(parent, title=_("Edit prop") if row else _("Add prop"), name="prop_editor")
        self.ctx, self.action_id, self.row = ctx, action_id, row
        self.saved_id: int | None = None
        self.name = self.add_field("name", _("&Name:"), QLineEdit())
        self.quantity = self.add_number_field("quantity", _("&Quantity:"), decimals=0)
        self.status = self.add_field("status", _("&Status:"), QComboBox())
        for value in values(PropStatus):
            self.status.addItem(status_label(value), value)
        self.carriers = self.add_field("carrier_ids", _("Carried &by:"), CheckList("carriers"))
        self.cost = self.add_number_field("cost", _("&Cost:"), decimals=2)
        self.cost.setPlaceholderText(
            _("e.g. {amount}").format(
                amount=number_text(Decimal("12.50"), locale=ui().lang, decimals=2)
            )
        )
        self.notes = self.add_field("notes", _("N&otes:"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        if row is not None:
            self.name.setText(row.name)
            self.set_number("quantity", row.quantity)
            self.status.setCurrentIndex(self.status.findData(row.status))
            self.set_number("cost", row.cost)
            self.notes.setPlainText(row.notes)
        else:
            self.quantity.setText("1")
        self.carriers.set_choices(people, row.carrier_ids if row else ())
        self.name.setFocus()

    def save(self) -> bool:
        new = {
            "name": self.name.text().strip(),
            "quantity": self.number("quantity", whole=True, required=True),
            "status": self.status.currentData(),
            "carrier_ids": self.carriers.checked_ids(),
            "cost": self.number("cost"),
            "notes": plain_text(self.notes).strip(),
        }
        if INVALID in new.values():
            return self.refuse("prop", new)
        label = new["name"] or _("prop")
        if self.row is None:
            self.saved_id = self.ctx.create(
                "prop", _("Add prop {name}").format(name=label), action_id=self.action_id, **new
            )
            return True
        r = self.row
        old = {
            "name": r.name,
            "quantity": r.quantity,
            "status": r.status,
            "carrier_ids": sorted(r.carrier_ids),
            "cost": r.cost,
            "notes": r.notes,
        }
        changed = {k: v for k, v in new.items() if old[k] != v}
        if changed:
            self.ctx.update(
                "prop",
                r.id,
                _("Edit prop {name}").format(name=label),
                expected_version=r.version,
                **changed,
            )
        self.saved_id = r.id
        return True


class TaskDialog(FormDialog):
    def __init__(
        self, parent, ctx, *, action_id: int, people: list[Choice], row: TaskRow | None = None
    ) -> None:
        super().__init__(parent, title=_("Edit task") if row else _("Add task"), name="task_editor")
        self.ctx, self.action_id, self.row = ctx, action_id, row
        self.saved_id: int | None = None
        self.title_edit = self.add_field("title", _("&Task:"), QLineEdit())
        # Typed as the window writes dates ("20 May 2024", "20/05/2024"), not as ISO text.
        self.due = self.add_field("due", _("&Due:"), OptionalDateField(none_text=N_("No date")))
        self.assignee = self.add_field("assignee_id", _("&Assignee:"), QComboBox())
        self.assignee.addItem(_("Nobody"), None)
        for c in people:
            self.assignee.addItem(c.label, c.id)
        self.done_box = self.add_field("done", _("D&one:"), QCheckBox(_("Done")))
        if row is not None:
            self.title_edit.setText(row.title)
            self.due.set_value(row.due)
            self.assignee.setCurrentIndex(max(self.assignee.findData(row.assignee_id), 0))
            self.done_box.setChecked(row.done)
        self.title_edit.setFocus()

    def save(self) -> bool:
        try:
            due = self.due.read()
        except ValueError as exc:
            self.problem("due", str(exc))
            return False
        new = {
            "title": self.title_edit.text().strip(),
            "due": due,
            "assignee_id": self.assignee.currentData(),
            "done": self.done_box.isChecked(),
        }
        label = new["title"] or _("task")
        if self.row is None:
            self.saved_id = self.ctx.create(
                "task", _("Add task {title}").format(title=label), action_id=self.action_id, **new
            )
            return True
        r = self.row
        old = {"title": r.title, "due": r.due, "assignee_id": r.assignee_id, "done": r.done}
        changed = {k: v for k, v in new.items() if old[k] != v}
        if changed:
            self.ctx.update(
                "task",
                r.id,
                _("Edit task {title}").format(title=label),
                expected_version=r.version,
                **changed,
            )
        self.saved_id = r.id
        return True
