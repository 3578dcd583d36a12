"""What each edited entity accepts, and the checks that turn raw values into clean ones.

The UI's forms, the services and the bundle reader share these, so a bad value gets the same
message wherever it comes from: the field's name and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.enums import ActionStatus, PropStatus, ReleaseStatus, values
from app.domain.errors import DomainError, Problem
from app.i18n import _, normalise_language
from app.services.validation import SLUG_RE, valid_country, valid_email


@dataclass(frozen=True)
class Field:
    kind: str
    required: bool = False
    max_len: int | None = None
    choices: tuple[str, ...] = ()


def _text(max_len: int, required: bool = False) -> Field:
    return Field("text", required=required, max_len=max_len)


ENTITY_FIELDS: dict[str, dict[str, Field]] = {
    "action": {
        "slug": Field("slug"),
        "title": _text(300, required=True),
        "message": _text(2000),
        "description": _text(20000),
        "status": Field("enum", choices=tuple(values(ActionStatus))),
        "timezone": Field("timezone", required=True),
        "country": Field("country"),
        "starts_at": Field("instant", required=True),
        "ends_at": Field("instant", required=True),
        "location_name": _text(300),
        "address": _text(2000),
        "meeting_point": _text(2000),
        "latitude": Field("latitude"),
        "longitude": Field("longitude"),
        "route": Field("text_list"),
        "languages": Field("languages"),
        "fallback_plan": _text(5000),
        "safety_notes": _text(5000),
        "decl_authority": _text(300),
        "decl_sent_on": Field("date"),
        "decl_received_on": Field("date"),
        "decl_reference": _text(200),
    },
    "contact": {
        "action_id": Field("id", required=True),
        "position": Field("int0"),
        "label": _text(200, required=True),
        "phone": _text(64),
        "email": Field("email"),
    },
    "role": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "name": _text(200, required=True),
        "needed": Field("int0"),
        "instructions": _text(5000),
    },
    "participant": {
        "alias": _text(100, required=True),
        "full_name": _text(200),
        "phone": _text(64),
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
    },
    "cue": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "starts_at": Field("instant", required=True),
        "minutes": Field("int1", required=True),
        "title": _text(300, required=True),
        "place": _text(300),
        "instructions": _text(5000),
        "follows_id": Field("id_or_none"),
        "role_ids": Field("ids"),
        "participant_ids": Field("ids"),
        "prop_ids": Field("ids"),
    },
    "prop": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "name": _text(300, required=True),
        "quantity": Field("int0"),
        "status": Field("enum", choices=tuple(values(PropStatus))),
        "cost": Field("money"),
        "notes": _text(5000),
        "carrier_ids": Field("ids"),
    },
    "release": {
        "action_id": Field("id", required=True),
        "key": Field("key"),
        "language": Field("language", required=True),
        "headline": _text(500, required=True),
        "subheadline": _text(2000),
        "dateline": _text(200),
        "release_at": Field("instant"),
        "embargo_until": Field("instant"),
        "body": _text(100000),
        "boilerplate": _text(20000),
        "status": Field("enum", choices=tuple(values(ReleaseStatus))),
        "translation_of_id": Field("id_or_none"),
        "quotes": Field("quotes"),
        "press_contacts": Field("contacts"),
    },
    "task": {
        "action_id": Field("id", required=True),
        "title": _text(300, required=True),
        "due": Field("date"),
        "assignee_id": Field("id_or_none"),
        "done": Field("bool"),
    },
    "media_contact": {
        "outlet": _text(200, required=True),
        "name": _text(200),
        "email": Field("email"),
        "phone": _text(64),
        "language": Field("language"),
        "beat": _text(200),
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


def check_value(field: Field, value: Any) -> tuple[Any, str | None]:
    """(clean value, None) or (None, message)."""
    k = field.kind
    if k == "text":
        if value is None:
            value = ""
        if not isinstance(value, str):
            return None, _("must be text")
        if field.required and not value.strip():
            return None, _("is required")
        if field.max_len and len(value) > field.max_len:
            return None, _("is longer than {n} characters").format(n=field.max_len)
        return value, None
    if k in ("int0", "int1"):
        low = 0 if k == "int0" else 1
        if isinstance(value, bool) or not isinstance(value, int):
            return None, _("must be a whole number")
        if value < low:
            return None, (_("must not be negative") if low == 0 else _("must be at least 1"))
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
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value, None
        return None, _("must be a date")
    if k == "instant":
        if value is None:
            return (None, _("is required")) if field.required else (None, None)
        if not isinstance(value, datetime) or value.tzinfo is None:
            return None, _("must be a date and time with its zone")
        return value, None
    if k == "enum":
        if value not in field.choices:
            return None, _("{value!r} is not one of {choices}").format(
                value=value, choices=", ".join(field.choices)
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
            return None, _("{value!r} is not an ISO 3166 country code").format(value=value)
        return value, None
    if k == "language":
        if value in (None, "") and not field.required:
            return "", None
        lang = normalise_language(value) if isinstance(value, str) else None
        if lang is None:
            return None, _("{value!r} is not a language code").format(value=value)
        return lang, None
    if k == "languages":
        if not isinstance(value, list | tuple):
            return None, _("must be a list of language codes")
        out = []
        for item in value:
            lang = normalise_language(item) if isinstance(item, str) else None
            if lang is None:
                return None, _("{value!r} is not a language code").format(value=item)
            if lang not in out:
                out.append(lang)
        return out, None
    if k == "text_list":
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            return None, _("must be a list of text")
        return list(value), None
    if k == "email":
        value = "" if value is None else value
        if not valid_email(value):
            return None, _("{value!r} is not an e-mail address").format(value=value)
        return value, None
    if k == "slug":
        if not isinstance(value, str) or not SLUG_RE.match(value):
            return None, _("{value!r} is not a slug (a-z, 0-9 and -, at most 64)").format(
                value=value
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
        try:
            amount = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return None, _("{value!r} is not an amount").format(value=value)
        if not amount.is_finite():
            return None, _("{value!r} is not an amount").format(value=value)
        if amount < 0:
            return None, _("must not be negative")
        if amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e10"):
            return None, _("{value!r} is not an amount with at most 2 decimals").format(value=value)
        return amount.quantize(Decimal("0.01")), None
    if k == "id":
        if isinstance(value, bool) or not isinstance(value, int):
            return None, _("must be an id")
        return value, None
    if k == "id_or_none":
        if value is None:
            return None, None
        if isinstance(value, bool) or not isinstance(value, int):
            return None, _("must be an id")
        return value, None
    if k == "ids":
        if not isinstance(value, list | tuple | set) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            return None, _("must be a list of ids")
        return sorted(set(value)), None
    if k in ("quotes", "contacts"):
        if not isinstance(value, list | tuple):
            return None, _("must be a list")
        out = []
        for item in value:
            if not isinstance(item, dict):
                return None, _("must be a list of objects")
            out.append({str(a): ("" if b is None else b) for a, b in item.items()})
        return out, None
    raise AssertionError(f"unknown field kind {k}")  # pragma: no cover


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
