"""The shared context: each edit one undo step, refused edits never reach the stack, and in
team mode an undo never silently overwrites another organiser's later change."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.services import edits
from tests.ui.tabs_helpers import latest

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def ctx(qapp, store):
    from ui.context import AppContext

    return AppContext(store)


def _action(ctx) -> int:
    return ctx.create(
        "action",
        "New action",
        title="Vigil",
        timezone="Europe/Paris",
        starts_at=datetime(2024, 5, 28, 9, tzinfo=PARIS),
        ends_at=datetime(2024, 5, 28, 12, tzinfo=PARIS),
    )


def _title(ctx, cid) -> str:
    return ctx.query(lambda s: edits.get(s, "cue", cid).title)


def test_a_refused_edit_changes_nothing_and_is_not_an_undo_step(ctx):
    from ui.context import EditFailed

    aid = _action(ctx)
    with pytest.raises(EditFailed) as info:
        ctx.create(
            "cue",
            "Add cue",
            action_id=aid,
            title="",
            minutes=0,
            starts_at=datetime(2024, 5, 28, 10, tzinfo=PARIS),
        )
    assert [str(p) for p in info.value.error.problems] == [
        "title: is required",
        "minutes: must be at least 1",
    ]
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "New action"


def test_undo_and_redo_of_create_keep_the_same_id(ctx):
    aid = _action(ctx)
    cid = ctx.create(
        "cue",
        "Add cue",
        action_id=aid,
        title="Speech",
        minutes=10,
        starts_at=datetime(2024, 5, 28, 10, tzinfo=PARIS),
    )
    ctx.update("cue", cid, "Rename cue", expected_version=latest(ctx, "cue", cid), title="Eulogy")
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert ctx.query(lambda s: edits.count(s, "cue", aid)) == 0
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    assert _title(ctx, cid) == "Eulogy"


def test_two_edits_of_one_row_undo_in_turn(ctx):
    aid = _action(ctx)
    cid = ctx.create(
        "cue",
        "Add cue",
        action_id=aid,
        title="Speech",
        minutes=10,
        starts_at=datetime(2024, 5, 28, 10, tzinfo=PARIS),
    )
    ctx.update("cue", cid, "Rename cue", expected_version=latest(ctx, "cue", cid), title="Eulogy")
    ctx.update("cue", cid, "Longer cue", expected_version=latest(ctx, "cue", cid), minutes=20)
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert (_title(ctx, cid), ctx.query(lambda s: edits.get(s, "cue", cid).minutes)) == (
        "Speech",
        10,
    )


def test_undo_refuses_to_overwrite_another_organisers_later_change(ctx, store, qtbot):
    aid = _action(ctx)
    cid = ctx.create(
        "cue",
        "Add cue",
        action_id=aid,
        title="Speech",
        minutes=10,
        starts_at=datetime(2024, 5, 28, 10, tzinfo=PARIS),
    )
    ctx.update("cue", cid, "Rename cue", expected_version=latest(ctx, "cue", cid), title="Eulogy")
    conflicts = []
    ctx.conflict.connect(lambda *a: conflicts.append(a))
    errors = []
    ctx.error.connect(errors.append)
    with store.session() as s:  # another organiser, another session
        edits.update(s, "cue", cid, title="Eulogy for privacy")
    ctx.undo_stack.undo()
    assert _title(ctx, cid) == "Eulogy for privacy"
    # The stack moves back so that it still says what the database holds, then says why.
    qtbot.waitUntil(lambda: errors != [])
    assert [str(e) for e in errors] == [
        "somebody else changed this cue since; reload to see their version"
    ]
    assert ctx.undo_stack.undoText() == "Rename cue" and not ctx.undo_stack.canRedo()
    assert _title(ctx, cid) == "Eulogy for privacy"


def test_the_first_save_is_refused_over_a_version_the_user_did_not_see(ctx, store):
    from ui.context import EditFailed

    aid = _action(ctx)
    cid = ctx.create(
        "cue",
        "Add cue",
        action_id=aid,
        title="Speech",
        minutes=10,
        starts_at=datetime(2024, 5, 28, 10, tzinfo=PARIS),
    )
    seen = ctx.query(lambda s: edits.get(s, "cue", cid).version)
    with store.session() as s:
        edits.update(s, "cue", cid, title="Their title")
    conflicts = []
    ctx.conflict.connect(lambda *a: conflicts.append(a))
    with pytest.raises(EditFailed, match="somebody else changed this cue"):
        ctx.update("cue", cid, "Rename cue", expected_version=seen, title="My title")
    assert conflicts == [("cue", cid, {"title": "My title"})]
    assert _title(ctx, cid) == "Their title"
