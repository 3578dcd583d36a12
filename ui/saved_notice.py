""" "Saved to …" in the status bar, with *Open* and *Show in folder* beside it.

One notice at a time: a new one replaces the previous; it goes away by itself after a while.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import _

SHOWN_MS = 30_000


def open_url(url: QUrl) -> bool:
    """Hand ``url`` to the desktop (tests replace this)."""
    return QDesktopServices.openUrl(url)


class SavedNotice(QWidget):
    def __init__(self, parent: QWidget, text: str, path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("saved_notice")
        self.path = Path(path)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(text, self)
        self.label.setObjectName("saved_text")
        self.open_button = QPushButton(_("&Open"), self)
        self.open_button.setObjectName("saved_open")
        self.open_button.setAccessibleName(_("Open {name}").format(name=self.path.name))
        self.open_button.setFlat(True)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(_("Show in &folder"), self)
        self.folder_button.setObjectName("saved_show_folder")
        self.folder_button.setAccessibleName(
            _("Show {name} in its folder").format(name=self.path.name)
        )
        self.folder_button.setFlat(True)
        self.folder_button.clicked.connect(self.show_folder)
        self.open_button.setVisible(self.path.is_file())
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)

    def open_file(self) -> bool:
        return open_url(QUrl.fromLocalFile(str(self.path)))

    def show_folder(self) -> bool:
        folder = self.path if self.path.is_dir() else self.path.parent
        return open_url(QUrl.fromLocalFile(str(folder)))


def show_saved(window, text: str, path: Path | str) -> SavedNotice:
    """Show ``text`` with Open / Show in folder for ``path`` in ``window``'s status bar."""
    old = getattr(window, "saved_notice", None)
    if old is not None:
        window.statusBar().removeWidget(old)
        old.deleteLater()
    notice = SavedNotice(window, text, Path(path))
    window.statusBar().addPermanentWidget(notice)
    notice.show()
    window.saved_notice = notice

    def expire() -> None:
        if getattr(window, "saved_notice", None) is notice:
            window.statusBar().removeWidget(notice)
            notice.deleteLater()
            window.saved_notice = None

    QTimer.singleShot(SHOWN_MS, notice, expire)
    return notice


def announce_saved(widget: QWidget, text: str, path: Path | str) -> SavedNotice | None:
    """The same notice in the main window that ``widget`` (often a dialog) belongs to."""
    from PySide6.QtWidgets import QMainWindow

    current: QWidget | None = widget
    while current is not None and not isinstance(current, QMainWindow):
        current = current.parentWidget()
    if current is None:
        return None
    return show_saved(current, text, path)
