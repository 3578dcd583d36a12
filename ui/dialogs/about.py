"""Help → About: what Cortège is, its version and licences, and where its files are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import _, ui
from ui import style
from ui.icons import app_icon


def app_version() -> str:
    from app.version import __version__

    return __version__


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, database: str = "") -> None:
        super().__init__(parent)
        from PySide6 import __version__ as pyside_version

        from app.paths import data_dir

        self.setObjectName("about_dialog")
        self.setWindowTitle(_("About Cortège"))
        self.setAccessibleName(self.windowTitle())
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAccessibleName(_("Cortège logo"))
        title = QLabel(_("Cortège {version}").format(version=app_version()), self)
        title.setObjectName("about_title")
        title.setFont(style.scaled_font(self, 1.4, bold=True))
        style.lead(title)  # at the right in Arabic, as the lines under it
        text = QLabel(self)
        text.setObjectName("about_text")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lines = [
            _("An offline planner for symbolic protest actions."),
            _("Your data stays on this computer: Cortège opens no network connection."),
            "",
            _("Licence: GPL-3.0-or-later. Icons: CC0 (see {file}).").format(
                file=ui().isolated("resources/LICENSE-icons.md")
            ),
            _("Qt for Python {version}").format(version=pyside_version),
            _("User data folder: {path}").format(path=ui().isolated(str(data_dir()))),
        ]
        if database:
            lines.append(_("Database: {name}").format(name=database))
        # each line from the language's side, one opening with a name too ("Qt for Python")
        text.setText("\n".join(ui().sentence(line) if line else line for line in lines))
        head = QHBoxLayout()
        head.setSpacing(style.GAP)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(text)
        head.addLayout(column, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.GAP, style.GAP, style.GAP, style.GAP)
        layout.addLayout(head)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


def open_dialog(parent: QWidget | None, *, database: str = "") -> AboutDialog:
    dialog = AboutDialog(parent, database=database)
    dialog.open()
    return dialog
