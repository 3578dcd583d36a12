"""The readiness check: what is still wrong with a plan. Computed on demand, never stored.

Each problem has a stable ``kind`` (``docs/readiness.md``), a message in the reader's language and
the thing to fix (``entity``, ``entity_id``) so the UI can jump to it and the CLI can print it.
The rules are small functions, one per kind, registered in ``readiness_registry.RULES`` (people:
``readiness_people``; the plan: ``readiness_plan_rules``); they read a ``Plan`` loaded once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.timeutil import utcnow
from app.i18n import Translator, ui
from app.services import readiness_people, readiness_plan_rules, readiness_press_rules
from app.services.readiness_clashes import clashing_pairs
from app.services.readiness_people import retain_until
from app.services.readiness_plan import Person, ReadinessProblem, load_plan
from app.services.readiness_plan_rules import DeclarationStatus, covered, declaration_status
from app.services.readiness_registry import RULES

__all__ = [
    "KINDS",
    "Assessment",
    "DeclarationStatus",
    "ReadinessProblem",
    "assess",
    "check",
    "covered",
    "declaration_status",
    "double_bookings",
    "retention_dates",
    "status_label",
]

#: Every kind, in the order problems are listed (stable names: scripts read them).
KINDS = (
    "role-short",
    "unconfirmed",
    "called-late",
    "double-booked",
    "cue-outside",
    "prop-not-ready",
    "prop-uncarried",
    "prop-carrier-absent",
    "photo-refused",
    "release-missing",
    "release-unapproved",
    "press-contact-missing",
    "embargo-late",
    "embargo-differs",
    "declaration-missing",
    "declaration-late",
    "declaration-early",
    "key-contact-missing",
    "fallback-missing",
    "consent-missing",
    "task-overdue",
    "purge-due",
)
#: The modules whose rules fill ``RULES`` when imported (a test checks they match ``KINDS``).
RULE_MODULES = (readiness_people, readiness_plan_rules, readiness_press_rules)


@dataclass(frozen=True)
class Assessment:
    """The problems of one action, and how much of what the plan needs is in place."""

    problems: list[ReadinessProblem]
    needs: int
    unmet: int
    planned: bool  # False: nothing is planned yet (no roles, people, cues, props, releases, tasks)
    declaration: DeclarationStatus
    authority: str
    starts_at: datetime
    timezone: str
    #: people and cues judged: how big the plan is (the window judges big ones off its thread)
    size: int = 0
    title: str = ""

    @property
    def share(self) -> float | None:
        """The share of needs met, or None when the plan needs nothing yet."""
        if not self.planned or self.needs <= 0:
            return None
        return max(0.0, min(1.0, (self.needs - self.unmet) / self.needs))


def assess(
    session: Session, action_id: int, *, now: datetime | None = None, tr: Translator | None = None
) -> Assessment:
    plan = load_plan(session, action_id, now=now or utcnow(), tr=tr or ui())
    problems: list[ReadinessProblem] = []
    needs: dict[str, int] = defaultdict(int)
    unmet: dict[str, int] = defaultdict(int)
    for kind in KINDS:
        rule = RULES[kind]
        if rule.live_only and not plan.live:
            continue
        outcome = rule.check(plan)
        problems.extend(outcome.problems)
        needs[rule.group] = max(needs[rule.group], outcome.needs)
        unmet[rule.group] += outcome.missing
    action = plan.action
    return Assessment(
        problems=problems,
        needs=sum(needs.values()),
        unmet=sum(min(unmet[g], needs[g]) for g in needs),
        planned=plan.has_content,
        declaration=declaration_status(action),
        authority=action.decl_authority,
        starts_at=action.starts_at,
        timezone=action.timezone,
        size=len(plan.people) + len(plan.cues),
        title=action.title,
    )


def check(
    session: Session, action_id: int, *, now: datetime | None = None, tr: Translator | None = None
) -> list[ReadinessProblem]:
    return assess(session, action_id, now=now, tr=tr).problems


def retention_dates(
    session: Session, participant_ids: list[int], retention_days: int
) -> dict[int, date | None]:
    """Each person's retain-until: set explicitly, else the end of their last action + N days."""
    if not participant_ids:
        return {}
    wanted = set(participant_ids)
    last_end = {
        pid: end
        for pid, end in session.execute(
            select(m.Assignment.participant_id, func.max(m.Action.ends_at))
            .join(m.Action, m.Action.id == m.Assignment.action_id)
            .where(m.Action.deleted_at.is_(None))
            .group_by(m.Assignment.participant_id)
        )
        if pid in wanted
    }
    explicit = {
        pid: until
        for pid, until in session.execute(
            select(m.Participant.id, m.Participant.retain_until).where(
                m.Participant.retain_until.is_not(None)
            )
        )
        if pid in wanted
    }
    out: dict[int, date | None] = {}
    for pid in participant_ids:
        person = Person(pid, "", "", "", False, None, "", False, explicit.get(pid))
        out[pid] = retain_until(person, last_end.get(pid), retention_days)
    return out


def double_bookings(action: m.Action) -> list[tuple[int, str, m.Cue, m.Cue]]:
    """(person id, alias, first cue, second cue) for each pair of overlapping cues one person is
    in, directly or through a role. Intervals are half-open. Ordered by alias, then time. Shared
    with the schedule view; found by the same sweep as the ``double-booked`` rule.
    """
    people_of_role: dict[int, set[int]] = defaultdict(set)
    alias: dict[int, str] = {}
    for a in action.assignments:
        people_of_role[a.role_id].add(a.participant_id)
        alias[a.participant_id] = a.participant.alias
    for cue in action.cues:
        for p in cue.participants:
            alias[p.id] = p.alias
    cues = {c.id: c for c in action.cues}
    pairs = clashing_pairs(
        action.cues,
        roles_of={c.id: [r.id for r in c.roles] for c in action.cues},
        direct_of={c.id: [p.id for p in c.participants] for c in action.cues},
        people_of_role=people_of_role,
    )
    out = [
        (pid, alias[pid], cues[pair.first], cues[pair.second])
        for pair in pairs
        for pid in pair.people
    ]
    out.sort(key=lambda t: (t[1].casefold(), t[2].starts_at, t[2].id, t[3].starts_at, t[3].id))
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
