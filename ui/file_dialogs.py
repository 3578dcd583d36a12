"""Every file dialog of the app goes through here, so each opens where the user last was.

The start folder is the folder of the last file opened or saved (any dialog), else the user's
Documents folder, else their home. Only that folder is remembered (a setting holds no field
values and no file names).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import settings_store

KEY = "files/last_folder"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def start_folder() -> Path:
    """Where the next file dialog opens."""
    last = settings_store.text(KEY)
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember(path: Path | str) -> None:
    """Remember the folder of ``path`` (a file), or ``path`` itself when it is a folder."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    settings_store.set_text(KEY, str(folder))


def _start(suggested: str | Path) -> str:
    if suggested and Path(suggested).is_absolute():
        return str(suggested)
    folder = start_folder()
    return str(folder / suggested) if suggested else str(folder)


def open_file_name(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """A file to open, or None if cancelled."""
    path, _f = QFileDialog.getOpenFileName(parent, title, _start(""), filters)
    if not path:
        return None
    remember(path)
    return Path(path)


def save_file_name(
    parent: QWidget | None, title: str, suggested: str | Path, filters: str
) -> Path | None:
    """A file to write (``suggested``: a file name, placed in the start folder), or None."""
    path, _f = QFileDialog.getSaveFileName(parent, title, _start(suggested), filters)
    if not path:
        return None
    remember(path)
    return Path(path)


def existing_folder(parent: QWidget | None, title: str) -> Path | None:
    """A folder to write into, or None if cancelled."""
    path = QFileDialog.getExistingDirectory(parent, title, _start(""))
    if not path:
        return None
    remember(path)
    return Path(path)
