"""The fast double-booking path (Core rows, one sweep, shared people sets, three names per pair,
times formatted once per cue) says exactly what a straightforward reference says: every pair of
cues compared with every other, each cue's people gathered from scratch, every pair's people
sorted in full, every time formatted where it is used."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.domain import models as m
from app.domain.timeutil import zone
from app.i18n import Translator, isolate
from app.services import edits
from app.services.readiness import check, double_bookings
from app.services.readiness_plan import load_plan
from app.services.readiness_registry import RULES
from app.storage.engine import open_store
from tests.app.test_readiness import NOW, at

#: Aliases in several scripts, with accents and mixed case, so that the casefolded order differs
#: from the code-point order (all distinct after ``alias_key``).
ALIASES = (
    "Ada",
    "ada b",
    "Émile",
    "Zoë",
    "Ölçer",
    "Борис",
    "анна",
    "Ωμέγα",
    "άλφα",
    "مريم",
    "أحمد",
    "小林",
    "佐藤",
    "नीता",
)
TZ = "Europe/Paris"

cue_st = st.tuples(
    st.integers(0, 18).map(lambda k: 5 * k),  # start, minutes after 08:00 (touching ends too)
    st.integers(1, 12).map(lambda k: 5 * k),  # length
    st.sets(st.integers(0, 2), max_size=2),  # roles
    st.sets(st.integers(0, 7), max_size=3),  # people in the cue directly
)
plan_st = st.fixed_dictionaries(
    {
        # each person with the roles they are assigned to (a person may hold several)
        "people": st.lists(
            st.tuples(st.sampled_from(ALIASES), st.sets(st.integers(0, 2), max_size=2)),
            min_size=1,
            max_size=8,
            unique_by=lambda person: person[0],
        ),
        "cues": st.lists(cue_st, min_size=2, max_size=7),
        "lang": st.sampled_from(["en", "fr", "de", "ar"]),
    }
)


def build(store, spec) -> int:
    with store.session() as s:
        aid = edits.create(
            s,
            "action",
            title="Vigil",
            timezone=TZ,
            starts_at=at("08:00"),
            ends_at=at("12:00"),
            country="",
        )
        roles = [
            edits.create(s, "role", action_id=aid, name=f"Role {r}", needed=1) for r in range(3)
        ]
        people = []
        for alias, role_set in spec["people"]:
            people.append(edits.create(s, "participant", alias=alias))
            for role in sorted(role_set):
                edits.create(
                    s,
                    "assignment",
                    action_id=aid,
                    participant_id=people[-1],
                    role_id=roles[role],
                    confirmed=True,
                )
        for i, (start, minutes, role_set, direct) in enumerate(spec["cues"]):
            edits.create(
                s,
                "cue",
                action_id=aid,
                title=f"Cue {i}",
                starts_at=at("08:00") + timedelta(minutes=start),
                minutes=minutes,
                role_ids=[roles[r] for r in sorted(role_set)],
                participant_ids=[people[p] for p in sorted(direct) if p < len(people)],
            )
    return aid


def reference(action, tr: Translator) -> tuple[list[tuple[str, str, int, str]], int, list]:
    """The double-booked problems, the clashing cues' count and the per-person clashes, the slow
    and obvious way."""
    tz = zone(action.timezone)

    def hm(instant):
        return tr.time(instant.astimezone(tz), "short")

    def people_of(cue):
        who = {p.id: p for p in cue.participants}
        for seat in action.assignments:
            if seat.role_id in {r.id for r in cue.roles}:
                who[seat.participant_id] = seat.participant
        return who

    cues = sorted(action.cues, key=lambda c: (c.starts_at, c.id))
    pairs = []
    for j, second in enumerate(cues):
        for first in cues[:j]:
            if first.starts_at < second.ends_at and second.starts_at < first.ends_at:
                a, b = people_of(first), people_of(second)
                both = sorted(
                    (a[i] for i in a.keys() & b.keys()), key=lambda p: (p.alias.casefold(), p.id)
                )
                if both:
                    pairs.append((first, second, both))
    problems = []
    for first, second, both in pairs:
        # names in the sentence are isolated (app.i18n.isolate): bidi keeps them whole
        names = [isolate(p.alias, rtl=tr.rtl) for p in both[:3]]
        if len(both) > 3:
            rest = len(both) - 3
            names.append(tr.ngettext("{n} other", "{n} others", rest).format(n=tr.number(rest)))
        message = tr.ngettext(
            "{people} is in “{a}” ({a_start}–{a_end}) and “{b}” ({b_start}–{b_end}) "
            "at the same time",
            "{people} are in “{a}” ({a_start}–{a_end}) and “{b}” ({b_start}–{b_end}) "
            "at the same time",
            len(both),
        ).format(
            people=tr.join(names),
            a=isolate(first.title, rtl=tr.rtl),
            a_start=hm(first.starts_at),
            a_end=hm(first.ends_at),
            b=isolate(second.title, rtl=tr.rtl),
            b_start=hm(second.starts_at),
            b_end=hm(second.ends_at),
        )
        problems.append(("double-booked", message, "cue", second.id))
    clashing = len({c.id for first, second, _ in pairs for c in (first, second)})
    per_person = [
        (p.id, p.alias, first.id, second.id)
        for first, second, both in sorted(
            pairs, key=lambda t: (t[0].starts_at, t[0].id, t[1].starts_at, t[1].id)
        )
        for p in both
    ]
    per_person.sort(key=lambda t: t[1].casefold())  # stable: by alias, then by time
    return problems, clashing, per_person


@settings(max_examples=60, deadline=None)
@given(plan_st)
@example(  # five people in one role, two overlapping cues: "…, and 2 others"
    {
        "people": [(alias, {0}) for alias in ("Zoë", "Борис", "Ada", "小林", "ada b")],
        "cues": [(0, 30, {0}, set()), (15, 30, {0, 1}, {0}), (45, 10, set(), {1})],
        "lang": "fr",
    }
)
def test_the_fast_path_says_what_the_reference_says(spec):
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "plan.sqlite3"))
        try:
            aid = build(store, spec)
            tr = Translator(spec["lang"])
            with store.read() as s:
                found = [
                    (p.kind, p.message, p.entity, p.entity_id)
                    for p in check(s, aid, now=NOW, tr=tr)
                    if p.kind == "double-booked"
                ]
                outcome = RULES["double-booked"].check(load_plan(s, aid, now=NOW, tr=tr))
                action = s.get(m.Action, aid)
                expected, clashing, per_person = reference(action, tr)
                schedule = [
                    (pid, alias, a.id, b.id) for pid, alias, a, b in double_bookings(action)
                ]
        finally:
            store.close()
    assert found == expected
    assert outcome.unmet == clashing
    # The schedule view's list: one row per person per clashing pair, by alias, then by time.
    assert schedule == per_person
