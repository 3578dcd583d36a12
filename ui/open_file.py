"""A bundle given on the command line (``main.py FILE``, what a double-click on a bundle runs
through the desktop entry): the window opens on the usual database, then asks before importing.
The import itself is the same as a drop or File → Import: one worker, one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.i18n import _, ui


def offer_import(window, path: Path) -> bool:
    """Ask whether to import ``path`` into the open database; True if the import started."""
    from ui import window_files

    store = window.ctx.store
    if store is None:
        return False
    if not path.is_file():
        QMessageBox.warning(
            window,
            _("Open bundle"),
            _("{path}: no such file").format(path=ui().isolated(str(path))),
        ).setObjectName("open_file_missing")
        return False
    if getattr(store, "read_only", False):
        box = QMessageBox(QMessageBox.Icon.Information, _("Open bundle"), "", parent=window)
        box.setObjectName("open_file_read_only")
        box.setText(
            _("{name} cannot be imported: this database is read-only ({reason}).").format(
                name=path.name, reason=getattr(store, "read_only_reason", "") or "—"
            )
        )
        box.exec()
        return False
    box = QMessageBox(QMessageBox.Icon.Question, _("Open bundle"), "", parent=window)
    box.setObjectName("confirm_open_file")
    box.setText(
        _("Import the action in {name} into {database}?").format(
            name=path.name, database=window.database_name()
        )
    )
    box.setInformativeText(_("It is added as a new action; Undo removes it again."))
    yes = box.addButton(_("&Import"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirm_open_file_import")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(yes)
    box.exec()
    if box.clickedButton() is not yes:
        return False
    window_files.import_bundle_file(window, path)
    return True
