"""Bulk imports tell colleagues once for the batch, and never tell us about our own import.

A driver-level ``executemany`` is seen by no ORM flush: without ``touched_in_bulk`` a commit that
wrote only such rows announced nothing, and on SQLite our own watcher was not rebased, so our
own ICS or CSV import reached our own window as "another organiser changed this" (issue #17).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain import models as m
from app.services import people_csv
from app.services.bundle_read import import_bundle
from app.services.bundle_write import bundle_dict
from app.services.calendar_import import import_ics
from app.storage.notify import ANYTHING, ChangeNotifier

QUIET = 0.7  # seconds a watcher waits to be sure nothing comes


def calendar(n: int, prefix: str = "bulk") -> bytes:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{prefix}-{i}@example.org\r\nDTSTAMP:20240501T000000Z\r\n"
        f"DTSTART:20240528T{8 + i // 60:02d}{i % 60:02d}00Z\r\nDURATION:PT5M\r\n"
        f"SUMMARY:Talk {i}\r\nEND:VEVENT\r\n"
        for i in range(n)
    )
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    return f"{head}{events}END:VCALENDAR\r\n".encode()


def _action_id(store) -> int:
    with store.read() as s:
        return s.scalars(select(m.Action.id)).first()


def _ics(store, action_id: int, prefix: str = "bulk") -> list[int]:
    with store.session() as s:
        _preview, outcome = import_ics(s, action_id, calendar(40, prefix))
    return outcome.created


def _csv_people(store, action_id: int, text: str) -> people_csv.ImportResult:
    with store.session() as s:
        pre = people_csv.preview(s, action_id, text)
        return people_csv.import_rows(s, action_id, pre.rows)


def _bundle(store, action_id: int) -> int:
    with store.read() as s:
        data = bundle_dict(s, action_id)
    for p in data["participants"]:
        p["alias"] += " (copy)"  # new people: the directory's executemany runs too
    with store.session() as s:
        return import_bundle(s, data).action_id


def test_our_own_calendar_import_is_not_news_to_us_but_reaches_the_colleague(two_organisers):
    mine, _other, mine_watch, their_watch = two_organisers
    action_id = _action_id(mine)
    created = _ics(mine, action_id)
    assert len(created) == 40
    notices = their_watch.wait(5.0)
    assert notices, "the colleague was not told"
    if mine.backend == "postgresql":  # one notice for the batch, naming every cue
        assert [(n.action_id, n.entity, n.kind, n.ids) for n in notices] == [
            (action_id, "cue", "created", tuple(sorted(created)))
        ]
    else:
        assert [n.payload for n in notices] == [ANYTHING]
    assert mine_watch.wait(QUIET) == []
    assert their_watch.wait(QUIET) == []  # told once


def test_our_own_csv_import_of_people_only_is_not_news_to_us(two_organisers):
    mine, _other, mine_watch, their_watch = two_organisers
    result = _csv_people(mine, _action_id(mine), "alias\nBittern\nشمس\nΚύκνος\n")
    assert len(result.participant_ids) == 3 and not result.assignment_ids
    notices = their_watch.wait(5.0)
    assert notices
    if mine.backend == "postgresql":
        assert [(n.action_id, n.entity, n.kind, n.ids) for n in notices] == [
            (None, "participant", "created", tuple(sorted(result.participant_ids)))
        ]
        assert "Bittern" not in notices[0].payload  # ids, never values
    assert mine_watch.wait(QUIET) == []


def test_our_own_csv_import_with_roles_names_people_and_assignments(two_organisers):
    mine, _other, mine_watch, their_watch = two_organisers
    action_id = _action_id(mine)
    with mine.read() as s:
        role = s.scalars(select(m.Role.name).where(m.Role.action_id == action_id)).first()
    result = _csv_people(mine, action_id, f"alias,role\nBittern,{role}\nशांति,{role}\n")
    notices = their_watch.wait(5.0)
    assert notices
    if mine.backend == "postgresql":
        got = {(n.action_id, n.entity, n.kind, n.ids) for n in notices}
        assert got == {
            (None, "participant", "created", tuple(sorted(result.participant_ids))),
            (action_id, "assignment", "created", tuple(sorted(result.assignment_ids))),
        }
    assert mine_watch.wait(QUIET) == []


def test_our_own_bundle_import_is_not_news_to_us(two_organisers):
    mine, _other, mine_watch, their_watch = two_organisers
    new_action = _bundle(mine, _action_id(mine))
    notices = their_watch.wait(5.0)
    assert notices
    if mine.backend == "postgresql":
        assert (new_action, "action", "created") in {
            (n.action_id, n.entity, n.kind) for n in notices
        } or any(n.everything for n in notices)
    assert mine_watch.wait(QUIET) == []


@pytest.mark.parametrize("path", ["ics", "csv", "bundle"])
def test_a_colleagues_bulk_import_reaches_us_and_is_not_echoed_to_them(two_organisers, path):
    mine, other, mine_watch, their_watch = two_organisers
    action_id = _action_id(other)
    if path == "ics":
        _ics(other, action_id, "theirs")
    elif path == "csv":
        _csv_people(other, action_id, "alias\nOsprey\n")
    else:
        _bundle(other, action_id)
    assert mine_watch.wait(5.0), "a colleague's import did not reach us"
    assert their_watch.wait(QUIET) == []


def test_an_import_that_fails_tells_nobody(two_organisers):
    from app.domain.errors import DomainError

    mine, _other, mine_watch, their_watch = two_organisers
    action_id = _action_id(mine)
    with pytest.raises(DomainError), mine.session() as s:
        pre = people_csv.preview(s, action_id, "alias\nPelican\n")
        people_csv.import_rows(s, action_id, pre.rows)
        raise DomainError("stop")  # the transaction is rolled back
    assert their_watch.wait(QUIET) == []
    assert mine_watch.wait(QUIET) == []


def test_batch_notices_group_by_table_with_links_as_their_owners_update():
    """``touched_in_bulk``'s tuples become one payload a group; link tables say their owner
    was updated, a release's quotes say nothing (the release itself is announced)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from app.storage import notify

    engine = create_engine("sqlite://")
    notifier = notify._NOTIFIERS[engine] = ChangeNotifier(engine)
    with Session(engine) as s:
        notify.touched_in_bulk(s, "cue", [3, 1, 2], action_id=7)
        notify.touched_in_bulk(s, "cue_role", action_id=7)
        notify.touched_in_bulk(s, "quote", action_id=7)
        notify.touched_in_bulk(s, "participant", [9])
        payloads = notifier.payloads(s.info[notify._KEY])
        origin = notifier.origin
        assert payloads == [
            f"2|{origin}|*|participant|created|9",
            f"2|{origin}|7|cue|created|1,2,3",
            f"2|{origin}|7|cue|updated|",
        ]
        notify.touched_in_bulk(s, "some_new_table", action_id=7)
        (everything,) = notifier.payloads(s.info[notify._KEY])
        assert everything == f"2|{origin}|*|*|updated|"  # signed, so our own is not news to us
        assert notify.Notice(everything).everything and notifier.mine(notify.Notice(everything))
    engine.dispose()


@pytest.mark.parametrize("path", ["ics", "csv"])
def test_undoing_our_own_import_is_not_news_to_us_and_takes_a_few_statements(two_organisers, path):
    """Undo deletes the import's rows in bulk (per row, 2,000 people took 3.8 s) and says so
    once, so our own undo does not come back to us as a colleague's change."""
    from sqlalchemy import event

    from app.services import people_ops
    from app.services.calendar_import import undo_import as undo_ics

    mine, _other, mine_watch, their_watch = two_organisers
    action_id = _action_id(mine)
    if path == "ics":
        created = _ics(mine, action_id)
        with mine.session() as s:
            _preview, outcome = import_ics(s, action_id, calendar(200, "undo"))
    else:
        text = "alias,role\n" + "".join(f"Walker {i},Mourner\n" for i in range(200))
        with mine.session() as s:
            changes = people_ops.import_people_csv(s, action_id=action_id, data=text)
    assert their_watch.wait(5.0)
    assert mine_watch.wait(QUIET) == []
    deletes = []

    def count(conn, cursor, statement, *_args):
        if statement.lstrip().upper().startswith("DELETE"):
            deletes.append(statement)

    event.listen(mine.engine, "before_cursor_execute", count)
    try:
        with mine.session() as s:
            if path == "ics":
                undo_ics(s, outcome)
            else:
                changes.undo(s)
    finally:
        event.remove(mine.engine, "before_cursor_execute", count)
    assert 0 < len(deletes) <= 4
    with mine.read() as s:
        if path == "ics":
            left = s.scalars(select(m.Cue.id).where(m.Cue.id.in_(outcome.created))).all()
            assert left == [] and len(created) == 40  # the earlier import stays
        else:
            walkers = s.scalars(select(m.Participant).where(m.Participant.alias.like("Walker%")))
            assert walkers.all() == []
    told = their_watch.wait(5.0)
    assert told, "the colleague was not told of the undo"
    assert mine_watch.wait(QUIET) == []
