"""Logging to a file in the user data folder. Logs hold no field values, only what happened."""

from __future__ import annotations

import faulthandler
import logging
import traceback
from pathlib import Path

_fault_file = None


def log_file() -> Path:
    from app.paths import log_dir

    return log_dir() / "cortege.log"


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    target = log_file()
    for h in list(root.handlers):
        if getattr(h, "_cortege", False):
            if Path(h.baseFilename) == target:
                return
            root.removeHandler(h)  # the data folder moved (tests, another profile)
            h.close()
    try:
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        return
    handler._cortege = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)


def enable_faulthandler() -> Path | None:
    """Hard crashes (segfaults, aborts) are written to crash.log in the user data folder."""
    global _fault_file
    from app.paths import log_dir

    try:
        path = log_dir() / "crash.log"
        _fault_file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - kept open on purpose
        faulthandler.enable(_fault_file)
        return path
    except OSError:
        return None


def log_exception(exc: BaseException) -> Path:
    """Log where an unexpected error happened: the frames and the error's type, not its
    message, which may quote a participant's data."""
    setup_logging()
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logging.getLogger("cortege").error(
        "unexpected error: %s.%s\nTraceback (most recent call last):\n%s",
        type(exc).__module__,
        type(exc).__qualname__,
        frames,
    )
    return log_file()
