"""What each edited entity accepts, and the checks that turn raw values into clean ones.

The UI's forms, the services and the bundle reader share these, so a bad value gets the same
message wherever it comes from: the field's name and what is wrong.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.enums import ActionStatus, PropCondition, PropStatus, ReleaseStatus, values
from app.domain.errors import DomainError, Problem, short
from app.domain.limits import MAX_COUNT, MAX_CUE_MINUTES, MAX_ID, MAX_POSITION, MAX_WHOLE
from app.i18n import _, ngettext, normalise_language, ui
from app.services.validation import SLUG_RE, valid_country, valid_email


@dataclass(frozen=True)
class Field:
    kind: str
    required: bool = False
    max_len: int | None = None
    choices: tuple[str, ...] = ()
    #: the largest whole number accepted (int0/int1): every number has a sensible bound
    max_value: int | None = None


def _text(max_len: int, required: bool = False) -> Field:
    return Field("text", required=required, max_len=max_len)


def _line(max_len: int, required: bool = False) -> Field:
    """Text on one line: a headline, a dateline (e-mail subjects and headers are one line)."""
    return Field("line", required=required, max_len=max_len)


def _phone(max_len: int) -> Field:
    """A phone number: one line, and no invisible mark (a right-to-left mark before
    "+33 6 00 00 00 01" printed it "33 6 00 00 00 01+" on a volunteer's sheet)."""
    return Field("phone", max_len=max_len)


MAX_LESSONS = 20000  # the debrief's lessons
MAX_INCIDENT = 2000  # one line of the day's log, a clipping note

# Every character str.splitlines() breaks on.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


ENTITY_FIELDS: dict[str, dict[str, Field]] = {
    "action": {
        "slug": Field("slug"),
        "title": _line(300, required=True),
        "message": _text(2000),
        "description": _text(20000),
        "status": Field("enum", choices=tuple(values(ActionStatus))),
        "timezone": Field("timezone", required=True),
        "country": Field("country"),
        "starts_at": Field("instant", required=True),
        "ends_at": Field("instant", required=True),
        "location_name": _line(300),
        "address": _text(2000),
        "meeting_point": _text(2000),
        "latitude": Field("latitude"),
        "longitude": Field("longitude"),
        "route": Field("text_list"),
        "languages": Field("languages"),
        "fallback_plan": _text(5000),
        "safety_notes": _text(5000),
        "decl_authority": _line(300),
        "decl_sent_on": Field("date"),
        "decl_received_on": Field("date"),
        "decl_reference": _line(200),
        "lessons": _text(MAX_LESSONS),
    },
    "contact": {
        "action_id": Field("id", required=True),
        "position": Field("int0", max_value=MAX_POSITION),
        "label": _line(200, required=True),
        "phone": _phone(64),
        "email": Field("email"),
    },
    "role": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "name": _line(200, required=True),
        "needed": Field("int0", max_value=MAX_COUNT),
        "instructions": _text(5000),
    },
    "participant": {
        "alias": _line(100, required=True),
        "full_name": _line(200),
        "phone": _phone(64),
        "email": Field("email"),
        "language": Field("language"),
        "notes": _text(5000),
        "retain_until": Field("date"),
        "consent_given_on": Field("date"),
        "consent_scope": _text(2000),
        "consent_photos": Field("bool"),
    },
    "assignment": {
        "action_id": Field("id", required=True),
        "participant_id": Field("id", required=True),
        "role_id": Field("id", required=True),
        "call_time": Field("instant"),
        "confirmed": Field("bool"),
        "attended": Field("bool_or_none"),
        "attended_at": Field("instant"),
        "pack_sent": Field("bool"),
    },
    "cue": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "starts_at": Field("instant", required=True),
        "minutes": Field("int1", required=True, max_value=MAX_CUE_MINUTES),
        "title": _line(300, required=True),
        "place": _line(300),
        "instructions": _text(5000),
        "photo_opportunity": Field("bool"),
        "follows_id": Field("id_or_none"),
        "actual_start": Field("instant"),
        "actual_end": Field("instant"),
        "role_ids": Field("ids"),
        "participant_ids": Field("ids"),
        "prop_ids": Field("ids"),
    },
    "prop": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "name": _line(300, required=True),
        "quantity": Field("int0", max_value=MAX_COUNT),
        "status": Field("enum", choices=tuple(values(PropStatus))),
        "cost": Field("money"),
        "notes": _text(5000),
        "condition": Field("enum", choices=tuple(values(PropCondition))),
        "carrier_ids": Field("ids"),
    },
    "release": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "language": Field("language", required=True),
        "headline": _line(500, required=True),
        "subheadline": _text(2000),
        "dateline": _line(200),
        "release_at": Field("instant"),
        "embargo_until": Field("instant"),
        "body": _text(100000),
        "boilerplate": _text(20000),
        "notes_to_editors": _text(20000),
        "status": Field("enum", choices=tuple(values(ReleaseStatus))),
        "translation_of_id": Field("id_or_none"),
        "quotes": Field("quotes"),
        "press_contacts": Field("contacts"),
    },
    "advisory": {
        "action_id": Field("id", required=True),
        "language": Field("language", required=True),
        "headline": _line(500),
        "what": _text(5000),
        "when_text": _text(2000),
        "where_text": _text(2000),
        "who": _text(5000),
        "photo": _text(5000),
        "contact": _text(2000),
    },
    "task": {
        "action_id": Field("id", required=True),
        "title": _line(300, required=True),
        "due": Field("date"),
        "assignee_id": Field("id_or_none"),
        "done": Field("bool"),
    },
    # the debrief (revision 0004_day): the day's log and the press coverage it got
    "incident": {
        "action_id": Field("id", required=True),
        "at": Field("instant", required=True),
        "cue_id": Field("id_or_none"),
        "text": _text(MAX_INCIDENT, required=True),
    },
    "coverage": {
        "action_id": Field("id", required=True),
        "outlet": _line(200, required=True),
        "link": _line(2000),
        "note": _text(MAX_INCIDENT),
        "published_on": Field("date"),
    },
    "media_contact": {
        "outlet": _line(200, required=True),
        "name": _line(200),
        "email": Field("email"),
        "phone": _phone(64),
        "language": Field("language"),
        "beat": _line(200),
        "retain_until": Field("date"),
    },
}

# Fields that are personal data: never printed or exported by default, removed by a purge.
PERSONAL_FIELDS = {
    "participant": (
        "full_name",
        "phone",
        "email",
        "notes",
        "retain_until",
        "consent_given_on",
        "consent_scope",
    ),
    "media_contact": ("name", "email", "phone"),
}


#: embeddings and overrides (LRE, RLE, PDF, LRO, RLO): invisible, they turn the text after
#: them around on every sheet ("Crow" written with U+202E prints as "worC" and can pass for
#: another name); nobody types them, a hostile file can hold them
DIRECTION_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")


def visible(value: str) -> str:
    """``value`` without its spaces and invisible characters: what a reader sees of it."""
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf").strip()


def unicode_problem(value: str) -> str | None:
    """A lone surrogate (``"\\ud800"`` in JSON) cannot be stored or printed, an invisible
    direction override would turn the printed text around: refuse them."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _("contains a character that is not valid Unicode (a lone surrogate)")
    found = next((ch for ch in value if ch in DIRECTION_OVERRIDES), None)
    if found is not None:
        return _("contains an invisible character (U+{code}) that turns the text around it").format(
            code=f"{ord(found):04X}"
        )
    control = next((ch for ch in value if _is_control(ch)), None)
    if control is not None:
        # A bell or a terminal escape from someone else's bundle reached the organiser's
        # terminal through `list`; nothing prints them on paper either.
        return _("contains a control character (U+{code}) that cannot be printed").format(
            code=f"{ord(control):04X}"
        )
    return None


def _is_control(ch: str) -> bool:
    """C0 and C1 control characters and DEL, but tabs and line breaks (which one-line fields
    refuse with their own message)."""
    code = ord(ch)
    return (code < 0x20 or 0x7F <= code <= 0x9F) and ch != "\t" and ch not in LINE_BREAKS


def _text_problem(value: object) -> str | None:
    if not isinstance(value, str):
        return _("must be text")
    return unicode_problem(value)


def check_value(field: Field, value: Any) -> tuple[Any, str | None]:
    """(clean value, None) or (None, message)."""
    k = field.kind
    if isinstance(value, str) and k != "text" and unicode_problem(value):
        return None, unicode_problem(value)
    if k == "phone":
        value, error = check_value(Field("line", field.required, field.max_len), value)
        invisible = next((ch for ch in value or "" if unicodedata.category(ch) == "Cf"), None)
        if error is None and invisible is not None:
            return None, _(
                "contains an invisible character (U+{code}) that changes how it prints"
            ).format(code=f"{ord(invisible):04X}")
        return value, error
    if k == "line":
        value, error = check_value(Field("text", field.required, field.max_len), value)
        if error is None and any(ch in LINE_BREAKS for ch in value):
            return None, _("must be on one line (no line breaks)")
        if error is None and "\t" in value:  # it split `list`'s columns
            return None, _("must not contain a tab")
        return value, error
    if k == "text":
        if value is None:
            value = ""
        if not isinstance(value, str):
            return None, _("must be text")
        if field.max_len and len(value) > field.max_len:
            return None, ngettext(
                "is longer than {n} character", "is longer than {n} characters", field.max_len
            ).format(n=field.max_len)
        if unicode_problem(value):
            return None, unicode_problem(value)
        if field.required and not visible(value):  # an alias of a zero-width space alone
            return None, _("is required")
        return value, None
    if k in ("int0", "int1"):
        low = 0 if k == "int0" else 1
        high = field.max_value if field.max_value is not None else MAX_WHOLE
        if isinstance(value, bool) or not isinstance(value, int):
            return None, _("must be a whole number")
        if value < low:
            return None, (_("must not be negative") if low == 0 else _("must be at least 1"))
        if value > high:
            return None, _("must be at most {n}").format(n=high)
        return value, None
    if k == "bool":
        if not isinstance(value, bool):
            return None, _("must be true or false")
        return value, None
    if k == "bool_or_none":
        if value is not None and not isinstance(value, bool):
            return None, _("must be true, false or empty")
        return value, None
    if k == "date":
        if value is None:
            return value, None
        if isinstance(value, date) and not isinstance(value, datetime):
            from app.domain.timeutil import year_problem

            problem = year_problem(value.year)
            return (None, problem) if problem else (value, None)
        return None, _("must be a date")
    if k == "instant":
        if value is None:
            return (None, _("is required")) if field.required else (None, None)
        if not isinstance(value, datetime) or value.tzinfo is None:
            return None, _("must be a date and time with its zone")
        from app.domain.timeutil import year_problem

        problem = year_problem(value.year)
        if problem:
            return None, problem
        return value, None
    if k == "enum":
        if value not in field.choices:
            return None, _("{value!r} is not one of {choices}").format(
                value=short(value), choices=ui().comma_list(field.choices)
            )
        return value, None
    if k == "timezone":
        from app.domain.timeutil import zone

        try:
            zone(value)
        except ValueError as exc:
            return None, str(exc)
        return value, None
    if k == "country":
        value = "" if value is None else value
        if isinstance(value, str):
            value = value.upper()
        if not valid_country(value):
            return None, _("{value!r} is not an ISO 3166 country code").format(value=short(value))
        return value, None
    if k == "language":
        if value in (None, "") and not field.required:
            return "", None
        lang = normalise_language(value) if isinstance(value, str) else None
        if lang is None:
            return None, _("{value!r} is not a language code").format(value=short(value))
        return lang, None
    if k == "languages":
        if not isinstance(value, list | tuple):
            return None, _("must be a list of language codes")
        out = []
        for item in value:
            lang = normalise_language(item) if isinstance(item, str) else None
            if lang is None:
                return None, _("{value!r} is not a language code").format(value=short(item))
            if lang not in out:
                out.append(lang)
        return out, None
    if k == "text_list":
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            return None, _("must be a list of text")
        for item in value:
            if unicode_problem(item):
                return None, unicode_problem(item)
        return list(value), None
    if k == "email":
        value = "" if value is None else value
        if not valid_email(value):
            return None, _("{value!r} is not an e-mail address").format(value=short(value))
        return value, None
    if k == "slug":
        if not isinstance(value, str) or not SLUG_RE.match(value):
            return None, _("{value!r} is not a slug (a-z, 0-9 and -, at most 64)").format(
                value=short(value)
            )
        return value, None
    if k == "key":
        if not isinstance(value, str) or not value.strip() or len(value) > 64:
            return None, _("must be a non-empty key of at most 64 characters")
        return value, None
    if k in ("latitude", "longitude"):
        if value is None:
            return None, None
        limit = 90 if k == "latitude" else 180
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, _("must be a number")
        if not -limit <= value <= limit:
            return None, _("must be between -{n} and {n}").format(n=limit)
        return float(value), None
    if k == "money":
        if value is None or value == "":
            return None, None
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            return None, _("{value!r} is not an amount").format(value=short(value))
        try:
            amount = Decimal(value if isinstance(value, str) else str(value))
        except (InvalidOperation, ValueError):
            return None, _("{value!r} is not an amount").format(value=short(value))
        if not amount.is_finite():
            return None, _("{value!r} is not an amount").format(value=short(value))
        if amount < 0:
            return None, _("must not be negative")
        # The bound first: quantizing 1e100 to cents raises InvalidOperation.
        if amount >= Decimal("1e10"):
            return None, _("must be less than {n}").format(n="10000000000")
        if amount != amount.quantize(Decimal("0.01")):
            return None, _("{value!r} is not an amount with at most 2 decimals").format(
                value=short(value)
            )
        return amount.quantize(Decimal("0.01")), None
    if k == "id":
        if not _is_id(value):
            return None, _("must be an id")
        return value, None
    if k == "id_or_none":
        if value is None:
            return None, None
        if not _is_id(value):
            return None, _("must be an id")
        return value, None
    if k == "ids":
        if not isinstance(value, list | tuple | set) or not all(_is_id(v) for v in value):
            return None, _("must be a list of ids")
        return sorted(set(value)), None
    if k in ("quotes", "contacts"):
        if not isinstance(value, list | tuple):
            return None, _("must be a list")
        out = []
        for item in value:
            if not isinstance(item, dict):
                return None, _("must be a list of objects")
            for b in item.values():
                if b is not None and _text_problem(b):
                    return None, _text_problem(b)
            out.append({str(a): ("" if b is None else b) for a, b in item.items()})
        return out, None
    raise AssertionError(f"unknown field kind {k}")  # pragma: no cover


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def clean(entity: str, given: dict, *, partial: bool, prefix: str = "") -> dict:
    """Check ``given`` against the entity's fields; DomainError listing every problem."""
    spec = ENTITY_FIELDS[entity]
    problems: list[Problem] = []
    out: dict = {}
    for name, value in given.items():
        if name not in spec:
            problems.append(Problem(prefix + name, _("unknown field")))
            continue
        cleaned, error = check_value(spec[name], value)
        if error:
            problems.append(Problem(prefix + name, error))
        else:
            out[name] = cleaned
    if not partial:
        for name, field in spec.items():
            if field.required and name not in given:
                problems.append(Problem(prefix + name, _("is required")))
    if problems:
        raise DomainError(problems)
    return out
