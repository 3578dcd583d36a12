"""The Tasks tab: a checklist with due dates and assignees; overdue tasks stand out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from app.domain.timeutil import utcnow, zone
from app.i18n import _
from app.services import views
from app.services.changes import Change
from ui.models.props import TaskCol, TaskModel
from ui.tabs._common import (
    SPACING,
    EmptyTableView,
    attempt,
    button,
    delete_selected,
    edit_selected,
    filter_box,
    reveal,
    row_layout,
    run_editor,
    set_button_text,
    wire_table,
)
from ui.tabs.base import ActionTab

RELEVANT = ("task", "participant", "action", "*")


class TasksTab(ActionTab):
    def __init__(
        self, ctx, parent: QWidget | None = None, *, now: Callable[[], datetime] = utcnow
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("tasks_tab")
        self.now = now  # injectable clock: "overdue" depends on today in the action's zone
        self.tz = None
        self.add_button = button("", "add_task", icon_name="add")
        self.edit_button = button("", "edit_task")
        self.delete_button = button("", "delete_task", icon_name="delete")
        self.show_done = QCheckBox()
        self.show_done.setObjectName("show_done")
        self.show_done.setChecked(True)
        self.filter = filter_box("task_filter", _("Filter tasks…"))
        self.model = TaskModel(self.today, self)
        self.table = EmptyTableView("tasks_table")
        self.table.setModel(self.model)
        self.table.set_widths(
            {TaskCol.DONE: 9, TaskCol.TITLE: 44, TaskCol.DUE: 26}, whole=(TaskCol.DONE,)
        )
        lay = QVBoxLayout(self)
        lay.setSpacing(SPACING)
        buttons = row_layout(
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.show_done,
            self.filter,
            stretch_after=3,
        )
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        self.show_done.toggled.connect(self._apply_filter)
        self.filter.textChanged.connect(self._apply_filter)
        self.model.done_requested.connect(self._set_done)
        wire_table(
            self.table,
            insert=self.add_task,
            edit=self.edit_task,
            delete=self.delete_task,
            selection_changed=self._update_buttons,
            buttons=(self.add_button, self.edit_button, self.delete_button),
        )
        from ui.tabs.items_bulk import TasksBulk

        self.bulk = TasksBulk(self)  # the Selection menu, after Delete
        buttons.insertWidget(buttons.indexOf(self.delete_button) + 1, self.bulk.sel.button)
        self.retranslate()
        self._update_buttons()

    def today(self) -> date:
        return self.now().astimezone(self.tz).date() if self.tz else self.now().date()

    def title(self) -> str:
        return _("Tasks")

    def retranslate(self) -> None:
        set_button_text(self.add_button, _("Add ta&sk…"))
        set_button_text(self.edit_button, _("Edit…"))
        set_button_text(self.delete_button, _("&Delete"))
        self.show_done.setText(_("Show d&one"))
        self.show_done.setAccessibleName(self.show_done.text().replace("&", ""))
        self.filter.setPlaceholderText(_("Filter tasks…"))
        self.filter.setAccessibleName(_("Filter tasks"))
        self.table.setAccessibleName(_("Tasks"))
        self.model.retranslate()
        if hasattr(self, "bulk"):
            self.bulk.sel.retranslate()
        self._update_empty_text()

    def set_action(self, action_id: int | None) -> None:
        self.filter.clear()
        super().set_action(action_id)

    def reload(self) -> None:
        if self.action_id is None:
            self.model.clear()
        else:
            self.tz = zone(self.ctx.query(views.action_info, self.action_id).timezone)
            self.model.sync(self.ctx.query(views.task_rows, self.action_id))
        self._update_empty_text()
        self._update_buttons()
        today = self.today()
        late = sum(1 for t in self.model.all_rows() if t.overdue(today))
        self.badge_changed.emit(str(late) if late else "")

    def on_changed(self, change: Change) -> None:
        if change.entity in RELEVANT:
            super().on_changed(change)

    def focus_entity(self, entity: str, entity_id: int) -> bool:
        if entity != "task":
            return False
        return reveal(self.table, entity_id, reset_filters=self._reset_filters)

    def _reset_filters(self) -> None:
        self.filter.clear()
        self.show_done.setChecked(True)

    def _update_empty_text(self) -> None:
        if self.action_id is None:
            text = _("Select an action to see its tasks")
        elif self.model.all_rows():
            text = _("No task matches the filter")
        else:
            text = _("No tasks yet — press Insert or click Add task")
        self.table.set_empty_text(text)

    def _apply_filter(self, *_args) -> None:
        needle = self.filter.text().strip().casefold()
        show_done = self.show_done.isChecked()
        if show_done and not needle:
            self.model.set_filter(None)
        else:
            self.model.set_filter(
                lambda t: (
                    (show_done or not t.done) and needle in f"{t.title} {t.assignee}".casefold()
                )
            )
        self._update_empty_text()
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        has = self.action_id is not None
        selected = self.table.selected_id() is not None
        self.add_button.setEnabled(has)
        self.edit_button.setEnabled(has and selected)
        self.delete_button.setEnabled(has and selected)
        if hasattr(self, "bulk"):
            self.bulk.sel.update_enabled()

    def _set_done(self, task_id: int, done: bool) -> None:
        row = self.model.get(task_id)
        text = (_("Tick “{title}”") if done else _("Untick “{title}”")).format(title=row.title)
        attempt(
            self,
            self.ctx.update,
            "task",
            task_id,
            text,
            expected_version=row.version,
            shown={"done": row.done},
            done=done,
        )

    def _dialog(self, row=None):
        from ui.dialogs.item_editors import TaskDialog

        also = (row.assignee_id,) if row and row.assignee_id else ()
        people = self.ctx.query(views.people_choices, self.action_id, also=also)
        return TaskDialog(self, self.ctx, action_id=self.action_id, people=people, row=row)

    def add_task(self) -> None:
        if self.action_id is None:
            return
        run_editor(self._dialog(), self.table, on_saved=self.filter.clear)

    def edit_task(self) -> None:
        edit_selected(self.table, self._dialog)

    def delete_task(self) -> None:
        if len(self.table.selectionModel().selectedRows()) > 1:
            self.bulk.delete()  # one question naming the count, one undo step
            return
        delete_selected(
            self,
            self.table,
            entity="task",
            undo_text=lambda row: _("Delete task “{title}”").format(title=row.title),
            reselect=True,  # the next row, as in the schedule: Delete again deletes it
        )
