"""Undo in one window takes back only what its step left: a colleague's later work on the same
rows stays, the undo is refused and says why (a team-mode review, December 2026: undo of an
import, of "Add …" and of a move deleted or overwrote a colleague's work without a word)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.domain import models as m
from tests.ui.tabs_helpers import latest
from tests.ui.test_team_windows import two_windows
from ui.dialogs.error_dialog import open_error_dialogs

__all__ = ["two_windows"]

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
    "UID:talk@example.org\r\nDTSTAMP:20240501T000000Z\r\nDTSTART:20240528T080000Z\r\n"
    "DURATION:PT5M\r\nSUMMARY:Talk by the gate\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def _undo_refused(qtbot, window) -> str:
    """Edit → Undo; the message the window then shows (the step stays on the stack)."""
    steps = window.ctx.undo_stack.index()
    window.a_undo.trigger()
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=3000)
    (box,) = open_error_dialogs()
    text = box.text()
    box.close()
    qtbot.waitUntil(lambda: window.ctx.undo_stack.index() == steps)  # still undoable later
    return text


def _theirs(window, entity: str, row_id: int, **values) -> None:
    """The colleague's edit, over the version their window reads now."""
    window.ctx.update(
        entity, row_id, "Edit", expected_version=latest(window.ctx, entity, row_id), **values
    )


def _one(window, query):
    return window.ctx.query(lambda s: s.execute(query).one())


def test_undo_of_add_keeps_a_prop_a_colleague_renamed_since(qtbot, two_windows):
    mine, theirs = two_windows
    pid = mine.ctx.create("prop", "Add prop “Urn”", action_id=mine.action_id, name="Urn")
    _theirs(theirs, "prop", pid, name="Funeral urn", notes="bought it, receipt in the drawer")
    text = _undo_refused(qtbot, mine)
    assert text == (
        "Another organiser changed “Funeral urn” since, so this step was not undone; look at "
        "their change first."
    )
    assert _one(mine, select(m.Prop.name, m.Prop.notes).where(m.Prop.id == pid)) == (
        "Funeral urn",
        "bought it, receipt in the drawer",
    )


def test_undo_of_a_people_import_keeps_a_person_a_colleague_annotated_or_linked(qtbot, two_windows):
    from app.services.people_ops import import_people_csv

    mine, theirs = two_windows
    aid = mine.action_id
    mine.ctx.run_op(
        "Import people",
        lambda s: import_people_csv(s, action_id=aid, data="alias;role\nNewbie;Mourner\n"),
    )
    newbie = theirs.ctx.query(
        lambda s: s.scalar(select(m.Participant.id).where(m.Participant.alias == "Newbie"))
    )
    prop = theirs.ctx.query(
        lambda s: s.scalars(select(m.Prop.id).where(m.Prop.action_id == aid)).first()
    )
    carriers = theirs.ctx.query(lambda s: [c.id for c in s.get(m.Prop, prop).carriers])
    _theirs(theirs, "prop", prop, carrier_ids=[*carriers, newbie])
    text = _undo_refused(qtbot, mine)
    assert text.startswith("Another organiser changed “Newbie” since, so this step was not undone")
    assert newbie in theirs.ctx.query(lambda s: [c.id for c in s.get(m.Prop, prop).carriers])
    # the link taken away again, and notes written instead: still theirs
    _theirs(theirs, "prop", prop, carrier_ids=carriers)
    _theirs(theirs, "participant", newbie, notes="vegan, allergic to lilies")
    assert "“Newbie”" in _undo_refused(qtbot, mine)
    assert _one(mine, select(m.Participant.notes).where(m.Participant.id == newbie)) == (
        "vegan, allergic to lilies",
    )


def test_undo_of_a_calendar_import_keeps_a_cue_a_colleague_edited(qtbot, two_windows):
    from app.services.cue_ops import import_calendar

    mine, theirs = two_windows
    aid = mine.action_id
    mine.ctx.run_op(
        "Import calendar",
        lambda s: import_calendar(s, action_id=aid, data=ICS.encode(), skip_outside=False),
    )
    cue = theirs.ctx.query(
        lambda s: s.scalar(select(m.Cue.id).where(m.Cue.title == "Talk by the gate"))
    )
    _theirs(theirs, "cue", cue, instructions="wait for the police liaison's nod")
    assert "“Talk by the gate”" in _undo_refused(qtbot, mine)
    assert _one(mine, select(m.Cue.instructions).where(m.Cue.id == cue)) == (
        "wait for the police liaison's nod",
    )


def test_undo_of_a_move_keeps_the_date_a_colleague_moved_the_action_to(qtbot, two_windows):
    from app.services.action_ops import move_action

    mine, theirs = two_windows
    aid = mine.action_id
    mine.ctx.run_op(
        "Move action", lambda s: move_action(s, action_id=aid, new_date=date(2024, 6, 4))
    )
    theirs.ctx.run_op(
        "Move action",
        lambda s: move_action(
            s,
            action_id=aid,
            new_date=date(2024, 6, 11),
            expected_version=latest(theirs.ctx, "action", aid),
        ),
    )
    assert _undo_refused(qtbot, mine) == "Somebody else changed this action since you opened it."
    starts = _one(mine, select(m.Action.starts_at).where(m.Action.id == aid))[0]
    assert starts.date() == date(2024, 6, 11)


def test_undo_of_an_edit_to_a_prop_a_colleague_deleted_says_so_in_words(qtbot, two_windows):
    mine, theirs = two_windows
    prop = mine.ctx.query(
        lambda s: s.scalars(select(m.Prop.id).where(m.Prop.action_id == mine.action_id)).first()
    )
    mine.ctx.update(
        "prop", prop, "Rename", expected_version=latest(mine.ctx, "prop", prop), name="Urn"
    )
    theirs.ctx.delete("prop", prop, "Delete", expected_version=latest(theirs.ctx, "prop", prop))
    text = _undo_refused(qtbot, mine)
    assert text == "Another organiser deleted what this step changed, so it was not undone."


def test_preferences_and_their_undo_keep_a_colleagues_settings(qtbot, two_windows):
    """Preferences → OK wrote over the retention days a colleague had just set, and its Undo
    put the old name back over a colleague's correction, without a word (the retention days
    decide when volunteers' personal data is purged)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services.action_ops import change_settings
    from app.services.settings import read_settings
    from ui.dialogs.preferences import PreferencesDialog

    mine, theirs = two_windows
    dialog = PreferencesDialog(mine, mine.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.retention_spin.setValue(45)  # from the default 30
    theirs.ctx.run_op("Settings", lambda s: change_settings(s, values={"retention_days": 90}))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=3000)
    (box,) = open_error_dialogs()
    assert box.text().startswith("Another organiser changed the organisation's settings since")
    box.close()
    assert dialog.isVisible()  # nothing saved, the dialog still open with what was typed
    assert mine.ctx.query(read_settings).retention_days == 90
    dialog.reject()

    mine.ctx.run_op(
        "Settings",
        lambda s: change_settings(s, values={"name": "Privacy Mourners"}, shown={"name": ""}),
    )
    theirs.ctx.run_op("Settings", lambda s: change_settings(s, values={"name": "Privacy Now"}))
    assert _undo_refused(qtbot, mine).startswith("Another organiser changed the organisation's")
    assert mine.ctx.query(read_settings).name == "Privacy Now"


def test_undo_of_a_new_role_keeps_it_when_a_colleague_gave_it_to_somebody(qtbot, two_windows):
    """Deleting the role would have deleted the colleague's assignment with it."""
    mine, theirs = two_windows
    aid = mine.action_id
    rid = mine.ctx.create("role", "Add role “Drummer”", action_id=aid, name="Drummer", needed=2)
    person = theirs.ctx.query(lambda s: s.scalars(select(m.Participant.id)).first())
    theirs.ctx.create("assignment", "Assign", action_id=aid, participant_id=person, role_id=rid)
    assert "changed this role" in _undo_refused(qtbot, mine)
    assert _one(mine, select(m.Assignment.id).where(m.Assignment.role_id == rid))


def test_undo_of_an_inserted_cue_goes_through_when_only_the_chain_moved_it(qtbot, two_windows):
    """A colleague lengthened the cue before it: the ripple moved the new chained cue, which
    refused the undo as if they had changed it."""
    from app.services.cue_ops import insert_after

    mine, theirs = two_windows
    first = mine.ctx.query(
        lambda s: s.scalars(
            select(m.Cue.id).where(m.Cue.action_id == mine.action_id).order_by(m.Cue.starts_at)
        ).first()
    )
    mine.ctx.run_op(
        "Insert cue",
        lambda s: insert_after(s, after_id=first, values={"title": "Inserted", "minutes": 5}),
    )
    minutes = theirs.ctx.query(lambda s: s.get(m.Cue, first).minutes)
    _theirs(theirs, "cue", first, minutes=minutes + 10)
    mine.a_undo.trigger()
    qtbot.wait(50)
    assert not open_error_dialogs()
    assert not _one(mine, select(func.count()).where(m.Cue.title == "Inserted"))[0]


def test_undo_of_an_inserted_cue_keeps_a_cue_a_colleague_chained_after_it(qtbot, two_windows):
    """Undoing the insert unchained the cue a colleague had since chained after the new one."""
    from app.services.cue_ops import insert_after

    mine, theirs = two_windows
    cues = mine.ctx.query(
        lambda s: list(
            s.scalars(
                select(m.Cue.id).where(m.Cue.action_id == mine.action_id).order_by(m.Cue.starts_at)
            )
        )
    )
    new = mine.ctx.run_op(
        "Insert cue",
        lambda s: insert_after(s, after_id=cues[0], values={"title": "Inserted", "minutes": 5}),
    )
    last = cues[-1]
    _theirs(theirs, "cue", last, follows_id=new)
    assert _undo_refused(qtbot, mine).startswith("Another organiser changed “")
    assert _one(mine, select(m.Cue.follows_id).where(m.Cue.id == last)) == (new,)
