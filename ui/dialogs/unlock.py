"""Passphrases in the app: unlock an encrypted database, choose a new passphrase, change it.

The passphrase lives in memory only, inside the open store's connection factory: it is never
written to settings, logs or recent-file lists. A wrong one keeps the dialog open with a clear
message instead of failing later.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.passphrase import passphrase_problem
from app.i18n import _, ui
from ui import style


def strength(passphrase: str) -> tuple[int, str]:
    """(0 weak, 1 fair, 2 strong) and a hint: length matters most, words are easy to type."""
    if not passphrase:
        return 0, _("Use four or more random words: long beats complicated.")
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    if len(passphrase) >= 20 or (words >= 4 and len(passphrase) >= 16):
        return 2, _("Strong.")
    if len(passphrase) >= 12 and (kinds >= 2 or words >= 3):
        return 1, _("Fair. A few more words would make it strong.")
    return 0, _("Weak: a seized laptop could be opened by guessing. Use four or more words.")


def _password_edit(name: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(320)
    return edit


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice, with a strength hint and the reason it is refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = _password_edit("new_passphrase_edit", self)
        self.second = _password_edit("repeat_passphrase_edit", self)
        self.hint = QLabel(self)
        self.hint.setObjectName("strength_label")
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("new_passphrase_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        self.error.setVisible(False)
        form.addRow(_("New passphrase:"), self.first)
        form.addRow(_("Type it again:"), self.second)
        form.addRow("", self.hint)
        form.addRow("", self.error)
        self.first.textChanged.connect(self._update_hint)
        self._update_hint()

    def _update_hint(self) -> None:
        level, text = strength(self.first.text())
        color = (style.error_color, style.warning_color, style.success_color)[level](self)
        if not self.first.text():
            color = style.muted_color(self)
        self.hint.setText(text)
        self.hint.setStyleSheet(f"color: {style.css(color)};")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if self.window() is not None:
            self.window().adjustSize()

    def value(self) -> str | None:
        """The passphrase, or None after showing why it is refused."""
        first = self.first.text()
        problem = passphrase_problem(first)
        if problem:
            self.show_error(problem)
            self.first.setFocus()
            return None
        if self.second.text() != first:
            self.show_error(_("The two passphrases differ."))
            self.second.setFocus()
            return None
        self.show_error("")
        return first


class UnlockDialog(QDialog):
    """Asks for the passphrase of an encrypted file and checks it before closing."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.passphrase: str | None = None
        self.setObjectName("unlock_dialog")
        self.setWindowTitle(_("Unlock database"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setSpacing(style.SPACING)
        intro = QLabel(
            _("{name} is encrypted. Enter its passphrase to open it.").format(
                name=ui().isolated(self.path.name)
            ),
            self,
        )
        intro.setObjectName("unlock_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where = QLabel(str(self.path.parent), self)
        where.setObjectName("unlock_folder")
        style.lead(where)  # at the right in Arabic, under the sentence above
        where.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        layout.addWidget(where)
        self.edit = _password_edit("passphrase_edit", self)
        self.edit.setAccessibleName(_("Passphrase"))
        layout.addWidget(self.edit)
        self.show_box = QCheckBox(_("Show the passphrase"), self)
        self.show_box.setObjectName("show_passphrase_check")
        self.show_box.toggled.connect(
            lambda on: self.edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        layout.addWidget(self.show_box)
        self.error = QLabel(self)
        self.error.setObjectName("unlock_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Unlock"))
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.attempts = 0

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.adjustSize()

    def _try(self) -> None:
        from app.storage.cipher import check_passphrase

        text = self.edit.text()
        if not text:
            self.show_error(_("Enter the passphrase."))
            return
        self.attempts += 1
        if not check_passphrase(self.path, text):
            self.show_error(
                _(
                    "Wrong passphrase, or {name} is not a Cortège database. Try again "
                    "(attempt {n})."
                ).format(name=self.path.name, n=self.attempts)
            )
            self.edit.selectAll()
            self.edit.setFocus()
            return
        self.passphrase = text
        self.accept()


def ask_passphrase(parent: QWidget | None, path: Path | str) -> str | None:
    """A passphrase that opens ``path`` (checked), or None if the user cancelled."""
    dialog = UnlockDialog(parent, Path(path))
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.passphrase
        return None
    finally:
        dialog.edit.clear()
        dialog.deleteLater()


def unlock_store(parent: QWidget | None, path: Path | str):
    """Ask for the passphrase until the store opens; None if the user cancelled."""
    from app.domain.errors import CortegeError
    from app.storage.engine import open_store

    while True:
        passphrase = ask_passphrase(parent, path)
        if passphrase is None:
            return None
        try:
            return open_store(str(path), passphrase=passphrase)
        except CortegeError as exc:
            QMessageBox.warning(parent, _("Unlock database"), str(exc))


class ChangePassphraseDialog(QDialog):
    """Change the passphrase of the open database, or encrypt a plain one."""

    def __init__(self, parent: QWidget | None, ctx) -> None:
        super().__init__(parent)
        from app.storage.cipher import is_encrypted_file

        self.ctx = ctx
        self.path = ctx.store.path
        self.encrypted = is_encrypted_file(self.path)
        self.setObjectName("change_passphrase_dialog")
        self.setWindowTitle(_("Change passphrase") if self.encrypted else _("Encrypt database"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setSpacing(style.SPACING)
        if self.encrypted:
            text = _("Choose a new passphrase for {name}. Nobody can recover a forgotten one.")
        else:
            text = _(
                "{name} is not encrypted: anyone holding the laptop can read the names and "
                "phone numbers in it. Choose a passphrase to encrypt it. Nobody can recover a "
                "forgotten one. Copies made before (backups) stay unencrypted."
            )
        intro = QLabel(text.format(name=ui().isolated(self.path.name)), self)
        intro.setObjectName("change_passphrase_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = _password_edit("current_passphrase_edit", self)
        if self.encrypted:
            form.addRow(_("Current passphrase:"), self.current)
        else:
            self.current.setVisible(False)
        self.current_error = QLabel(self)
        self.current_error.setObjectName("current_passphrase_error")
        self.current_error.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        self.current_error.setVisible(False)
        form.addRow("", self.current_error)
        layout.addLayout(form)
        self.fields = NewPassphraseFields(self)
        layout.addWidget(self.fields)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            _("Change passphrase") if self.encrypted else _("Encrypt")
        )
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _apply(self) -> None:
        from app.domain.errors import CortegeError
        from app.storage.cipher import change_passphrase, check_passphrase, encrypt_store

        if self.encrypted and not check_passphrase(self.path, self.current.text()):
            self.current_error.setText(_("This is not the current passphrase."))
            self.current_error.setVisible(True)
            self.adjustSize()
            return
        self.current_error.setVisible(False)
        new = self.fields.value()
        if new is None:
            return
        try:
            if self.encrypted:
                change_passphrase(self.ctx.store, new)
            else:
                encrypt_store(self.ctx.store, new)
        except (CortegeError, OSError) as exc:
            self.fields.show_error(str(exc))
            return
        finally:
            self.current.clear()
        self.accept()


def open_change_passphrase(parent: QWidget | None, ctx) -> bool:
    """Change (or set) the passphrase of the open database; True when it was changed."""
    if ctx.store is None or ctx.store.path is None:
        QMessageBox.information(
            parent,
            _("Change passphrase"),
            _("Only a database file on this computer can be encrypted with a passphrase."),
        )
        return False
    dialog = ChangePassphraseDialog(parent, ctx)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class FilePassphraseDialog(QDialog):
    """The passphrase of a sealed file (CORTEGE1): to open one, or a new one (typed twice)."""

    def __init__(self, parent: QWidget | None, name: str, *, new: bool) -> None:
        super().__init__(parent)
        self.setObjectName("file_passphrase_dialog")
        self.setWindowTitle(_("Encrypted file"))
        self.passphrase: str | None = None
        self.new = new
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        text = (
            _("Choose a passphrase to seal {name}. Give it to the recipient another way.")
            if new
            else _("{name} is encrypted. Enter its passphrase.")
        )
        intro = QLabel(text.format(name=ui().isolated(name)), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields = NewPassphraseFields(self) if new else None
        self.edit = _password_edit("file_passphrase_edit", self)
        if self.fields is not None:
            layout.addWidget(self.fields)
            self.edit.setVisible(False)
        else:
            layout.addWidget(self.edit)
        self.error = QLabel(self)
        self.error.setObjectName("file_passphrase_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.adjustSize()

    def _accept(self) -> None:
        if self.fields is not None:
            value = self.fields.value()
            if value is None:
                return
        else:
            value = self.edit.text()
            if not value:
                self.show_error(_("Enter the passphrase."))
                return
        self.passphrase = value
        self.accept()


def ask_new_file_passphrase(parent: QWidget | None, name: str) -> str | None:
    """A new passphrase (typed twice) to seal an export or a backup; None if cancelled."""
    dialog = FilePassphraseDialog(parent, name, new=True)
    try:
        return dialog.passphrase if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def open_sealed(parent: QWidget | None, raw: bytes, name: str) -> bytes | None:
    """``raw`` itself, or decrypted when it is a sealed (CORTEGE1) file; None if cancelled.

    A wrong passphrase or an altered file keeps the dialog open with the reason.
    """
    from app.domain.errors import DomainError
    from app.services.envelope import decrypt, is_envelope

    if not is_envelope(raw):
        return raw
    dialog = FilePassphraseDialog(parent, name, new=False)
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                return decrypt(raw, dialog.passphrase or "")
            except DomainError as exc:
                dialog.edit.clear()
                dialog.show_error(str(exc))
        return None
    finally:
        dialog.deleteLater()
