"""The People tab's volunteer-pack tools: tick "confirmed" or "pack sent" for every selected
person in one undo step, and copy each person's message to paste into Signal or an SMS.

Replies are not automated (nothing is sent from here): the organiser reads them in their own
mail or messaging app and ticks them off, many at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView

from app.i18n import _, ngettext, ui
from app.services import assignment_marks
from app.services.pack import messages_for
from ui.tabs._common import EditFailed, set_button_text, show_error


class PackTools:
    """Actions on the people table of ``tab`` (a PeopleTab), its context menu and button."""

    def __init__(self, tab) -> None:
        self.tab = tab
        view = tab.people
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.actions: dict[str, QAction] = {}
        for name, handler, shortcut in (
            ("confirm_selected", lambda: self.mark("confirmed", True), None),
            ("unconfirm_selected", lambda: self.mark("confirmed", False), None),
            ("pack_sent_selected", lambda: self.mark("pack_sent", True), None),
            ("pack_unsent_selected", lambda: self.mark("pack_sent", False), None),
            ("copy_message", self.copy_message, QKeySequence("Ctrl+Shift+C")),
        ):
            act = QAction(view)
            act.setObjectName(name)
            act.triggered.connect(handler)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(act)
            self.actions[name] = act
            if name == "pack_unsent_selected":
                separator = QAction(view)
                separator.setSeparator(True)
                view.addAction(separator)
        tab.copy_message_button.clicked.connect(self.copy_message)
        tab.model.pack_sent_requested.connect(lambda aid, on: self.mark("pack_sent", on, [aid]))
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "confirm_selected": _("Mark as &confirmed"),
            "unconfirm_selected": _("Mark as &not confirmed"),
            "pack_sent_selected": _("Mark pack as &sent"),
            "pack_unsent_selected": _("Mark pack as not s&ent"),
            "copy_message": _("Copy &message"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)
        set_button_text(self.tab.copy_message_button, _("Copy &message"))
        self.tab.copy_message_button.setToolTip(
            _(
                "Copy a short message for each selected person (call time, meeting point, what to "
                "bring) in their language, to paste into Signal or an SMS"
            )
        )

    def update_enabled(self, has_selection: bool) -> None:
        # A read-only store (a read-only file, a server role without write rights) still lets
        # the organiser copy messages, but not tick anything.
        writable = not getattr(self.tab.ctx.store, "read_only", False)
        for name, act in self.actions.items():
            act.setEnabled(has_selection and (writable or name == "copy_message"))
        self.tab.copy_message_button.setEnabled(has_selection)

    def selected_rows(self) -> list:
        model = self.tab.model
        rows = sorted({index.row() for index in self.tab.people.selectionModel().selectedRows()})
        return [model.get(model.id_at(r)) for r in rows]

    def mark(self, flag: str, value: bool, ids: list[int] | None = None) -> None:
        """Set ``flag`` on the selected people (or ``ids``): one service call, one undo step."""
        tab = self.tab
        rows = [tab.model.get(i) for i in ids] if ids else self.selected_rows()
        if not rows or tab.action_id is None:
            return
        ids = [r.id for r in rows]
        aliases = list(dict.fromkeys(r.alias for r in rows))
        text = _undo_text(flag, value, aliases)

        try:
            tab.ctx.run_op(
                text,
                lambda session: assignment_marks.mark(session, ids=ids, flag=flag, value=value),
            )
        except EditFailed as exc:
            if not exc.shown:
                show_error(tab, exc.error)
            return
        for rid in ids:  # keep the selection, so the next tick is one keystroke away
            row = tab.model.row_of(rid)
            if row >= 0:
                tab.people.selectionModel().select(
                    tab.model.index(row, 0),
                    tab.people.selectionModel().SelectionFlag.Select
                    | tab.people.selectionModel().SelectionFlag.Rows,
                )

    def copy_message(self) -> str:
        """Put the selected people's messages on the clipboard; returns what was copied."""
        tab = self.tab
        rows = self.selected_rows()
        if not rows or tab.action_id is None:
            return ""
        pids = list(dict.fromkeys(r.participant_id for r in rows))
        messages = tab.ctx.query(messages_for, tab.action_id, pids)
        text = "\n\n".join(message for _alias, message in messages)
        QGuiApplication.clipboard().setText(text)
        window = tab.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                ngettext(
                    "Message for {alias} copied: paste it into Signal or an SMS",
                    "Messages for {n} people copied, one after the other",
                    len(messages),
                ).format(alias=messages[0][0], n=len(messages)),
                8000,
            )
        return text


def _undo_text(flag: str, value: bool, aliases: list[str]) -> str:
    n = len(aliases)
    if n == 1:
        single = {
            ("confirmed", True): _("Confirm {alias}"),
            ("confirmed", False): _("Unconfirm {alias}"),
            ("pack_sent", True): _("Mark the pack of {alias} as sent"),
            ("pack_sent", False): _("Mark the pack of {alias} as not sent"),
        }[(flag, value)]
        return single.format(alias=aliases[0])
    many = {
        ("confirmed", True): ngettext("Confirm {n} person", "Confirm {n} people", n),
        ("confirmed", False): ngettext("Unconfirm {n} person", "Unconfirm {n} people", n),
        ("pack_sent", True): ngettext(
            "Mark the pack of {n} person as sent", "Mark the packs of {n} people as sent", n
        ),
        ("pack_sent", False): ngettext(
            "Mark the pack of {n} person as not sent",
            "Mark the packs of {n} people as not sent",
            n,
        ),
    }[(flag, value)]
    return many.format(n=ui().number(n))
