"""The debrief through the real window: actual times as live mode records them, the overrun
numbers, the props' condition, incidents, coverage, lessons, the PDF, then the purge."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
)

from app.domain import models as m
from tests.ui.tabs_helpers import press_ok, with_modal


def record_actuals(window, late_minutes: int = 5) -> None:
    """What live mode writes: every cue started and ended, each ``late_minutes`` late."""
    with window.ctx.store.session() as session:
        action = session.get(m.Action, window.action_id)
        action.status = "done"
        for cue in action.cues:
            cue.actual_start = cue.starts_at + timedelta(minutes=late_minutes)
            cue.actual_end = cue.ends_at + timedelta(minutes=late_minutes)


def open_debrief(qtbot, window):
    window.findChild(QAction, "debrief").trigger()
    dialog = window._debrief_dialog
    qtbot.waitExposed(dialog)
    return dialog


def column(table: QTableWidget, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


def texts(box: QListWidget) -> list[str]:
    return [box.item(i).text() for i in range(box.count())]


def test_without_actual_times_the_page_says_so(qtbot, main_window):
    dialog = open_debrief(qtbot, main_window)
    note = dialog.findChild(QLabel, "no_actuals")
    assert note.isVisible() and "No actual times" in note.text()
    assert not dialog.findChild(QTableWidget, "overrun_table").isVisible()
    dialog.close()


def test_overrun_per_cue_and_turnout_after_the_day(qtbot, main_window):
    record_actuals(main_window, 5)
    with main_window.ctx.store.session() as session:
        first = session.get(m.Action, main_window.action_id).assignments[0]
        first.attended = True
    dialog = open_debrief(qtbot, main_window)
    table = dialog.findChild(QTableWidget, "overrun_table")
    assert table.isVisible()
    assert set(column(table, 4)) == {"overran by 5 min"}
    assert set(column(table, 3)) == {"5 min late"}
    assert "last cue: overran by 5 min" in dialog.findChild(QLabel, "debrief_summary").text()
    lines = texts(dialog.findChild(QListWidget, "turnout_list"))
    assert "Pallbearer: 1 attended / 4 confirmed / 4 needed" in lines
    dialog.close()


def test_a_held_cue_says_how_long_it_was_held(qtbot, main_window):
    record_actuals(main_window, 5)
    with main_window.ctx.store.session() as session:
        hearse = next(
            c for c in session.get(m.Action, main_window.action_id).cues if c.key == "hearse"
        )
        hearse.held_seconds = 11 * 60
    dialog = open_debrief(qtbot, main_window)
    table = dialog.findChild(QTableWidget, "overrun_table")
    assert "overran by 5 min (held 11 min)" in column(table, 4)
    assert column(table, 4).count("overran by 5 min") == table.rowCount() - 1
    dialog.close()


def test_a_skipped_cue_reads_skipped_not_overran(qtbot, main_window):
    """Skipped with two Spaces 5 s apart while running late, "Banner unrolled" read "overran by
    5 min" in red (live-mode review)."""
    record_actuals(main_window, 5)
    with main_window.ctx.store.session() as session:
        banner = next(
            c for c in session.get(m.Action, main_window.action_id).cues if c.key == "banner"
        )
        banner.actual_end = banner.actual_start + timedelta(seconds=5)
        title = banner.title
    dialog = open_debrief(qtbot, main_window)
    table = dialog.findChild(QTableWidget, "overrun_table")
    row = column(table, 0).index(title)
    cell = table.item(row, 4)
    assert cell.text() == "skipped"
    assert cell.foreground().color() != style_error(dialog)
    assert column(table, 4).count("overran by 5 min") == table.rowCount() - 1
    dialog.close()


def style_error(widget):
    from ui import style

    return style.error_color(widget)


def test_the_french_page_counts_one_person_present_in_the_singular(qtbot, main_window):
    """Each count has its own word, agreeing with it: "1 présent·e", "4 confirmé·es"."""
    record_actuals(main_window, 5)
    with main_window.ctx.store.session() as session:
        action = session.get(m.Action, main_window.action_id)
        action.assignments[0].attended = True
        needed = sum(role.needed for role in action.roles)
    main_window.apply_language("fr")
    dialog = open_debrief(qtbot, main_window)
    summary = dialog.findChild(QLabel, "debrief_summary").text()
    assert f"Participation\u00a0: 1 présent·e sur {needed} nécessaires" in summary, summary
    lines = texts(dialog.findChild(QListWidget, "turnout_list"))
    assert "Pallbearer\u00a0: 1 présent·e / 4 confirmé·es / 4 nécessaires" in lines, lines
    dialog.close()


def test_prop_condition_set_on_the_page_and_undone(qtbot, main_window):
    dialog = open_debrief(qtbot, main_window)
    props = dialog.findChild(QTableWidget, "props_condition")
    combo = props.cellWidget(0, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("lost"))
    pid = int(combo.objectName().split("_")[1])
    assert main_window.ctx.query(lambda s: s.get(m.Prop, pid).condition) == "lost"
    main_window.ctx.undo_stack.undo()
    assert main_window.ctx.query(lambda s: s.get(m.Prop, pid).condition) == ""
    assert props.cellWidget(0, 1).currentData() == ""
    dialog.close()


def test_incident_added_edited_and_deleted_with_undo(qtbot, main_window):
    dialog = open_debrief(qtbot, main_window)

    def fill(editor):
        time = editor.fields["at"]
        time.setText("10:12")
        editor.fields["text"].setPlainText("Police asked us to move the hearse")
        press_ok(editor)

    with_modal(lambda: dialog.findChild(QPushButton, "incidents_add").click(), fill)
    box = dialog.findChild(QListWidget, "incidents")
    assert texts(box) == ["10:12\u202fAM  Police asked us to move the hearse"]

    def empty(editor):
        editor.fields["text"].setPlainText("  ")
        press_ok(editor)
        assert editor.isVisible()  # refused: the reason beside the field
        assert "required" in editor.error_text("text")
        editor.reject()

    box.setCurrentRow(0)
    with_modal(lambda: dialog.findChild(QPushButton, "incidents_edit").click(), empty)
    assert len(texts(box)) == 1
    box.setCurrentRow(0)
    dialog.findChild(QPushButton, "incidents_delete").click()
    assert texts(box) == []
    main_window.ctx.undo_stack.undo()
    assert len(texts(box)) == 1
    dialog.close()


def test_press_coverage_added(qtbot, main_window):
    dialog = open_debrief(qtbot, main_window)

    def fill(editor):
        editor.fields["outlet"].setText("Le Monde")
        editor.fields["link"].setText("https://example.org/privacy")
        editor.fields["published_on"].setText("2024-05-29")
        press_ok(editor)

    with_modal(lambda: dialog.findChild(QPushButton, "coverage_add").click(), fill)
    line = texts(dialog.findChild(QListWidget, "coverage"))[0]
    assert line.startswith("Le Monde · May 29, 2024 · https://example.org/privacy")
    dialog.close()


def test_save_pdf_then_purge_keeps_lessons_and_counts(qtbot, main_window, tmp_path, monkeypatch):
    import ui.file_dialogs

    record_actuals(main_window, 3)
    with main_window.ctx.store.session() as session:
        for a in session.get(m.Action, main_window.action_id).assignments[:6]:
            a.attended = True
    dialog = open_debrief(qtbot, main_window)
    lessons = dialog.findChild(QPlainTextEdit, "lessons_edit")
    dialog.tabs.setCurrentWidget(lessons)
    lessons.setFocus()
    lessons.setPlainText("Bring more white gloves")
    aid = main_window.action_id
    qtbot.waitUntil(  # saved once the typing pauses
        lambda: (
            main_window.ctx.query(lambda s: s.get(m.Action, aid).lessons)
            == "Bring more white gloves"
        )
    )
    target = tmp_path / "debrief.pdf"
    monkeypatch.setattr(ui.file_dialogs, "save_file_name", lambda *a, **k: target)
    seen = []

    def purge_dialog():
        d = QApplication.activeModalWidget()
        if d is None or d.objectName() != "purge_dialog":
            QTimer.singleShot(20, purge_dialog)
            return
        seen.append(d.findChild(QLabel, "purge_summary").text())
        d.findChild(QCheckBox, "confirm_check").setChecked(True)
        d.findChild(QPushButton, "purge_button").click()
        seen.append(d.findChild(QLabel, "purge_status").text())
        d.reject()

    def offer(box):
        assert "What stays" in box.informativeText() and "lessons" in box.informativeText()
        QTimer.singleShot(0, purge_dialog)
        box.findChild(QPushButton, "review_purge").click()

    with_modal(lambda: dialog.findChild(QPushButton, "save_pdf").click(), offer)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert "Purged" in seen[1]
    with main_window.ctx.store.read() as session:
        action = session.get(m.Action, aid)
        assert action.lessons == "Bring more white gloves"
        assert sum(1 for a in action.assignments if a.attended) == 6
        assert all(a.participant.full_name == "" for a in action.assignments[:6])
    lines = texts(dialog.findChild(QListWidget, "turnout_list"))
    assert "Pallbearer: 4 attended / 4 confirmed / 4 needed" in lines
    dialog.close()


def test_coverage_edited_then_deleted_and_undone(qtbot, main_window):
    dialog = open_debrief(qtbot, main_window)

    def add(editor):
        editor.fields["outlet"].setText("Libération")
        press_ok(editor)

    with_modal(lambda: dialog.findChild(QPushButton, "coverage_add").click(), add)
    box = dialog.findChild(QListWidget, "coverage")
    box.setCurrentRow(0)

    def edit(editor):
        assert editor.fields["outlet"].text() == "Libération"
        editor.fields["note"].setPlainText("Photo on page 3")
        editor.fields["published_on"].setText("not a date")
        press_ok(editor)
        assert editor.isVisible() and editor.error_text("published_on")
        editor.fields["published_on"].setText("")
        press_ok(editor)

    with_modal(lambda: dialog.findChild(QPushButton, "coverage_edit").click(), edit)
    assert texts(box) == ["Libération · Photo on page 3"]
    box.setCurrentRow(0)
    dialog.findChild(QPushButton, "coverage_delete").click()
    assert texts(box) == []
    main_window.ctx.undo_stack.undo()
    assert texts(box) == ["Libération · Photo on page 3"]
    main_window.ctx.undo_stack.undo()
    assert texts(box) == ["Libération"]
    dialog.close()


def test_incident_edit_is_undone_in_one_step(qtbot, main_window):
    dialog = open_debrief(qtbot, main_window)

    def add(editor):
        editor.fields["at"].setText("9:40")
        editor.fields["text"].setPlainText("Banner torn")
        press_ok(editor)

    with_modal(lambda: dialog.findChild(QPushButton, "incidents_add").click(), add)
    box = dialog.findChild(QListWidget, "incidents")
    box.setCurrentRow(0)

    def edit(editor):
        editor.fields["text"].setPlainText("Banner torn by the wind")
        editor.fields["cue_id"].setCurrentIndex(1)
        press_ok(editor)

    with_modal(lambda: dialog.findChild(QPushButton, "incidents_edit").click(), edit)
    assert texts(box) == ["9:40\u202fAM (Mourners gather in black)  Banner torn by the wind"]
    main_window.ctx.undo_stack.undo()
    assert texts(box) == ["9:40\u202fAM  Banner torn"]
    dialog.close()


def test_the_picture_has_a_time_scale_in_the_action_s_zone(qtbot, main_window):
    """The window's bars had no times on them (the PDF draws 09:30 … 11:30 above them)."""
    from ui.dialogs.debrief_forms import TimelinePicture

    record_actuals(main_window, 5)
    dialog = open_debrief(qtbot, main_window)
    picture = dialog.findChild(TimelinePicture, "debrief_picture")
    labels = [label for _t, label in picture.scale()]
    assert labels == ["09:30", "10:00", "10:30", "11:00", "11:30"], labels  # as the PDF
    assert picture.height() >= picture.AXIS + picture.ROW * len(picture.cues)
    dialog.close()
