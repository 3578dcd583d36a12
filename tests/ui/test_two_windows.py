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


def test_a_colleague_s_save_landing_right_after_ours_shows_in_our_window(qtbot, demo_db):
    """The colleague's save waited for ours to end and landed at once: our window took it for
    its own and kept the prop's old name until something else changed."""
    from PySide6.QtCore import Qt
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from app.services import edits
    from app.storage.engine import open_store
    from tests.ui.conftest import wait_listening
    from tests.ui.tabs_helpers import column_texts
    from ui.models.props import PropCol

    window = open_window(qtbot, demo_db)
    colleague = open_store(str(demo_db))
    wait_listening(qtbot, window.live_updates)
    wreath = window.ctx.query(
        lambda s: next(
            p.id for p in s.get(type_of_action(), window.action_id).props if p.key == "wreath"
        )
    )
    window.show_tab("props")  # built and loaded, then behind the Overview
    window.show_tab("overview")
    waiting = [True]

    def colleague_saves(session):  # right after our commit, before our own after-commit steps
        if waiting and session.bind is window.ctx.store.engine:
            waiting.clear()
            with colleague.session() as s:
                edits.update(s, "prop", wreath, name="Wreath of white lilies")

    event.listen(Session, "after_commit", colleague_saves, insert=True)
    remote = qtbot.waitSignal(window.ctx.changed, timeout=5000, check_params_cb=lambda c: c.remote)
    try:
        with remote:
            title = window.tab_widgets["overview"].fields["title"]
            title.setFocus()
            title.selectAll()
            qtbot.keyClicks(title, "Funeral for privacy")
            qtbot.keyClick(title, Qt.Key.Key_Return)
            assert not waiting
            assert window.header_title.text() == "Funeral for privacy"
    finally:
        event.remove(Session, "after_commit", colleague_saves)
    window.show_tab("props")
    props = window.tab_widgets["props"]
    assert "Wreath of white lilies" in column_texts(props.model, PropCol.NAME)
    window.close()
    colleague.close()
