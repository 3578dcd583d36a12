"""Readiness rules about the plan itself: cues, props, press, the declaration, plan B, tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import models as m
from app.domain.declaration import clear_days, notice_required, rule_for, window
from app.domain.timeutil import zone
from app.services.readiness_plan import CueRow, Plan
from app.services.readiness_registry import Outcome, problem, rule


@dataclass(frozen=True)
class DeclarationStatus:
    """For the readiness tab's check line and the declaration assistant."""

    applies: bool
    first_day: date | None = None
    last_day: date | None = None
    received_on: date | None = None
    ok: bool = False


def declaration_status(action: m.Action) -> DeclarationStatus:
    decl_rule = rule_for(action.country)
    if decl_rule is None or not notice_required(decl_rule, action.route):
        return DeclarationStatus(applies=False)
    event = action.starts_at.astimezone(zone(action.timezone)).date()
    first, last = window(decl_rule, event)
    rec = action.decl_received_on
    ok = rec is not None and rec <= last and (first is None or rec >= first)
    return DeclarationStatus(True, first, last, rec, ok)


def _lang_base(code: str) -> str:
    return code.split("_")[0].lower()


def covered(language: str, release_languages: list[str]) -> bool:
    if language in release_languages:
        return True
    if "_" not in language:
        return any(_lang_base(r) == language.lower() for r in release_languages)
    return False


@rule("cue-outside")
def cue_outside(plan: Plan) -> Outcome:
    tr, action = plan.tr, plan.action
    out = Outcome(needs=len(plan.cues))
    for cue in plan.cues:
        if cue.starts_at < action.starts_at or cue.ends_at > action.ends_at:
            out.problems.append(
                problem(
                    "cue-outside",
                    tr.gettext(
                        "“{cue}” ({start}–{end}) is outside the action ({a_start}–{a_end})"
                    ).format(
                        cue=plan.iso(cue.title),
                        start=plan.hm(cue.starts_at),
                        end=plan.hm(cue.ends_at),
                        a_start=plan.hm(action.starts_at),
                        a_end=plan.hm(action.ends_at),
                    ),
                    "cue",
                    cue.id,
                )
            )
    return out


def _used_props(plan: Plan) -> list[tuple[m.Prop, CueRow]]:
    """Each prop a cue uses, with the first cue that needs it."""
    first_use: dict[int, CueRow] = {}
    for cue in plan.cues:  # by time
        for pid in cue.prop_ids:
            first_use.setdefault(pid, cue)
    return [(p, first_use[p.id]) for p in plan.action.props if p.id in first_use]


@rule("prop-not-ready")
def prop_not_ready(plan: Plan) -> Outcome:
    tr = plan.tr
    # One sentence per status: "is still needed" reads as nonsense, and German and Spanish
    # inflect differently for each state.
    sentences = {
        "needed": tr.gettext("{prop} — needed at {time} (“{cue}”), not found yet"),
        "sourced": tr.gettext("{prop} — needed at {time} (“{cue}”), found but not ready"),
    }
    used = _used_props(plan)
    out = Outcome(needs=len(used))
    for prop, cue in used:
        sentence = sentences.get(prop.status)
        if sentence is not None:
            out.problems.append(
                problem(
                    "prop-not-ready",
                    sentence.format(
                        prop=plan.iso(prop.name),
                        time=plan.hm(cue.starts_at),
                        cue=plan.iso(cue.title),
                    ),
                    "prop",
                    prop.id,
                )
            )
    return out


@rule("prop-uncarried")
def prop_uncarried(plan: Plan) -> Outcome:
    tr = plan.tr
    used = _used_props(plan)
    out = Outcome(needs=len(used))
    for prop, cue in used:
        if not prop.carriers:
            out.problems.append(
                problem(
                    "prop-uncarried",
                    tr.gettext("{prop} — needed at {time} (“{cue}”), nobody carries it").format(
                        prop=plan.iso(prop.name),
                        time=plan.hm(cue.starts_at),
                        cue=plan.iso(cue.title),
                    ),
                    "prop",
                    prop.id,
                )
            )
    return out


@rule("prop-carrier-absent")
def prop_carrier_absent(plan: Plan) -> Outcome:
    """A prop whose carriers all stay out of the first cue that needs it: their sheets say to
    bring it for 10:25, and nobody at 10:25 has it (the demo's banner, carried by stewards who
    were not in the photo call)."""
    tr = plan.tr
    used = [(prop, cue) for prop, cue in _used_props(plan) if prop.carriers]
    out = Outcome(needs=len(used))
    if not used:
        return out
    people_of_role = plan.people_of_role()
    for prop, cue in used:
        there = set(cue.participant_ids)
        for rid in cue.role_ids:
            there |= people_of_role.get(rid, set())
        if any(c.id in there for c in prop.carriers):
            continue
        carriers = sorted(prop.carriers, key=lambda c: c.alias.casefold())
        names = [plan.iso(c.alias) for c in carriers[:3]]
        if len(carriers) > 3:
            rest = len(carriers) - 3
            names.append(tr.ngettext("{n} other", "{n} others", rest).format(n=tr.number(rest)))
        out.problems.append(
            problem(
                "prop-carrier-absent",
                tr.ngettext(
                    "{prop} — needed at {time} (“{cue}”), but its carrier {carriers} is not "
                    "in that cue",
                    "{prop} — needed at {time} (“{cue}”), but none of its carriers "
                    "({carriers}) is in that cue",
                    len(carriers),
                ).format(
                    prop=plan.iso(prop.name),
                    time=plan.hm(cue.starts_at),
                    cue=plan.iso(cue.title),
                    carriers=tr.join(names),
                ),
                "prop",
                prop.id,
            )
        )
    return out


@rule("release-missing")
def release_missing(plan: Plan) -> Outcome:
    tr, action = plan.tr, plan.action
    languages = list(action.languages or [])
    have = [r.language for r in action.releases]
    out = Outcome(needs=len(languages))
    for lang in languages:
        if not covered(lang, have):
            out.problems.append(
                problem(
                    "release-missing",
                    tr.gettext("No press release in {language}").format(
                        language=tr.language_name(lang)
                    ),
                    "action",
                    action.id,
                )
            )
    return out


@rule("release-unapproved")
def release_unapproved(plan: Plan) -> Outcome:
    tr = plan.tr
    out = Outcome(needs=len(plan.action.releases))
    for rel in plan.action.releases:
        if rel.status == "draft":
            out.problems.append(
                problem(
                    "release-unapproved",
                    tr.gettext("The {language} release “{headline}” is still a draft").format(
                        language=tr.language_name(rel.language), headline=plan.iso(rel.headline)
                    ),
                    "release",
                    rel.id,
                )
            )
    return out


@rule("press-contact-missing")
def press_contact_missing(plan: Plan) -> Outcome:
    """Journalists who read a release need somebody to call."""
    tr = plan.tr
    out = Outcome(needs=len(plan.action.releases))
    for rel in plan.action.releases:
        if not any((c.phone or "").strip() or (c.email or "").strip() for c in rel.press_contacts):
            out.problems.append(
                problem(
                    "press-contact-missing",
                    tr.gettext("The {language} release “{headline}” names no press contact").format(
                        language=tr.language_name(rel.language), headline=plan.iso(rel.headline)
                    ),
                    "release",
                    rel.id,
                )
            )
    return out


@rule("embargo-late")
def embargo_late(plan: Plan) -> Outcome:
    tr, action = plan.tr, plan.action
    embargoed = [r for r in action.releases if r.embargo_until is not None]
    out = Outcome(needs=len(embargoed))
    for rel in embargoed:
        if rel.embargo_until > action.starts_at:
            out.problems.append(
                problem(
                    "embargo-late",
                    tr.gettext(
                        "The {language} release is under embargo until {time}, "
                        "after the action starts ({start})"
                    ).format(
                        language=tr.language_name(rel.language),
                        time=plan.hm(rel.embargo_until),
                        start=plan.hm(action.starts_at),
                    ),
                    "release",
                    rel.id,
                )
            )
    return out


@rule("declaration-missing", need="declaration")
def declaration_missing(plan: Plan) -> Outcome:
    tr, action, today = plan.tr, plan.action, plan.today
    status = declaration_status(action)
    if not status.applies:
        return Outcome()
    out = Outcome(needs=1)
    first, last = status.first_day, status.last_day
    if status.received_on is not None or (first is not None and today < first):
        return out
    if today > last:
        msg = tr.gettext(
            "Not declared, and the last day to have it received ({last}) has passed"
        ).format(last=plan.day(last))
    elif action.decl_sent_on is not None:
        msg = tr.gettext("Sent {sent} but not yet received; it must be received by {last}").format(
            sent=plan.day(action.decl_sent_on), last=plan.day(last)
        )
    elif first is not None:
        msg = tr.gettext("Not declared yet: it must be received between {first} and {last}").format(
            first=plan.day(first), last=plan.day(last)
        )
    else:
        msg = tr.gettext("Not declared yet: it must be received by {last}").format(
            last=plan.day(last)
        )
    out.problems.append(problem("declaration-missing", msg, "action", action.id))
    return out


@rule("declaration-late", need="declaration")
def declaration_late(plan: Plan) -> Outcome:
    status = declaration_status(plan.action)
    if not status.applies:
        return Outcome()
    out = Outcome(needs=1)
    rec, last = status.received_on, status.last_day
    if rec is not None and rec > last:
        n = max(clear_days(rec, plan.event_day), 0)
        out.problems.append(
            problem(
                "declaration-late",
                plan.tr.ngettext(
                    "Received {received}, only {n} clear day before; "
                    "it had to be received by {last}",
                    "Received {received}, only {n} clear days before; "
                    "it had to be received by {last}",
                    n,
                ).format(received=plan.day(rec), n=n, last=plan.day(last)),
                "action",
                plan.action.id,
            )
        )
    return out


@rule("declaration-early", need="declaration")
def declaration_early(plan: Plan) -> Outcome:
    status = declaration_status(plan.action)
    if not status.applies:
        return Outcome()
    out = Outcome(needs=1)
    rec, first, last = status.received_on, status.first_day, status.last_day
    if rec is not None and first is not None and rec < first:
        out.problems.append(
            problem(
                "declaration-early",
                plan.tr.gettext(
                    "Received {received}, too early; it may be received from {first} to {last}"
                ).format(received=plan.day(rec), first=plan.day(first), last=plan.day(last)),
                "action",
                plan.action.id,
            )
        )
    return out


def on_the_street(action: m.Action) -> bool:
    """An action with a place outdoors: a route, coordinates, an address or a place name."""
    return bool(
        action.route
        or action.latitude is not None
        or (action.address or "").strip()
        or (action.location_name or "").strip()
    )


@rule("fallback-missing")
def fallback_missing(plan: Plan) -> Outcome:
    action = plan.action
    if not on_the_street(action):
        return Outcome()
    out = Outcome(needs=1)
    if not (action.fallback_plan or "").strip():
        out.problems.append(
            problem(
                "fallback-missing",
                plan.tr.gettext("The action takes place on the street and has no plan B"),
                "action",
                action.id,
            )
        )
    return out


@rule("task-overdue")
def task_overdue(plan: Plan) -> Outcome:
    tr, today = plan.tr, plan.today
    out = Outcome(needs=len(plan.action.tasks))
    for task in plan.action.tasks:
        if not task.done and task.due is not None and task.due < today:
            days = (today - task.due).days
            out.problems.append(
                problem(
                    "task-overdue",
                    tr.ngettext(
                        "“{task}” was due {date} ({n} day ago)",
                        "“{task}” was due {date} ({n} days ago)",
                        days,
                    ).format(task=plan.iso(task.title), date=plan.day(task.due), n=days),
                    "task",
                    task.id,
                )
            )
    return out
