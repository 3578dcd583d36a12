"""The readiness rules added for #17, the registry, the score and the double-booking sweep."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import edits
from app.services.readiness import KINDS, RULE_MODULES, assess
from app.services.readiness_clashes import clashing_pairs, overlapping
from app.services.readiness_people import key_contact_kind
from app.services.readiness_registry import RULES
from tests.app.test_readiness import NOW, at, lines, plain_action


def people_in_role(store, aid, aliases, *, confirmed=True, needed=None, **person):
    with store.session() as s:
        rid = edits.create(s, "role", action_id=aid, name="Mourner", needed=needed or len(aliases))
        for alias in aliases:
            pid = edits.create(s, "participant", alias=alias, **person)
            edits.create(
                s,
                "assignment",
                action_id=aid,
                participant_id=pid,
                role_id=rid,
                confirmed=confirmed,
            )
    return rid


def add_contacts(store, aid, *contacts):
    with store.session() as s:
        for i, (label, phone) in enumerate(contacts):
            edits.create(s, "contact", action_id=aid, position=i, label=label, phone=phone)


def test_every_kind_has_exactly_one_registered_rule():
    assert RULE_MODULES
    assert list(KINDS) == sorted(RULES, key=KINDS.index)
    assert set(KINDS) == set(RULES)


def test_an_empty_plan_is_nothing_planned_yet_not_a_score(store):
    found = assess_of(store, plain_action(store))
    assert found.problems == []
    assert found.planned is False
    assert found.share is None


def assess_of(store, aid, now=NOW):
    with store.read() as s:
        return assess(s, aid, now=now)


def test_unconfirmed_people_count_only_in_the_last_week(store):
    aid = plain_action(store)
    people_in_role(store, aid, ["Wren", "Lark"], confirmed=False)
    people_in_role(store, aid, ["Finch"], confirmed=True)
    assert lines(store, aid, kinds=("unconfirmed",)) == []  # ten days before
    week_before = datetime(2024, 5, 21, 8, 0, tzinfo=UTC)
    assert lines(store, aid, week_before, kinds=("unconfirmed",)) == [
        "unconfirmed: Lark has not confirmed yet as Mourner",
        "unconfirmed: Wren has not confirmed yet as Mourner",
    ]


def test_key_contacts_need_legal_support_and_first_aid_numbers(store):
    aid = plain_action(store)
    people_in_role(store, aid, ["Wren"])
    assert lines(store, aid, kinds=("key-contact-missing",)) == [
        "key-contact-missing: No phone number for legal support among the key contacts",
        "key-contact-missing: No phone number for first aid among the key contacts",
    ]
    add_contacts(store, aid, ("Soutien juridique", "+33 1 40 00 00 00"), ("Premiers secours", ""))
    assert lines(store, aid, kinds=("key-contact-missing",)) == [
        "key-contact-missing: No phone number for first aid among the key contacts"
    ]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Legal support", "legal"),
        ("Legal team hotline", "legal"),
        ("Anwältin", "legal"),
        ("Equipo jurídico", "legal"),
        ("First aid", "first-aid"),
        ("Street medics", "first-aid"),
        ("Erste Hilfe", "first-aid"),
        ("Primeros auxilios", "first-aid"),
        ("Organiser on duty", None),
    ],
)
def test_key_contact_labels_in_several_languages(label, kind):
    assert key_contact_kind(label) == kind


def test_a_release_without_a_press_contact(store):
    aid = plain_action(store, languages=["en"])
    with store.session() as s:
        edits.create(
            s, "release", action_id=aid, language="en", headline="Vigil", status="approved"
        )
    assert lines(store, aid, kinds=("press-contact-missing",)) == [
        "press-contact-missing: The English release “Vigil” names no press contact"
    ]


def test_no_plan_b_for_an_action_on_the_street(store):
    aid = plain_action(store, route=["Place de la République", "Bastille"])
    assert lines(store, aid) == [
        "fallback-missing: The action takes place on the street and has no plan B"
    ]
    with store.session() as s:
        edits.update(s, "action", aid, fallback_plan="Under the arcades if it rains.")
    assert lines(store, aid) == []


def test_prop_not_ready_has_one_sentence_per_status(store):
    aid = plain_action(store)
    with store.session() as s:
        banner = edits.create(s, "prop", action_id=aid, name="Banner", status="needed")
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("09:55"),
            minutes=5,
            title="Unroll",
            prop_ids=[banner],
        )
    assert lines(store, aid, kinds=("prop-not-ready",)) == [
        "prop-not-ready: Banner — needed at 9:55 AM (“Unroll”), not found yet"
    ]


def test_people_in_photo_opportunities_who_refused_photos(store):
    """Only cues flagged as photo opportunities count; each refuser is named once, with the
    cues (directly or through a role)."""
    aid = plain_action(store)
    rid = people_in_role(store, aid, ["Raven"], consent_given_on=date(2024, 5, 1))
    people_in_role(store, aid, ["Heron"], consent_photos=True)
    with store.session() as s:
        for start, title in (("10:00", "Carry"), ("10:25", "Photo call")):
            edits.create(
                s,
                "cue",
                action_id=aid,
                starts_at=at(start),
                minutes=15,
                title=title,
                role_ids=[rid, rid + 1],
                photo_opportunity=True,
            )
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("11:00"),
            minutes=5,
            title="Pack up",
            role_ids=[rid],
        )
    assert lines(store, aid, kinds=("photo-refused",)) == [
        "photo-refused: Raven has not agreed to be photographed and is in 2 photo "
        "opportunities: “Carry” (10:00 AM) and “Photo call” (10:25 AM)"
    ]
    # Each language quotes the cues its own way, as its other readiness lines do.
    from app.i18n import Translator

    with store.read() as s:
        (french,) = [
            p.message
            for p in assess(s, aid, now=NOW, tr=Translator("fr")).problems
            if p.kind == "photo-refused"
        ]
    assert french == (
        "Raven n’a pas accepté d’être photographié·e et figure dans 2 moments photo\u00a0: "
        "«\u00a0Carry\u00a0» (10:00) et «\u00a0Photo call\u00a0» (10:25)"
    )
    # Arabic, like French, does not make every refusing person a man ("لم يوافق … وهو")
    with store.read() as s:
        (arabic,) = [
            p.message
            for p in assess(s, aid, now=NOW, tr=Translator("ar")).problems
            if p.kind == "photo-refused"
        ]
    arabic = arabic.replace("\u2068", "").replace("\u2069", "")  # the name isolated
    assert arabic.startswith("لا موافقة مسجَّلة من Raven على التصوير، والاسم مُدرج في فرصتي تصوير: ")
    assert "Photo call" in arabic


def test_without_a_photo_flag_on_cues_the_photo_check_is_skipped(store, monkeypatch):
    from app.services import readiness_plan

    aid = plain_action(store)
    rid = people_in_role(store, aid, ["Raven"])
    with store.session() as s:
        edits.create(
            s,
            "cue",
            action_id=aid,
            starts_at=at("10:25"),
            minutes=15,
            title="Photo call",
            role_ids=[rid],
            photo_opportunity=True,
        )
    assert lines(store, aid, kinds=("photo-refused",)) != []
    monkeypatch.setattr(readiness_plan, "PHOTO_FLAGS", ("no_such_flag",))
    assert lines(store, aid, kinds=("photo-refused",)) == []


def test_double_booking_is_one_problem_per_pair_of_cues_with_everybody_in_it(store):
    aid = plain_action(store)
    aliases = [f"Mourner {i:02d}" for i in range(12)]
    rid = people_in_role(store, aid, aliases)
    with store.session() as s:
        for start, title in (("10:00", "Procession"), ("10:15", "Eulogy")):
            edits.create(
                s,
                "cue",
                action_id=aid,
                starts_at=at(start),
                minutes=30,
                title=title,
                role_ids=[rid],
            )
    assert lines(store, aid, kinds=("double-booked",)) == [
        "double-booked: Mourner 00, Mourner 01, Mourner 02, and 9 others are in “Procession” "
        "(10:00 AM–10:30 AM) and “Eulogy” (10:15 AM–10:45 AM) at the same time"
    ]


def test_the_score_comes_from_what_the_plan_needs(store):
    """Ten seats, three filled: the share follows the seats, not the number of check kinds."""
    aid = plain_action(store)
    people_in_role(store, aid, ["Wren", "Lark", "Finch"], needed=10)
    add_contacts(store, aid, ("Legal support", "1"), ("First aid", "2"))
    found = assess_of(store, aid)
    assert [p.kind for p in found.problems] == ["role-short"]
    # needs: 10 seats + 3 confirmations + 2 key numbers; unmet: 7 seats.
    assert (found.needs, found.unmet) == (15, 7)
    assert found.share == pytest.approx(8 / 15)


def _brute_force(spans):
    out = set()
    for a in spans:
        for b in spans:
            if (
                (a.starts_at, a.id) < (b.starts_at, b.id)
                and a.starts_at < b.ends_at
                and b.starts_at < a.ends_at
            ):
                out.add((a.id, b.id))
    return out


class _Span:
    def __init__(self, i, start, minutes):
        base = datetime(2024, 5, 28, 8, 0, tzinfo=UTC)
        self.id = i
        self.starts_at = base + timedelta(minutes=start)
        self.ends_at = self.starts_at + timedelta(minutes=minutes)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 120), st.integers(1, 60)), max_size=25))
def test_the_sweep_finds_exactly_the_overlapping_pairs(intervals):
    spans = [_Span(i, s, m) for i, (s, m) in enumerate(intervals)]
    assert {(a.id, b.id) for a, b in overlapping(spans)} == _brute_force(spans)
    pairs = clashing_pairs(
        spans, roles_of={}, direct_of={s.id: [s.id % 3] for s in spans}, people_of_role={}
    )
    expected = {(a, b) for a, b in _brute_force(spans) if a % 3 == b % 3}
    assert {(p.first, p.second) for p in pairs} == expected
