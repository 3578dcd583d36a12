"""The read-side rows the action view's tables show."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from app.services import edits, views
from app.services.readiness import check
from tests.conftest import DEMO_NOW


def test_schedule_rows_are_by_time_with_names(demo_store, demo_id):
    with demo_store.read() as s:
        rows = views.schedule_rows(s, demo_id)
    starts = [r.starts_at for r in rows]
    assert starts == sorted(starts)
    hearse = next(r for r in rows if r.title == "Hearse parks at the gate")
    assert hearse.role_names == ("Pallbearer", "Hearse driver")
    assert set(hearse.prop_names) == {"Hearse", "Coffin marked PRIVACY"}
    assert hearse.ends_at - hearse.starts_at == timedelta(minutes=10)
    assert not any(r.clashes for r in rows)  # the demo has nobody double-booked


def test_schedule_rows_name_who_is_double_booked_and_agree_with_readiness(demo_store, demo_id):
    with demo_store.session() as s:
        crow = next(r for r in views.assignment_rows(s, demo_id) if r.alias == "Crow")
        carry = next(r for r in views.schedule_rows(s, demo_id) if r.title.startswith("Coffin"))
        edits.create(
            s,
            "cue",
            action_id=demo_id,
            starts_at=carry.starts_at + timedelta(minutes=5),
            minutes=10,
            title="Extra",
            participant_ids=[crow.participant_id],
        )
    with demo_store.read() as s:
        rows = views.schedule_rows(s, demo_id)
        problems = [p for p in check(s, demo_id, now=DEMO_NOW) if p.kind == "double-booked"]
    extra = next(r for r in rows if r.title == "Extra")
    assert [(c.alias, c.other_title) for c in extra.clashes] == [
        ("Crow", "Coffin carried to the funeral parlour")
    ]
    carry = next(r for r in rows if r.title == "Coffin carried to the funeral parlour")
    assert [c.other_title for c in carry.clashes] == ["Extra"]
    assert len(problems) == 1 and "Crow" in problems[0].message


def test_half_open_cues_touching_do_not_clash(demo_store, demo_id):
    with demo_store.session() as s:
        crow = next(r for r in views.assignment_rows(s, demo_id) if r.alias == "Crow")
        carry = next(r for r in views.schedule_rows(s, demo_id) if r.title.startswith("Coffin"))
        # Starts exactly when "Coffin carried…" ends (10:10): no overlap.
        edits.create(
            s,
            "cue",
            action_id=demo_id,
            starts_at=carry.ends_at,
            minutes=5,
            title="Right after",
            participant_ids=[crow.participant_id],
        )
    with demo_store.read() as s:
        rows = views.schedule_rows(s, demo_id)
    assert not next(r for r in rows if r.title == "Right after").clashes


def test_people_rows_hide_personal_data_unless_asked(demo_store, demo_id):
    with demo_store.read() as s:
        plain = views.assignment_rows(s, demo_id)
        revealed = views.assignment_rows(s, demo_id, personal=True)
        roles = views.role_rows(s, demo_id)
    assert len(plain) == 15 and all(r.personal is None for r in plain)
    crow = next(r for r in revealed if r.alias == "Crow")
    assert crow.personal.full_name == "Camille Martin" and crow.role_name == "Pallbearer"
    pall = next(r for r in roles if r.name == "Pallbearer")
    assert (pall.needed, pall.assigned) == (4, 4)
    raven = next(r for r in plain if r.alias == "Raven")
    assert raven.consent_photos is False


def test_prop_rows_list_cue_usage_and_carriers(demo_store, demo_id):
    with demo_store.read() as s:
        props = views.prop_rows(s, demo_id)
    coffin = next(p for p in props if p.name == "Coffin marked PRIVACY")
    assert coffin.carriers == ("Crow", "Heron")
    assert [u.title for u in coffin.used_in][:2] == [
        "Hearse parks at the gate",
        "Coffin carried to the funeral parlour",
    ]
    assert sum((p.cost or Decimal(0)) for p in props) == Decimal("372.00")
    wreath = next(p for p in props if p.name.startswith("Wreath"))
    assert wreath.carriers == ()


def test_task_rows_open_first_and_overdue(demo_store, demo_id):
    with demo_store.session() as s:
        edits.create(s, "task", action_id=demo_id, title="Late one", due=date(2024, 5, 1))
        edits.create(
            s, "task", action_id=demo_id, title="Finished", due=date(2024, 4, 1), done=True
        )
    with demo_store.read() as s:
        tasks = views.task_rows(s, demo_id)
    done = [t.done for t in tasks]
    assert done == sorted(done) and "Finished" in [t.title for t in tasks if t.done]
    late = next(t for t in tasks if t.title == "Late one")
    assert late.overdue(date(2024, 5, 18)) and not tasks[-1].overdue(date(2024, 5, 18))


def test_directory_index_filters_by_alias_casefolded(demo_store):
    with demo_store.read() as s:
        rows = views.directory_rows(s)
        people = views.people_choices(s, views.action_info(s, 1).id)
    index = views.DirectoryIndex(rows)
    assert [r.alias for r in index.filter("R")][:3] == ["Crow", "Heron", "Kestrel"]
    assert [r.alias for r in index.filter("  ROBIN ")] == ["Robin"]
    assert len(index.filter("")) == 15 and all(r.personal is None for r in rows)
    assert rows[0].actions == 1
    assert [c.label for c in people][:2] == ["Crow", "Finch"]


def test_action_info_is_the_plan_window(demo_store, demo_id):
    with demo_store.read() as s:
        info = views.action_info(s, demo_id)
    assert info.timezone == "Europe/Paris"
    assert info.starts_at == datetime(2024, 5, 28, 7, 30, tzinfo=UTC)
