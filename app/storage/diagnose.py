"""Why a SQLite database cannot be used, told apart and said in words a user can act on.

A full disk, a read-only file or folder, a lock held by another program, a wrong passphrase,
a file that is not ours, a damaged file and a newer schema each get their own sentence; none of
them is reported as another (a full disk used to read as "damaged", or "wrong passphrase").
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.domain.errors import StoreBusyError, StoreError
from app.i18n import _, ngettext


def quote(value: object) -> str:
    """``value`` for an error message: its repr, cut to a short prefix."""
    from app.domain.errors import short

    return repr(short(value))


def _message(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).lower()


def folder_writable(path: Path) -> bool:
    return os.access(path.parent if str(path.parent) else ".", os.W_OK)


def folder_read_only(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
            return True
    except (OSError, AttributeError):
        pass
    return not os.access(folder, os.W_OK)


def read_only_reason(path: Path) -> str | None:
    """Why an existing database file can only be read (None when it can be written): a clause
    the window's banner and refusals put into their own sentence ("Read-only: {reason}.").

    Besides permissions (which root ignores), a read-only mount is detected by ``statvfs``."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        flags = os.statvfs(folder).f_flag
    except (OSError, AttributeError):
        flags = 0
    if flags & getattr(os, "ST_RDONLY", 1):
        return _("{path} is on a read-only disk").format(path=path)
    if path.exists() and not os.access(path, os.W_OK):
        return _("the file {name} is read-only").format(name=path.name)
    wal = path.with_name(path.name + "-wal")
    if not os.access(folder, os.W_OK) and not wal.exists():
        return _("the folder {path} is read-only").format(path=path.parent)
    return None


def is_disk_full(exc: BaseException) -> bool:
    text = _message(exc)
    return "disk is full" in text or getattr(exc, "errno", None) == errno.ENOSPC


def free_bytes(path: Path) -> int | None:
    try:
        st = os.statvfs(path.parent if str(path.parent) else ".")
    except (OSError, AttributeError):
        return None
    return st.f_bavail * st.f_frsize


def looks_like_full_disk(exc: BaseException, path: object) -> bool:
    """An I/O error (SQLite cannot grow its WAL index, ``-shm``) on a disk with no space left."""
    if not isinstance(path, Path):
        return False
    text = _message(exc)
    if "disk i/o error" not in text and "unable to open" not in text:
        return False
    free = free_bytes(path)
    return free is not None and free < 256 * 1024


def is_locked(exc: BaseException) -> bool:
    text = _message(exc)
    return "database is locked" in text or "database is busy" in text


def is_read_only(exc: BaseException) -> bool:
    text = _message(exc)
    return "readonly database" in text or "read-only" in text or "read only" in text


def is_damaged(exc: BaseException) -> bool:
    text = _message(exc)
    return (
        "malformed" in text
        or "disk i/o error" in text
        or "corrupt" in text
        or "could not decode to utf-8" in text  # we never store invalid UTF-8
    )


def is_not_a_database(exc: BaseException) -> bool:
    return "file is not a database" in _message(exc)


def disk_full(path: object) -> StoreError:
    return StoreError(
        _(
            "the disk holding {path} is full: nothing was saved. Free some space and try again."
        ).format(path=path)
    )


def _timeout_seconds() -> int:
    from app.storage.constants import BUSY_TIMEOUT_MS

    return max(1, round(BUSY_TIMEOUT_MS / 1000))


def busy(path: object, who: list[str] | None = None) -> StoreBusyError:
    seconds = _timeout_seconds()
    if who:
        names = ", ".join(who[:3])
        if len(who) > 3:
            rest = len(who) - 3
            # Translators: {names} are the first three programs, {n} counts the others.
            names = ngettext("{names} and {n} more", "{names} and {n} more", rest).format(
                names=names, n=rest
            )
        return StoreBusyError(
            ngettext(
                "{path} is busy: {who} kept it locked for more than {n} second. Nothing was "
                "saved; try again in a moment.",
                "{path} is busy: {who} kept it locked for more than {n} seconds. Nothing was "
                "saved; try again in a moment.",
                seconds,
            ).format(path=path, who=names, n=seconds)
        )
    return StoreBusyError(
        ngettext(
            "{path} is busy: another program kept it locked for more than {n} second. "
            "Nothing was saved; try again in a moment.",
            "{path} is busy: another program kept it locked for more than {n} seconds. "
            "Nothing was saved; try again in a moment.",
            seconds,
        ).format(path=path, n=seconds)
    )


def read_only(path: object) -> StoreError:
    return StoreError(
        _("{path} is read-only: nothing was saved (viewing and exports still work).").format(
            path=path
        )
    )


def damaged(path: object, *, encrypted: bool = False) -> StoreError:
    if encrypted:
        return StoreError(
            _(
                "{path} is damaged (an encrypted page does not check out): restore a backup "
                "with 'restore FILE'."
            ).format(path=path)
        )
    return StoreError(
        _("{path} is damaged: restore a backup with 'restore FILE'.").format(path=path)
    )


def translate(
    exc: BaseException, path: object, *, encrypted: bool = False, store: object = None
) -> StoreError | None:
    """The StoreError a SQLite failure means for the user, or None when it is none of these."""
    if is_disk_full(exc) or looks_like_full_disk(exc, path):
        return disk_full(path)
    if is_locked(exc):
        who = None
        if isinstance(path, Path):
            from app.storage.holders import holders

            who = holders(path, besides=store) or None
        return busy(path, who)
    if is_read_only(exc):
        return read_only(path)
    if is_damaged(exc) or (encrypted and is_not_a_database(exc)):
        return damaged(path, encrypted=encrypted)
    if is_not_a_database(exc):
        return StoreError(_("{path} is not a Cortège database, or it is damaged").format(path=path))
    return None
