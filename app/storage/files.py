"""Exports are written to a temporary file beside the target and renamed into place.

The temporary file is hidden (``.<name>.<pid>.<random>.part``) and readable by its owner only.
A process killed while writing (a batch export, with personal data when asked) leaves its part
behind: the next export into that folder removes the parts whose writer is no longer running.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_PART = re.compile(r"^\..+?\.(?:(\d+)\.)?[A-Za-z0-9_]{6,}\.part$")
# A part without a writer's pid (older versions), or on a system where a pid cannot be checked,
# is stale once it is this old.
STALE_SECONDS = 3600
_swept: set[str] = set()
#: The SQLite files this process has open (resolved), and how many times: no export goes over
#: one of them (``export ics -o plan.cortege`` renamed a calendar over the live database).
_databases: dict[Path, int] = {}


def guard_database(path: Path) -> None:
    """``path`` is an open database: exports refuse to write over it or its -wal/-shm."""
    real = Path(os.path.realpath(path))
    _databases[real] = _databases.get(real, 0) + 1


def release_database(path: Path) -> None:
    real = Path(os.path.realpath(path))
    if _databases.get(real, 0) > 1:
        _databases[real] -= 1
    else:
        _databases.pop(real, None)


def _is_open_database(target: Path) -> bool:
    real = os.path.realpath(target)
    for db in _databases:
        if real in (str(db), f"{db}-wal", f"{db}-shm", f"{db}-journal"):
            return True
    return False


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) would end the process on Windows: judge by age only
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # somebody else's process
    return True


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the ``.part`` files left in ``folder`` by writers that died; the paths removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PART.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match.group(1)) if match.group(1) else None
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
        except OSError:
            continue
        if pid == os.getpid():
            continue
        stale = old if pid is None or os.name != "posix" else not _running(pid)
        if stale:
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def _sweep_once(folder: Path) -> None:
    key = str(folder.resolve()) if folder.exists() else str(folder)
    if key not in _swept:
        _swept.add(key)
        remove_stale_parts(folder)


def _short(name: str, limit: int = 100) -> str:
    """``name`` cut to ``limit`` bytes of UTF-8 for the part's name: with the pid and the random
    letters around it, the part of a long name went over the file systems' 255 bytes."""
    while len(name.encode()) > limit:
        name = name[:-1]
    return name


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto ``target`` on success.

    On any error the temporary file is removed and an existing ``target`` is left untouched.
    """
    target = Path(target)
    if _is_open_database(target):
        import errno

        from app.i18n import _

        raise FileExistsError(
            errno.EEXIST, _("it is the open database: choose another file name"), str(target)
        )
    folder = target.parent if str(target.parent) else Path(".")
    _sweep_once(folder)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{_short(target.name)}.{os.getpid()}.", suffix=".part", dir=folder
        )
    except OSError as exc:  # name the file the user asked for, not the hidden part
        raise type(exc)(exc.errno, exc.strerror, str(target)) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_path, target)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        if exc.errno and exc.filename in (None, str(tmp_path)):
            # the file the user asked for ("out: Is a directory"), not ".out.1234.x.part"
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        raise
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def atomic_write(target: str | os.PathLike, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def die_with_parent(parent: int) -> None:
    """In a worker process (a pool initializer): end when ``parent`` dies, so a killed app does
    not leave workers writing sheets. Linux asks the kernel (``PR_SET_PDEATHSIG``); a watchdog
    thread notices elsewhere (and covers a parent that died before the call)."""
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before we could ask
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="cortege-parent-watch", daemon=True).start()


#: The largest bundle or calendar file an import reads (a 10,000-person bundle is about 5 MB;
#: Google Calendar's export of 4,778 events, 1.6 MB). ``/dev/zero`` given as a bundle grew
#: to the memory's limit before "internal error: MemoryError".
MAX_IMPORT_BYTES = 50_000_000


def read_input(path: str | os.PathLike, *, limit: int | None, field: str = "FILE") -> bytes:
    """The bytes of a file to import: a regular file, and at most ``limit`` bytes of it."""
    from app.domain.errors import DomainError
    from app.i18n import _

    p = Path(path)
    if not p.exists():
        raise DomainError(_("{path}: no such file").format(path=path), field=field)
    if p.is_dir():
        raise DomainError(_("{path} is a folder, not a file").format(path=path), field=field)
    if not p.is_file():
        raise DomainError(
            _("{path} is not a file but a device or a pipe").format(path=path), field=field
        )
    with p.open("rb") as fh:
        data = fh.read(limit + 1) if limit is not None else fh.read()
    if limit is not None and len(data) > limit:
        raise DomainError(
            _("{path} is larger than {n} MB: it is not a file Cortège imports").format(
                path=path, n=limit // 1_000_000
            ),
            field=field,
        )
    return data
