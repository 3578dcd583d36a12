"""The bulk and Core read paths of #17 on SQLite and on PostgreSQL (when a server is set)."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import models as m
from app.services import people_csv, views
from app.services.actions import action_slugs, header_counts
from app.services.demo import add_demo
from app.services.purge import due_count, plan_due
from app.services.readiness import check
from tests.conftest import DEMO_DAY, DEMO_NOW

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    + "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}@example.org\r\nDTSTAMP:20240501T000000Z\r\n"
        f"DTSTART:20240528T08{i:02d}00Z\r\nDTEND:20240528T08{i + 5:02d}00Z\r\n"
        f"SUMMARY:Talk {i}\r\nEND:VEVENT\r\n"
        for i in range(3)
    )
    + "END:VCALENDAR\r\n"
).encode()


def test_the_demo_imports_reads_and_judges_the_same_on_every_backend(any_store):
    from app.services.calendar_import import import_ics, undo_import

    with any_store.session() as s:
        aid = add_demo(s, on=DEMO_DAY, today=DEMO_DAY - timedelta(days=10)).action_id
    with any_store.read() as s:
        assert [p.kind for p in check(s, aid, now=DEMO_NOW)] == [
            "prop-uncarried",
            "photo-refused",
            "photo-refused",
            "release-unapproved",
            "declaration-missing",
        ]
        assert header_counts(s, aid) == {"participants": 15, "cues": 11, "props": 7}
        assert [slug for slug, *_rest in action_slugs(s)] == ["funeral-for-privacy"]
        rows = views.schedule_rows(s, aid)
        assert len(rows) == 11 and not any(r.clashes for r in rows)
        held = s.query(m.Assignment).filter_by(action_id=aid).count()
        people = views.assignment_rows(s, aid, personal=True)
        assert len(people) == held
        crow_row = next(r for r in people if r.alias == "Crow")
        assert crow_row.personal.full_name == "Camille Martin"
        later = date(2024, 7, 15)
        plan = plan_due(s, today=later)
        assert due_count(s, today=later) == len(plan.participants) + len(plan.media_contacts)
        crow = next(r for r in views.directory_rows(s) if r.alias == "Crow")
        assert views.directory_rows(s, ids=[crow.id]) == [crow]
    with any_store.session() as s:
        pre = people_csv.preview(s, aid, "alias,role\nAlbatross,Mourner\nCrow,Steward\n")
        result = people_csv.import_rows(s, aid, pre.rows)
        _preview, outcome = import_ics(s, aid, CALENDAR)
    assert len(result.participant_ids) == 1 and len(result.assignment_ids) == 2
    assert len(outcome.created) == 3
    with any_store.read() as s:
        assert header_counts(s, aid)["cues"] == 14
    with any_store.session() as s:
        undo_import(s, outcome)
    with any_store.read() as s:
        assert header_counts(s, aid)["cues"] == 11
