"""Bulk edits on the Props and Tasks tabs: a status or a carrier for every selected prop, done
or an assignee for every selected task. Each is one service operation and one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox

from app.domain.enums import PropStatus
from app.i18n import N_, _, ngettext, ui
from app.services import bulk_ops, views
from app.services.readiness import status_label
from ui.tabs.bulk_tools import BulkDialog, SelectionTools

STATUS_ACTIONS = {
    PropStatus.NEEDED: N_("Mark as &needed"),
    PropStatus.SOURCED: N_("Mark as &sourced"),
    PropStatus.READY: N_("Mark as &ready"),
    PropStatus.RETURNED: N_("Mark as re&turned"),
}


class PickDialog(BulkDialog):
    """Pick one of ``choices`` (a person) and run ``apply(choice_id, label)``; its refusal is
    shown in the dialog, which stays open."""

    def __init__(
        self,
        parent,
        *,
        title: str,
        name: str,
        label: str,
        choices: list[views.Choice],
        apply: Callable[[int | None, str], bool],
        nobody: str | None = None,
        current: int | None = None,
    ) -> None:
        super().__init__(parent, title=title, name=name)
        self.apply = apply
        self.choice = self.add_field("choice", label, QComboBox())
        if nobody is not None:
            self.choice.addItem(nobody, None)
        for c in choices:
            self.choice.addItem(c.label, c.id)
        if current is not None:
            self.choice.setCurrentIndex(max(self.choice.findData(current), 0))
        self.choice.setFocus()

    def save(self) -> bool:
        if self.choice.count() == 0:
            self.problem("choice", _("nobody to choose: assign people to the action first"))
            return False
        return self.apply(self.choice.currentData(), self.choice.currentText())


def _count_text(rows, one: str, many: str, **fields) -> str:
    """``one`` naming the row when there is one, else ``many`` (counted with ngettext)."""
    if len(rows) == 1:
        name = rows[0].name if hasattr(rows[0], "name") else rows[0].title
        return one.format(name=name, **fields)
    return many.format(n=ui().number(len(rows)), **fields)


class PropsBulk:
    def __init__(self, tab) -> None:
        self.tab = tab
        self.sel = SelectionTools(tab, tab.table, name="props_bulk")
        for status, text in STATUS_ACTIONS.items():
            self.sel.add(
                f"status_{status}_selected",
                lambda text=text: _(text),
                lambda status=status: self.set_status(status),
            )
        self.sel.separator()
        self.sel.add("add_carrier_selected", lambda: _("&Add a carrier…"), self.add_carrier)
        self.sel.add(
            "remove_carrier_selected", lambda: _("Re&move a carrier…"), self.remove_carrier
        )
        self.sel.separator()
        self.sel.add("delete_selected_props", lambda: _("&Delete the selected props…"), self.delete)

    def delete(self) -> bool:
        n = len(self.sel.selected_rows())
        return self.sel.delete(
            entity="prop",
            question=ngettext(
                "Delete the {n} selected prop? Edit → Undo brings it back.",
                "Delete the {n} selected props? Edit → Undo brings them all back in one step.",
                n,
            ).format(n=ui().number(n)),
            title=_("Delete props"),
            text=ngettext("Delete {n} prop", "Delete {n} props", n).format(n=ui().number(n)),
        )

    def set_status(self, status: str) -> bool:
        rows = self.sel.selected_rows()
        if not rows:
            return False
        label = status_label(status)
        text = _count_text(
            rows,
            _("Mark {name} as {status}"),
            ngettext("Mark {n} prop as {status}", "Mark {n} props as {status}", len(rows)),
            status=label,
        )
        seen = self.sel.seen(lambda r: {"status": r.status})
        return self.sel.run(text, lambda s: bulk_ops.set_prop_status(s, rows=seen, status=status))

    def _carrier(self, carries: bool) -> None:
        tab, rows = self.tab, self.sel.selected_rows()
        if not rows:
            return
        if carries:
            choices = tab.ctx.query(views.people_choices, tab.action_id)
        else:
            names = {
                pid: a for r in rows for pid, a in zip(r.carrier_ids, r.carriers, strict=False)
            }
            choices = sorted(
                (views.Choice(pid, a) for pid, a in names.items()), key=lambda c: c.label.casefold()
            )

        def apply(pid, alias) -> bool:
            if carries:
                text = _count_text(
                    rows,
                    _("{alias} carries {name}"),
                    ngettext("{alias} carries {n} prop", "{alias} carries {n} props", len(rows)),
                    alias=alias,
                )
            else:
                text = _count_text(
                    rows,
                    _("{alias} no longer carries {name}"),
                    ngettext(
                        "{alias} no longer carries {n} prop",
                        "{alias} no longer carries {n} props",
                        len(rows),
                    ),
                    alias=alias,
                )
            seen = self.sel.seen()
            return self.sel.run(
                text,
                lambda s: bulk_ops.set_carrier(s, rows=seen, participant_id=pid, carries=carries),
                parent=dialog,
            )

        n = len(rows)
        dialog = PickDialog(
            tab,
            title=(
                ngettext("A carrier for {n} prop", "A carrier for {n} props", n)
                if carries
                else ngettext("Remove a carrier of {n} prop", "Remove a carrier of {n} props", n)
            ).format(n=ui().number(n)),
            name="bulk_carrier",
            label=_("&Person:"),
            choices=choices,
            apply=apply,
        )
        dialog.exec()

    def add_carrier(self) -> None:
        self._carrier(True)

    def remove_carrier(self) -> None:
        self._carrier(False)


class TasksBulk:
    def __init__(self, tab) -> None:
        self.tab = tab
        self.sel = SelectionTools(tab, tab.table, name="tasks_bulk")
        self.sel.add("done_selected", lambda: _("Mark as &done"), lambda: self.set_done(True))
        self.sel.add(
            "undone_selected", lambda: _("Mark as &not done"), lambda: self.set_done(False)
        )
        self.sel.separator()
        self.sel.add("assignee_selected", lambda: _("Set &assignee…"), self.set_assignee)
        self.sel.separator()
        self.sel.add("delete_selected_tasks", lambda: _("D&elete the selected tasks…"), self.delete)

    def delete(self) -> bool:
        n = len(self.sel.selected_rows())
        return self.sel.delete(
            entity="task",
            question=ngettext(
                "Delete the {n} selected task? Edit → Undo brings it back.",
                "Delete the {n} selected tasks? Edit → Undo brings them all back in one step.",
                n,
            ).format(n=ui().number(n)),
            title=_("Delete tasks"),
            text=ngettext("Delete {n} task", "Delete {n} tasks", n).format(n=ui().number(n)),
        )

    def set_done(self, done: bool) -> bool:
        rows = self.sel.selected_rows()
        if not rows:
            return False
        if done:
            text = _count_text(
                rows, _("Tick “{name}”"), ngettext("Tick {n} task", "Tick {n} tasks", len(rows))
            )
        else:
            text = _count_text(
                rows,
                _("Untick “{name}”"),
                ngettext("Untick {n} task", "Untick {n} tasks", len(rows)),
            )
        seen = self.sel.seen(versioned=False)
        return self.sel.run(text, lambda s: bulk_ops.set_task_done(s, rows=seen, done=done))

    def set_assignee(self) -> None:
        tab, rows = self.tab, self.sel.selected_rows()
        if not rows:
            return
        also = tuple({r.assignee_id for r in rows if r.assignee_id})
        choices = tab.ctx.query(views.people_choices, tab.action_id, also=also)

        def apply(pid, alias) -> bool:
            if pid is None:
                text = _count_text(
                    rows,
                    _("Unassign “{name}”"),
                    ngettext("Unassign {n} task", "Unassign {n} tasks", len(rows)),
                )
            else:
                text = _count_text(
                    rows,
                    _("Assign “{name}” to {alias}"),
                    ngettext(
                        "Assign {n} task to {alias}", "Assign {n} tasks to {alias}", len(rows)
                    ),
                    alias=alias,
                )
            seen = self.sel.seen(lambda r: {"assignee_id": r.assignee_id})
            return self.sel.run(
                text,
                lambda s: bulk_ops.set_task_assignee(s, rows=seen, assignee_id=pid),
                parent=dialog,
            )

        n = len(rows)
        shared = {r.assignee_id for r in rows}
        dialog = PickDialog(
            tab,
            title=ngettext("Assignee of {n} task", "Assignee of {n} tasks", n).format(
                n=ui().number(n)
            ),
            name="bulk_assignee",
            label=_("&Assignee:"),
            choices=choices,
            apply=apply,
            nobody=_("Nobody"),
            current=next(iter(shared)) if len(shared) == 1 else None,
        )
        dialog.exec()
