"""Imports after PySide6 at the cost of an import, not of reading the module's source.

Once PySide6 is imported, its ``__feature__`` support (PYSIDE-2029) checks every module
imported afterwards for the word "PySide6" with ``inspect.getsource``: each module's source
is read, tokenised and kept in ``linecache``. Measured on the start-up benchmark (#17):
SQLAlchemy imported after PySide6 took 0.95-1.5 s and 46 MB, before it 0.64-1.1 s and 32 MB.
The same question, answered from the file's bytes, costs a few microseconds and keeps nothing.
The project uses no ``__feature__`` (snake_case, true_property).
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads the check this module replaces


def speed_up_feature_check() -> None:
    """Answer PySide6's "does this module use PySide6?" from the file's bytes (idempotent;
    nothing happens on a PySide6 without that check)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "cortege_fast", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.cortege_fast = True
    feature._mod_uses_pyside = uses_pyside
