"""What the main window does with files and whole actions: open and create databases, recent
databases, backup, import and export bundles, drag and drop, and the New / Duplicate / Move /
Delete action commands (each one undo step). Split from main_window.py to keep both small."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from app.i18n import _, ui
from ui import settings_store, style

log = logging.getLogger("cortege.ui")
DB_FILTER = "Cortège (*.sqlite3 *.sqlite *.db);;*"
BUNDLE_SUFFIXES = (".json",)
CSV_SUFFIXES = (".csv",)


def _error(window, exc: BaseException) -> None:
    from ui.dialogs.error_dialog import show_error

    show_error(window, exc)


# --- databases ---------------------------------------------------------------------------------
def _ask_passphrase(window, path: Path) -> str | None:
    from ui.optional import optional

    ask = optional("ui.dialogs.unlock", "ask_passphrase")
    if ask is not None:
        return ask(window, path)
    env = os.environ.get("CORTEGE_PASSPHRASE")
    if env:
        return env
    QMessageBox.warning(
        window,
        _("Encrypted database"),
        _(
            "{path} is encrypted (or is not a Cortège database). This version cannot ask for "
            "the passphrase: set CORTEGE_PASSPHRASE before starting Cortège to open it."
        ).format(path=ui().isolated(str(path))),
    )
    return None


def open_database(
    window, target: str, *, add_demo: bool = False, passphrase: str | None = None
) -> bool:
    """Open ``target`` in ``window``; a StoreError is shown as a message, never a traceback.
    An encrypted file asks for its passphrase (unless one is given: a new encrypted file)."""
    from app.domain.errors import CortegeError
    from app.storage.cipher import is_encrypted_file
    from app.storage.engine import is_url, open_store

    if not is_url(target):
        path = Path(target).expanduser()
        if passphrase is None and is_encrypted_file(path):
            passphrase = _ask_passphrase(window, path)
            if passphrase is None:
                return False
        existed = path.exists() and path.stat().st_size > 0
    else:
        existed = True
    try:
        store = open_store(target, passphrase=passphrase)
        from ui.read_only import notice_read_only

        notice_read_only(store)
        if add_demo and not existed and not is_url(target):
            from app.services.demo import add_demo_to

            add_demo_to(store)
    except CortegeError as exc:
        _error(window, exc)
        return False
    except OSError as exc:
        _error(window, exc)
        return False
    window.attach_store(store)
    settings_store.add_recent_database(store.display_name())
    return True


def new_database(window) -> None:
    from ui.dialogs.new_database import ask_new_database
    from ui.file_dialogs import start_folder

    answer = ask_new_database(window, default_path=start_folder() / "cortege.sqlite3")
    if answer is not None:
        path, passphrase = answer
        open_database(window, str(path), passphrase=passphrase)


def open_database_file(window) -> None:
    from ui.file_dialogs import open_file_name

    path = open_file_name(window, _("Open database"), DB_FILTER)
    if path:
        open_database(window, str(path))


def open_database_url(window) -> None:
    from ui.window_file_ops import open_database_url as ask

    ask(window)


def fill_recent_menu(window) -> None:
    menu = window.recent_menu
    menu.clear()
    items = settings_store.recent_databases()
    for name in items:
        act = menu.addAction(name)
        act.triggered.connect(lambda _c=False, n=name: open_recent(window, n))
    if not items:
        none = menu.addAction(_("No recent databases"))
        none.setEnabled(False)
    else:
        menu.addSeparator()
        clear = menu.addAction(_("Clear the list"))
        clear.triggered.connect(settings_store.clear_recent_databases)


def open_recent(window, name: str) -> bool:
    """Reopen a recent database; a URL remembered without its password asks for it."""
    target = name
    if "://" in name and ":***@" in name:
        password, ok = QInputDialog.getText(
            window,
            _("Password"),
            _("Password for {database}:").format(database=name),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        from urllib.parse import quote

        target = name.replace(":***@", ":" + quote(password, safe="") + "@", 1)
    return open_database(window, target)


def backup_dialog(window) -> None:
    from ui.window_file_ops import backup_dialog as run

    run(window)


# --- bundles -----------------------------------------------------------------------------------
def import_bundle_dialog(window) -> None:
    from ui.file_dialogs import open_file_name

    path = open_file_name(window, _("Import bundle"), _("Cortège bundles (*.json);;*"))
    if path:
        import_bundle_file(window, path)


def import_bundle_file(window, path: Path):
    """Read and check the bundle in a worker, then write it as one undo step (undo deletes the
    imported action). A sealed (encrypted) bundle asks for its passphrase first. Returns the
    worker handle, or None when the file could not be read or the user cancelled."""
    from ui.window_file_ops import read_bundle_bytes
    from ui.workers import run_in_background

    raw = read_bundle_bytes(window, path)
    if raw is None:
        return None

    def job(progress):
        from app.services.bundle_read import parse_json, read_bundle

        progress.report(0, 3, _("Reading {name}…").format(name=path.name))
        progress.check()
        progress.report(1, 3, _("Checking {name}…").format(name=path.name))
        data = parse_json(raw)
        read_bundle(data)  # every problem at once, before anything is written
        progress.report(3, 3, "")
        return data

    return run_in_background(
        window,
        _("Importing {name}").format(name=path.name),
        job,
        on_done=lambda data: _write_bundle(window, path, data),
        on_error=lambda exc: _error(window, exc),
    )


def _write_bundle(window, path: Path, data: dict) -> int | None:
    from app.services.action_ops import import_bundle
    from ui.context import EditFailed

    try:
        result = window.ctx.run_op(
            _("Import {name}").format(name=path.name),
            lambda session: import_bundle(session, data=data),
        )
    except EditFailed as exc:
        _error(window, exc)
        return None
    message = _("Imported {name}").format(name=path.name)
    if result.notes:
        message += " — " + ui().group_list(result.notes)
    window.statusBar().showMessage(message, 10000)
    window.actions_panel.select(result.action_id)
    return result.action_id


class ExportBundleDialog(QDialog):
    """Asks whether personal data goes into the bundle (off by default) and says what leaves."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setObjectName("export_bundle_dialog")
        self.setWindowTitle(_("Export bundle"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            _(
                "A bundle holds the whole plan of this action: roles, schedule, props, press "
                "releases, tasks and key contacts. Participants appear by their alias only."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.personal = QCheckBox(_("Include &personal data"), self)
        self.personal.setObjectName("include_personal_data")
        self.personal.setAccessibleName(_("Include personal data"))
        self.warning = QLabel(self)
        self.warning.setObjectName("personal_data_warning")
        self.warning.setWordWrap(True)
        self.personal.toggled.connect(self._update)
        from ui.window_file_ops import encrypt_option

        self.encrypt = encrypt_option(self, _("&Seal the file with a passphrase"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.GAP, style.GAP, style.GAP, style.GAP)
        layout.setSpacing(style.SPACING)
        layout.addWidget(intro)
        layout.addWidget(self.personal)
        layout.addWidget(self.warning)
        layout.addWidget(self.encrypt)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._update(False)

    def _update(self, checked: bool) -> None:
        if checked:
            self.warning.setStyleSheet(f"color: {style.css(style.error_color(self))};")
            self.warning.setText(
                _(
                    "The file will contain participants' full names, phone numbers, e-mail "
                    "addresses, notes and consent records, and the media contacts' names and "
                    "details. It is marked confidential. Anyone who gets the file can read them: "
                    "share it only over a channel you trust."
                )
            )
        else:
            self.warning.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
            self.warning.setText(
                _(
                    "No full names, phone numbers or e-mail addresses of participants leave this "
                    "computer."
                )
            )
        self.warning.setAccessibleName(self.warning.text())


def export_bundle_dialog(window) -> None:
    if window.action_id is None or window.ctx.store is None:
        return
    dialog = ExportBundleDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    from ui.file_dialogs import save_file_name

    slug = window.ctx.query(_slug, window.action_id)
    path = save_file_name(
        window,
        _("Export bundle"),
        f"{slug}.cortege.json",  # the name the MIME type knows
        _("Cortège bundles (*.json)"),
    )
    if path:
        export_bundle(
            window,
            path,
            include_personal_data=dialog.personal.isChecked(),
            encrypt=dialog.encrypt.isChecked(),
        )


def _slug(session, action_id: int):
    """Read by ``app.services.window_views.action_slug`` (imported late)."""
    from app.services.window_views import action_slug

    return action_slug(session, action_id)


def export_bundle(
    window, path: Path, *, include_personal_data: bool, encrypt: bool = False
) -> bool:
    """Write the bundle of the shown action; ``encrypt`` asks a passphrase and seals it."""
    from app.domain.errors import CortegeError
    from app.services.bundle_write import bundle_json
    from app.storage.files import atomic_write
    from ui.saved_notice import show_saved
    from ui.window_file_ops import seal_if_asked

    try:
        text = window.ctx.query(
            bundle_json, window.action_id, include_personal_data=include_personal_data
        )
        data = seal_if_asked(window, text.encode("utf-8"), encrypt=encrypt, name=path.name)
        if data is None:
            return False
        atomic_write(path, data)
    except (CortegeError, OSError) as exc:
        _error(window, exc)
        return False
    show_saved(window, _("Exported to {path}").format(path=ui().isolated(str(path))), path)
    return True


# --- drag and drop -----------------------------------------------------------------------------
def dropped_paths(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    out = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in BUNDLE_SUFFIXES + CSV_SUFFIXES:
                out.append(path)
    return out


def import_paths(window, paths: list[Path]) -> None:
    from ui.optional import optional

    if window.ctx.store is None:
        return
    for path in paths:
        if path.suffix.lower() in BUNDLE_SUFFIXES:
            import_bundle_file(window, path)
        else:
            fn = optional("ui.dialogs.csv_import", "open_dialog")
            if fn is None:
                QMessageBox.information(
                    window,
                    _("Import CSV"),
                    _("This version cannot import CSV files yet ({name}).").format(name=path.name),
                )
            else:
                fn(window, window.ctx, window.action_id, path=str(path))


# --- whole-action commands ---------------------------------------------------------------------
def new_action(window) -> int | None:
    from app.i18n import ui_language
    from app.services.settings import read_settings
    from ui.dialogs.new_action import NewActionDialog

    if window.ctx.store is None:
        return None
    settings = window.ctx.query(read_settings)

    def submit(values: dict) -> int:
        return window.ctx.create("action", _("New action"), **values)

    from app.domain.action_languages import default_action_languages
    from ui import settings_store

    languages = default_action_languages(
        settings.country, ui_language(), ui_language_chosen=bool(settings_store.ui_language())
    )
    dialog = NewActionDialog(window, submit, country=settings.country, languages=languages)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created_id:
        window.actions_panel.select(dialog.created_id)
        window.show_tab("overview")
        return dialog.created_id
    return None


def _local_date(window) -> date:
    from app.domain.timeutil import zone

    h = window.header_data
    return h["starts_at"].astimezone(zone(h["timezone"])).date()


def duplicate_action(window) -> None:
    from ui.dialogs.new_action import DuplicateDialog

    if window.action_id is None or window.header_data is None:
        return
    source = window.action_id

    def submit(title: str, new_date: date) -> int:
        from app.services.action_ops import duplicate_action as op

        return window.ctx.run_op(
            _("Duplicate action"),
            lambda session: op(session, action_id=source, new_date=new_date, title=title),
        )

    dialog = DuplicateDialog(
        window, submit, title=window.header_data["title"], current=_local_date(window)
    )
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created_id:
        window.actions_panel.select(dialog.created_id)


def move_action(window) -> None:
    from app.services.action_ops import move_action as op
    from ui.dialogs.new_action import MoveDialog

    if window.action_id is None or window.header_data is None:
        return
    action_id, version = window.action_id, window.header_data.get("version")

    def submit(new_date: date) -> None:
        window.ctx.run_op(
            _("Move action"),
            lambda session: op(
                session, action_id=action_id, new_date=new_date, expected_version=version
            ),
        )

    MoveDialog(window, submit, current=_local_date(window)).exec()


def delete_action(window, *, confirm: bool = True) -> bool:
    from ui.context import EditFailed

    if window.action_id is None or window.header_data is None:
        return False
    title = window.header_data["title"]
    if confirm:
        answer = QMessageBox.question(
            window,
            _("Delete action"),
            _(
                "Delete “{title}” with its whole plan?\n\nYou can undo this with Edit → Undo "
                "(Ctrl+Z) until you close Cortège."
            ).format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    try:
        window.ctx.delete(
            "action",
            window.action_id,
            _("Delete “{title}”").format(title=title),
            expected_version=window.header_data["version"],
        )
    except EditFailed as exc:
        _error(window, exc)
        return False
    window.statusBar().showMessage(
        _("Deleted “{title}”. Undo with Ctrl+Z.").format(title=title), 8000
    )
    return True
