"""Live mode's computation (app.services.live) and its operations, without Qt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.services import live
from app.services.live import LiveCue, LivePlan, PropNeed, RoleNeed

T0 = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def cue(i, start, minutes, **kw) -> LiveCue:
    return LiveCue(id=i, title=f"cue {i}", starts_at=at(start), minutes=minutes, **kw)


def plan(*cues, live_cue_id=None, paused_at=None) -> LivePlan:
    return LivePlan(1, "Funeral", "Europe/Paris", tuple(cues), live_cue_id, paused_at)


def test_a_cue_across_two_later_starts_runs_alongside():
    p = plan(cue(1, 0, 15), cue(2, 0, 120), cue(3, 15, 10), cue(4, 25, 5))
    assert [c.id for c in p.steps] == [1, 3, 4]
    assert [c.id for c in p.alongside] == [2]


def test_advance_starts_the_first_cue_and_those_alongside():
    p = plan(cue(1, 0, 15), cue(2, 0, 120), cue(3, 15, 10), cue(4, 25, 5))
    writes = live.advance_writes(p, at(1))
    assert writes[("action", 1)] == {"live_cue_id": 1}
    assert writes[("cue", 1)]["actual_start"] == at(1)
    assert writes[("cue", 2)] == {"actual_start": at(1)}


def test_a_late_advance_is_minutes_behind_plan():
    p = plan(
        cue(1, 0, 15, actual_start=at(0), actual_end=at(19)),
        cue(2, 15, 10, actual_start=at(19)),
        cue(3, 25, 5),
        live_cue_id=2,
    )
    assert live.over_under_text(live.over_under(p, at(20))) == "4 min behind plan"
    spans = live.project(p, at(20))
    assert spans[3].start == at(29)  # cannot be called before cue 2 is over


def test_an_early_advance_is_ahead_and_on_time_is_on_plan():
    early = plan(cue(1, 0, 15, actual_start=at(-2)), cue(2, 15, 10), live_cue_id=1)
    assert live.over_under_text(live.over_under(early, at(0))) == "2 min ahead of plan"
    on = plan(cue(1, 0, 15, actual_start=at(0)), cue(2, 15, 10), live_cue_id=1)
    assert live.over_under_text(live.over_under(on, at(3))) == "On plan"


def test_a_hold_freezes_the_countdown_and_shifts_chained_cues_only_by_the_chain():
    p = plan(
        cue(1, 0, 10, actual_start=at(0)),
        cue(2, 10, 10, follows_id=1),
        cue(3, 40, 5),  # unchained, with slack: keeps its start
        live_cue_id=1,
        paused_at=at(4),
    )
    assert live.remaining(p, at(4)) == live.remaining(p, at(9)) == timedelta(minutes=6)
    spans = live.project(p, at(11))  # a 7-minute hold so far
    assert spans[2].start == at(17)
    assert spans[3].start == at(40)
    resumed = live.hold_writes(p, at(11))
    assert resumed[("action", 1)] == {"live_paused_at": None}
    assert resumed[("cue", 1)] == {"held_seconds": 7 * 60}


def test_the_hold_after_resume_still_shifts_the_projection():
    p = plan(
        cue(1, 0, 10, actual_start=at(0), held_seconds=420),
        cue(2, 10, 10, follows_id=1),
        live_cue_id=1,
    )
    assert live.project(p, at(12))[2].start == at(17)
    assert live.over_under_text(live.over_under(p, at(12))) == "7 min behind plan"


def test_back_takes_back_exactly_what_the_advance_wrote():
    p = plan(cue(1, 0, 15), cue(2, 0, 120), cue(3, 15, 10), cue(4, 25, 5))
    writes = live.advance_writes(p, at(0))
    p1 = plan(
        cue(1, 0, 15, actual_start=at(0)),
        cue(2, 0, 120, actual_start=at(0)),
        cue(3, 15, 10),
        cue(4, 25, 5),
        live_cue_id=1,
    )
    back = live.back_writes(p1, at(3))
    assert back[("action", 1)] == {"live_cue_id": None}
    assert back[("cue", 1)]["actual_start"] is None
    assert back[("cue", 2)] == {"actual_start": None, "actual_end": None}
    assert set(back) == set(writes)


def test_the_last_advance_finishes_and_ends_what_runs_alongside():
    p = plan(
        cue(1, 0, 15, actual_start=at(0), actual_end=at(15)),
        cue(2, 0, 120, actual_start=at(0)),
        cue(3, 15, 10, actual_start=at(15)),
        cue(4, 25, 5),
        live_cue_id=3,
    )
    p4 = plan(*p.cues[:3], cue(4, 25, 5, actual_start=at(25)), live_cue_id=4)
    writes = live.advance_writes(p4, at(31))
    assert writes[("action", 1)] == {"live_cue_id": None}
    assert writes[("cue", 2)] == {"actual_end": at(31)}
    assert live.advance_writes(p, at(25))[("cue", 4)]["actual_start"] == at(25)


def test_warnings_name_short_roles_and_props_not_ready():
    c = cue(
        1,
        0,
        10,
        roles=(
            RoleNeed("Pallbearer", 4, 3, 3),
            RoleNeed("Mourner", 5, 5, 4),
            RoleNeed("X", 1, 1, 1),
        ),
        props=(PropNeed("Coffin", "sourced"), PropNeed("Hearse", "ready")),
    )
    assert live.warnings(c) == [
        "Pallbearer: 3 of 4 assigned",
        "Mourner: 4 of 5 confirmed",
        "Prop not ready: Coffin",
    ]


def test_countdown_text():
    assert live.clock_text(timedelta(minutes=12, seconds=5)) == "12:05"
    assert live.clock_text(timedelta(hours=1, minutes=2, seconds=9)) == "1:02:09"
    assert live.clock_text(timedelta(seconds=-42)) == "-0:42"


@given(
    st.lists(st.tuples(st.integers(0, 600), st.integers(1, 240)), min_size=1, max_size=12),
    st.integers(-60, 900),
)
def test_projection_never_starts_a_coming_cue_in_the_past(spec, now_min):
    cues = [cue(i + 1, s, d) for i, (s, d) in enumerate(spec)]
    p = plan(*cues)
    now = at(now_min)
    spans = live.project(p, now)
    for c in p.steps:
        assert spans[c.id].start >= now
        assert spans[c.id].end - spans[c.id].start == timedelta(minutes=c.minutes)
    # advancing through everything and back again leaves nothing recorded
    writes = live.advance_writes(p, now)
    assert writes[("action", 1)]["live_cue_id"] == p.steps[0].id


def test_without_its_live_cue_the_recorded_times_say_where_the_action_is():
    ran = plan(
        cue(1, 0, 15, actual_start=at(0), actual_end=at(15)),
        cue(3, 25, 5),
        live_cue_id=2,  # cue 2 was being called, then deleted
    )
    assert live.position(ran) == ("ready", 0)
    writes = live.advance_writes(ran, at(20))
    assert ("cue", 1) not in writes  # the first cue's times are never recorded twice
    assert writes[("cue", 3)]["actual_start"] == at(20)
    running = plan(cue(1, 0, 15, actual_start=at(0)), cue(3, 25, 5), live_cue_id=None)
    assert live.position(running) == ("running", 0)
    assert live.back_writes(ran, at(20)) == {
        ("action", 1): {"live_cue_id": 1},
        ("cue", 1): {"actual_end": None},
    }
