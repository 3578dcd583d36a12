"""The directory: every participant of the organisation, filtered by alias as you type.

Personal data stays hidden until "Reveal personal data" is pressed (in the list and in the
editor). Ten thousand people filter within a keystroke: an in-memory index of casefolded aliases
picks the ids, and the model shows them (benchmarks/directory_filter.py measures it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext, ui
from app.services import views
from app.services.changes import Change
from ui.context import EditFailed
from ui.dialogs.form import INVALID, FormDialog
from ui.models.directory import DIR_PERSONAL, DirCol, DirectoryModel
from ui.tabs._common import (
    SPACING,
    EmptyTableView,
    button,
    confirm,
    filter_box,
    row_layout,
    show_error,
)
from ui.widgets.bidi_delegate import left_to_right
from ui.widgets.text_edit import plain_text
from ui.widgets.typed_date import OptionalDateField

PERSONAL = ("full_name", "phone", "email", "notes", "consent_given_on", "consent_scope")


class ParticipantDialog(FormDialog):
    """A participant's fields; the personal ones are read only once the user reveals them."""

    def __init__(self, parent, ctx, *, participant_id: int | None = None, reveal=False) -> None:
        title = _("Edit participant") if participant_id else _("New participant")
        super().__init__(parent, title=title, name="participant_editor")
        self.ctx, self.pid = ctx, participant_id
        self.saved_id: int | None = None
        self.original: dict = {}
        self.alias = self.add_field("alias", _("&Alias:"), QLineEdit())
        self.language = self.add_field("language", _("&Language:"), QLineEdit())
        self.language.setPlaceholderText(_("e.g. fr, en, de"))
        self.photos = self.add_field(
            "consent_photos", _("P&hotos:"), QCheckBox(_("Agrees to be photographed"))
        )
        self.reveal = QPushButton(_("Reveal &personal data"))
        self.reveal.setObjectName("reveal_personal")
        self.reveal.setCheckable(True)
        self.form.addRow("", self.reveal)
        self.personal: dict[str, QWidget] = {
            "full_name": self.add_field("full_name", _("&Full name:"), QLineEdit()),
            "phone": self.add_field("phone", _("P&hone:"), left_to_right(QLineEdit())),
            "email": self.add_field("email", _("&E-mail:"), left_to_right(QLineEdit())),
            "notes": self.add_field("notes", _("&Notes:"), QPlainTextEdit()),
            "consent_given_on": self.add_field(
                "consent_given_on",
                _("&Consent given on:"),
                OptionalDateField(none_text=N_("No date")),  # typed like every date field
            ),
            "consent_scope": self.add_field("consent_scope", _("Consent &scope:"), QLineEdit()),
        }
        self.personal["notes"].setTabChangesFocus(True)
        self.personal["notes"].setFixedHeight(self.fontMetrics().height() * 4)
        if participant_id:
            self.original = ctx.query(views.participant_values, participant_id)
            self.alias.setText(self.original["alias"])
            self.language.setText(self.original["language"])
            self.photos.setChecked(self.original["consent_photos"])
        self._loaded = not participant_id  # a new person has nothing to hide yet
        self.reveal.toggled.connect(self._reveal)
        self.reveal.setChecked(reveal or not participant_id)
        self._reveal(self.reveal.isChecked())
        self.alias.setFocus()

    def _reveal(self, on: bool) -> None:
        if on and not self._loaded:
            o = self.original
            for name in ("full_name", "phone", "email", "consent_scope"):
                self.personal[name].setText(o[name] or "")
            self.personal["notes"].setPlainText(o["notes"] or "")
            given = o["consent_given_on"]
            self.personal["consent_given_on"].set_value(given)
            self._loaded = True
        for widget in self.personal.values():
            self.form.setRowVisible(widget.parentWidget(), on)
        self.reveal.setVisible(not on)

    def values(self) -> dict | None:
        out = {
            "alias": self.alias.text().strip(),
            "language": self.language.text().strip(),
            "consent_photos": self.photos.isChecked(),
        }
        if self._loaded:
            for name in ("full_name", "phone", "email", "consent_scope"):
                out[name] = self.personal[name].text().strip()
            out["notes"] = plain_text(self.personal["notes"]).strip()
            try:
                out["consent_given_on"] = self.personal["consent_given_on"].read()
            except ValueError as exc:
                self.problem("consent_given_on", str(exc), focus=False)
                out["consent_given_on"] = INVALID
        if INVALID in out.values():
            self.refuse("participant", out, row_id=self.pid)
            return None
        return out

    def save(self) -> bool:
        values = self.values()
        if values is None:
            return False
        if self.pid is None:
            label = values["alias"] or _("participant")
            self.saved_id = self.ctx.create(
                "participant", _("New participant {alias}").format(alias=label), **values
            )
            return True
        changed = {k: v for k, v in values.items() if self.original.get(k) != v}
        if changed:
            self.ctx.update(
                "participant",
                self.pid,
                _("Edit participant {alias}").format(alias=values["alias"]),
                expected_version=self.original["version"],
                **changed,
            )
        self.saved_id = self.pid
        return True


class DirectoryDialog(QDialog):
    #: it reloads itself from whichever database the window opens (ctx.changed: EVERYTHING)
    follows_store = True

    def __init__(self, parent: QWidget | None, ctx) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("directory")
        self.setWindowTitle(_("Directory of participants"))
        self.setAccessibleName(_("Directory of participants"))
        self.filter = filter_box("directory_filter", _("Filter by alias…"))
        self.filter_label = QLabel(_("&Filter:"))
        self.filter_label.setBuddy(self.filter)
        self.count = QLabel()
        self.count.setObjectName("directory_count")
        self.model = DirectoryModel(self)
        self.table = EmptyTableView("directory_table")
        self.table.setAccessibleName(_("Participants"))
        self.table.setModel(self.model)
        self.table.set_widths(
            {
                DirCol.ALIAS: 18,
                DirCol.LANGUAGE: 14,
                DirCol.PHOTOS: 10,
                DirCol.ACTIONS: 8,
                DirCol.FULL_NAME: 20,
                DirCol.PHONE: 18,
                DirCol.EMAIL: 24,
                DirCol.CONSENT: 22,
            }
        )
        self.new_button = button(_("&New…"), "new_participant")
        self.edit_button = button(_("&Edit…"), "edit_participant")
        self.delete_button = button(_("&Delete"), "delete_participant")
        self.reveal = QPushButton(_("Reveal &personal data"))
        self.reveal.setObjectName("reveal_personal")
        self.reveal.setCheckable(True)
        self.reveal.setAccessibleName(_("Reveal personal data"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter in the table edits the selected person; it must not also press a button.
        for b in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.reveal,
            buttons.button(QDialogButtonBox.StandardButton.Close),
        ):
            b.setAutoDefault(False)
            b.setDefault(False)
        lay = QVBoxLayout(self)
        lay.setSpacing(SPACING)
        lay.addLayout(row_layout(self.filter_label, self.filter, self.count))
        lay.addWidget(self.table, 1)
        lay.addLayout(
            row_layout(self.new_button, self.edit_button, self.delete_button, self.reveal)
        )
        lay.addWidget(buttons)
        self.resize(820, 560)

        self.rows: list[views.DirectoryRow] = []
        self.index = views.DirectoryIndex([])
        self.filter.textChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_participant)
        self.edit_button.clicked.connect(self.edit_participant)
        self.delete_button.clicked.connect(self.delete_participant)
        self.reveal.toggled.connect(self._reveal)
        self.table.activated.connect(lambda _i: self.edit_participant())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_participant
        ).setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self.table, self.new_participant).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        ctx.changed.connect(self._changed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DirCol.ALIAS, header.ResizeMode.Stretch)
        self._show_personal(False)
        self.reload()
        self.filter.setFocus()

    def reload(self) -> None:
        self.rows = self.ctx.query(views.directory_rows, personal=self.reveal.isChecked())
        self.index = views.DirectoryIndex(self.rows)
        self.model.sync(self.rows)
        self.apply_filter(self.filter.text())

    def apply_filter(self, text: str) -> None:
        shown = self.index.filter(text)
        self.model.set_visible_ids([r.id for r in shown])
        self._show_count(len(shown), text)

    def _show_count(self, shown: int, text: str) -> None:
        total = len(self.rows)
        if text.strip():
            self.count.setText(
                _("{n} of {total}").format(n=ui().number(shown), total=ui().number(total))
            )
        else:
            self.count.setText(
                ngettext("{n} participant", "{n} participants", total).format(n=ui().number(total))
            )
        self.table.set_empty_text(
            _("Nobody’s alias contains “{text}” — click New to add them").format(text=text.strip())
            if text.strip()
            else _("The directory is empty — click New, or import a CSV file from People")
        )
        self._update_buttons()

    def _changed(self, change: Change) -> None:
        if change.entity == "participant" and 0 < len(change.ids) <= 500:
            self.refresh_people(change.ids)
        elif change.entity in ("participant", "assignment", "action", "*"):
            self.reload()

    def refresh_people(self, ids) -> None:
        """Read again only the people an edit touched (10,000 rows stay where they are)."""
        fresh = self.ctx.query(views.directory_rows, personal=self.reveal.isChecked(), ids=ids)
        self.rows = views.merge_directory_rows(self.rows, fresh, ids)
        self.index = views.DirectoryIndex(self.rows)
        visible = [r.id for r in self.index.filter(self.filter.text())]
        self.model.refresh(self.rows, visible, ids)
        self._show_count(len(visible), self.filter.text())

    def _show_personal(self, on: bool) -> None:
        for column in DIR_PERSONAL:
            self.table.setColumnHidden(column, not on)

    def _reveal(self, on: bool) -> None:
        self._show_personal(on)
        self.reload()

    def _update_buttons(self, *_args) -> None:
        selected = self.table.selected_id() is not None
        writable = not self.ctx.store.read_only  # read-only: the rows can be read, not edited
        self.edit_button.setEnabled(selected and writable)
        self.delete_button.setEnabled(selected and writable)
        self.new_button.setEnabled(writable)

    def new_participant(self) -> None:
        if self.ctx.store.read_only:
            return
        dialog = ParticipantDialog(self, self.ctx)
        dialog.alias.setText(self.filter.text().strip())
        if dialog.exec() and dialog.saved_id:
            self.filter.clear()
            self.table.select_id(dialog.saved_id)

    def edit_participant(self) -> None:
        if self.ctx.store.read_only:
            return
        pid = self.table.selected_id()
        if pid is not None:
            ParticipantDialog(
                self, self.ctx, participant_id=pid, reveal=self.reveal.isChecked()
            ).exec()

    def delete_participant(self) -> None:
        if self.ctx.store.read_only:
            return
        pid = self.table.selected_id()
        if pid is None:
            return
        row = self.model.get(pid)
        question = _(
            "Delete {alias} from the directory? They are removed from every action too "
            "({n}). You can undo it."
        ).format(alias=row.alias, n=row.actions)
        if not confirm(self, question, title=_("Delete participant")):
            return
        try:
            self.ctx.delete(
                "participant",
                pid,
                _("Delete participant {alias}").format(alias=row.alias),
                expected_version=row.version,
            )
        except EditFailed as exc:
            show_error(self, exc.error)


def open_dialog(parent: QWidget | None, ctx) -> DirectoryDialog:
    """Open the directory (non-modal, so the plan stays usable beside it)."""
    dialog = DirectoryDialog(parent, ctx)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
