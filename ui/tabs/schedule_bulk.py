"""Bulk edits on the Schedule table: shift the selected cues by N minutes (the chain rules of
``app.services.cue_shift``) or delete them after one question naming how many. Each is one
service operation and one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.i18n import _, ngettext, ui
from app.services.cue_shift import MAX_SHIFT, shift
from ui.tabs._common import fmt_minutes
from ui.tabs.bulk_tools import BulkDialog, SelectionTools
from ui.widgets.unit_spin import UnitSpinBox


def shift_text(rows, minutes: int) -> str:
    duration = fmt_minutes(abs(minutes))
    n = len(rows)
    if n == 1:
        if minutes > 0:
            one = _("Move “{title}” {duration} later")
        else:
            one = _("Move “{title}” {duration} earlier")
        return one.format(title=rows[0].title, duration=duration)
    if minutes > 0:
        many = ngettext("Move {n} cue {duration} later", "Move {n} cues {duration} later", n)
    else:
        many = ngettext("Move {n} cue {duration} earlier", "Move {n} cues {duration} earlier", n)
    return many.format(n=ui().number(n), duration=duration)


class ShiftDialog(BulkDialog):
    """How many minutes to move the selected cues (negative: earlier)."""

    def __init__(self, tools: ScheduleBulk) -> None:
        self.tools = tools
        self.rows = tools.sel.selected_rows()
        n = len(self.rows)
        super().__init__(
            tools.tab,
            title=ngettext("Shift {n} cue", "Shift {n} cues", n).format(n=ui().number(n)),
            name="bulk_shift",
        )
        self.minutes = self.add_field(
            "minutes", _("&Minutes:"), UnitSpinBox("duration-minute", "short")
        )
        self.minutes.setRange(-MAX_SHIFT, MAX_SHIFT)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(5)
        self.minutes.setToolTip(
            _("Later by this many minutes; a negative number moves the cues earlier")
        )
        hint = QLabel(
            _(
                "A negative number moves the cues earlier. The cues chained after them move "
                "with them; a cue pushed past the end of the action stops the whole shift."
            )
        )
        hint.setObjectName("shift_hint")
        hint.setWordWrap(True)
        self.layout().insertWidget(1, hint)
        self.minutes.selectAll()
        self.minutes.setFocus()

    def save(self) -> bool:
        minutes = self.minutes.value()
        rows = self.tools.sel.seen(lambda r: {"starts_at": r.starts_at})
        return self.tools.sel.run(
            shift_text(self.rows, minutes),
            lambda s: shift(s, rows=rows, minutes=minutes),
            parent=self,
        )


class ScheduleBulk:
    def __init__(self, tab) -> None:
        self.tab = tab
        self.sel = SelectionTools(tab, tab.table, name="schedule_bulk")
        self.sel.add("shift_selected", lambda: _("&Shift by minutes…"), self.shift)
        self.sel.separator()
        self.sel.add("delete_selected_cues", lambda: _("&Delete the selected cues…"), self.delete)

    def shift(self) -> None:
        if self.sel.selected_rows():
            ShiftDialog(self).exec()
            self.tab.table.setFocus()

    def delete(self) -> bool:
        n = len(self.sel.selected_rows())
        question = ngettext(
            "Delete the {n} selected cue? The cues chained to it keep their times. "
            "Edit → Undo brings it back.",
            "Delete the {n} selected cues? The cues chained to them keep their times. "
            "Edit → Undo brings them all back in one step.",
            n,
        ).format(n=ui().number(n))
        text = ngettext("Delete {n} cue", "Delete {n} cues", n).format(n=ui().number(n))
        return self.sel.delete(entity="cue", question=question, title=_("Delete cues"), text=text)
