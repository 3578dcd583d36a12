"""New database: where, and encrypted with a passphrase (the way the dialog leads).

The passphrase fields come first and have the focus, so typing a passphrase can never change
what is created. Not encrypting is a separate, explicit step (its own button, then its own
confirmation that says what it means); it is never a checkbox a stray space could untick.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ui
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
        self.setAccessibleName(self.windowTitle())
        #: tests answer the "without encryption?" question here instead of a message box
        self.confirm_unencrypted = self._ask_unencrypted
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text fits
        layout.setSpacing(style.SPACING)
        self.setMinimumWidth(560)
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
        self.path_edit.setAccessibleName(_("File"))
        self.path_edit.setMinimumWidth(360)
        browse = QPushButton(_("C&hoose…"), self)
        browse.setObjectName("browse_button")
        browse.setAccessibleName(_("Choose the file"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        file_label = QLabel(_("&File:"), self)
        file_label.setBuddy(self.path_edit)
        row.addWidget(file_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.path_error = self._error_label("path_error")
        if first_run:  # the default database: its place is not a question on the first start
            for widget in (file_label, self.path_edit, browse):
                widget.setVisible(False)

        heading = QLabel(_("Encrypt it with a passphrase (recommended)"), self)
        heading.setObjectName("encrypt_heading")
        heading.setFont(style.scaled_font(self, 1.1, bold=True))
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
        self.fields = NewPassphraseFields(self)
        layout.addWidget(heading)
        layout.addWidget(why)
        layout.addWidget(self.fields)
        if not first_run:
            layout.addLayout(row)
            layout.addWidget(self.path_error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("&Start encrypted") if first_run else _("&Create encrypted"))
        self.ok_button.setObjectName("create_encrypted")
        self.ok_button.setDefault(True)
        self.plain_button = QPushButton(_("Continue &without encryption…"), self)
        self.plain_button.setObjectName("without_encryption")
        self.plain_button.setAutoDefault(False)  # Enter never chooses this one
        self.plain_button.clicked.connect(self._without_encryption)
        self.buttons.addButton(self.plain_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        if first_run:
            cancel.setText(_("&Quit"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        order = [self.fields.first, self.fields.second]
        if not first_run:
            order += [self.path_edit, browse]
        order += [self.ok_button, self.plain_button, cancel]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.fields.first.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fields.first.setFocus()

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        label.setVisible(False)
        return label

    def _browse(self) -> None:
        from ui.file_dialogs import save_file_name

        path = save_file_name(self, _("New database"), Path(self.path_edit.text()).name, DB_FILTER)
        if path:
            self.path_edit.setText(str(path))

    def _path_problem(self, path: Path) -> str:
        if not str(path).strip() or path.name == "":
            return _("Choose a file name.")
        if path.exists():
            return _("{path} already exists: open it instead.").format(
                path=ui().isolated(str(path))
            )
        if not path.parent.is_dir():
            return _("The folder {path} does not exist.").format(
                path=ui().isolated(str(path.parent))
            )
        return ""

    def _checked_path(self) -> Path | None:
        path = Path(self.path_edit.text().strip()).expanduser()
        problem = self._path_problem(path)
        self.path_error.setText(problem)
        self.path_error.setVisible(bool(problem))
        self.adjustSize()  # a message of two lines: else the passphrase fields were squeezed
        if problem:
            self.path_edit.setFocus()
            return None
        return path

    def _accept(self) -> None:
        path = self._checked_path()
        if path is None:
            return
        passphrase = self.fields.value()
        if passphrase is None:
            return
        self.result_value = (path, passphrase)
        self.accept()

    def _ask_unencrypted(self) -> bool:
        box = QMessageBox(self)
        box.setObjectName("confirm_unencrypted")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Without encryption?"))
        box.setText(_("Create the database without encryption?"))
        box.setInformativeText(
            _(
                "Anyone who holds the file — a thief, a border guard, whoever finds the "
                "laptop — can read every name, phone number and plan in it. You can encrypt "
                "it later with File → Change passphrase."
            )
        )
        plain = box.addButton(_("Create &without encryption"), QMessageBox.ButtonRole.AcceptRole)
        plain.setObjectName("confirm_without_encryption")
        back = box.addButton(_("&Back to the passphrase"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("back_to_passphrase")
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is plain

    def _without_encryption(self) -> None:
        path = self._checked_path()
        if path is None:
            return
        if not self.confirm_unencrypted():
            self.fields.first.setFocus()
            return
        self.result_value = (path, None)
        self.accept()

    def done(self, result: int) -> None:
        self.fields.first.clear()
        self.fields.second.clear()
        super().done(result)


def _run(dialog: NewDatabaseDialog) -> tuple[Path, str | None] | None:
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_value
        return None
    finally:
        dialog.deleteLater()


def ask_new_database(
    parent: QWidget | None, *, default_path: Path | None = None
) -> tuple[Path, str | None] | None:
    """(path, passphrase or None) for a database to create, or None if cancelled.

    The caller creates it with ``open_store(str(path), passphrase=passphrase)``.
    """
    return _run(NewDatabaseDialog(parent, default_path=default_path))


def ask_first_run(parent: QWidget | None, path: Path) -> tuple[Path, str | None] | None:
    """The very first start: encryption leads for the default database.
    (path, passphrase or None), or None when the user quits."""
    return _run(NewDatabaseDialog(parent, default_path=path, first_run=True))
