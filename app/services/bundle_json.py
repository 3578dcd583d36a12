"""The JSON layer of a bundle: decoding, and text that could never be stored."""

from __future__ import annotations

import json
from typing import Any

from app.domain.errors import DomainError, Problem, short
from app.i18n import _
from app.services.fields import unicode_problem


def _no_number_constant(name: str) -> float:
    raise ValueError(name)


class _TwiceNamed(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict:
    """An object whose names are unique: ``{"action": A, "action": B}`` would silently keep B
    (which one a reader keeps is up to it, RFC 8259 §4), so such a file is refused."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _TwiceNamed(key)
        out[key] = value
    return out


def parse_json(raw: bytes | str) -> Any:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DomainError(_("the file is not UTF-8 text")) from exc
    try:
        data = json.loads(raw, parse_constant=_no_number_constant, object_pairs_hook=_object)
    except _TwiceNamed as exc:
        raise DomainError(
            _("not valid JSON for a bundle: {key!r} is written twice in one object").format(
                key=short(exc.key)
            )
        ) from exc
    except json.JSONDecodeError as exc:
        raise DomainError(
            _("not valid JSON: line {line}, column {col}: {msg}").format(
                line=exc.lineno, col=exc.colno, msg=short(exc.msg)
            )
        ) from exc
    except RecursionError as exc:
        raise DomainError(_("not valid JSON: nested too deeply")) from exc
    except ValueError as exc:
        # A number of more than 4,300 digits, or NaN / Infinity (not JSON).
        raise DomainError(_("not valid JSON: a number is too long or is not a number")) from exc
    return data


def bad_text(node: Any, path: str):
    """Every string (names included) holding a lone surrogate: it cannot be stored."""
    if isinstance(node, str):
        problem = unicode_problem(node)
        if problem:
            yield Problem(path, problem)
    elif isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}" if path else str(key)
            if unicode_problem(key):
                yield Problem(path or "(top)", unicode_problem(key))
                continue
            yield from bad_text(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from bad_text(value, f"{path}[{i}]")
