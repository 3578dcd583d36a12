"""New database: where, and (recommended, on by default) encrypted with a passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui import style
from ui.dialogs.unlock import NewPassphraseFields

DB_FILTER = "Cortège (*.sqlite3 *.sqlite *.db);;*"


class NewDatabaseDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, *, default_path: Path | None = None, first_run: bool = False
    ) -> None:
        super().__init__(parent)
        self.result_value: tuple[Path, str | None] | None = None
        self.setObjectName("first_run_dialog" if first_run else "new_database_dialog")
        self.setWindowTitle(_("Welcome to Cortège") if first_run else _("New database"))
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACING)
        if first_run:
            intro = QLabel(
                _(
                    "Cortège keeps your plans in one file on this computer, and opens no "
                    "network connection. A demo action (the funeral for privacy at "
                    "Père-Lachaise) is added so that you can look around."
                ),
                self,
            )
            intro.setObjectName("first_run_intro")
            intro.setWordWrap(True)
            layout.addWidget(intro)

        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(default_path or Path.home() / "cortege.sqlite3"), self)
        self.path_edit.setObjectName("path_edit")
        self.path_edit.setMinimumWidth(360)
        browse = QPushButton(_("Choose…"), self)
        browse.setObjectName("browse_button")
        browse.clicked.connect(self._browse)
        file_label = QLabel(_("File:"), self)
        row.addWidget(file_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        if first_run:  # the default database: its place is not a question on the first start
            for widget in (file_label, self.path_edit, browse):
                widget.setVisible(False)
        self.path_error = self._error_label("path_error")
        layout.addWidget(self.path_error)

        self.encrypt = QCheckBox(_("Encrypt it with a passphrase (recommended)"), self)
        self.encrypt.setObjectName("encrypt_check")
        self.encrypt.setChecked(True)
        layout.addWidget(self.encrypt)
        why = QLabel(
            _(
                "The database holds the names and phone numbers of people who protest. "
                "Encrypted, a lost or seized laptop shows nothing about them. The passphrase "
                "is asked for each time the database is opened, is stored nowhere, and cannot "
                "be recovered if forgotten."
            ),
            self,
        )
        why.setObjectName("encrypt_explanation")
        why.setWordWrap(True)
        why.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        layout.addWidget(why)
        self.fields = NewPassphraseFields(self)
        layout.addWidget(self.fields)
        self.encrypt.toggled.connect(self.fields.setEnabled)
        self.unencrypted_warning = QLabel(
            _("Without encryption, anyone who holds the file can read everything in it."), self
        )
        self.unencrypted_warning.setObjectName("unencrypted_warning")
        self.unencrypted_warning.setWordWrap(True)
        self.unencrypted_warning.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
        self.unencrypted_warning.setVisible(False)
        self.encrypt.toggled.connect(lambda on: self.unencrypted_warning.setVisible(not on))
        layout.addWidget(self.unencrypted_warning)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            _("Start") if first_run else _("Create")
        )
        if first_run:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Quit"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        label.setVisible(False)
        return label

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, _("New database"), self.path_edit.text(), DB_FILTER
        )
        if path:
            self.path_edit.setText(path)

    def _path_problem(self, path: Path) -> str:
        if not str(path).strip() or path.name == "":
            return _("Choose a file name.")
        if path.exists():
            return _("{path} already exists: open it instead.").format(path=path)
        if not path.parent.is_dir():
            return _("The folder {path} does not exist.").format(path=path.parent)
        return ""

    def _accept(self) -> None:
        path = Path(self.path_edit.text().strip()).expanduser()
        problem = self._path_problem(path)
        self.path_error.setText(problem)
        self.path_error.setVisible(bool(problem))
        if problem:
            return
        passphrase = None
        if self.encrypt.isChecked():
            passphrase = self.fields.value()
            if passphrase is None:
                return
        self.result_value = (path, passphrase)
        self.accept()


def ask_new_database(
    parent: QWidget | None, *, default_path: Path | None = None
) -> tuple[Path, str | None] | None:
    """(path, passphrase or None) for a database to create, or None if cancelled.

    The caller creates it with ``open_store(str(path), passphrase=passphrase)``.
    """
    dialog = NewDatabaseDialog(parent, default_path=default_path)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_value
        return None
    finally:
        dialog.fields.first.clear()
        dialog.fields.second.clear()
        dialog.deleteLater()


def ask_first_run(parent: QWidget | None, path: Path) -> tuple[Path, str | None] | None:
    """The very first start: encryption recommended (on by default) for the default database.
    (path, passphrase or None), or None when the user quits."""
    dialog = NewDatabaseDialog(parent, default_path=path, first_run=True)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_value
        return None
    finally:
        dialog.fields.first.clear()
        dialog.fields.second.clear()
        dialog.deleteLater()
