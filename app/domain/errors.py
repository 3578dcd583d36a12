"""Errors the user can fix. Each names the field and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (a field path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CortegeError(Exception):
    """Base of every error the app reports to the user instead of a traceback."""

    exit_code = 1


class DomainError(CortegeError):
    """Input the user can correct; carries every problem found, each with its field path."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem | str, *, field: str = "") -> None:
        if isinstance(problems, str):
            problems = [Problem(field, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def field(self) -> str:
        return self.problems[0].path if self.problems else ""


class NotFoundError(DomainError):
    """An unknown slug, alias, key or id."""


class StoreError(CortegeError):
    """The database cannot be opened or used: not ours, corrupt, too new, locked, wrong key."""

    exit_code = 2


class ConflictError(CortegeError):
    """Somebody else changed the row since it was read (team mode)."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        entity: str = "",
        entity_id: int | None = None,
        deleted: bool = False,
    ) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.deleted = deleted  # the other organiser deleted the row


class StoreBusyError(StoreError):
    """Another program kept the database locked for longer than the busy timeout."""


class StoreReplacedError(StoreError):
    """The database file was replaced or removed under the open store; nothing was written."""


class StoreInUseError(StoreError):
    """An operation that replaces the file was refused: another process has it open."""


QUOTE_CHARS = 60


class Short:
    """A value quoted in a message, cut to a short prefix: a 50 MB field must not make a 50 MB
    message. ``{value!r}`` and ``{value}`` in a message both give the short form."""

    __slots__ = ("_text", "_is_text")

    def __init__(self, value: object, limit: int = QUOTE_CHARS) -> None:
        if isinstance(value, str):
            text = value
        else:
            try:
                text = repr(value)
            except ValueError:  # an int of more than 4,300 digits
                text = "<a number too long to show>"
        # Lone surrogates and other unencodable characters are shown escaped.
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        self._is_text = isinstance(value, str)
        self._text = text[:limit] + "…" if len(text) > limit else text

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return repr(self._text) if self._is_text else self._text


def short(value: object) -> Short:
    return Short(value)
