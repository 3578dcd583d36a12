"""Bulk edits on the People tab: the selected people confirmed, their packs marked sent (the
volunteer-pack ticks of ``people_pack``), one call time for all of them, or all moved to
another role. Each is one service operation and one undo step ("Confirm 20 people")."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox

from app.i18n import _, ngettext, ui
from app.services import bulk_ops
from ui.tabs._common import wall_clock_instant
from ui.tabs._timeinput import WallClockEdit
from ui.tabs.bulk_tools import BulkDialog, SelectionTools


def call_time_text(aliases: list[str]) -> str:
    if len(aliases) == 1:
        return _("Set the call time of {alias}").format(alias=aliases[0])
    n = len(aliases)
    return ngettext("Set the call time of {n} person", "Set the call time of {n} people", n).format(
        n=ui().number(n)
    )


def role_text(aliases: list[str], role: str) -> str:
    if len(aliases) == 1:
        return _("Move {alias} to the role {role}").format(alias=aliases[0], role=role)
    n = len(aliases)
    return ngettext(
        "Move {n} person to the role {role}", "Move {n} people to the role {role}", n
    ).format(n=ui().number(n), role=role)


def _aliases(rows) -> list[str]:
    return list(dict.fromkeys(r.alias for r in rows))


class CallTimeDialog(BulkDialog):
    """One call time for every selected person (or none)."""

    def __init__(self, tools: PeopleBulk) -> None:
        tab = tools.tab
        rows = tools.sel.selected_rows()
        n = len(_aliases(rows))
        super().__init__(
            tab,
            title=ngettext("Call time of {n} person", "Call time of {n} people", n).format(
                n=ui().number(n)
            ),
            name="bulk_call_time",
        )
        self.tools, self.rows, self.tz = tools, rows, tab.tz
        self.has_call = QCheckBox(_("&Set a call time"))
        self.has_call.setObjectName("has_call")
        self.call = self.add_field("call_time", _("Call &time:"), WallClockEdit("call", _("Call")))
        self.form.insertRow(0, "", self.has_call)
        self.has_call.toggled.connect(self.call.setEnabled)
        self.has_call.setChecked(True)
        first = next((r.call_time for r in rows if r.call_time is not None), None)
        self.kept = first
        self.call.set_instant(first or tab.info.starts_at, self.tz)
        self.call.setFocus()

    def save(self) -> bool:
        if self.has_call.isChecked():
            instant = wall_clock_instant(
                self, self.call, field="call_time", kept=self.kept, tz=self.tz
            )
            if instant is None:
                return False
        else:
            instant = None
        rows = self.tools.sel.seen(lambda r: {"call_time": r.call_time})
        return self.tools.sel.run(
            call_time_text(_aliases(self.rows)),
            lambda s: bulk_ops.set_call_time(s, rows=rows, call_time=instant),
            parent=self,
        )


class RoleDialog(BulkDialog):
    """Move every selected assignment to one role."""

    def __init__(self, tools: PeopleBulk) -> None:
        tab = tools.tab
        self.rows = tools.sel.selected_rows()
        n = len(_aliases(self.rows))
        super().__init__(
            tab,
            title=ngettext("Role of {n} person", "Role of {n} people", n).format(n=ui().number(n)),
            name="bulk_role",
        )
        self.tools = tools
        self.role = self.add_field("role_id", _("&Role:"), QComboBox())
        for r in tab.role_model.all_rows():
            self.role.addItem(r.name, r.id)
        wanted = tab.roles.selected_id()
        if wanted is not None:
            self.role.setCurrentIndex(max(self.role.findData(wanted), 0))
        self.role.setFocus()

    def save(self) -> bool:
        role_id = self.role.currentData()
        if role_id is None:
            self.problem("role_id", _("add a role to the action first"))
            return False
        rows = self.tools.sel.seen(lambda r: {"role_id": r.role_id})
        return self.tools.sel.run(
            role_text(_aliases(self.rows), self.role.currentText()),
            lambda s: bulk_ops.set_role(s, rows=rows, role_id=role_id),
            parent=self,
        )


class PeopleBulk:
    """The Selection menu of the people table (``tab``: a PeopleTab with its PackTools)."""

    def __init__(self, tab) -> None:
        self.tab = tab
        self.sel = SelectionTools(tab, tab.people, name="people_bulk")
        pack = tab.pack_tools.actions
        for name in ("confirm_selected", "unconfirm_selected"):
            self.sel.adopt(pack[name])
        self.sel.separator()  # on the context menu: after the pack ticks and "copy message"
        self.sel.add(
            "call_time_selected", lambda: _("Set call &time…"), lambda: CallTimeDialog(self).exec()
        )
        self.sel.add("role_selected", lambda: _("Move to r&ole…"), lambda: RoleDialog(self).exec())
        self.sel.separator(view=False)
        for name in ("pack_sent_selected", "pack_unsent_selected"):
            self.sel.adopt(pack[name])
        self.sel.adopt(pack["copy_message"], always=True)
        self.sel.separator()
        self.sel.add("remove_selected_people", lambda: _("&Remove from the action…"), self.remove)

    def remove(self) -> bool:
        """Take every selected assignment off the action (the people stay in the directory)."""
        n = len(self.sel.selected_rows())
        return self.sel.delete(
            entity="assignment",
            question=ngettext(
                "Remove the {n} selected assignment from this action? The person stays in the "
                "directory; Edit → Undo puts it back.",
                "Remove the {n} selected assignments from this action? The people stay in the "
                "directory; Edit → Undo puts them all back in one step.",
                n,
            ).format(n=ui().number(n)),
            title=_("Remove people"),
            text=ngettext("Remove {n} assignment", "Remove {n} assignments", n).format(
                n=ui().number(n)
            ),
        )

    def retranslate(self) -> None:
        self.sel.retranslate()

    def update_enabled(self) -> None:
        self.sel.update_enabled()
