"""Where Cortège keeps its files: one place, platformdirs, with an override for tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Cortege"


def data_dir() -> Path:
    """The user data folder (``CORTEGE_DATA_DIR`` overrides it)."""
    override = os.environ.get("CORTEGE_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    if not path.exists():
        # Only its owner may list or read it (an unencrypted plan, logs): 0700.
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path, 0o700)
    elif not override and os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)  # made by an older version, readable by other local users
    return path


def default_database() -> Path:
    return data_dir() / "cortege.sqlite3"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_database(cli_value: str | None) -> str:
    """``--db`` wins over ``CORTEGE_DB``, which wins over the default database."""
    if cli_value:
        return cli_value
    env = os.environ.get("CORTEGE_DB")
    if env:
        return env
    return str(default_database())


def is_default_database(target: str) -> bool:
    if "://" in target:
        return False
    try:
        return Path(target).expanduser().resolve() == default_database().resolve()
    except OSError:
        return False


def program_name() -> str:
    """What the user types to run us, for usage lines and "run … upgrade" hints: the download's
    ``Cortege`` (or ``cortege-cli.exe``), else ``python main.py``."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python main.py"
