"""Operations: one edit that needs several writes, as ONE service call in one transaction.

Modelled on Anki's ``OpChanges``: an operation returns what it changed (for the views), its
result (a new id…) and the operation that takes it back. That inverse returns, in turn, the
operation that does it again, so the undo stack only ever swaps one call for another and can
never describe a half-applied edit. Operations run inside the caller's ``store.session()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.services.changes import Change


@dataclass(frozen=True)
class OpChanges:
    change: Change
    undo: Callable[[Session], OpChanges]
    result: Any = None
