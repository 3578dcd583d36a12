"""The media advisory in the window: Export → Media advisory…, written from the plan, edited
section by section (one undo step each), exported; the photo-opportunity flag of a cue."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextBrowser

SHOTS = os.environ.get("CORTEGE_SHOTS")


def _open(main_window):
    action = next(a for a in main_window.findChildren(type(main_window.a_advisory))
                  if a.objectName() == "export_advisory")  # fmt: skip
    action.trigger()
    QApplication.processEvents()
    page = main_window.tab_widgets["press"].advisory
    assert page.isVisible()
    return page


def test_export_menu_opens_the_advisory_written_from_the_plan(main_window, tmp_path):
    page = _open(main_window)
    photo = page.findChild(QPlainTextEdit, "advisory_photo")
    assert photo.toPlainText() == ""  # nothing typed: the plan speaks, shown in grey
    assert "10:00 — Coffin carried to the funeral parlour" in photo.placeholderText()
    preview = page.findChild(QTextBrowser, "advisory_preview").toPlainText()
    assert "INVITATION PRESSE" in preview and "MOMENTS PHOTO" in preview
    if SHOTS:
        main_window.grab().save(os.path.join(SHOTS, "advisory.png"))

    photo.setFocus()
    photo.setPlainText("10:00 — le cercueil porté devant la grille")
    photo.editingFinished.emit()
    assert main_window.ctx.undo_stack.count() == 1
    preview = page.findChild(QTextBrowser, "advisory_preview").toPlainText()
    assert "le cercueil porté devant la grille" in preview
    assert "Banner unrolled" not in preview

    out = tmp_path / "avis.txt"
    assert page.export(out, "txt")
    assert "10:00 — le cercueil porté devant la grille" in out.read_text(encoding="utf-8")
    main_window.ctx.undo_stack.undo()
    assert "Banner unrolled" in page.findChild(QTextBrowser, "advisory_preview").toPlainText()


def test_a_headline_with_a_line_break_is_refused_beside_the_field(main_window):
    page = _open(main_window)
    headline = page.findChild(QLineEdit, "advisory_headline")
    headline.setText("Deux\u2028lignes")
    assert not page._commit("headline")
    error = page.errors["headline"]
    assert "must be on one line" in error.text()
    assert main_window.ctx.undo_stack.count() == 0


def test_flagging_a_cue_as_a_photo_opportunity(main_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox

    from tests.ui.tabs_helpers import press_ok, row_of_text, select_row, with_modal
    from ui.models.schedule import Col

    main_window.tabs.setCurrentWidget(main_window.tab_widgets["schedule"])
    schedule = main_window.tab_widgets["schedule"]
    select_row(schedule.table, row_of_text(schedule.model, Col.TITLE, "Eulogy for privacy"))

    def fill(dialog):
        box = dialog.findChild(QCheckBox, "photo_opportunity")
        assert not box.isChecked()
        box.setChecked(True)
        press_ok(dialog)

    with_modal(lambda: qtbot.keyClick(schedule.table, Qt.Key.Key_F2), fill)
    row = row_of_text(schedule.model, Col.TITLE, "Eulogy for privacy")
    tip = schedule.model.index(row, Col.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("A photo opportunity: listed on the media advisory")
    assert not schedule.model.index(row, Col.TITLE).data(Qt.ItemDataRole.DecorationRole).isNull()
    page = _open(main_window)
    placeholder = page.findChild(QPlainTextEdit, "advisory_photo").placeholderText()
    assert "10:10 — Eulogy for privacy" in placeholder
    main_window.ctx.undo_stack.undo()
    placeholder = page.findChild(QPlainTextEdit, "advisory_photo").placeholderText()
    assert "Eulogy" not in placeholder
