"""What the window remembers between runs (QSettings): geometry, splitter, the last open action per
database, recent databases and the UI language.

The file is an INI file in the user data folder (``CORTEGE_DATA_DIR`` moves it, so tests never
touch the user's real settings). It holds no field values and no passwords: databases are
remembered by their display name (a URL without its password).
"""

from __future__ import annotations

import atexit
import hashlib
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


def _settings() -> QSettings:
    from app.paths import data_dir

    return QSettings(str(data_dir() / "ui-settings.ini"), QSettings.Format.IniFormat)


def safe_target(target: str) -> str:
    """A database target fit to be remembered or shown: a URL loses its password."""
    if "://" not in target:
        return target
    parts = urlsplit(target)
    if parts.password is None:
        return target
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    netloc = f"{parts.username}:***@{host}" if parts.username else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _db_key(display_name: str) -> str:
    return hashlib.sha256(display_name.encode("utf-8")).hexdigest()[:16]


def save_bytes(key: str, value: QByteArray | bytes) -> None:
    _settings().setValue(key, QByteArray(value))


def load_bytes(key: str) -> QByteArray | None:
    value = _settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_sizes(key: str, sizes: list[int]) -> None:
    _settings().setValue(key, ",".join(str(int(s)) for s in sizes))


def load_sizes(key: str) -> list[int] | None:
    value = _settings().value(key)
    if not isinstance(value, str) or not value:
        return None
    try:
        return [int(s) for s in value.split(",")]
    except ValueError:
        return None


_KEPT: dict[str, QSettings] = {}


def _kept_settings() -> QSettings:
    """One QSettings kept open per file for writes made on every click (switching actions):
    opening and syncing the file each time cost 25 ms a switch. Qt writes it from the event
    loop and at exit; other QSettings of the same file in this process see the value at once."""
    from app.paths import data_dir

    path = str(data_dir() / "ui-settings.ini")
    kept = _KEPT.get(path)
    if kept is None:
        kept = _KEPT[path] = QSettings(path, QSettings.Format.IniFormat)
    return kept


@atexit.register
def _sync_kept() -> None:
    for kept in _KEPT.values():
        kept.sync()


def set_last_action(display_name: str, action_id: int | None) -> None:
    _kept_settings().setValue(f"last_action/{_db_key(display_name)}", action_id or 0)


def last_action(display_name: str) -> int | None:
    value = _settings().value(f"last_action/{_db_key(display_name)}")
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number or None


def recent_databases() -> list[str]:
    value = _settings().value("recent/databases")
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_database(target: str) -> list[str]:
    name = safe_target(target)
    items = [name] + [r for r in recent_databases() if r != name]
    items = items[:MAX_RECENT]
    _settings().setValue("recent/databases", items)
    return items


def clear_recent_databases() -> None:
    _settings().remove("recent/databases")


def ui_language() -> str | None:
    """The chosen UI language, or None to follow the system."""
    value = _settings().value("ui/language")
    return str(value) if value else None


def set_ui_language(lang: str | None) -> None:
    if lang:
        _settings().setValue("ui/language", lang)
    else:
        _settings().remove("ui/language")


def flag(key: str, default: bool) -> bool:
    value = _settings().value(key)
    if value is None:
        return default
    return str(value).lower() in ("1", "true", "yes")


def set_flag(key: str, value: bool) -> None:
    _settings().setValue(key, bool(value))


def text(key: str) -> str:
    value = _settings().value(key)
    return str(value) if value else ""


def set_text(key: str, value: str) -> None:
    _settings().setValue(key, value)
