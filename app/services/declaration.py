"""The declaration assistant's view of an action: rule, window, authority, what was recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.declaration import (
    in_time,
    known_authority,
    notice_required,
    rule_for,
    suggest_authority,
    window,
)
from app.domain.timeutil import utcnow, zone
from app.exports.declaration import (
    Organiser,
    build_pdf,
    default_purpose,
    letter_warnings,
    rule_of_action,
)
from app.storage.files import atomic_write
from app.storage.rows import load_action


@dataclass(frozen=True)
class DeclarationInfo:
    action_id: int
    title: str
    country: str
    applies: bool
    event_day: date
    today: date
    first_day: date | None = None
    last_day: date | None = None
    #: the authority for the action's address, or the general hint ("Mairie (or …)")
    suggested_authority: str = ""
    #: the authority for the action's city when Cortège knows it, else ""
    known_authority: str = ""
    authority: str = ""
    sent_on: date | None = None
    received_on: date | None = None
    reference: str = ""
    legal_basis: str = ""
    penalty: str = ""
    required_content: tuple[str, ...] = field(default_factory=tuple)
    min_clear_days: int = 0
    max_clear_days: int | None = None
    #: rules are known but this action needs no notice (GB: a static assembly); why not
    not_needed: str = ""
    min_signatures: int = 1
    version: int = 0  # the action's version when read: the dialog saves over this one only

    @property
    def received_in_time(self) -> bool | None:
        """None until received; then whether the receipt date respects the window."""
        if not self.applies or self.received_on is None:
            return None
        rule = rule_for(self.country)
        return rule is not None and in_time(rule, self.received_on, self.event_day)


def declaration_info(
    session: Session, action_id: int, *, now: datetime | None = None
) -> DeclarationInfo:
    from app.services.edits import get

    action = get(session, "action", action_id)
    tz = zone(action.timezone)
    event = action.starts_at.astimezone(tz).date()
    rule = rule_for(action.country)
    common = dict(
        action_id=action.id,
        title=action.title,
        country=action.country or "",
        event_day=event,
        today=(now or utcnow()).astimezone(tz).date(),
        authority=action.decl_authority,
        sent_on=action.decl_sent_on,
        received_on=action.decl_received_on,
        reference=action.decl_reference,
        version=action.version,
    )
    if rule is None:
        return DeclarationInfo(applies=False, **common)
    if not notice_required(rule, action.route):
        return DeclarationInfo(
            applies=False, not_needed=rule.static_note, legal_basis=rule.legal_basis, **common
        )
    first, last = window(rule, event)
    return DeclarationInfo(
        applies=True,
        first_day=first,
        last_day=last,
        suggested_authority=suggest_authority(rule, action.address, action.location_name),
        known_authority=known_authority(rule, action.address, action.location_name),
        legal_basis=rule.legal_basis,
        penalty=rule.penalty,
        required_content=rule.required_content,
        min_clear_days=rule.min_clear_days,
        max_clear_days=rule.max_clear_days,
        min_signatures=rule.min_signatures,
        **common,
    )


def letter_defaults(session: Session, action_id: int) -> dict[str, str]:
    """What the assistant prefills: the purpose in the letter's language."""
    action = load_action(session, action_id)
    rule = rule_for(action.country)
    return {"purpose": default_purpose(action, rule.letter_language) if rule else ""}


def write_declaration(
    session: Session,
    action_id: int,
    out: str | Path,
    *,
    organisers: list[Organiser],
    authority: str = "",
    place: str = "",
    purpose: str = "",
    today: date | None = None,
) -> list[str]:
    """Write the letter for an action to ``out`` (atomically); returns the warnings (fewer
    signatures than the law asks for, …): the letter is written all the same."""
    action = load_action(session, action_id)
    data = build_pdf(
        action, organisers, authority=authority, place=place, purpose=purpose, today=today
    )
    atomic_write(out, data)
    return letter_warnings(organisers, rule_of_action(action))
