"""Import a UI module by name when it is first needed, and go on without it when it is missing
or broken: the window, its menus and its tabs all use this (kept out of ``main_window`` so they
need not import the window, tests/app/test_architecture.py)."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

log = logging.getLogger("cortege.ui")


def optional(module: str, name: str) -> Callable | None:
    """``module.name`` if that module exists (another engineer may not have written it yet)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        log.exception("cannot import %s", module)
        return None
    except Exception:  # a broken optional module must not stop the window from opening
        log.exception("cannot import %s", module)
        return None
    return getattr(mod, name, None)
