"""Organisation settings: one row in the database, with defaults."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.domain.errors import DomainError, Problem
from app.domain.models import Settings
from app.i18n import _
from app.storage.rows import SETTINGS_DEFAULTS, ensure_settings

DEFAULTS = SETTINGS_DEFAULTS
FIELDS = (*DEFAULTS, "logo")


def get_settings(session: Session) -> Settings:
    return ensure_settings(session)


@dataclass(frozen=True)
class SettingsView:
    name: str
    boilerplate: str
    currency: str
    retention_days: int
    alarm_minutes: int
    country: str
    end_mark: str
    logo: bytes | None


def read_settings(session: Session) -> SettingsView:
    row = ensure_settings(session)
    return SettingsView(**{f: getattr(row, f) for f in FIELDS})


def validate_settings(values: dict) -> list[Problem]:
    from babel.numbers import get_currency_name

    problems: list[Problem] = []
    for key in values:
        if key not in FIELDS:
            problems.append(Problem(key, _("unknown setting")))
    if "currency" in values:
        code = values["currency"]
        ok = isinstance(code, str) and len(code) == 3 and code.isupper()
        if ok:
            ok = get_currency_name(code, locale="en") != code
        if not ok:
            problems.append(
                Problem(
                    "currency", _("{value!r} is not an ISO 4217 currency code").format(value=code)
                )
            )
    for key in ("retention_days", "alarm_minutes"):
        if key in values:
            v = values[key]
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                problems.append(Problem(key, _("must be a whole number, 0 or more")))
    if "country" in values:
        from app.services.validation import valid_country

        if not valid_country(values["country"]):
            problems.append(
                Problem(
                    "country",
                    _("{value!r} is not an ISO 3166 country code").format(value=values["country"]),
                )
            )
    for key in ("name", "boilerplate", "end_mark"):
        if key in values and not isinstance(values[key], str):
            problems.append(Problem(key, _("must be text")))
    return problems


def update_settings(session: Session, **values) -> dict:
    """Change settings; returns the previous values (for undo)."""
    problems = validate_settings(values)
    if problems:
        raise DomainError(problems)
    row = ensure_settings(session)
    old = {k: getattr(row, k) for k in values}
    for k, v in values.items():
        setattr(row, k, v)
    session.flush()
    return old
