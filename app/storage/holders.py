"""Who else has a SQLite database file open, and whether the file is still the one we opened.

Replacing a SQLite file under an open connection (``os.replace`` and deleting ``-wal``) leaves
that connection writing into the deleted file: its commits succeed and are lost. So whatever
replaces the file (``restore``, ``change-passphrase``) first asks :func:`holders`, and an open
store compares the file's identity before each write transaction (:func:`file_identity`).

On Linux the other processes are found in ``/proc`` and named (the desktop app, the command
line, another program). Elsewhere on POSIX a lock probe on the WAL index tells *that* some
process has the file open, without naming it.
"""

from __future__ import annotations

import os
import sys
import weakref
from pathlib import Path

from app.i18n import _

# Stores open in this process, by resolved path: the window and a CLI command in one process
# (tests, the window's own dialogs) must see each other too.
_OPEN_HERE: weakref.WeakSet = weakref.WeakSet()
_SIDE_FILES = ("", "-wal", "-shm")


def file_identity(path: Path | None) -> tuple[int, int] | None:
    """(device, inode) of ``path``, None when it does not exist (or for a server database)."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def register_open(store) -> None:
    _OPEN_HERE.add(store)


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except OSError:
        return path.expanduser().absolute()


def _describe(argv: list[str], pid: int) -> str:
    """A process named for the user from its command line."""
    names = [Path(a).name for a in argv[:3]]
    if "main.py" in names or any(n.startswith("cortege") for n in names):
        script = next(i for i, n in enumerate(names) if n == "main.py" or n.startswith("cortege"))
        rest = argv[script + 1 :]
        while rest and (rest[0] == "--db" or rest[0].startswith("--db=")):
            rest = rest[2:] if rest[0] == "--db" else rest[1:]
        if not rest:
            return _("the Cortège desktop app (process {pid})").format(pid=pid)
        return _("a Cortège command, '{command}' (process {pid})").format(
            command=rest[0][:40], pid=pid
        )
    program = Path(argv[0]).name[:40] if argv else "?"
    return _("another program, {program} (process {pid})").format(program=program, pid=pid)


def _linux_holders(targets: set[str]) -> list[str]:
    found: list[str] = []
    me = os.getpid()
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return found
    for pid in pids:
        if pid == me:
            continue
        fd_dir = f"/proc/{pid}/fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(f"{fd_dir}/{fd}")
            except OSError:
                continue
            if link in targets:
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as fh:
                        argv = [a.decode("utf-8", "replace") for a in fh.read().split(b"\0") if a]
                except OSError:
                    argv = []
                found.append(_describe(argv, pid))
                break
    return found


def _posix_probe(path: Path) -> list[str]:
    """Each open SQLite connection holds a shared lock on the WAL index's "DMS" byte (120 + 8):
    if an exclusive lock on it is refused, some process has the database open."""
    import fcntl

    shm = path.with_name(path.name + "-shm")
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return []
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
    except OSError:
        return [_("another program")]
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return []
    finally:
        os.close(fd)


def holders(path: Path, *, besides: object = None) -> list[str]:
    """Who has the database ``path`` open, apart from ``besides`` (a Store of ours): one
    description per process, in the UI language. Empty when nobody else has it."""
    real = _resolved(path)
    found = []
    for store in list(_OPEN_HERE):
        if store is besides or getattr(store, "closed", False):
            continue
        other = getattr(store, "path", None)
        if other is not None and _resolved(other) == real:
            found.append(_("another window or command in this program"))
            break
    if sys.platform.startswith("linux") and os.path.isdir("/proc/self/fd"):
        found += _linux_holders({str(real) + extra for extra in _SIDE_FILES})
    elif os.name == "posix":
        found += _posix_probe(real)
    return found


def refuse_if_open_elsewhere(target: Path, *, doing: str, besides: object = None) -> None:
    """Replacing a database file that another process has open would lose every edit that
    process saves afterwards (it goes on writing into the deleted file): refuse, saying who."""
    from app.domain.errors import StoreInUseError

    if not target.exists():
        return
    who = holders(target, besides=besides)
    if who:
        raise StoreInUseError(
            _("{path} is open in {who}: close it first; {doing}.").format(
                path=target, who=", ".join(who), doing=doing
            )
        )
