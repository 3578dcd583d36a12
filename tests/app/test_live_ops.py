"""Live mode's operations on a real store: committed at once, undone exactly, refused over a
colleague's step, and incident text taken as typed in any script, up to its limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError
from app.services import live_ops

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)


def run(store, op, *args, **kw):
    with store.session() as session:
        return op(session, *args, **kw)


def live_cue(store, action_id):
    with store.read() as session:
        action = session.get(m.Action, action_id)
        return next((c.key for c in action.cues if c.id == action.live_cue_id), None)


def test_advance_then_undo_then_redo(demo_store, demo_id):
    run(demo_store, live_ops.advance, demo_id, now=START)
    second = run(demo_store, live_ops.advance, demo_id, now=START + timedelta(minutes=17))
    assert live_cue(demo_store, demo_id) == "hearse"
    again = run(demo_store, second.undo)
    assert live_cue(demo_store, demo_id) == "gather"
    run(demo_store, again.undo)  # redo: the same times as the first time
    with demo_store.read() as session:
        hearse = next(c for c in session.get(m.Action, demo_id).cues if c.key == "hearse")
        assert hearse.actual_start == START + timedelta(minutes=17)


def test_undo_is_refused_after_a_colleague_moved_on(demo_store, demo_id):
    mine = run(demo_store, live_ops.advance, demo_id, now=START)
    run(demo_store, live_ops.advance, demo_id, now=START + timedelta(minutes=15))  # theirs
    with pytest.raises(ConflictError):
        run(demo_store, mine.undo)
    assert live_cue(demo_store, demo_id) == "hearse"


def test_keys_with_nothing_to_do_say_why(demo_store, demo_id):
    with pytest.raises(DomainError, match="nothing to go back to"):
        run(demo_store, live_ops.back, demo_id, now=START)
    with pytest.raises(DomainError, match="no cue is running"):
        run(demo_store, live_ops.hold, demo_id, now=START)


def test_an_empty_or_too_long_incident_is_refused(demo_store, demo_id):
    with pytest.raises(DomainError) as empty:
        run(demo_store, live_ops.add_incident, demo_id, at=START, text="  \n ", cue_id=None)
    assert empty.value.problems[0].path == "text"
    too_long = "x" * (live_ops.MAX_INCIDENT_CHARS + 1)
    with pytest.raises(DomainError, match="at most 2,000 characters"):
        run(demo_store, live_ops.add_incident, demo_id, at=START, text=too_long, cue_id=None)
    with demo_store.read() as session:
        assert session.get(m.Action, demo_id).incidents == []


TEXT = st.text(
    alphabet=st.sampled_from(
        list("شكرا للشرطة")
        + list("पुलिस ने रोका")
        + list("Αστυνομία")
        + ["😀", "🚓", "👩", "\u200d", "⚖", "\ufe0f", " "]
    ),
    min_size=1,
    max_size=live_ops.MAX_INCIDENT_CHARS,
).filter(lambda t: t.strip())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(text="🚓" * live_ops.MAX_INCIDENT_CHARS)
@given(text=TEXT)
def test_incident_text_in_any_script_is_kept_as_typed(demo_store, demo_id, text):
    changes = run(demo_store, live_ops.add_incident, demo_id, at=START, text=text, cue_id=None)
    with demo_store.read() as session:
        row = session.get(m.Incident, changes.result)
        assert row.text == " ".join(text.split())
    run(demo_store, changes.undo)
    with demo_store.read() as session:
        assert session.get(m.Incident, changes.result) is None
