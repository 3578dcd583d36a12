"""A second instance on the same SQLite file works: both can edit, and each sees the other's
changes without a restart (WAL with a busy timeout; the data_version poll of LiveUpdates)."""

from __future__ import annotations

from tests.ui.conftest import open_window, problem_kinds
from tests.ui.tabs_helpers import latest


def test_two_windows_on_one_file_see_each_others_edits(qtbot, demo_db):
    first = open_window(qtbot, demo_db)
    second = open_window(qtbot, demo_db)
    try:
        assert "prop-uncarried" in problem_kinds(second)
        aid = first.action_id
        wreath = first.ctx.query(
            lambda s: next(p.id for p in s.get(type_of_action(), aid).props if p.key == "wreath")
        )
        crow = first.ctx.query(lambda s: participant_id(s, "Crow"))
        first.ctx.update(
            "prop",
            wreath,
            "Carry the wreath",
            expected_version=latest(first.ctx, "prop", wreath),
            carrier_ids=[crow],
        )
        assert "prop-uncarried" not in problem_kinds(first)
        # The other window reloads by itself within a moment.
        qtbot.waitUntil(lambda: "prop-uncarried" not in problem_kinds(second), timeout=5000)
        # And it can edit the same file too.
        second.ctx.update(
            "action",
            aid,
            "Rename",
            expected_version=latest(second.ctx, "action", aid),
            title="Funeral for privacy (team)",
        )
        qtbot.waitUntil(
            lambda: (
                first.ctx.query(lambda s: s.get(type_of_action(), aid).title)
                == "Funeral for privacy (team)"
            ),
            timeout=5000,
        )
    finally:
        second.close()
        first.close()


def type_of_action():
    from app.domain.models import Action

    return Action


def participant_id(session, alias: str) -> int:
    from app.services.actions import participant_by_alias

    return participant_by_alias(session, alias).id
