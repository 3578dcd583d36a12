"""The readiness check: each kind of problem, named, with the thing to fix."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from app.services import edits
from app.services.readiness import check

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2024, 5, 18, 7, 0, tzinfo=UTC)


def at(hhmm: str, day: str = "2024-05-28") -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=PARIS)


def problems(store, aid, now=NOW):
    with store.read() as s:
        return check(s, aid, now=now)


def lines(store, aid, now=NOW, *, kinds: tuple[str, ...] | None = None) -> list[str]:
    """The `check` lines, or only those of ``kinds`` (each test judges its own rules)."""
    # CLDR puts a narrow no-break space before AM/PM; compare with plain spaces.
    return [
        p.line().replace("\u202f", " ")
        for p in problems(store, aid, now)
        if kinds is None or p.kind in kinds
    ]


def plain_action(store, **extra) -> int:
    values = dict(
        title="Vigil",
        timezone="Europe/Paris",
        starts_at=at("09:30"),
        ends_at=at("11:30"),
        country="",
    )
    values.update(extra)
    with store.session() as s:
        return edits.create(s, "action", **values)


def test_the_demo_names_its_problems(demo_store, demo_id):
    found = problems(demo_store, demo_id)
    assert [p.kind for p in found] == [
        "prop-uncarried",
        "photo-refused",
        "photo-refused",
        "release-unapproved",
        "declaration-missing",
    ]
    prop, finch, raven, release, declaration = found
    assert prop.message.replace("\u202f", " ") == (
        "Wreath “Rest in Peace Privacy” — needed at 10:20 AM "
        "(“Wreath laid on the coffin”), nobody carries it"
    )
    assert prop.entity == "prop"
    # The demo's two people who refused photos are in its photo opportunities.
    assert raven.message.replace("\u202f", " ") == (
        "Raven has not agreed to be photographed and is in 2 photo opportunities: "
        "“Coffin carried to the funeral parlour” (10:00 AM) and “Photo call for the press” "
        "(10:25 AM)"
    )
    assert (finch.entity, raven.entity) == ("participant", "participant")
    assert release.entity == "release"
    assert declaration.message == (
        "Not declared yet: it must be received between May 12, 2024 and May 24, 2024"
    )


def test_an_empty_action_is_ready(store):
    assert lines(store, plain_action(store)) == []


def test_role_short(store):
    aid = plain_action(store)
    with store.session() as s:
        rid = edits.create(s, "role", action_id=aid, name="Mourner", needed=10)
        for alias in ("Wren", "Lark", "Finch"):
            pid = edits.create(s, "participant", alias=alias)
            edits.create(s, "assignment", action_id=aid, participant_id=pid, role_id=rid)
    found = [p for p in problems(store, aid) if p.kind == "role-short"]
    assert [p.line() for p in found] == ["role-short: Mourner — 3 of 10 assigned"]
    assert (found[0].entity, found[0].entity_id) == ("role", rid)


def test_double_booked_through_a_role_and_directly_half_open(store):
    aid = plain_action(store)
    with store.session() as s:
        rid = edits.create(s, "role", action_id=aid, name="Pallbearer", needed=1)
        crow = edits.create(s, "participant", alias="Crow")
        edits.create(s, "assignment", action_id=aid, participant_id=crow, role_id=rid)
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:00"),
            minutes=10,
            title="Carry the coffin",
            role_ids=[rid],
        )
        # Touching (10:10 start) is not an overlap; 10:05 is.
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:10"),
            minutes=10,
            title="Photo call",
            role_ids=[rid],
        )
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:05"),
            minutes=3,
            title="Hand out leaflets",
            participant_ids=[crow],
        )
    assert lines(store, aid, kinds=("double-booked",)) == [
        "double-booked: Crow is in “Carry the coffin” (10:00 AM–10:10 AM) and "
        "“Hand out leaflets” (10:05 AM–10:08 AM) at the same time"
    ]


def test_cue_outside_the_action(store):
    aid = plain_action(store)
    with store.session() as s:
        edits.create(s, "cue", action_id=aid, starts_at=at("11:20"), minutes=20, title="Pack up")
    assert lines(store, aid) == [
        "cue-outside: “Pack up” (11:20 AM–11:40 AM) is outside the action (9:30 AM–11:30 AM)"
    ]


def test_prop_not_ready_and_uncarried(store):
    aid = plain_action(store)
    with store.session() as s:
        pid = edits.create(s, "prop", action_id=aid, name="Wreath", status="sourced")
        edits.create(s, "prop", action_id=aid, name="Unused banner", status="needed")
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:25"),
            minutes=5,
            title="Wreath laid",
            prop_ids=[pid],
        )
    assert lines(store, aid) == [
        "prop-not-ready: Wreath — needed at 10:25 AM (“Wreath laid”), found but not ready",
        "prop-uncarried: Wreath — needed at 10:25 AM (“Wreath laid”), nobody carries it",
    ]


def test_release_missing_unapproved_and_late_embargo(store):
    aid = plain_action(store, languages=["fr", "en", "de"])
    with store.session() as s:
        edits.create(
            s, "release", action_id=aid, language="fr", headline="Veillée", status="approved"
        )
        edits.create(
            s,
            "release",
            action_id=aid,
            language="en_GB",
            headline="Vigil",
            status="sent",
            embargo_until=at("10:00"),
        )
        edits.create(s, "release", action_id=aid, language="de", headline="Mahnwache")
    assert lines(store, aid, kinds=("release-missing", "release-unapproved", "embargo-late")) == [
        "release-unapproved: The German release “Mahnwache” is still a draft",
        "embargo-late: The English (United Kingdom) release is under embargo until 10:00 AM, "
        "after the action starts (9:30 AM)",
    ]


def test_an_action_language_without_any_release(store):
    aid = plain_action(store, languages=["fr", "en"])
    with store.session() as s:
        edits.create(
            s, "release", action_id=aid, language="fr", headline="Veillée", status="approved"
        )
    assert lines(store, aid, kinds=("release-missing",)) == [
        "release-missing: No press release in English"
    ]


def test_declaration_window_in_clear_days(store):
    """Tuesday 28 May 2024: Received from 12 to 24 May inclusive (jours francs)."""
    aid = plain_action(store, country="FR")
    cases = {
        date(2024, 5, 11): "declaration-early",
        date(2024, 5, 12): None,
        date(2024, 5, 24): None,
        date(2024, 5, 25): "declaration-late",
    }
    for received, kind in cases.items():
        with store.session() as s:
            edits.update(s, "action", aid, decl_sent_on=received, decl_received_on=received)
        kinds = [p.kind for p in problems(store, aid)]
        assert kinds == ([kind] if kind else []), received


def test_declaration_missing_only_once_the_window_opens(store):
    aid = plain_action(store, country="FR")
    before = datetime(2024, 5, 10, 10, 0, tzinfo=UTC)
    assert lines(store, aid, now=before) == []
    first_day = datetime(2024, 5, 12, 8, 0, tzinfo=UTC)
    assert [p.kind for p in problems(store, aid, now=first_day)] == ["declaration-missing"]
    after = datetime(2024, 5, 26, 8, 0, tzinfo=UTC)
    assert lines(store, aid, now=after) == [
        "declaration-missing: Not declared, and the last day to have it received "
        "(May 24, 2024) has passed"
    ]


def test_consent_missing_task_overdue_and_purge_due(store):
    aid = plain_action(store)
    with store.session() as s:
        rid = edits.create(s, "role", action_id=aid, name="Steward", needed=2)
        raven = edits.create(s, "participant", alias="Raven", phone="+33 6 11 11 11 11")
        jay = edits.create(
            s,
            "participant",
            alias="Jay",
            email="jay@example.org",
            consent_given_on=date(2024, 5, 1),
            retain_until=date(2024, 5, 10),
        )
        for pid in (raven, jay):
            edits.create(s, "assignment", action_id=aid, participant_id=pid, role_id=rid)
        edits.create(s, "task", action_id=aid, title="Buy the wreath", due=date(2024, 5, 15))
        edits.create(
            s, "task", action_id=aid, title="Done already", due=date(2024, 5, 1), done=True
        )
    assert lines(store, aid, kinds=("consent-missing", "task-overdue", "purge-due")) == [
        "consent-missing: Raven: contact details are stored without recorded consent",
        "task-overdue: “Buy the wreath” was due May 15, 2024 (3 days ago)",
        "purge-due: Jay: personal data was to be kept until May 10, 2024; purge it",
    ]


def test_default_retention_is_counted_from_the_last_action(store):
    aid = plain_action(store)
    with store.session() as s:
        rid = edits.create(s, "role", action_id=aid, name="Steward", needed=1)
        pid = edits.create(
            s, "participant", alias="Raven", full_name="R. Raven", consent_given_on=date(2024, 5, 1)
        )
        edits.create(s, "assignment", action_id=aid, participant_id=pid, role_id=rid)
    june_28 = datetime(2024, 6, 28, 8, 0, tzinfo=UTC)
    june_26 = datetime(2024, 6, 26, 8, 0, tzinfo=UTC)
    assert lines(store, aid, now=june_26, kinds=("purge-due",)) == []
    assert lines(store, aid, now=june_28, kinds=("purge-due",)) == [
        "purge-due: Raven: personal data was to be kept until June 27, 2024; purge it"
    ]


def test_called_late_after_the_first_cue_or_once_the_action_is_over(store):
    """A sheet said "call time 10:40" above a photo call at 10:25: the volunteer came late by
    the plan itself. A person's earliest call counts (the one their sheet prints), against
    their first cue, through a role or directly; called at the cue's start is in time."""
    aid = plain_action(store)
    with store.session() as s:
        mourner = edits.create(s, "role", action_id=aid, name="Mourner", needed=3)
        steward = edits.create(s, "role", action_id=aid, name="Steward", needed=1)
        people = {a: edits.create(s, "participant", alias=a) for a in ("Wren", "Lark", "Jay")}

        def seat(alias, role, hhmm):
            edits.create(
                s,
                "assignment",
                action_id=aid,
                participant_id=people[alias],
                role_id=role,
                call_time=at(hhmm),
            )

        seat("Wren", mourner, "10:40")  # late for the photo call through the role
        seat("Lark", mourner, "10:25")  # in time: called at the cue's start
        seat("Jay", mourner, "10:40")
        seat("Jay", steward, "09:45")  # ...but here earlier as a steward: in time
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:25"),
            minutes=10,
            title="Photo call",
            role_ids=[mourner],
        )
        heron = edits.create(s, "participant", alias="Heron")
        edits.create(
            s,
            "assignment",
            action_id=aid,
            participant_id=heron,
            role_id=steward,
            call_time=at("11:45"),
        )
    found = [p for p in problems(store, aid) if p.kind == "called-late"]
    assert [p.line().replace("\u202f", " ") for p in found] == [
        "called-late: Heron is called at 11:45 AM, once the action is over",
        "called-late: Wren is called at 10:40 AM, after their first cue “Photo call” at 10:25 AM",
    ]
    assert [(p.entity, p.entity_id) for p in found] == [
        ("participant", heron),
        ("participant", people["Wren"]),
    ]


def test_a_prop_whose_carriers_are_not_in_its_first_cue(store):
    """The demo's banner was carried by stewards who were not in the photo call that needed
    it: their sheets said to bring it for 10:25, and nobody at 10:25 had it. One carrier in the
    cue, through a role or directly, is enough; only the first cue that uses the prop counts."""
    aid = plain_action(store)
    with store.session() as s:
        steward = edits.create(s, "role", action_id=aid, name="Steward", needed=2)
        crow, heron, wren = (
            edits.create(s, "participant", alias=a) for a in ("Crow", "Heron", "Wren")
        )
        for pid in (crow, heron):
            edits.create(s, "assignment", action_id=aid, participant_id=pid, role_id=steward)
        banner = edits.create(s, "prop", action_id=aid, name="Banner", carrier_ids=[heron, crow])
        wreath = edits.create(s, "prop", action_id=aid, name="Wreath", carrier_ids=[wren])
        urn = edits.create(s, "prop", action_id=aid, name="Urn", carrier_ids=[crow])
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:25"),
            minutes=5,
            title="Photo call",
            prop_ids=[banner, wreath],
            participant_ids=[wren],
        )
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:40"),
            minutes=5,
            title="March",
            prop_ids=[banner],
            role_ids=[steward],
        )
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:50"),
            minutes=5,
            title="Urn placed",
            prop_ids=[urn],
            role_ids=[steward],
        )
    found = [p for p in problems(store, aid) if p.kind == "prop-carrier-absent"]
    assert [p.line().replace("\u202f", " ") for p in found] == [
        "prop-carrier-absent: Banner — needed at 10:25 AM (“Photo call”), but none of its "
        "carriers (Crow and Heron) is in that cue",
    ]
    assert (found[0].entity, found[0].entity_id) == ("prop", banner)
    with store.session() as s:
        edits.update(s, "prop", banner, carrier_ids=[crow])
    assert lines(store, aid, kinds=("prop-carrier-absent",)) == [
        "prop-carrier-absent: Banner — needed at 10:25 AM (“Photo call”), but its carrier Crow "
        "is not in that cue"
    ]


def test_a_translation_under_another_embargo_than_its_source(demo_store, demo_id):
    """Moving the French embargo from 9:30 to 9:00 left the English translation at 9:30:
    an English desk could publish half an hour after the French was allowed, or before."""
    from app.domain import models as m

    with demo_store.session() as s:
        releases = {r.language: r for r in s.get(m.Action, demo_id).releases}
        french, english = releases["fr"], releases["en"]
        assert english.translation_of_id == french.id
        assert not [p for p in check(s, demo_id, now=NOW) if p.kind == "embargo-differs"]
        edits.update(s, "release", french.id, embargo_until=at("09:00"))
        english_id = english.id
    found = [p for p in problems(demo_store, demo_id) if p.kind == "embargo-differs"]
    assert [p.line().replace("\u202f", " ") for p in found] == [
        "embargo-differs: The English release is under embargo until 9:30 AM, the French one "
        "it translates until 9:00 AM"
    ]
    assert (found[0].entity, found[0].entity_id) == ("release", english_id)
    with demo_store.session() as s:
        edits.update(s, "release", english_id, embargo_until=None)
    assert lines(demo_store, demo_id, kinds=("embargo-differs",)) == [
        "embargo-differs: The English release has no embargo; the French one it translates is "
        "under embargo until May 28, 2024, 9:00 AM"
    ]


def test_a_late_call_on_a_night_says_the_days(store):
    """ "Nour is called at 12:45 AM, after their first cue at 9:00 PM" read as a contradiction:
    on a night, the days are said."""
    aid = plain_action(store, starts_at=at("21:00"), ends_at=at("02:00", "2024-05-29"))
    with store.session() as s:
        rid = edits.create(s, "role", action_id=aid, name="Reader", needed=1)
        nour = edits.create(s, "participant", alias="Nour")
        edits.create(
            s,
            "assignment",
            action_id=aid,
            participant_id=nour,
            role_id=rid,
            call_time=at("00:45", "2024-05-29"),
        )
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("21:00"),
            minutes=15,
            title="Gather",
            role_ids=[rid],
        )
    assert lines(store, aid, kinds=("called-late",)) == [
        "called-late: Nour is called at May 29, 2024, 12:45 AM, after their first cue “Gather” "
        "at May 28, 2024, 9:00 PM"
    ]
