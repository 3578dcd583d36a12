"""Export a press release: pick the release and the format, and for an e-mail draft the media
contacts who go in Bcc. The file is written atomically; rendering runs in this thread because a
one-page release takes a fraction of a second."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ui
from ui import style
from ui.context import EditFailed
from ui.file_dialogs import save_file_name

FORMAT_LABELS = {
    "pdf": N_("PDF on the letterhead"),
    "txt": N_("Plain text (to paste in an e-mail)"),
    "html": N_("HTML (e-mail or web body)"),
    "eml": N_("E-mail draft (.eml) with the PDF attached"),
}
FILTERS = {
    "pdf": N_("PDF files (*.pdf)"),
    "txt": N_("Text files (*.txt)"),
    "html": N_("HTML files (*.html)"),
    "eml": N_("E-mail drafts (*.eml)"),
}


class PressExportDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, ctx, action_id: int | None, *, release_id: int | None = None
    ) -> None:
        from app.services.media import media_list
        from app.services.press import list_releases

        super().__init__(parent)
        self.setObjectName("press_export_dialog")
        self.setWindowTitle(_("Export press release"))
        self.ctx, self.action_id = ctx, action_id  # None: no action selected, nothing to export
        self.saved_path: Path | None = None
        self.releases = ctx.query(list_releases, action_id) if action_id is not None else []
        self.contacts = (
            [c for c in ctx.query(media_list, action_id) if c.email and not c.purged]
            if action_id is not None
            else []
        )
        form = QFormLayout()
        self.release_box = QComboBox(self)
        self.release_box.setObjectName("export_release")
        for r in self.releases:
            # the headline isolated: in an Arabic window "„Wir begraben …“" threw its opening
            # mark to the far end of the item
            item = f"{ui().language_name(r.language)} — {ui().isolated(r.headline)}"
            self.release_box.addItem(item, r.id)
        if release_id is not None:
            self.release_box.setCurrentIndex(max(0, self.release_box.findData(release_id)))
        self.format_box = QComboBox(self)
        self.format_box.setObjectName("export_format")
        for key, label in FORMAT_LABELS.items():
            self.format_box.addItem(_(label), key)
        form.addRow(_("&Release:"), self.release_box)
        form.addRow(_("&Format:"), self.format_box)

        self.eml_box = QWidget(self)
        eml = QVBoxLayout(self.eml_box)
        eml.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(_("Send to (Bcc) — the action's media list:"), self.eml_box)
        self.recipients = QListWidget(self.eml_box)
        self.recipients.setObjectName("export_recipients")
        for c in self.contacts:
            item = QListWidgetItem(f"{c.outlet} — {c.name} <{c.email}>".replace(" —  <", " <"))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.recipients.addItem(item)
        self.privacy = QLabel(
            _(
                "The e-mail addresses you tick are written into the draft's Bcc field: the file "
                "then holds personal data of these journalists. Nobody is put in To, so they do "
                "not see each other."
            ),
            self.eml_box,
        )
        self.privacy.setObjectName("export_privacy")
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
        self.for_sending = QCheckBox(_("Record in the release's “sent to” log"), self.eml_box)
        self.for_sending.setObjectName("export_for_sending")
        eml.addWidget(heading)
        eml.addWidget(self.recipients)
        eml.addWidget(self.privacy)
        eml.addWidget(self.for_sending)

        self.message = QLabel(self)
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(_("&Save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("export_save")
        self.save_button.setEnabled(bool(self.releases))
        buttons.accepted.connect(self._ask_path)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.eml_box)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        if not self.releases:
            self.message.setText(_("This action has no press release to export yet."))
        self.release_box.currentIndexChanged.connect(self._preselect)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._preselect()
        self._format_changed()
        self.setMinimumWidth(520)

    def release_id(self) -> int | None:
        return self.release_box.currentData()

    def fmt(self) -> str:
        return self.format_box.currentData()

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def _preselect(self) -> None:
        """Tick the contacts who read the release's language (or whose language is unknown)."""
        rel = next((r for r in self.releases if r.id == self.release_id()), None)
        base = rel.language.split("_")[0] if rel else ""
        by_id = {c.id: c for c in self.contacts}
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            c = by_id[item.data(Qt.ItemDataRole.UserRole)]
            reads = not c.language or c.language.split("_")[0] == base
            item.setCheckState(Qt.CheckState.Checked if reads else Qt.CheckState.Unchecked)

    def _format_changed(self) -> None:
        self.eml_box.setVisible(self.fmt() == "eml")
        self.adjustSize()

    def chosen_contacts(self) -> list:
        by_id = {c.id: c for c in self.contacts}
        out = []
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(by_id[item.data(Qt.ItemDataRole.UserRole)])
        return out

    def default_name(self) -> str:
        from app.exports.press import EXTENSIONS

        rel = next((r for r in self.releases if r.id == self.release_id()), None)
        return f"{rel.key if rel else 'release'}{EXTENSIONS[self.fmt()]}"

    def _ask_path(self) -> None:
        path = save_file_name(
            self, _("Export press release"), self.default_name(), _(FILTERS[self.fmt()])
        )
        if path and self.save_to(path):
            self.accept()

    def save_to(self, path: str | Path) -> bool:
        """Render and write the file atomically; False (and the reason shown) on failure."""
        from app.domain.errors import CortegeError
        from app.exports.press import render
        from app.services.press_docs import load_release
        from app.storage.files import atomic_write

        rid = self.release_id()
        if rid is None:
            return False
        contacts = self.chosen_contacts() if self.fmt() == "eml" else []
        try:
            doc = self.ctx.query(load_release, rid)
            data = render(doc, self.fmt(), bcc=[c.email for c in contacts])
            atomic_write(path, data)
        except (OSError, CortegeError) as exc:
            self.message.setStyleSheet(f"color: {style.css(style.error_color(self))};")
            self.message.setText(_("Not saved: {reason}").format(reason=str(exc)))
            return False
        self.saved_path = Path(path)
        if self.fmt() == "eml" and self.for_sending.isChecked():
            self._record(rid, [c.id for c in contacts])
        self.message.setStyleSheet("")
        self.message.setText(_("Saved {path}").format(path=ui().isolated(str(path))))
        from ui.saved_notice import announce_saved

        announce_saved(self, self.message.text(), path)
        return True

    def _record(self, rid: int, contact_ids: list[int]) -> None:
        from app.services.press_ops import record_sends

        note = _("e-mail draft exported for sending")

        def op(session):
            return record_sends(session, release_id=rid, contact_ids=contact_ids, note=note)

        try:
            self.ctx.run_op(_("Record release as sent"), op)
        except EditFailed as exc:
            self.message.setText(str(exc))


def open_dialog(
    parent: QWidget | None, ctx, action_id: int | None, *, release_id: int | None = None
) -> PressExportDialog:
    dialog = PressExportDialog(parent, ctx, action_id, release_id=release_id)
    dialog.open()
    return dialog
