"""The commands on a table's selection: its context menu and a "Selection" button with the same
menu in the tab's row of buttons (Alt+C opens it), each one service operation, one undo step.

The table selects many rows (click, Shift+click, Ctrl+click, Ctrl+A). The commands are disabled
while nothing is selected and while the database is read-only (``always`` ones excepted: they
only read). After a bulk edit the same rows stay selected, so the next one is a keystroke away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QPushButton

from app.domain.errors import ConflictError
from app.i18n import _
from app.services.bulk_ops import Seen
from app.services.changes import Change
from ui.context import EditFailed
from ui.dialogs.form import FormDialog
from ui.tabs._common import confirm, set_button_text, show_error


class BulkDialog(FormDialog):
    """A form asking for the one value of a bulk edit. A refusal of the edit (it names a row
    and a time: often three lines) is shown across the dialog under the field, which grows to
    show it whole; a typing problem of the field stays beside it."""

    def show_error(self, error: Exception) -> None:
        from app.domain.errors import DomainError

        problems = error.problems if isinstance(error, DomainError) else ()
        text = "\n".join(p.message for p in problems) or str(error)
        self.problem("", text)
        if problems and problems[0].path.split(".")[-1] in self.fields:
            self.fields[problems[0].path.split(".")[-1]].setFocus()

    def problem(self, name: str, text: str, *, focus: bool = True) -> None:
        super().problem(name, text, focus=focus)
        self.adjustSize()


class SelectionTools:
    def __init__(self, tab, view, *, name: str) -> None:
        self.tab, self.view = tab, view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.menu = QMenu(tab)
        self.menu.setObjectName(f"{name}_menu")
        self.button = QPushButton()
        self.button.setObjectName(f"{name}_button")
        self.button.setMenu(self.menu)
        self.actions: dict[str, QAction] = {}
        self.always: set[str] = set()
        self.texts: dict[str, Callable[[], str]] = {}
        view.selectionModel().selectionChanged.connect(lambda *_a: self.update_enabled())

    # --- building -------------------------------------------------------------------------------
    def add(
        self, name: str, text: Callable[[], str], handler: Callable[[], object], *, always=False
    ) -> QAction:
        """A command on the selection, in the context menu and the button's menu."""
        act = QAction(self.view)
        act.setObjectName(name)
        act.triggered.connect(lambda _checked=False: handler())
        return self.adopt(act, text, always=always)

    def adopt(self, act: QAction, text: Callable[[], str] | None = None, *, always=False):
        """An action already on the table (its context menu): in the button's menu too."""
        if act not in self.view.actions():
            self.view.addAction(act)
        self.menu.addAction(act)
        self.actions[act.objectName()] = act
        if text is not None:
            self.texts[act.objectName()] = text
        if always:
            self.always.add(act.objectName())
        return act

    def separator(self, *, menu: bool = True, view: bool = True) -> None:
        if view:
            sep = QAction(self.view)
            sep.setSeparator(True)
            self.view.addAction(sep)
        if menu:
            self.menu.addSeparator()

    def retranslate(self) -> None:
        # Translators: the button that opens the commands on the selected rows of a table.
        set_button_text(self.button, _("Sele&ction"))
        self.button.setToolTip(
            _("Commands on every selected row (also on the table's context menu)")
        )
        for name, text in self.texts.items():
            self.actions[name].setText(text())

    def update_enabled(self) -> None:
        has = self.tab.action_id is not None and self.view.selectionModel().hasSelection()
        writable = not getattr(self.tab.ctx.store, "read_only", False)
        for name, act in self.actions.items():
            act.setEnabled(has and (writable or name in self.always))
        self.button.setEnabled(has and (writable or bool(self.always)))

    # --- running --------------------------------------------------------------------------------
    def selected_rows(self) -> list:
        model = self.view.model()
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [model.get(model.id_at(r)) for r in rows]

    def seen(self, shown: Callable | None = None, *, versioned: bool = True) -> list[Seen]:
        """The selected rows as the user sees them: version, and the values ``shown(row)``."""
        return [
            Seen(r.id, r.version if versioned else None, shown(r) if shown else {})
            for r in self.selected_rows()
        ]

    def run(self, text: str, op: Callable, *, parent=None) -> bool:
        """Run ``op(session)`` as one undo step named ``text``; a refusal is shown (nothing was
        changed) and False returned. ``parent``: a dialog that shows the refusal itself
        (EditFailed is raised then)."""
        ids = [r.id for r in self.selected_rows()]
        try:
            self.tab.ctx.run_op(text, op)
        except EditFailed as exc:
            if isinstance(exc.error, ConflictError) and exc.error.entity:
                # Show what the other organiser did, under the message that names it.
                entity, rid = exc.error.entity, exc.error.entity_id
                kind = "deleted" if exc.error.deleted else "reloaded"
                self.tab.ctx.changed.emit(Change(entity, (rid,) if rid else (), kind, None))
            if parent is not None:
                raise
            if not exc.shown:
                show_error(self.tab, exc.error)
            return False
        self.reselect(ids)
        return True

    def delete(self, *, entity: str, question: str, title: str, text: str) -> bool:
        """Delete every selected row after one ``question`` (it names how many)."""
        from app.services import bulk_ops

        if not self.selected_rows() or not confirm(self.tab, question, title=title):
            return False
        seen = self.seen()
        ok = self.run(text, lambda s: bulk_ops.delete_rows(s, entity=entity, rows=seen))
        self.view.setFocus()
        return ok

    def reselect(self, ids: list[int]) -> None:
        """Select the rows ``ids`` again (a reload may have dropped the selection)."""
        model = self.view.model()
        selection = QItemSelection()
        for rid in ids:
            row = model.row_of(rid)
            if row >= 0:
                selection.select(model.index(row, 0), model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().select(selection, flags)
