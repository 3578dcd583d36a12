"""Operations (app.services.*_ops): one call does the edit, its undo takes all of it back, and
the undo's undo does it again on the same rows. And ui/ assembles no edit from several calls."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from app.domain import models as m
from app.services import action_ops, people_ops, press_ops
from app.services.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]


def test_ui_assembles_no_edit_and_walks_no_orm_object():
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        if rel.as_posix() == "ui/context.py":
            continue
        for pattern in (
            r"\.run_edit\(",
            r"from app\.services\.edits import",
            r"edits\.(create|update|delete|restore_snapshot)\(",
            r"session\.(get|execute|scalars?|add|delete|flush)\(",
        ):
            for match in re.finditer(pattern, text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{rel}:{line}: {match.group(0)}")
    assert offenders == []


def test_assign_new_person_is_one_step_and_redo_brings_the_same_rows(demo_store, demo_id):
    with demo_store.read() as s:
        role = s.scalars(m.Role.__table__.select().where(m.Role.action_id == demo_id)).first()
    with demo_store.session() as s:
        op = people_ops.assign_new_person(
            s, action_id=demo_id, alias="Volunteer 42", values={"role_id": role}
        )
    aid = op.result
    with demo_store.read() as s:
        pid = s.get(m.Assignment, aid).participant_id
    with demo_store.session() as s:
        back = op.undo(s)
    with demo_store.read() as s:
        assert s.get(m.Assignment, aid) is None and s.get(m.Participant, pid) is None
    with demo_store.session() as s:
        back.undo(s)
    with demo_store.read() as s:
        assert s.get(m.Assignment, aid).participant.alias == "Volunteer 42"


def test_move_action_undo_moves_it_back_and_redo_again(demo_store, demo_id):
    def day(s):
        from app.domain.timeutil import zone

        a = s.get(m.Action, demo_id)
        return a.starts_at.astimezone(zone(a.timezone)).date()

    with demo_store.session() as s:
        op = action_ops.move_action(s, action_id=demo_id, new_date=date(2024, 6, 4))
    with demo_store.read() as s:
        assert day(s) == date(2024, 6, 4)
    with demo_store.session() as s:
        back = op.undo(s)
    with demo_store.read() as s:
        assert day(s) == date(2024, 5, 28)
    with demo_store.session() as s:
        back.undo(s)
    with demo_store.read() as s:
        assert day(s) == date(2024, 6, 4)


def test_settings_and_translation_round_trip(demo_store, demo_id):
    with demo_store.session() as s:
        op = action_ops.change_settings(s, values={"currency": "USD"})
    with demo_store.session() as s:
        op.undo(s)
    with demo_store.read() as s:
        assert read_settings(s).currency == "EUR"
        source = s.scalars(
            m.PressRelease.__table__.select().where(m.PressRelease.action_id == demo_id)
        ).first()
    with demo_store.session() as s:
        made = press_ops.create_translation(s, source_id=source, language="de")
    with demo_store.session() as s:
        back = made.undo(s)
    with demo_store.read() as s:
        assert s.get(m.PressRelease, made.result) is None
    with demo_store.session() as s:
        back.undo(s)
    with demo_store.read() as s:
        assert s.get(m.PressRelease, made.result).language == "de"
