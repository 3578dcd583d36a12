"""Export → Volunteer pack…: who gets an e-mail draft and who does not, shown before writing.

The drafts are written in a worker (each renders a PDF) with progress and Cancel. The lists show
aliases only: the addresses are in the drafts, addressed one person each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import CortegeError
from app.i18n import _, ngettext, ui
from app.services.pack import pack_plan


class VolunteerPackDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("volunteer_pack_dialog")
        self.ctx = ctx
        self.handle = None
        self.plan = ctx.query(pack_plan, action_id)
        self.setWindowTitle(_("Volunteer pack — {title}").format(title=self.plan.title))
        intro = QLabel(
            _(
                "One e-mail draft per person, addressed to them alone, with their sheet to print, "
                "the same sheet for their phone and their calendar entry. Nothing is sent: open "
                "the drafts (or the .mbox file) in your mail program, check them and send them."
            )
        )
        intro.setWordWrap(True)
        self.drafts = QListWidget()
        self.drafts.setObjectName("pack_drafts")
        for draft in self.plan.drafts:
            lang = ui().language_name(draft.sheet.header.lang.split("_")[0])
            self.drafts.addItem(f"{draft.alias} — {lang}")
        self.drafts.setAccessibleName(_("People who get a draft"))
        self.unreachable = QListWidget()
        self.unreachable.setObjectName("pack_unreachable")
        for person in self.plan.unreachable:
            self.unreachable.addItem(person.describe())
        self.unreachable.setAccessibleName(_("People to reach another way"))
        drafts_label = QLabel(
            ngettext(
                "{n} person gets a draft:", "{n} people get a draft:", len(self.plan.drafts)
            ).format(n=ui().number(len(self.plan.drafts)))
        )
        drafts_label.setBuddy(self.drafts)
        if self.plan.unreachable:
            others = ngettext(
                "{n} person has no draft — reach them another way (Copy message on the People "
                "tab):",
                "{n} people have no draft — reach them another way (Copy message on the People "
                "tab):",
                len(self.plan.unreachable),
            ).format(n=ui().number(len(self.plan.unreachable)))
        else:
            others = _("Everybody with a part in the action gets a draft.")
        others_label = QLabel(others)
        others_label.setObjectName("pack_unreachable_label")
        self.unreachable.setVisible(bool(self.plan.unreachable))
        others_label.setWordWrap(True)
        others_label.setBuddy(self.unreachable)
        self.folder = QLineEdit()
        self.folder.setObjectName("pack_folder")
        self.folder.setPlaceholderText(_("Folder for the drafts"))
        browse = QPushButton(_("&Choose…"))
        browse.setObjectName("pack_browse")
        browse.clicked.connect(self._choose)
        folder_row = QHBoxLayout()
        folder_label = QLabel(_("&Folder:"))
        folder_label.setBuddy(self.folder)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.status = QLabel()
        self.status.setObjectName("pack_status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.write_button = buttons.addButton(
            _("&Write drafts"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.write_button.setObjectName("write_pack")
        self.write_button.setEnabled(bool(self.plan.drafts))
        self.write_button.clicked.connect(self.write)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(drafts_label)
        lay.addWidget(self.drafts, 2)
        lay.addWidget(others_label)
        lay.addWidget(self.unreachable, 1 if self.plan.unreachable else 0)
        lay.addLayout(folder_row)
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.resize(560, 520)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Save the drafts in"))
        if folder:
            self.folder.setText(folder)

    def write(self):
        """Write the pack into the chosen folder in a worker; returns its handle."""
        from app.exports.pack.drafts import stale_warning, write_pack
        from ui.workers import run_in_background

        folder = self.folder.text().strip()
        if not folder:
            self._choose()
            folder = self.folder.text().strip()
            if not folder:
                self.status.setText(_("Folder: choose where to write the drafts."))
                return None
        plan = self.plan

        def job(progress):
            def report(done: int, total: int) -> None:
                progress.report(done, total, plan.drafts[done - 1].alias)

            return write_pack(plan, folder, progress=report, cancelled=lambda: progress.cancelled)

        def done(result) -> None:
            self.status.setText(
                ngettext(
                    "{n} draft written in {folder}, with {mbox} and summary.txt.",
                    "{n} drafts written in {folder}, with {mbox} and summary.txt.",
                    len(result.drafts),
                ).format(
                    n=ui().number(len(result.drafts)),
                    folder=ui().isolated(str(folder)),
                    mbox=result.mbox.name if result.mbox else "",
                )
                + (" " + stale_warning(result.stale) if result.stale else "")
            )

        def failed(exc: BaseException) -> None:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.status.setText(_("Could not write the drafts: {reason}").format(reason=reason))

        self.handle = run_in_background(
            self,
            _("Writing the volunteer pack…"),
            job,
            on_done=done,
            on_error=failed,
            on_cancel=lambda: self.status.setText(_("Cancelled: some drafts were not written.")),
        )
        return self.handle


def open_dialog(parent: QWidget | None, ctx, action_id: int | None):
    """Export → Volunteer pack for ``action_id`` (non-modal; returns the dialog)."""
    if action_id is None:
        QMessageBox.information(parent, _("Volunteer pack"), _("Select an action first."))
        return None
    try:
        dialog = VolunteerPackDialog(parent, ctx, action_id)
    except CortegeError as exc:
        from ui.dialogs.error_dialog import show_error

        show_error(parent, exc)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
