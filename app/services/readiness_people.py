"""Readiness rules about people: seats, confirmations, clashes, photos, key numbers, privacy."""

from __future__ import annotations

import heapq
from collections import Counter
from datetime import datetime, timedelta

from app.services.readiness_clashes import clashing_pairs
from app.services.readiness_plan import CueRow, Person, Plan
from app.services.readiness_registry import Outcome, problem, rule

#: From how many days before the action an unconfirmed person is a problem.
CONFIRM_DAYS = 7

#: Words that mark a key contact as legal support or first aid, in the languages Cortège speaks
#: (labels are free text: "Legal support", "Legal team", "Soutien juridique", "Anwalt", …).
KEY_CONTACT_WORDS = {
    "legal": (
        "legal",
        "lawyer",
        "juridique",
        "avocat",
        "juriste",
        "rechts",
        "anwalt",
        "anwält",
        "jurídic",
        "juridic",
        "abogad",
    ),
    "first-aid": (
        "first aid",
        "first-aid",
        "medic",
        "secours",
        "secouris",
        "médic",
        "erste hilfe",
        "sanitä",
        "sanita",
        "auxilio",
        "primeros",
    ),
}


@rule("role-short")
def role_short(plan: Plan) -> Outcome:
    tr = plan.tr
    assigned = Counter(seat.role_id for seat in plan.seats)
    out = Outcome(needs=sum(r.needed for r in plan.action.roles), unmet=0)
    for role in plan.action.roles:
        n = assigned[role.id]
        if n < role.needed:
            out.unmet += role.needed - n
            out.problems.append(
                problem(
                    "role-short",
                    # Translators: the form follows {n}, the people assigned ("1 affecté·e")
                    tr.ngettext(
                        "{role} — {n} of {needed} assigned",
                        "{role} — {n} of {needed} assigned",
                        n,
                    ).format(
                        role=plan.iso(role.name), n=tr.number(n), needed=tr.number(role.needed)
                    ),
                    "role",
                    role.id,
                )
            )
    return out


@rule("unconfirmed")
def unconfirmed(plan: Plan) -> Outcome:
    """People who have not confirmed, once the action is at most a week away."""
    tr = plan.tr
    out = Outcome(needs=len(plan.seats))
    days_left = (plan.event_day - plan.today).days
    if not 0 <= days_left <= CONFIRM_DAYS:
        return out
    roles = {r.id: r.name for r in plan.action.roles}
    waiting = [s for s in plan.seats if not s.confirmed]
    waiting.sort(key=lambda s: plan.people[s.participant_id].alias.casefold())
    for seat in waiting:
        person = plan.people[seat.participant_id]
        out.problems.append(
            problem(
                "unconfirmed",
                tr.gettext("{alias} has not confirmed yet as {role}").format(
                    alias=plan.iso(person.alias), role=plan.iso(roles.get(seat.role_id, ""))
                ),
                "participant",
                person.id,
            )
        )
    return out


@rule("called-late")
def called_late(plan: Plan) -> Outcome:
    """People called after they are first needed: the sheet in a volunteer's hand said "call
    time 10:40" above a photo call at 10:25. A person's call is their earliest (the one their
    sheet prints); they are needed from their first cue, directly or through a role, or, with
    no cue, at least before the action ends."""
    tr = plan.tr
    call: dict[int, datetime] = {}
    for seat in plan.seats:
        if seat.call_time is not None:
            known = call.get(seat.participant_id)
            call[seat.participant_id] = min(known, seat.call_time) if known else seat.call_time
    out = Outcome(needs=len(call))
    if not call:
        return out
    # by time: the first cue seen is the first; each role's first cue once, then each
    # person's (10,000 people in 600 cues through roles: no walk over every cue's people)
    first: dict[int, CueRow] = {}
    first_of_role: dict[int, CueRow] = {}
    for cue in plan.cues:
        for pid in cue.participant_ids:
            first.setdefault(pid, cue)
        for rid in cue.role_ids:
            first_of_role.setdefault(rid, cue)
    for seat in plan.seats:
        cue = first_of_role.get(seat.role_id)
        known = first.get(seat.participant_id)
        if cue is not None and (known is None or cue.starts_at < known.starts_at):
            first[seat.participant_id] = cue
    end, rank = plan.action.ends_at, plan.alias_rank()
    for pid in sorted(call, key=rank.__getitem__):
        person, at = plan.people[pid], call[pid]
        cue = first.get(pid)
        if cue is not None and at > cue.starts_at:
            message = tr.gettext(
                "{alias} is called at {call}, after their first cue “{cue}” at {time}"
            ).format(
                alias=plan.iso(person.alias),
                call=plan.when(at, cue.starts_at),  # a night's: with their days
                cue=plan.iso(cue.title),
                time=plan.when(cue.starts_at, at),
            )
        elif cue is None and at >= end:
            message = tr.gettext("{alias} is called at {call}, once the action is over").format(
                alias=plan.iso(person.alias), call=plan.hm(at)
            )
        else:
            continue
        out.problems.append(problem("called-late", message, "participant", pid))
    return out


@rule("double-booked")
def double_booked(plan: Plan) -> Outcome:
    """Each pair of overlapping cues that share people, once, with everybody in both."""
    tr = plan.tr
    pairs = clashing_pairs(
        plan.cues,
        roles_of={c.id: c.role_ids for c in plan.cues},
        direct_of={c.id: c.participant_ids for c in plan.cues},
        people_of_role=plan.people_of_role(),
    )
    cue = {c.id: c for c in plan.cues}
    out = Outcome(needs=len(plan.cues), unmet=len({i for p in pairs for i in (p.first, p.second)}))
    # Aliases are sorted once; each pair names only its first three people (a pair of cues can
    # share 500 people: sorting each pair's people by alias cost more than finding the pairs).
    rank = plan.alias_rank() if pairs else {}
    for pair in pairs:
        first, second = cue[pair.first], cue[pair.second]
        shown = heapq.nsmallest(3, pair.people, key=rank.__getitem__)
        people = [plan.people[i] for i in shown]
        out.problems.append(
            problem(
                "double-booked",
                tr.ngettext(
                    "{people} is in “{a}” ({a_start}–{a_end}) and “{b}” ({b_start}–{b_end}) "
                    "at the same time",
                    "{people} are in “{a}” ({a_start}–{a_end}) and “{b}” ({b_start}–{b_end}) "
                    "at the same time",
                    len(pair.people),
                ).format(
                    people=plan.names(people, total=len(pair.people)),
                    a=plan.iso(first.title),
                    a_start=plan.hm(first.starts_at),
                    a_end=plan.hm(first.ends_at),
                    b=plan.iso(second.title),
                    b_start=plan.hm(second.starts_at),
                    b_end=plan.hm(second.ends_at),
                ),
                "cue",
                second.id,
            )
        )
    return out


@rule("photo-refused")
def photo_refused(plan: Plan) -> Outcome:
    """Each person in a photo opportunity who has not agreed to be photographed, once, with the
    cues (the fix is per person: their consent, or keeping them out of those cues). Needs the
    cue flag (``readiness_plan.PHOTO_FLAGS``); without one there is nothing to judge."""
    tr = plan.tr
    out = Outcome(unmet=0)
    people_of_role = plan.people_of_role()
    cues_of: dict[int, list] = {}
    for cue in plan.cues:
        if not cue.photo:
            continue
        who = set(cue.participant_ids)
        for rid in cue.role_ids:
            who |= people_of_role.get(rid, set())
        out.needs += len(who)
        for pid in who:
            if not plan.people[pid].consent_photos:
                cues_of.setdefault(pid, []).append(cue)
    for person in sorted((plan.people[i] for i in cues_of), key=_by_alias):
        cues = cues_of[person.id]
        out.unmet += len(cues)
        # Translators: one cue in a list of cues, its title in your language's quotation marks
        cue_at = tr.gettext("“{cue}” ({time})")
        named = tr.join(
            [cue_at.format(cue=plan.iso(c.title), time=plan.hm(c.starts_at)) for c in cues]
        )
        out.problems.append(
            problem(
                "photo-refused",
                tr.ngettext(
                    "{alias} has not agreed to be photographed and is in a photo opportunity: "
                    "{cues}",
                    "{alias} has not agreed to be photographed and is in {n} photo "
                    "opportunities: {cues}",
                    len(cues),
                ).format(alias=plan.iso(person.alias), n=len(cues), cues=named),
                "participant",
                person.id,
            )
        )
    return out


def key_contact_kind(label: str) -> str | None:
    """'legal', 'first-aid' or None for a key contact's label."""
    folded = label.casefold()
    for kind, words in KEY_CONTACT_WORDS.items():
        if any(w in folded for w in words):
            return kind
    return None


@rule("key-contact-missing")
def key_contact_missing(plan: Plan) -> Outcome:
    """Volunteers' sheets need a legal-support and a first-aid number, once people take part."""
    if not plan.seats:
        return Outcome()
    tr = plan.tr
    have = {key_contact_kind(c.label) for c in plan.action.contacts if c.phone.strip()}
    messages = {
        "legal": tr.gettext("No phone number for legal support among the key contacts"),
        "first-aid": tr.gettext("No phone number for first aid among the key contacts"),
    }
    out = Outcome(needs=len(messages))
    for kind, message in messages.items():
        if kind not in have:
            out.problems.append(problem("key-contact-missing", message, "action", plan.action.id))
    return out


@rule("consent-missing")
def consent_missing(plan: Plan) -> Outcome:
    tr = plan.tr
    with_details = sorted((p for p in plan.people.values() if p.has_contact_details), key=_by_alias)
    out = Outcome(needs=len(with_details))
    for p in with_details:
        if p.consent_given_on is None:
            out.problems.append(
                problem(
                    "consent-missing",
                    tr.gettext(
                        "{alias}: contact details are stored without recorded consent"
                    ).format(alias=plan.iso(p.alias)),
                    "participant",
                    p.id,
                )
            )
    return out


@rule("purge-due", live_only=False)
def purge_due(plan: Plan) -> Outcome:
    """Purge reminders hold for finished actions too: that is when they matter."""
    tr = plan.tr
    assigned = {s.participant_id for s in plan.seats}
    people = sorted((plan.people[i] for i in assigned), key=_by_alias)
    holding = [p for p in people if p.has_personal_data or p.consent_scope or p.consent_given_on]
    out = Outcome(needs=len(holding))
    for p in holding:
        until = retain_until(p, plan.last_end.get(p.id), plan.retention_days)
        if until is not None and until < plan.today:
            out.problems.append(
                problem(
                    "purge-due",
                    tr.gettext(
                        "{alias}: personal data was to be kept until {date}; purge it"
                    ).format(alias=plan.iso(p.alias), date=plan.day(until)),
                    "participant",
                    p.id,
                )
            )
    return out


def retain_until(person: Person, last_end: datetime | None, retention_days: int):
    """Set explicitly, else the end of the person's last action + the retention days."""
    if person.retain_until is not None:
        return person.retain_until
    if last_end is None:
        return None
    end = last_end.date() if isinstance(last_end, datetime) else last_end
    return end + timedelta(days=retention_days)


def _by_alias(p: Person) -> str:
    return p.alias.casefold()
