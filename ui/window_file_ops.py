"""The window's file operations that the command line also has: encrypted bundles and backups,
restore, copy the database, the demo — each with the CLI's options (see docs/desktop.md for the
table of CLI commands and their window paths). Split from window_files.py to keep it small."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext, ui
from ui import style

DB_FILTER = "Cortège (*.sqlite3 *.sqlite *.db);;*"


def _error(window, exc: BaseException) -> None:
    from ui.dialogs.error_dialog import show_error

    show_error(window, exc)


class _ChoiceDialog(QDialog):
    """A short dialog: an explanation, a few fields or options, OK and Cancel."""

    def __init__(self, parent: QWidget | None, *, name: str, title: str, intro: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(style.GAP, style.GAP, style.GAP, style.GAP)
        self.layout_.setSpacing(style.SPACING)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("dialog_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def finish(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def check(self) -> bool:
        return True

    def _accept(self) -> None:
        if self.check():
            self.accept()


def encrypt_option(parent: QWidget, text: str) -> QCheckBox:
    box = QCheckBox(text, parent)
    box.setObjectName("encrypt_file")
    box.setAccessibleName(text.replace("&", ""))
    return box


# --- team database URL ---------------------------------------------------------------------------
class OpenUrlDialog(_ChoiceDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            parent,
            name="open_url_dialog",
            title=_("Open team database"),
            intro=_(
                "A PostgreSQL server shared by your team. Keep the password in ~/.pgpass, "
                "never in the URL."
            ),
        )
        self.url = QLineEdit(self)
        self.url.setObjectName("url_edit")
        self.url.setPlaceholderText("postgresql+psycopg://user@host/cortege")
        self.url.setAccessibleName(_("Database URL"))
        self.form.addRow(_("Database &URL:"), self.url)
        self.finish()

    def check(self) -> bool:
        if "://" not in self.url.text().strip():
            self.show_error(_("Database URL: type a URL such as postgresql+psycopg://user@host/db"))
            return False
        return True


def open_database_url(window) -> None:
    dialog = OpenUrlDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.open_database(dialog.url.text().strip())


# --- backup and restore ---
class BackupDialog(_ChoiceDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            parent,
            name="backup_dialog",
            title=_("Back up the database"),
            intro=_(
                "A consistent copy of the whole database, even while Cortège is open. A copy "
                "that leaves this computer (a USB stick, a cloud folder) should be sealed with "
                "its own passphrase."
            ),
        )
        self.encrypt = encrypt_option(self, _("&Seal the copy with a passphrase"))
        self.form.addRow(self.encrypt)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Back up…"))
        self.finish()


def backup_dialog(window) -> Path | None:
    from app.domain.errors import CortegeError
    from app.storage.backup import backup_sqlite
    from ui.file_dialogs import save_file_name

    store = window.ctx.store
    if store is None:
        return None
    dialog = BackupDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    seal = None
    if dialog.encrypt.isChecked():
        from app.services.envelope import encrypt
        from ui.dialogs.unlock import ask_new_file_passphrase

        passphrase = ask_new_file_passphrase(window, _("the backup"))
        if passphrase is None:
            return None

        def seal(data: bytes) -> bytes:
            return encrypt(data, passphrase)

    suggested = f"cortege-backup-{date.today().isoformat()}.sqlite3"
    path = save_file_name(window, _("Back up the database"), suggested, DB_FILTER)
    if path is None:
        return None
    try:
        backup_sqlite(store, path, seal=seal)
    except (CortegeError, OSError) as exc:
        _error(window, exc)
        return None
    from ui.saved_notice import show_saved

    show_saved(window, _("Backed up to {path}").format(path=ui().isolated(str(path))), path)
    return path


def restore_dialog(window) -> bool:
    """File → Restore from backup…: the open database is closed, replaced, and reopened."""
    from app.domain.errors import CortegeError
    from app.services.envelope import is_envelope
    from app.storage.backup import restore_backup
    from ui.dialogs.unlock import open_sealed
    from ui.file_dialogs import open_file_name

    store = window.ctx.store
    if store is None or store.path is None:
        QMessageBox.information(
            window,
            _("Restore from backup"),
            _("Only a database file on this computer can be restored from a backup."),
        )
        return False
    source = open_file_name(window, _("Restore from backup"), DB_FILTER)
    if source is None:
        return False
    try:
        raw = source.read_bytes()
    except OSError as exc:
        _error(window, exc)
        return False
    if is_envelope(raw):
        raw = open_sealed(window, raw, source.name)
        if raw is None:
            return False
    target = Path(store.path)
    answer = QMessageBox.question(
        window,
        _("Restore from backup"),
        _("Replace {db} with the backup {file}? The current database is kept beside it.").format(
            db=target.name, file=source.name
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False

    def passphrase() -> str:
        from ui.dialogs.unlock import FilePassphraseDialog

        ask = FilePassphraseDialog(window, source.name, new=False)
        ask.exec()
        return ask.passphrase or ""

    close_store(window)  # never replace a file under an open connection
    try:
        previous, _encrypted = restore_backup(
            raw, target, source=str(source), passphrase=passphrase
        )
    except (CortegeError, OSError) as exc:
        _error(window, exc)
        window.open_database(str(target))
        return False
    window.open_database(str(target))
    note = _("Restored {file}.").format(file=source.name)
    if previous is not None:
        note += " " + _("The previous database was kept as {path}").format(
            path=ui().isolated(str(previous))
        )
    window.statusBar().showMessage(note, 15000)
    return True


# --- copy the database ---
class CopyDatabaseDialog(_ChoiceDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            parent,
            name="copy_database_dialog",
            title=_("Copy the database"),
            intro=_(
                "Copy the whole plan to another SQLite file, or to an empty team database on a "
                "PostgreSQL server (give its URL)."
            ),
        )
        self.target = QLineEdit(self)
        self.target.setObjectName("copy_target")
        self.target.setAccessibleName(_("Copy to"))
        self.target.setPlaceholderText(_("a file path or postgresql+psycopg://user@host/db"))
        self.form.addRow(_("Copy &to:"), self.target)
        self.replace = QCheckBox(_("&Replace a plan that is already there"), self)
        self.replace.setObjectName("copy_replace")
        self.form.addRow(self.replace)
        self.finish()

    def check(self) -> bool:
        if not self.target.text().strip():
            self.show_error(_("Copy to: give a file path or a database URL"))
            return False
        return True


def copy_database_dialog(window) -> bool:
    from app.domain.errors import CortegeError
    from app.storage.transfer import copy_database, display

    store = window.ctx.store
    if store is None:
        return False
    dialog = CopyDatabaseDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    target = dialog.target.text().strip()
    try:
        report = copy_database(store.engine, target, replace=dialog.replace.isChecked())
    except (CortegeError, OSError) as exc:
        _error(window, exc)
        return False
    window.statusBar().showMessage(
        ngettext(
            "Copied {rows} row to {target}", "Copied {rows} rows to {target}", report.total
        ).format(rows=report.total, target=display(target)),
        10000,
    )
    return True


# --- demo ---
def add_demo(window) -> int | None:
    """Help → Add the demo action: one undo step, in the UI language."""
    from app.services.action_ops import add_demo
    from ui.context import EditFailed

    if window.ctx.store is None:
        return None

    try:
        action_id = window.ctx.run_op(_("Add the demo action"), add_demo)
    except EditFailed as exc:
        _error(window, exc)
        return None
    window.actions_panel.select(action_id)
    return action_id


# --- bundles ---
def read_bundle_bytes(window, path: Path) -> bytes | None:
    """The bytes of a bundle file, decrypted (asking its passphrase) when it is sealed."""
    from app.domain.errors import CortegeError
    from app.storage.files import MAX_IMPORT_BYTES, read_input
    from ui.dialogs.unlock import open_sealed

    try:
        raw = read_input(path, limit=MAX_IMPORT_BYTES)
    except (OSError, CortegeError) as exc:  # unreadable, a device, far too big
        _error(window, exc)
        return None
    return open_sealed(window, raw, path.name)


def seal_if_asked(window, data: bytes, *, encrypt: bool, name: str) -> bytes | None:
    if not encrypt:
        return data
    from app.services.envelope import encrypt as seal
    from ui.dialogs.unlock import ask_new_file_passphrase

    passphrase = ask_new_file_passphrase(window, name)
    if passphrase is None:
        return None
    return seal(data, passphrase)


def close_store(window) -> None:
    if window.live_updates is not None:
        window.live_updates.stop()
    store = window.ctx.store
    if store is None:
        return
    # Actions deleted in this window can no longer be undone: erase them for good (on a
    # shared server only day-old ones, since another organiser may still undo).
    from app.storage.engine import erase_deleted_actions

    erase_deleted_actions(store, closing=True)
    store.close()
