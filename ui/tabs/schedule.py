"""The Schedule tab: the run of show as a table, and a timeline with one lane per role.

Keys on the table: Insert adds a chained cue after the selected one, Ctrl+D duplicates it,
Delete removes it (several selected: after one question), Enter or F2 edits it; Alt+Up/Down
and Alt+Shift+Up/Down retime it, on the table or the timeline, where a bar can also be dragged
(``schedule_retime``). Every edit is one undo step; the Selection menu shifts or deletes every
selected cue at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from app.domain.timeutil import zone
from app.i18n import N_, _
from app.services import views
from app.services.changes import Change
from ui.context import EditFailed
from ui.models.schedule import Col, ScheduleModel
from ui.tabs import schedule_retime
from ui.tabs._common import (
    SPACING,
    EmptyTableView,
    button,
    delete_selected,
    filter_box,
    reveal,
    row_layout,
    run_editor,
    set_button_text,
    show_error,
    wire_table,
)
from ui.tabs.base import ActionTab
from ui.tabs.timeline import TimelineView


class ScheduleTab(ActionTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("schedule_tab")
        self.info: views.ActionInfo | None = None
        self.tz = None
        self.roles: list[views.Choice] = []

        self.add_button = button("", "add_cue", icon_name="add")
        self.insert_button = button("", "insert_cue")
        self.duplicate_button = button("", "duplicate_cue", icon_name="duplicate")
        self.edit_button = button("", "edit_cue")
        self.delete_button = button("", "delete_cue", icon_name="delete")
        self.filter = filter_box("cue_filter", _("Filter cues…"))

        self.model = ScheduleModel(self)
        self.table = EmptyTableView("schedule_table")
        self.table.setModel(self.model)
        self.table.set_widths(
            {
                Col.START: 9,
                Col.DURATION: 8,
                Col.END: 8,
                Col.TITLE: 30,
                Col.FOLLOWS: 18,
                Col.PLACE: 18,
                Col.ROLES: 20,
                Col.PEOPLE: 14,
                Col.ACTUAL: 19,
            }
        )
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(Col.ACTUAL), header.visualIndex(Col.END) + 1)
        self.timeline = TimelineView()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("schedule_splitter")
        self.splitter.addWidget(self.table)
        # Every lane stays reachable (to select or drag its cues) when the pane is short.
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setObjectName("timeline_scroll")
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.timeline_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.timeline_scroll.setWidget(self.timeline)
        self.splitter.addWidget(self.timeline_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        lay = QVBoxLayout(self)
        lay.setSpacing(SPACING)
        buttons = row_layout(
            self.add_button,
            self.insert_button,
            self.duplicate_button,
            self.edit_button,
            self.delete_button,
            self.filter,
            stretch_after=4,
        )
        lay.addLayout(buttons)
        lay.addWidget(self.splitter, 1)
        self.setTabOrder(self.filter, self.table)
        self.setTabOrder(self.table, self.timeline)

        self.add_button.clicked.connect(self.add_cue)
        self.duplicate_button.clicked.connect(self.duplicate_cue)
        self.filter.textChanged.connect(self._apply_filter)
        wire_table(
            self.table,
            insert=self.insert_cue,
            edit=self.edit_cue,
            delete=self.delete_cue,
            selection_changed=self._selection_changed,
            buttons=(self.insert_button, self.edit_button, self.delete_button),
            more_keys=(
                (QKeySequence("Ctrl+D"), self.duplicate_cue, N_("Duplicate the selected cue")),
            ),
        )
        self.timeline.cue_clicked.connect(self.table.select_id)
        from ui.tabs.schedule_bulk import ScheduleBulk

        self.bulk = ScheduleBulk(self)  # the Selection menu (shift, delete), after Delete
        buttons.insertWidget(buttons.indexOf(self.delete_button) + 1, self.bulk.sel.button)
        schedule_retime.wire(self)
        self.retranslate()
        self._update_buttons()

    # --- ActionTab ------------------------------------------------------------------------------
    def title(self) -> str:
        return _("Schedule")

    def retranslate(self) -> None:
        # No Alt+letter: every letter of "Add cue" is taken on this page (Insert adds a cue)
        set_button_text(self.add_button, _("Add cue"))
        self.add_button.setToolTip(_("Add a cue after the last one"))
        set_button_text(self.insert_button, _("&Insert after"))
        self.insert_button.setToolTip(_("A chained cue right after the selected one (Insert)"))
        set_button_text(self.duplicate_button, _("Dup&licate"))
        self.duplicate_button.setToolTip(_("Copy the selected cue after it (Ctrl+D)"))
        set_button_text(self.edit_button, _("Edit…"))
        self.edit_button.setToolTip(_("Edit the selected cue (Enter or F2)"))
        set_button_text(self.delete_button, _("&Delete"))
        self.delete_button.setToolTip(_("Delete the selected cue (Del)"))
        self.filter.setPlaceholderText(_("Filter cues…"))
        self.filter.setAccessibleName(_("Filter cues"))
        self.table.setAccessibleName(_("Run of show"))
        self.splitter.setAccessibleName(_("Schedule"))
        self.model.retranslate()
        self.timeline.retranslate()
        if hasattr(self, "bulk"):
            self.bulk.sel.retranslate()
        schedule_retime.retranslate(self)
        self._update_empty_text()

    def set_action(self, action_id: int | None) -> None:
        self.filter.clear()
        super().set_action(action_id)

    def reload(self) -> None:
        if self.action_id is None:
            self.info = None
            self.model.clear()
            self.timeline.set_rows([], [], None)
        else:
            self.info = self.ctx.query(views.action_info, self.action_id)
            self.tz = zone(self.info.timezone)
            self.model.tz = self.tz
            rows = self.ctx.query(views.schedule_rows, self.action_id)
            self.roles = self.ctx.query(views.role_choices, self.action_id)
            self.model.sync(rows)
            bounds = (self.info.starts_at, self.info.ends_at)
            self.timeline.set_rows(rows, self.roles, self.tz, bounds)
        self._update_empty_text()
        self._update_buttons()
        # Live mode's Actual column: shown once the caller recorded a time, beside End
        ran = any(r.actual_start is not None for r in self.model.all_rows())
        self.table.setColumnHidden(Col.ACTUAL, not ran)
        clashes = sum(1 for r in self.model.all_rows() if r.clashes)
        self.badge_changed.emit(str(clashes) if clashes else "")

    def on_changed(self, change: Change) -> None:
        if change.entity in ("release", "task", "media_contact", "settings", "contact"):
            return
        super().on_changed(change)

    def focus_entity(self, entity: str, entity_id: int) -> bool:
        if entity != "cue":
            return False
        return reveal(self.table, entity_id, reset_filters=self.filter.clear)

    # --- helpers --------------------------------------------------------------------------------
    def _update_empty_text(self) -> None:
        if self.action_id is None:
            text = _("Select an action to see its run of show")
        elif self.model.all_rows() and self.filter.text():
            text = _("No cue matches “{text}”").format(text=self.filter.text())
        else:
            text = _("No cues yet — press Insert or click Add cue")
        self.table.set_empty_text(text)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        if not needle:
            self.model.set_filter(None)
        else:

            def match(row: views.ScheduleRow) -> bool:
                hay = " ".join(
                    (row.title, row.place, *row.role_names, *row.aliases, *row.prop_names)
                )
                return needle in hay.casefold()

            self.model.set_filter(match)
        self._update_empty_text()
        self._update_buttons()

    def _selection_changed(self, *_args) -> None:
        self.timeline.select(self.table.selected_id())
        rect = self.timeline.block_rect(self.table.selected_id())
        if rect is not None:
            center = rect.center().toPoint()
            self.timeline_scroll.ensureVisible(center.x(), center.y(), 20, int(rect.height()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_action = self.action_id is not None
        selected = self.table.selected_id() is not None
        self.add_button.setEnabled(has_action)
        for b in (self.duplicate_button, self.edit_button, self.delete_button):
            b.setEnabled(has_action and selected)
        self.insert_button.setEnabled(has_action)
        if hasattr(self, "bulk"):
            self.bulk.sel.update_enabled()

    def selected_row(self) -> views.ScheduleRow | None:
        rid = self.table.selected_id()
        return None if rid is None else self.model.get(rid)

    def _editor(self, **kwargs):
        from ui.dialogs.cue_editor import CueEditor

        people = self.ctx.query(
            views.people_choices,
            self.action_id,
            also=tuple(kwargs["row"].participant_ids) if kwargs.get("row") else (),
        )
        props = self.ctx.query(views.prop_choices, self.action_id)
        return CueEditor(
            self,
            self.ctx,
            action_id=self.action_id,
            tz=self.tz,
            roles=self.roles,
            people=people,
            props=props,
            cues=self.model.all_rows(),
            **kwargs,
        )

    # --- commands -------------------------------------------------------------------------------
    def add_cue(self) -> None:
        if self.action_id is None:
            return
        rows = self.model.all_rows()
        start = max(r.ends_at for r in rows) if rows else self.info.starts_at
        run_editor(self._editor(start=start), self.table)

    def insert_cue(self) -> None:
        if self.action_id is None:
            return
        after = self.selected_row()
        if after is None:
            self.add_cue()
            return
        run_editor(self._editor(after=after), self.table)

    def edit_cue(self) -> None:
        row = self.selected_row()
        if row is not None:
            run_editor(self._editor(row=row), self.table)

    def duplicate_cue(self) -> None:
        from ui.dialogs.cue_editor import insert_cue

        row = self.selected_row()
        if row is None:
            return
        values = {
            "title": row.title,
            "minutes": row.minutes,
            "place": row.place,
            "instructions": row.instructions,
            "role_ids": list(row.role_ids),
            "participant_ids": list(row.participant_ids),
            "prop_ids": list(row.prop_ids),
        }
        try:
            new_id = insert_cue(
                self.ctx,
                after=row,
                values=values,
                text=_("Duplicate cue “{title}”").format(title=row.title),
            )
        except EditFailed as exc:
            show_error(self, exc.error)
            return
        self.table.select_id(new_id)

    def delete_cue(self) -> None:
        if len(self.table.selectionModel().selectedRows()) > 1:
            self.bulk.delete()  # one question naming the count, one undo step
            return
        delete_selected(
            self,
            self.table,
            entity="cue",
            undo_text=lambda row: _("Delete cue “{title}”").format(title=row.title),
            reselect=True,
        )
