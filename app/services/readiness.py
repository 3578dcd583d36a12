"""The readiness check: what is still wrong with a plan. Computed on demand, never stored.

Each problem has a stable ``kind`` (DESIGN.md), a message in the UI language and the thing to
fix (``entity``, ``entity_id``) so the UI can jump to it and the CLI can print it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.declaration import clear_days, notice_required, rule_for, window
from app.domain.timeutil import utcnow, zone
from app.i18n import Translator, ui

KINDS = (
    "role-short",
    "double-booked",
    "cue-outside",
    "prop-not-ready",
    "prop-uncarried",
    "release-missing",
    "release-unapproved",
    "embargo-late",
    "declaration-missing",
    "declaration-late",
    "declaration-early",
    "consent-missing",
    "task-overdue",
    "purge-due",
)


@dataclass(frozen=True)
class ReadinessProblem:
    kind: str
    message: str
    entity: str  # action | role | participant | cue | prop | release | task
    entity_id: int

    def line(self) -> str:
        return f"{self.kind}: {self.message}"


@dataclass(frozen=True)
class DeclarationStatus:
    """For the readiness tab's check line and the declaration assistant."""

    applies: bool
    first_day: date | None = None
    last_day: date | None = None
    received_on: date | None = None
    ok: bool = False


def _lang_base(code: str) -> str:
    return code.split("_")[0].lower()


def covered(language: str, release_languages: list[str]) -> bool:
    if language in release_languages:
        return True
    if "_" not in language:
        return any(_lang_base(r) == language.lower() for r in release_languages)
    return False


def declaration_status(action: m.Action) -> DeclarationStatus:
    rule = rule_for(action.country)
    if rule is None or not notice_required(rule, action.route):
        return DeclarationStatus(applies=False)
    event = action.starts_at.astimezone(zone(action.timezone)).date()
    first, last = window(rule, event)
    rec = action.decl_received_on
    ok = rec is not None and rec <= last and (first is None or rec >= first)
    return DeclarationStatus(True, first, last, rec, ok)


def retention_dates(
    session: Session, participant_ids: list[int], retention_days: int
) -> dict[int, date | None]:
    """Each person's retain-until: set explicitly, else the end of their last action + N days."""
    if not participant_ids:
        return {}
    last_end = dict(
        session.execute(
            select(m.Assignment.participant_id, func.max(m.Action.ends_at))
            .join(m.Action, m.Action.id == m.Assignment.action_id)
            .where(m.Assignment.participant_id.in_(participant_ids), m.Action.deleted_at.is_(None))
            .group_by(m.Assignment.participant_id)
        ).all()
    )
    explicit = dict(
        session.execute(
            select(m.Participant.id, m.Participant.retain_until).where(
                m.Participant.id.in_(participant_ids)
            )
        ).all()
    )
    out: dict[int, date | None] = {}
    for pid in participant_ids:
        if explicit.get(pid) is not None:
            out[pid] = explicit[pid]
        elif last_end.get(pid) is not None:
            end = last_end[pid]
            if isinstance(end, datetime):
                end = end.date()
            out[pid] = end + timedelta(days=retention_days)
        else:
            out[pid] = None
    return out


def double_bookings(action: m.Action) -> list[tuple[int, str, m.Cue, m.Cue]]:
    """(person id, alias, first cue, second cue) for each pair of overlapping cues one person is
    in, directly or through a role. Intervals are half-open: a cue ending at 10:00 does not
    overlap one starting at 10:00. Ordered by alias, then time. Shared with the schedule view.
    """
    people_of_role: dict[int, set[int]] = defaultdict(set)
    alias: dict[int, str] = {}
    for a in action.assignments:
        people_of_role[a.role_id].add(a.participant_id)
        alias[a.participant_id] = a.participant.alias
    cues_of: dict[int, list[m.Cue]] = defaultdict(list)
    for cue in action.cues:
        who = {p.id for p in cue.participants}
        for p in cue.participants:
            alias[p.id] = p.alias
        for r in cue.roles:
            who |= people_of_role[r.id]
        for pid in who:
            cues_of[pid].append(cue)
    out = []
    for pid, cues in sorted(cues_of.items(), key=lambda kv: alias[kv[0]].casefold()):
        cues = sorted(cues, key=lambda c: (c.starts_at, c.id))
        for i, first in enumerate(cues):
            for second in cues[i + 1 :]:
                if second.starts_at >= first.ends_at:
                    break
                out.append((pid, alias[pid], first, second))
    return out


def check(
    session: Session, action_id: int, *, now: datetime | None = None, tr: Translator | None = None
) -> list[ReadinessProblem]:
    from app.services.actions import load_action
    from app.services.settings import get_settings

    tr = tr or ui()
    now = now or utcnow()
    action = load_action(session, action_id)
    tz = zone(action.timezone)
    today = now.astimezone(tz).date()
    out: list[ReadinessProblem] = []

    def add(kind: str, message: str, entity: str, entity_id: int) -> None:
        out.append(ReadinessProblem(kind, message, entity, entity_id))

    def hm(instant: datetime) -> str:
        return tr.time(instant.astimezone(tz), "short")

    def day(value: date) -> str:
        return tr.date(value, "long")

    live = action.status not in ("done", "cancelled")
    if live:
        # Roles with fewer people than needed.
        assigned: dict[int, int] = defaultdict(int)
        for a in action.assignments:
            assigned[a.role_id] += 1
        for role in action.roles:
            if assigned[role.id] < role.needed:
                add(
                    "role-short",
                    tr.gettext("{role} — {n} of {needed} assigned").format(
                        role=role.name, n=assigned[role.id], needed=role.needed
                    ),
                    "role",
                    role.id,
                )

        # A person in two cues that overlap (half-open intervals), directly or through a role.
        for pid, alias, first, second in double_bookings(action):
            add(
                "double-booked",
                tr.gettext(
                    "{alias} is in “{a}” ({a_start}–{a_end}) and “{b}” ({b_start}–{b_end}) "
                    "at the same time"
                ).format(
                    alias=alias,
                    a=first.title,
                    a_start=hm(first.starts_at),
                    a_end=hm(first.ends_at),
                    b=second.title,
                    b_start=hm(second.starts_at),
                    b_end=hm(second.ends_at),
                ),
                "participant",
                pid,
            )

        for cue in action.cues:
            if cue.starts_at < action.starts_at or cue.ends_at > action.ends_at:
                add(
                    "cue-outside",
                    tr.gettext(
                        "“{cue}” ({start}–{end}) is outside the action ({a_start}–{a_end})"
                    ).format(
                        cue=cue.title,
                        start=hm(cue.starts_at),
                        end=hm(cue.ends_at),
                        a_start=hm(action.starts_at),
                        a_end=hm(action.ends_at),
                    ),
                    "cue",
                    cue.id,
                )

        first_use: dict[int, m.Cue] = {}
        for cue in action.cues:
            for prop in cue.props:
                first_use.setdefault(prop.id, cue)
        for prop in action.props:
            cue = first_use.get(prop.id)
            if cue is None:
                continue
            if prop.status in ("needed", "sourced"):
                add(
                    "prop-not-ready",
                    tr.gettext(
                        "{prop} is needed for {time} (“{cue}”) and is still {status}"
                    ).format(
                        prop=prop.name,
                        time=hm(cue.starts_at),
                        cue=cue.title,
                        status=status_label(prop.status, tr),
                    ),
                    "prop",
                    prop.id,
                )
            if not prop.carriers:
                add(
                    "prop-uncarried",
                    tr.gettext(
                        "{prop} is needed for {time} (“{cue}”) and nobody carries it"
                    ).format(prop=prop.name, time=hm(cue.starts_at), cue=cue.title),
                    "prop",
                    prop.id,
                )

        release_langs = [r.language for r in action.releases]
        for lang in action.languages or []:
            if not covered(lang, release_langs):
                add(
                    "release-missing",
                    tr.gettext("no press release in {language}").format(
                        language=tr.language_name(lang)
                    ),
                    "action",
                    action.id,
                )
        for rel in action.releases:
            if rel.status == "draft":
                add(
                    "release-unapproved",
                    tr.gettext("the {language} release “{headline}” is still a draft").format(
                        language=tr.language_name(rel.language), headline=rel.headline
                    ),
                    "release",
                    rel.id,
                )
            if rel.embargo_until is not None and rel.embargo_until > action.starts_at:
                add(
                    "embargo-late",
                    tr.gettext(
                        "the {language} release is under embargo until {time}, "
                        "after the action starts ({start})"
                    ).format(
                        language=tr.language_name(rel.language),
                        time=hm(rel.embargo_until),
                        start=hm(action.starts_at),
                    ),
                    "release",
                    rel.id,
                )

        out.extend(_declaration(action, today, tr, day))

        seen_people: dict[int, m.Participant] = {}
        for a in action.assignments:
            seen_people[a.participant_id] = a.participant
        for cue in action.cues:
            for p in cue.participants:
                seen_people[p.id] = p
        for p in sorted(seen_people.values(), key=lambda p: p.alias.casefold()):
            if p.has_contact_details and p.consent_given_on is None:
                add(
                    "consent-missing",
                    tr.gettext(
                        "{alias}: contact details are stored without recorded consent"
                    ).format(alias=p.alias),
                    "participant",
                    p.id,
                )

        for task in action.tasks:
            if not task.done and task.due is not None and task.due < today:
                days = (today - task.due).days
                add(
                    "task-overdue",
                    tr.ngettext(
                        "“{task}” was due {date} ({n} day ago)",
                        "“{task}” was due {date} ({n} days ago)",
                        days,
                    ).format(task=task.title, date=day(task.due), n=days),
                    "task",
                    task.id,
                )

    # Purge reminders hold for finished actions too: that is when they matter.
    settings = get_settings(session)
    people = sorted(
        {a.participant_id: a.participant for a in action.assignments}.values(),
        key=lambda p: p.alias.casefold(),
    )
    dates = retention_dates(session, [p.id for p in people], settings.retention_days)
    for p in people:
        until = dates.get(p.id)
        if (
            until is not None
            and until < today
            and (p.has_personal_data or p.consent_scope or p.consent_given_on)
        ):
            add(
                "purge-due",
                tr.gettext("{alias}: personal data was to be kept until {date}; purge it").format(
                    alias=p.alias, date=day(until)
                ),
                "participant",
                p.id,
            )
    return out


def _declaration(action: m.Action, today: date, tr: Translator, day) -> list[ReadinessProblem]:
    status = declaration_status(action)
    if not status.applies:
        return []
    out = []
    first, last, rec = status.first_day, status.last_day, status.received_on
    if rec is None:
        if first is None or today >= first:
            if today > last:
                msg = tr.gettext(
                    "not declared, and the last day to have it received ({last}) has passed"
                ).format(last=day(last))
            elif action.decl_sent_on is not None:
                msg = tr.gettext(
                    "sent {sent} but not yet received; it must be received by {last}"
                ).format(sent=day(action.decl_sent_on), last=day(last))
            elif first is not None:
                msg = tr.gettext(
                    "not declared yet: it must be received between {first} and {last}"
                ).format(first=day(first), last=day(last))
            else:
                msg = tr.gettext("not declared yet: it must be received by {last}").format(
                    last=day(last)
                )
            out.append(ReadinessProblem("declaration-missing", msg, "action", action.id))
    elif rec > last:
        event = action.starts_at.astimezone(zone(action.timezone)).date()
        out.append(
            ReadinessProblem(
                "declaration-late",
                tr.gettext(
                    "received {received}, only {n} clear days before; "
                    "it had to be received by {last}"
                ).format(received=day(rec), n=max(clear_days(rec, event), 0), last=day(last)),
                "action",
                action.id,
            )
        )
    elif first is not None and rec < first:
        out.append(
            ReadinessProblem(
                "declaration-early",
                tr.gettext(
                    "received {received}, too early; it may be received from {first} to {last}"
                ).format(received=day(rec), first=day(first), last=day(last)),
                "action",
                action.id,
            )
        )
    return out


def status_label(status: str, tr: Translator | None = None) -> str:
    """A prop status in the UI language, or in ``tr``'s (a document's reader)."""
    tr = tr or ui()
    labels = {
        "needed": tr.gettext("needed"),
        "sourced": tr.gettext("sourced"),
        "ready": tr.gettext("ready"),
        "returned": tr.gettext("returned"),
    }
    return labels.get(status, status)
