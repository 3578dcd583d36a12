"""The unlock screen that takes the window's place while the database is locked.

It shows the file's name (not its contents: that is the one thing the user needs to know which
passphrase to type) and a passphrase field. It knows nothing of the database: ``unlock``
(``ui.lock``) checks the passphrase and reopens the file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ui
from ui import style
from ui.dialogs.unlock import _password_edit
from ui.icons import icon

ICON_SIZE = 64


class LockScreen(QWidget):
    """Emits ``unlock_requested(passphrase)`` when the user presses Unlock or Enter."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.name = name
        self.symbol = QLabel(self)
        self.symbol.setObjectName("lock_symbol")
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.symbol.setPixmap(icon("lock").pixmap(ICON_SIZE, ICON_SIZE))
        self.title = QLabel(self)
        self.title.setObjectName("lock_title")
        self.title.setFont(style.scaled_font(self, 1.45, bold=True))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setObjectName("lock_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        self.edit = _password_edit("lock_passphrase_edit", self)
        self.edit.returnPressed.connect(self._request)
        self.show_box = QCheckBox(self)
        self.show_box.setObjectName("lock_show_passphrase")
        self.show_box.toggled.connect(
            lambda on: self.edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.error = QLabel(self)
        self.error.setObjectName("lock_error")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        self.error.setVisible(False)
        self.button = QPushButton(icon("lock"), "", self)
        self.button.setObjectName("unlock_button")
        self.button.setDefault(True)
        self.button.clicked.connect(self._request)

        column = QWidget(self)
        column.setMaximumWidth(460)
        inner = QVBoxLayout(column)
        inner.setSpacing(style.SPACING)
        inner.addWidget(self.symbol)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        inner.addSpacing(style.GAP)
        inner.addWidget(self.edit)
        inner.addWidget(self.show_box)
        inner.addWidget(self.error)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()
        self.setFocusProxy(self.edit)

    def retranslate(self) -> None:
        self.title.setText(_("Database locked"))
        self.setAccessibleName(self.title.text())
        self.text.setText(
            _(
                "{name} is locked: nothing of the plan is shown or kept open. Enter its "
                "passphrase to unlock it."
            ).format(name=self.name)
        )
        self.edit.setAccessibleName(_("Passphrase"))
        self.edit.setPlaceholderText(_("Passphrase"))
        self.show_box.setText(_("Show the passphrase"))
        # Translators: the button of the lock screen that opens the database again.
        self.button.setText(_("&Unlock"))

    def _request(self) -> None:
        text = self.edit.text()
        if not text:
            self.show_error(_("Enter the passphrase."))
            self.edit.setFocus()
            return
        self.unlock_requested.emit(text)

    def show_error(self, text: str) -> None:
        self.error.setText(ui().sentence(text))  # a path first: from the right all the same
        self.error.setVisible(bool(text))

    def refused(self, text: str) -> None:
        """The passphrase did not open the file: say so, select it for typing again."""
        self.show_error(text)
        self.edit.selectAll()
        self.edit.setFocus()

    def forget(self) -> None:
        """Drop the typed passphrase (after an unlock, or when the screen goes)."""
        self.edit.clear()
        self.show_box.setChecked(False)
