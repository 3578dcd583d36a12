"""Retiming one cue (the timeline's drag, Alt+arrows): the preview and the operation agree, the
chain follows, a refusal writes nothing, and undo/redo swap the whole move in one step (on
SQLite and, when CORTEGE_TEST_POSTGRES_URL is set, on PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import ConflictError, DomainError
from app.domain.limits import MAX_CUE_MINUTES
from app.services import edits
from app.services.cue_retime import preview, retime
from tests.app.test_chain import PARIS, _action, _cue, _starts, at


@pytest.fixture
def chain(any_store):
    store = any_store
    with store.session() as s:
        aid = _action(s)  # 09:00-12:00
        hearse = _cue(s, aid, "09:30", 15, "Hearse parks")
        coffin = _cue(s, aid, "09:45", 15, "Coffin carried", follows=hearse)
        _cue(s, aid, "10:00", 10, "Eulogy", follows=coffin)
        _cue(s, aid, "09:30", 120, "Police liaison")
    return store, aid, hearse, coffin


def test_moving_a_cue_moves_its_chain_and_undo_redo_swap_it_back(chain):
    store, aid, hearse, _coffin = chain
    with store.session() as s:
        op = retime(s, cue_id=hearse, starts_at=at("10:00"))
        assert set(op.change.ids) == {hearse, _coffin, op.change.ids[-1]}
    with store.session() as s:
        assert _starts(s, aid) == {
            "Hearse parks": "10:00",
            "Coffin carried": "10:15",
            "Eulogy": "10:30",
            "Police liaison": "09:30",
        }
    with store.session() as s:
        again = op.undo(s)
    with store.session() as s:
        assert _starts(s, aid)["Eulogy"] == "10:00" and _starts(s, aid)["Hearse parks"] == "09:30"
    with store.session() as s:
        again.undo(s)
    with store.session() as s:
        assert _starts(s, aid)["Eulogy"] == "10:30"


def test_a_longer_cue_pushes_its_chain(chain):
    store, aid, hearse, _coffin = chain
    with store.session() as s:
        retime(s, cue_id=hearse, minutes=25)
    with store.session() as s:
        assert _starts(s, aid)["Eulogy"] == "10:10"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"minutes": 0}, "cannot last 0 minutes"),
        (
            {"minutes": MAX_CUE_MINUTES + 1},
            "cannot last 10,081 minutes: a cue lasts from 1 minute to 7 days",
        ),
        (
            {"starts_at": at("11:45")},
            "“Coffin carried” would end at 12:15\u202fPM, after the action",
        ),
        ({"starts_at": at("08:55")}, "would start at 8:55\u202fAM, before the action starts"),
    ],
)
def test_a_refused_retime_names_the_cue_and_writes_nothing(chain, values, message):
    store, aid, hearse, _coffin = chain
    with store.session() as s:
        before = _starts(s, aid)
    with pytest.raises(DomainError, match=message), store.session() as s:
        retime(s, cue_id=hearse, **values)
    with store.session() as s:
        assert _starts(s, aid) == before


def test_a_chained_cue_keeps_its_start(chain):
    store, _aid, _hearse, coffin = chain
    with pytest.raises(DomainError, match="follows “Hearse parks”"), store.session() as s:
        retime(s, cue_id=coffin, starts_at=at("10:30"))


def test_a_cue_retimed_by_another_organiser_is_a_conflict(chain):
    store, aid, hearse, _coffin = chain
    with store.session() as s:
        cue = edits.get(s, "cue", hearse)
        seen, shown = cue.version, {"starts_at": cue.starts_at, "minutes": cue.minutes}
        edits.update(s, "cue", hearse, minutes=20)  # the colleague's edit
    with pytest.raises(ConflictError), store.session() as s:
        retime(s, cue_id=hearse, starts_at=at("09:35"), expected_version=seen, shown=shown)
    with store.session() as s:
        assert _starts(s, aid)["Hearse parks"] == "09:30"


def test_a_cue_only_renamed_by_another_organiser_still_moves(chain):
    store, aid, hearse, _coffin = chain
    with store.session() as s:
        cue = edits.get(s, "cue", hearse)
        seen, shown = cue.version, {"starts_at": cue.starts_at, "minutes": cue.minutes}
        edits.update(s, "cue", hearse, place="Gate B")  # the colleague's edit
    with store.session() as s:
        retime(s, cue_id=hearse, starts_at=at("09:35"), expected_version=seen, shown=shown)
    with store.session() as s:
        assert _starts(s, aid)["Hearse parks"] == "09:35"


@dataclass
class Row:
    id: int
    title: str
    starts_at: datetime
    minutes: int
    follows_id: int | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


SCRIPTS = st.sampled_from(["مسيرة الحداد", "शोक यात्रा", "Πομπή", "🕯️⚰️🌹", "Hearse"])
TITLES = st.one_of(SCRIPTS, st.text(min_size=1, max_size=300))
T0 = datetime(2024, 5, 28, 7, 0, tzinfo=UTC)


@settings(max_examples=150, deadline=None)
@given(
    titles=st.lists(TITLES, min_size=3, max_size=3),
    minutes=st.lists(st.integers(1, 90), min_size=3, max_size=3),
    delta=st.integers(-600, 600),
    new_minutes=st.one_of(st.none(), st.integers(-5, MAX_CUE_MINUTES + 5)),
)
def test_preview_keeps_the_chain_or_says_why_with_the_title_intact(
    titles, minutes, delta, new_minutes
):
    a = Row(1, titles[0], T0 + timedelta(hours=1), minutes[0])
    b = Row(2, titles[1], a.ends_at, minutes[1], follows_id=1)
    c = Row(3, titles[2], b.ends_at, minutes[2], follows_id=2)
    end = T0 + timedelta(hours=6)
    plan = preview(
        [a, b, c],
        cue_id=1,
        starts_at=a.starts_at + timedelta(minutes=delta),
        minutes=new_minutes,
        action_start=T0,
        action_end=end,
        tz=PARIS,
    )
    if not plan.ok:
        assert any(f"“{t}”" in plan.error for t in titles)
        return
    start = {r.id: plan.starts.get(r.id, r.starts_at) for r in (a, b, c)}
    length = {1: plan.minutes.get(1, a.minutes), 2: b.minutes, 3: c.minutes}
    assert start[2] == start[1] + timedelta(minutes=length[1])  # the chain holds
    assert start[3] == start[2] + timedelta(minutes=length[2])
    assert start[1] >= T0 and start[3] + timedelta(minutes=length[3]) <= end


def test_a_retime_across_the_spring_forward_night_counts_elapsed_time(any_store):
    store = any_store
    with store.session() as s:
        aid = _action(s, "00:30", "05:00", day="2024-03-31")
        vigil = _cue(s, aid, "01:00", 30, "Vigil", day="2024-03-31")
        _cue(s, aid, "01:30", 10, "Candles out", follows=vigil, day="2024-03-31")
    with store.session() as s:  # 01:30 + 60 minutes of vigil: 03:30, the clocks went forward
        retime(s, cue_id=vigil, starts_at=at("01:30", "2024-03-31"), minutes=60)
    with store.session() as s:
        assert _starts(s, aid) == {"Vigil": "01:30", "Candles out": "03:30"}
