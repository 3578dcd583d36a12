"""The Props tab: what is needed, who carries it, what it costs, which cues use it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.domain.enums import PropStatus, values
from app.domain.timeutil import zone
from app.i18n import _
from app.services import views
from app.services.changes import Change
from app.services.readiness import status_label
from app.services.settings import read_settings
from ui.models.props import PropCol, PropModel, money
from ui.tabs._common import (
    SPACING,
    EmptyTableView,
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

RELEVANT = ("prop", "cue", "participant", "assignment", "settings", "action", "*")


class PropsTab(ActionTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("props_tab")
        self.add_button = button("", "add_prop", icon_name="add")
        self.edit_button = button("", "edit_prop")
        self.delete_button = button("", "delete_prop", icon_name="delete")
        self.status_label = QLabel()
        self.status = QComboBox()
        self.status.setObjectName("prop_status_filter")
        self.status_label.setBuddy(self.status)
        self.filter = filter_box("prop_filter", _("Filter props…"))
        self.model = PropModel(self)
        self.table = EmptyTableView("props_table")
        self.table.setModel(self.model)
        self.table.set_widths(
            {
                PropCol.NAME: 34,
                PropCol.QUANTITY: 6,
                PropCol.STATUS: 10,
                PropCol.CARRIERS: 16,
                PropCol.COST: 11,
                PropCol.USED_IN: 22,
            }
        )
        self.total = QLabel()
        self.total.setObjectName("props_total")
        self.total.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        lay = QVBoxLayout(self)
        lay.setSpacing(SPACING)
        buttons = row_layout(
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.status_label,
            self.status,
            self.filter,
            stretch_after=2,
        )
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        lay.addLayout(row_layout(self.total, stretch_after=None))
        self.setTabOrder(self.status, self.filter)
        self.setTabOrder(self.filter, self.table)

        self.status.currentIndexChanged.connect(self._apply_filter)
        self.filter.textChanged.connect(self._apply_filter)
        wire_table(
            self.table,
            insert=self.add_prop,
            edit=self.edit_prop,
            delete=self.delete_prop,
            selection_changed=self._update_buttons,
            buttons=(self.add_button, self.edit_button, self.delete_button),
        )
        from ui.tabs.items_bulk import PropsBulk

        self.bulk = PropsBulk(self)  # the Selection menu, after Delete
        buttons.insertWidget(buttons.indexOf(self.delete_button) + 1, self.bulk.sel.button)
        self.retranslate()
        self._update_buttons()

    def title(self) -> str:
        return _("Props")

    def retranslate(self) -> None:
        set_button_text(self.add_button, _("Add p&rop…"))
        set_button_text(self.edit_button, _("Edit…"))
        set_button_text(self.delete_button, _("&Delete"))
        self.status_label.setText(_("&Status:"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(_("All"), None)
        for value in values(PropStatus):
            self.status.addItem(status_label(value), value)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self.status.blockSignals(False)
        self.status.setAccessibleName(_("Show props with status"))
        self.filter.setPlaceholderText(_("Filter props…"))
        self.filter.setAccessibleName(_("Filter props"))
        self.table.setAccessibleName(_("Props"))
        self.model.retranslate()
        if hasattr(self, "bulk"):
            self.bulk.sel.retranslate()
        self._update_total()
        self._update_empty_text()

    def set_action(self, action_id: int | None) -> None:
        self.filter.clear()
        self.status.setCurrentIndex(0)
        super().set_action(action_id)

    def reload(self) -> None:
        if self.action_id is None:
            self.model.clear()
        else:
            info = self.ctx.query(views.action_info, self.action_id)
            self.model.tz = zone(info.timezone)
            currency = self.ctx.query(read_settings).currency
            self.model.sync(self.ctx.query(views.prop_rows, self.action_id))
            if currency != self.model.currency:
                self.model.currency = currency
                self.model.retranslate()  # every cost is shown again in the new currency
        self._update_total()
        self._update_empty_text()
        self._update_buttons()

    def on_changed(self, change: Change) -> None:
        if change.entity in RELEVANT:
            if change.entity == "settings":
                self.reload()
            else:
                super().on_changed(change)

    def focus_entity(self, entity: str, entity_id: int) -> bool:
        if entity != "prop":
            return False
        return reveal(self.table, entity_id, reset_filters=self._reset_filters)

    def _reset_filters(self) -> None:
        self.filter.clear()
        self.status.setCurrentIndex(0)

    def _update_total(self) -> None:
        rows = self.model.visible_rows()
        total = sum((r.cost for r in rows if r.cost is not None), Decimal("0"))
        text = _("Total: {amount}").format(amount=money(total, self.model.currency))
        if len(rows) != len(self.model.all_rows()):
            text = _("Total of the props shown: {amount}").format(
                amount=money(total, self.model.currency)
            )
        self.total.setText(text)
        self.total.setAccessibleName(text)

    def _update_empty_text(self) -> None:
        if self.action_id is None:
            text = _("Select an action to see its props")
        elif self.model.all_rows():
            text = _("No prop matches the filter")
        else:
            text = _("No props yet — press Insert or click Add prop")
        self.table.set_empty_text(text)

    def _apply_filter(self, *_args) -> None:
        status = self.status.currentData()
        needle = self.filter.text().strip().casefold()
        if status is None and not needle:
            self.model.set_filter(None)
        else:

            def match(row: views.PropRow) -> bool:
                if status is not None and row.status != status:
                    return False
                hay = " ".join((row.name, row.notes, *row.carriers)).casefold()
                return needle in hay

            self.model.set_filter(match)
        self._update_total()
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

    def _dialog(self, row=None):
        from ui.dialogs.item_editors import PropDialog

        people = self.ctx.query(
            views.people_choices, self.action_id, also=tuple(row.carrier_ids) if row else ()
        )
        return PropDialog(self, self.ctx, action_id=self.action_id, people=people, row=row)

    def add_prop(self) -> None:
        if self.action_id is None:
            return
        run_editor(self._dialog(), self.table, on_saved=self._reset_filters)

    def edit_prop(self) -> None:
        edit_selected(self.table, self._dialog)

    def delete_prop(self) -> None:
        if len(self.table.selectionModel().selectedRows()) > 1:
            self.bulk.delete()  # one question naming the count, one undo step
            return
        delete_selected(
            self,
            self.table,
            entity="prop",
            undo_text=lambda row: _("Delete prop {name}").format(name=row.name),
            reselect=True,  # the next row, as in the schedule: Delete again deletes it
        )
