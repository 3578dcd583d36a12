"""The Readiness tab: problems grouped with a link each, live after every edit, a clear Ready."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from tests.conftest import DEMO_NOW
from tests.ui.tabs_helpers import latest


@pytest.fixture
def readiness(qtbot, demo_store, demo_id):
    from ui.context import AppContext
    from ui.tabs.readiness import ReadinessTab

    ctx = AppContext(demo_store)
    tab = ReadinessTab(ctx)
    tab.now = lambda: DEMO_NOW
    qtbot.addWidget(tab)
    ctx.changed.connect(tab.on_changed)
    tab.resize(1000, 600)
    tab.show()
    badges: list[str] = []
    tab.badge_changed.connect(badges.append)
    tab.set_action(demo_id)
    tab.badges = badges
    return tab


def _messages(tab) -> list[str]:
    from PySide6.QtWidgets import QLabel

    labels = tab.list_widget.findChildren(QLabel)
    return [w.text() for w in labels if w.objectName().startswith("problem_")]


def test_lists_the_problems_with_a_countdown_and_the_declaration(readiness):
    tab = readiness
    kinds = sorted(p.kind for p in tab.problems())
    assert kinds == ["declaration-missing", "prop-uncarried", "release-unapproved"]
    assert tab.headline.text() == "3 things to fix before Tuesday, May 28, 2024, 9:30\u202fAM"
    assert tab.countdown.text() == "Starts in 10 days"
    messages = _messages(tab)
    assert any("nobody carries it" in m for m in messages)
    assert any("is still a draft" in m for m in messages)
    assert any("not declared yet" in m for m in messages)
    assert [b.text() for b in tab.fix_buttons] == ["Open", "Open", "Open"]
    assert tab.declaration.text() == "✗ Declaration not received yet (window May 12 – May 24)"
    assert tab.badges[-1] == "3"
    assert not tab.ready.isVisible()
    assert 0 < tab.progress.value() < 100


def test_each_problem_links_to_the_thing_to_fix(qtbot, readiness):
    tab = readiness
    with qtbot.waitSignal(tab.navigate) as blocker:
        qtbot.mouseClick(tab.fix_buttons[0], Qt.MouseButton.LeftButton)
    kinds = [b.property("kind") for b in tab.fix_buttons]
    assert kinds[0] == "prop-uncarried"
    assert blocker.args[0] == "prop"


def test_fixing_everything_shows_ready_and_undo_brings_the_problems_back(readiness):
    tab, ctx = readiness, readiness.ctx
    problems = {p.kind: p for p in tab.problems()}
    ctx.update(
        "release",
        problems["release-unapproved"].entity_id,
        "Approve",
        expected_version=latest(ctx, "release", problems["release-unapproved"].entity_id),
        status="approved",
    )
    assert len(tab.problems()) == 2
    assert tab.badges[-1] == "2"
    ctx.update(
        "action",
        tab.action_id,
        "Declaration",
        expected_version=latest(ctx, "action", tab.action_id),
        decl_received_on=date(2024, 5, 21),
    )
    assert tab.declaration.text().startswith("✓ Declaration received May 21 by Préfecture")
    person = ctx.create("participant", "Add participant", alias="Kestrel-2")
    ctx.update(
        "prop",
        problems["prop-uncarried"].entity_id,
        "Carry",
        expected_version=latest(ctx, "prop", problems["prop-uncarried"].entity_id),
        carrier_ids=[person],
    )
    assert tab.problems() == []
    assert tab.ready.isVisible()
    assert tab.ready.text() == "✓ Ready: nothing is left to fix."
    assert tab.headline.text().startswith("Ready for Tuesday, May 28, 2024")
    assert tab.progress.value() == 100
    assert tab.badges[-1] == ""
    ctx.undo_stack.undo()
    assert [p.kind for p in tab.problems()] == ["prop-uncarried"]
    assert not tab.ready.isVisible()


def test_a_late_declaration_is_listed_and_marked(readiness):
    tab, ctx = readiness, readiness.ctx
    ctx.update(
        "action",
        tab.action_id,
        "Declaration",
        expected_version=latest(ctx, "action", tab.action_id),
        decl_received_on=date(2024, 5, 26),
    )
    assert "declaration-late" in [p.kind for p in tab.problems()]
    assert tab.declaration.text() == (
        "✗ Declaration received May 26: outside the window May 12 – May 24"
    )


def test_countdown_follows_the_clock(readiness):
    tab = readiness
    tab.now = lambda: datetime(2024, 5, 28, 5, 30, tzinfo=UTC)
    tab.reload()
    assert tab.countdown.text() == "Starts in 2 hours"
    tab.now = lambda: datetime(2024, 5, 28, 12, 30, tzinfo=UTC)
    tab.reload()
    assert tab.countdown.text() == "Started 5 hours ago"


def test_empty_state_without_an_action(readiness):
    readiness.set_action(None)
    assert readiness.headline.text() == "No action selected"
    assert readiness.badges[-1] == ""
    assert readiness.fix_buttons == []
