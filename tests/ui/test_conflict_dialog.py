"""When another organiser saved first, the user sees both versions and chooses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from sqlalchemy import select

from app.domain import models as m
from app.services import edits
from app.storage.engine import open_store
from tests.ui.tabs_helpers import with_modal


@pytest.fixture
def team(qtbot, any_demo_store):
    """My window's context, the other organiser's store, and the first cue of the demo."""
    from ui.context import AppContext

    ctx = AppContext(any_demo_store)
    other = open_store(any_demo_store.target)
    with any_demo_store.read() as s:
        cue = s.scalars(select(m.Cue).order_by(m.Cue.starts_at)).first()
        cue_id, starts = cue.id, cue.starts_at
    with other.session() as s:  # the other organiser saves first
        edits.update(s, "cue", cue_id, title="Mourners gather at the side gate", minutes=20)
    yield ctx, other, cue_id, starts
    other.close()


def _cue(store, cue_id):
    with store.read() as s:
        cue = edits.get(s, "cue", cue_id)
        return cue.title, cue.minutes, cue.starts_at


def _click(name):
    def fill(dialog):
        dialog.findChild(QPushButton, name).click()

    return fill


def test_the_dialog_shows_theirs_beside_mine(qtbot, team):
    from app.services.conflicts import conflict_view
    from ui.dialogs.conflict import ConflictDialog

    ctx, _other, cue_id, starts = team
    mine = {"title": "Mourners gather in black", "minutes": 20, "starts_at": starts}
    view = ctx.query(conflict_view, "cue", cue_id, mine)
    dialog = ConflictDialog(None, view)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.windowTitle() == "Somebody else changed this cue"
    texts = {
        w.objectName(): w.text().replace("\u202f", " ")
        for w in dialog.findChildren(QLabel)
        if w.objectName()
    }
    assert texts["theirs_title"] == "Mourners gather at the side gate"
    assert texts["mine_title"] == "Mourners gather in black"
    assert texts["theirs_minutes"] == texts["mine_minutes"] == "20"
    assert texts["theirs_starts_at"] == "May 28, 2024, 9:30 AM"  # the action's zone, babel
    assert "after you opened it" in texts["conflictHeading"]
    assert dialog.findChild(QLabel, "theirs_title").font().bold()
    assert not dialog.findChild(QLabel, "theirs_minutes").font().bold()  # same on both sides
    dialog.grab().save("/tmp/team/conflict_dialog.png")


def test_reload_keeps_their_version_and_refreshes_the_views(qtbot, team):
    from ui.dialogs.conflict import handle_conflict

    ctx, _other, cue_id, _starts = team
    seen = []
    ctx.changed.connect(seen.append)
    result = []
    with_modal(
        lambda: result.append(handle_conflict(None, ctx, "cue", cue_id, {"title": "Mine"})),
        _click("conflictReload"),
    )
    assert result == [False]
    assert _cue(ctx.store, cue_id)[:2] == ("Mourners gather at the side gate", 20)
    assert [(c.entity, c.ids, c.kind) for c in seen] == [("cue", (cue_id,), "reloaded")]
    assert ctx.undo_stack.count() == 0


def test_overwrite_saves_mine_over_theirs_as_one_undo_step(qtbot, team):
    from ui.dialogs.conflict import handle_conflict

    ctx, _other, cue_id, _starts = team
    result = []
    with_modal(
        lambda: result.append(
            handle_conflict(None, ctx, "cue", cue_id, {"title": "Mourners gather in black"})
        ),
        _click("conflictOverwrite"),
    )
    assert result == [True]
    assert _cue(ctx.store, cue_id)[:2] == ("Mourners gather in black", 20)  # their minutes kept
    assert ctx.undo_stack.undoText() == "Overwrite cue"
    ctx.undo_stack.undo()
    assert _cue(ctx.store, cue_id)[0] == "Mourners gather at the side gate"


def test_a_change_while_the_dialog_is_open_is_shown_again(qtbot, team):
    from ui.dialogs.conflict import handle_conflict

    ctx, other, cue_id, starts = team
    rounds = []

    def fill(dialog):
        rounds.append(dialog.findChild(QLabel, "theirs_starts_at").text().replace("\u202f", " "))
        if len(rounds) == 1:  # a third organiser saves while this one reads
            with other.session() as s:
                edits.update(s, "cue", cue_id, starts_at=starts + timedelta(minutes=5))
        dialog.findChild(QPushButton, "conflictOverwrite").click()

    mine = {"starts_at": starts + timedelta(minutes=10)}
    result = []
    _drive_every_dialog(
        lambda: result.append(handle_conflict(None, ctx, "cue", cue_id, mine)), fill
    )
    assert result == [True]
    assert rounds == ["May 28, 2024, 9:30 AM", "May 28, 2024, 9:35 AM"]
    assert _cue(ctx.store, cue_id)[2] == starts + timedelta(minutes=10)


def _drive_every_dialog(trigger, fill) -> None:
    """Like with_modal, for as many modal dialogs as ``trigger`` opens one after the other."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    handled: list = []
    done: list = []

    def tick() -> None:
        if done:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog not in handled:
            handled.append(dialog)
            fill(dialog)
        QTimer.singleShot(10, tick)

    QTimer.singleShot(0, tick)
    try:
        trigger()
    finally:
        done.append(True)


def test_a_row_deleted_by_the_other_organiser_is_said_so(qtbot, team):
    from ui.dialogs.conflict import handle_conflict

    ctx, other, cue_id, _starts = team
    with other.session() as s:
        edits.delete(s, "cue", cue_id)
    messages = []

    def fill(box):
        messages.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    result = []
    with_modal(
        lambda: result.append(handle_conflict(None, ctx, "cue", cue_id, {"minutes": 9})), fill
    )
    assert result == [False]
    assert messages == ["Another organiser deleted this cue; your change could not be saved."]
