"""The Readiness tab: problems grouped by kind with a way to open each, live after every edit, a
clear Ready, "Nothing planned yet" for an empty plan, and a readable list for 2,000 problems."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.conftest import DEMO_NOW
from tests.ui.tabs_helpers import latest
from ui.tabs.readiness_model import ACTION_ROLE, KIND_ROLE, TOP

__all__ = ["KIND_ROLE", "rows_of"]


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


def rows_of(tab, parent=None) -> list:
    """Every row index of the list (column 1, the message), groups then their children."""
    model = tab.view.model()
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 1, parent)
        out.append(index)
        out.extend(rows_of(tab, model.index(row, 0, parent)))
    return out


def _messages(tab) -> list[str]:
    return [i.data() for i in rows_of(tab)]


def test_lists_the_problems_with_a_countdown_and_the_declaration(readiness):
    tab = readiness
    kinds = sorted({p.kind for p in tab.problems()})
    assert kinds == ["declaration-missing", "photo-refused", "prop-uncarried", "release-unapproved"]
    assert tab.headline.text() == "5 things to fix before Tuesday, May 28, 2024, 9:30\u202fAM"
    assert tab.countdown.text() == "Starts in 10 days"
    messages = _messages(tab)
    # Two people in photo opportunities: one group row that counts them, both under it.
    assert len(messages) == 6
    assert any("nobody carries it" in m for m in messages)
    assert "2 people in photo opportunities have not agreed to be photographed" in messages
    assert any(m.startswith("Finch has not agreed to be photographed") for m in messages)
    # Each row reads as a sentence of its own, capital first (not "the English release …")
    assert any(m.startswith("The English release “") and "is still a draft" in m for m in messages)
    assert any(m.startswith("Not declared yet: it must be received") for m in messages)
    # The group row opens the first of its people; each person's row opens them.
    assert [i.data(ACTION_ROLE) for i in rows_of(tab)] == ["Open"] * 3 + ["Review…"] + ["Open"] * 2
    assert tab.declaration.text() == "✗ Declaration not received yet (window May 12 – May 24)"
    assert tab.badges[-1] == "5"
    assert not tab.ready.isVisible()
    assert tab.view.isVisible()
    assert 0 < tab.progress.value() < 100


def test_each_problem_opens_the_thing_to_fix(qtbot, readiness):
    tab = readiness
    first = rows_of(tab)[0]
    assert first.data(KIND_ROLE) == "prop-uncarried"
    tab.view.setCurrentIndex(first)
    assert tab.open_button.isEnabled() and tab.open_button.text() == "Open"
    with qtbot.waitSignal(tab.navigate) as blocker:
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "prop"
    tab.view.setFocus()
    with qtbot.waitSignal(tab.navigate) as blocker:
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert blocker.args[0] == "prop"


def test_fixing_everything_shows_ready_and_undo_brings_the_problems_back(readiness):
    tab, ctx = readiness, readiness.ctx
    problems = {p.kind: p for p in tab.problems()}
    for p in tab.problems():
        if p.kind == "photo-refused":
            ctx.update(
                "participant",
                p.entity_id,
                "Photos agreed",
                expected_version=latest(ctx, "participant", p.entity_id),
                consent_photos=True,
            )
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
    assert tab.declaration.text().startswith(
        "✓ Declaration received May 21 — authority: Préfecture"
    )
    newcomer = ctx.create("participant", "Add participant", alias="Kestrel-2")
    prop_id = problems["prop-uncarried"].entity_id

    def carry(people):
        ctx.update(
            "prop",
            prop_id,
            "Carry",
            expected_version=latest(ctx, "prop", prop_id),
            carrier_ids=people,
        )

    carry([newcomer])  # somebody outside the cue that needs it: still nobody has it there
    assert [p.kind for p in tab.problems()] == ["prop-carrier-absent"]
    carry([newcomer, ctx.query(_somebody_in, "Wreath laid on the coffin")])
    assert tab.problems() == []
    assert tab.ready.isVisible()
    assert tab.ready.text() == "✓ Ready: nothing is left to fix."
    assert not tab.view.isVisible()
    assert tab.headline.text().startswith("Ready for Tuesday, May 28, 2024")
    assert tab.progress.value() == 100
    assert tab.badges[-1] == ""
    ctx.undo_stack.undo()
    assert [p.kind for p in tab.problems()] == ["prop-carrier-absent"]
    ctx.undo_stack.undo()
    assert [p.kind for p in tab.problems()] == ["prop-uncarried"]
    assert not tab.ready.isVisible()


def _somebody_in(session, title: str) -> int:
    """A person in the demo's cue ``title``, directly or through one of its roles."""
    from sqlalchemy import select

    from app.domain import models as m

    cue = session.scalars(select(m.Cue).where(m.Cue.title == title)).one()
    if cue.participants:
        return cue.participants[0].id
    roles = {r.id for r in cue.roles}
    return next(a.participant_id for a in cue.action.assignments if a.role_id in roles)


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
    assert rows_of(readiness) == []


def test_an_empty_plan_says_nothing_planned_yet_not_a_percentage(readiness):
    tab, ctx = readiness, readiness.ctx
    aid = ctx.create(
        "action",
        "New action",
        title="Vigil",
        timezone="Europe/Paris",
        starts_at=datetime(2024, 6, 8, 12, 0, tzinfo=UTC),
        ends_at=datetime(2024, 6, 8, 13, 0, tzinfo=UTC),
        country="",
    )
    tab.set_action(aid)
    assert tab.headline.text().startswith("Nothing planned yet for Saturday, June 8, 2024")
    assert not tab.progress.isVisible()
    assert "%" not in tab.progress.text() or not tab.progress.isVisible()
    assert tab.ready.isVisible() and "to see what is left to do" in tab.ready.text()


def test_thousands_of_one_kind_are_one_group_with_its_top_rows(qtbot, readiness):
    """2,000 people without consent: one group row that counts them, the first few under it, and
    a row that opens the rest for review — a readable list, not 2,000 widgets."""
    tab, ctx = readiness, readiness.ctx
    from app.services import edits

    with ctx.store.session() as s:
        role = edits.create(s, "role", action_id=tab.action_id, name="Marcher", needed=2000)
        for i in range(2000):
            pid = edits.create(s, "participant", alias=f"Marcher {i:04d}", phone="+33 6 00")
            edits.create(
                s,
                "assignment",
                action_id=tab.action_id,
                participant_id=pid,
                role_id=role,
                confirmed=True,
            )
    tab.reload()
    model = tab.view.model()
    groups = [model.index(r, 1) for r in range(model.rowCount())]
    consent = next(g for g in groups if g.data(KIND_ROLE) == "consent-missing")
    assert consent.data() == "2,000 people have contact details without recorded consent"
    children = rows_of(tab, consent.siblingAtColumn(0))
    assert len(children) == TOP + 1
    assert children[0].data() == (
        "Marcher 0000: contact details are stored without recorded consent"
    )
    assert children[-1].data() == "and 1,995 more — Review…"
    assert tab.headline.text().startswith("2,005 things to fix")
    assert tab.badges[-1] == "2,005"
    tab.view.setCurrentIndex(children[-1])
    assert tab.open_button.text() == "Review…"
    with qtbot.waitSignal(tab.navigate) as blocker:
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "participant"
    if os.environ.get("CORTEGE_SHOT"):
        tab.grab().save(os.environ["CORTEGE_SHOT"])


def test_switching_back_shows_the_same_judgement_and_any_change_judges_again(
    readiness, monkeypatch
):
    import ui.tabs.readiness as module

    tab, ctx = readiness, readiness.ctx
    calls = []
    real = module.read_readiness
    monkeypatch.setattr(module, "read_readiness", lambda *a: calls.append(a[1]) or real(*a))
    demo = tab.action_id
    other = ctx.create(
        "action",
        "New action",
        title="Vigil",
        timezone="Europe/Paris",
        starts_at=datetime(2024, 6, 8, 12, 0, tzinfo=UTC),
        ends_at=datetime(2024, 6, 8, 13, 0, tzinfo=UTC),
        country="",
    )
    tab.set_action(other)
    tab.set_action(demo)
    tab.set_action(other)
    assert calls.count(demo) == 1  # judged once after the change (the new action), then kept
    tab.set_action(demo)
    problems = {p.kind: p for p in tab.problems()}
    rid = problems["release-unapproved"].entity_id
    ctx.update(
        "release",
        rid,
        "Approve",
        expected_version=latest(ctx, "release", rid),
        status="approved",
    )
    assert "release-unapproved" not in [p.kind for p in tab.problems()]
    tab.set_action(other)
    tab.set_action(demo)
    assert "release-unapproved" not in [p.kind for p in tab.problems()]
