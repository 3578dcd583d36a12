"""Export → Calendar and the .ics import dialog, driven as a user would."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
)

from tests.app.test_calendar_export import read_ics
from tests.app.test_calendar_import import BAD_SECOND_EVENT, PROGRAMME

SHOTS = os.environ.get("CORTEGE_SHOTS")  # a folder to save screenshots in, when set


@pytest.fixture
def ctx(qtbot, demo_store):
    from ui.context import AppContext

    return AppContext(demo_store)


def _cue_titles(ctx, action_id) -> list[str]:
    from sqlalchemy import select

    from app.domain import models as m

    def titles(session):
        return list(session.scalars(select(m.Cue.title).where(m.Cue.action_id == action_id)))

    return ctx.query(titles)


def _shot(widget, name: str) -> None:
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        widget.grab().save(os.path.join(SHOTS, name))


def test_export_the_plan_a_person_and_everybody(qtbot, ctx, demo_id, tmp_path):
    from ui.dialogs.calendar import open_export_dialog

    dialog = open_export_dialog(None, ctx, demo_id)
    qtbot.addWidget(dialog)
    target = dialog.findChild(QLineEdit, "target")
    assert target.text().endswith(".ics")
    target.setText(str(tmp_path / "plan.ics"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "do_export"), Qt.MouseButton.LeftButton)
    status = dialog.findChild(QLabel, "export_status")
    assert status.text() == "Saved 1 calendar: plan.ics."
    plan = read_ics((tmp_path / "plan.ics").read_bytes())
    assert any(e["summary"] == "Funeral for privacy at Père-Lachaise" for e in plan.values())
    _shot(dialog, "calendar_export.png")

    dialog.findChild(QRadioButton, "mode_person").click()
    person = dialog.findChild(QComboBox, "person")
    assert person.isEnabled()
    person.setCurrentIndex(person.findText("Crow"))
    target.setText(str(tmp_path / "crow.ics"))
    dialog.findChild(QPushButton, "do_export").click()
    crow = read_ics((tmp_path / "crow.ics").read_bytes())
    assert len(crow) < len(plan)
    assert b"Heron" not in (tmp_path / "crow.ics").read_bytes()

    dialog.findChild(QRadioButton, "mode_each").click()
    target.setText(str(tmp_path / "all"))
    dialog.findChild(QPushButton, "do_export").click()
    names = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert "Crow.ics" in names and len(names) == person.count()
    assert status.text() == f"Saved {len(names)} calendars in the folder all."
    (tmp_path / "all" / "Withdrawn.ics").write_bytes(b"BEGIN:VCALENDAR")  # an earlier batch's
    dialog.findChild(QPushButton, "do_export").click()
    assert status.text().endswith("not written by this export: Withdrawn.ics. If they are from "
                                  "an earlier one, do not hand them out: delete them.")  # fmt: skip

    dialog.findChild(QRadioButton, "mode_whole").click()
    target.setText(str(tmp_path / "missing" / "deeper" / "plan.ics"))
    dialog.findChild(QPushButton, "do_export").click()
    error = dialog.findChild(QLabel, "export_error")
    assert not error.isHidden() and error.text().startswith("Not saved")


def test_import_preview_flags_then_one_undo_step(qtbot, ctx, demo_id, tmp_path):
    from ui.dialogs.calendar import open_import_dialog

    before = _cue_titles(ctx, demo_id)
    path = tmp_path / "programme.ics"
    path.write_text(PROGRAMME, encoding="utf-8")
    dialog = open_import_dialog(None, ctx, demo_id, path)
    qtbot.addWidget(dialog)
    table = dialog.table
    model = table.model()
    rows = model.rowCount()
    assert rows == 27
    titles = [model.index(r, 3).data() for r in range(rows)]
    assert "Sound check, PA system" in titles
    van = titles.index("Van booked")
    assert "outside the action's window" in model.index(van, 5).data()
    summary = dialog.findChild(QLabel, "ics_summary").text()
    assert summary.startswith("27 events in the file: 27 new, 0 updated, 0 unchanged.")
    assert "are outside the action's window" in summary
    notes = dialog.findChild(QListWidget, "ics_notes")
    assert any("Drummers" in notes.item(i).text() for i in range(notes.count()))
    button = dialog.findChild(QPushButton, "do_import")
    assert button.text().replace("&", "") == "Import 27 events"
    dialog.resize(1000, 560)
    _shot(dialog, "calendar_import.png")
    skip = dialog.findChild(QCheckBox, "skip_outside")
    skip.setChecked(True)
    inside = sum(1 for r in range(rows) if not model.index(r, 5).data())
    assert button.text().replace("&", "") == f"Import {inside} events"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    after = _cue_titles(ctx, demo_id)
    assert len(after) == len(before) + inside
    assert "Van booked" not in after and "Sound check, PA system" in after
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert sorted(_cue_titles(ctx, demo_id)) == sorted(before)
    ctx.undo_stack.redo()
    assert len(_cue_titles(ctx, demo_id)) == len(after)


def test_a_bad_file_shows_its_line_and_imports_nothing(qtbot, ctx, demo_id, tmp_path):
    from ui.dialogs.calendar import open_import_dialog

    before = _cue_titles(ctx, demo_id)
    path = tmp_path / "bad.ics"
    path.write_text(BAD_SECOND_EVENT, encoding="utf-8")
    dialog = open_import_dialog(None, ctx, demo_id, path)
    qtbot.addWidget(dialog)
    error = dialog.findChild(QLabel, "ics_error")
    assert not error.isHidden()
    assert error.text() == "line 14: the event ends before it starts"
    assert dialog.findChild(QLabel, "ics_summary").text().startswith("This file cannot be")
    assert not dialog.findChild(QPushButton, "do_import").isEnabled()
    assert dialog.table.model().rowCount() == 0
    _shot(dialog, "calendar_import_error.png")
    assert _cue_titles(ctx, demo_id) == before


def test_the_import_summary_counts_in_the_reader_s_language(qtbot, ctx, demo_id, tmp_path):
    """French said "1 nouveaux": each count of the summary agrees with its own number."""
    from ui.dialogs.calendar import open_import_dialog
    from ui.i18n_qt import apply_language

    path = tmp_path / "one.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:one@example.org\r\nDTSTAMP:20240501T000000Z\r\nDTSTART:20240528T080000Z\r\n"
        "DURATION:PT5M\r\nSUMMARY:Talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    apply_language("fr")
    try:
        dialog = open_import_dialog(None, ctx, demo_id, path)
        qtbot.addWidget(dialog)
        summary = dialog.findChild(QLabel, "ics_summary").text()
    finally:
        apply_language("en")
    assert "1 nouveau, 0 mis à jour, 0 inchangé." in summary, summary
