"""The Press tab as a press officer uses it: demo releases, live preview, warnings, translation,
status, media list and the export dialog."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from PySide6.QtCore import QTime

from tests.ui.tabs_helpers import latest

SHOTS = Path("/tmp/press")


@pytest.fixture
def ctx(demo_store):
    from ui.context import AppContext

    return AppContext(demo_store)


@pytest.fixture
def tab(qtbot, ctx, demo_id):
    from ui.tabs.press import PressTab

    t = PressTab(ctx)
    ctx.changed.connect(t.on_changed)
    qtbot.addWidget(t)
    t.resize(1500, 900)
    t.set_action(demo_id)
    t.show()
    return t


def rows(tab) -> list[tuple[str, str, str]]:
    m = tab.model
    return [tuple(m.index(r, c).data() for c in range(3)) for r in range(m.rowCount())]


def release_id(tab, lang: str) -> int:
    return next(r.id for r in tab.model.all_rows() if r.language == lang)


def test_releases_listed_with_status_and_preview(tab):
    assert rows(tab) == [
        ("French", "Funérailles de la vie privée au Père-Lachaise", "Approved"),
        ("↳ English", "Funeral for privacy at Père-Lachaise", "Draft"),
    ]
    preview = tab.preview.toPlainText()
    assert "SOUS EMBARGO jusqu'au 28 mai 2024 à 09:30 (heure de Paris)" in preview
    assert "PARIS, 28 mai 2024 —" in preview
    assert "###" in preview
    assert not tab.missing.isVisible()
    if SHOTS.exists():
        tab.grab().save(str(SHOTS / "press_tab.png"))


def test_french_source_is_frozen_while_english_is_a_draft(tab):
    ed = tab.editor
    assert ed.banner.isVisible()
    assert "English" in ed.banner_text.text()
    assert ed.fields["headline"].isReadOnly()
    ed.unfreeze_button.click()
    assert not ed.banner.isVisible()
    assert not ed.fields["headline"].isReadOnly()


def test_typing_updates_preview_and_warnings_before_saving(qtbot, tab, ctx):
    from app.services import edits

    assert tab.focus_entity("release", release_id(tab, "en"))
    ed = tab.editor
    assert not ed.banner.isVisible()
    long = "Cameras < rights & " + "x" * 90
    ed.fields["headline"].setText(long)
    ed.fields["headline"].textEdited.emit(long)
    warn = ed.warnings["headline"]
    assert warn.isVisible() and "109 characters" in warn.text()
    qtbot.waitUntil(lambda: "Cameras < rights &" in tab.preview.toPlainText(), timeout=10_000)
    rid = release_id(tab, "en")
    assert ctx.query(lambda s: edits.get(s, "release", rid).headline) == (
        "Funeral for privacy at Père-Lachaise"
    )
    ed.fields["headline"].editingFinished.emit()
    assert ctx.query(lambda s: edits.get(s, "release", rid).headline) == long
    assert rows(tab)[1][1] == long
    ctx.undo_stack.undo()
    assert ctx.query(lambda s: edits.get(s, "release", rid).headline) == (
        "Funeral for privacy at Père-Lachaise"
    )
    assert ed.fields["headline"].text() == "Funeral for privacy at Père-Lachaise"


def test_embargo_after_start_and_release_after_embargo_warn(tab):
    tab.focus_entity("release", release_id(tab, "en"))
    ed = tab.editor
    ed.embargo_until_edit.time_edit.setTime(QTime(10, 0))
    assert "after the action starts" in ed.warnings["embargo_until"].text()
    ed.release_at_edit.time_edit.setTime(QTime(10, 30))
    assert "after its embargo ends" in ed.warnings["release_at"].text()
    ed.embargo_until_check.setChecked(False)  # commits: no embargo
    assert not ed.warnings["embargo_until"].isVisible()
    assert "FOR IMMEDIATE RELEASE" in tab.preview.toPlainText()


def test_create_translation_side_by_side_and_undo(tab, ctx):
    tab.focus_entity("release", release_id(tab, "fr"))
    new_id = tab.create_translation("de")
    assert new_id is not None
    assert ("↳ German", "Funérailles de la vie privée au Père-Lachaise", "Draft") in rows(tab)
    assert tab.table.selected_id() == new_id
    assert tab.side.isTabVisible(1) and tab.side.currentIndex() == 1
    assert tab.side.tabText(1) == "Source (French)"
    assert "Funérailles de la vie privée" in tab.source.toPlainText()
    assert tab.editor.title.text() == "German — translation of the French release"
    assert "SPERRFRIST" in tab.preview.toPlainText()
    tab.focus_entity("release", release_id(tab, "fr"))
    assert "German" in tab.editor.banner_text.text()
    ctx.undo_stack.undo()
    assert [r[0] for r in rows(tab)] == ["French", "↳ English"]


def test_translation_into_a_language_already_there_is_refused(tab, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.tabs.press.show_error", lambda parent, exc, **kw: shown.append(exc))
    assert tab.create_translation("en") is None
    assert "already has a release in English" in str(shown[0])
    assert len(rows(tab)) == 2


def test_missing_language_is_shown(tab, ctx, demo_id):
    ctx.update(
        "action",
        demo_id,
        "Edit languages",
        expected_version=latest(ctx, "action", demo_id),
        languages=["fr", "en", "es"],
    )
    assert tab.missing.isVisible()
    assert tab.missing.text() == "Missing: Spanish"


def test_approve_then_mark_sent_logs_recipients(tab, ctx):
    tab.focus_entity("release", release_id(tab, "en"))
    assert tab.set_status("approved")
    assert rows(tab)[1][2] == "Approved"
    assert not tab.approve_button.isEnabled()
    people = tab.recipients()
    assert [c.email for c in people] == ["desk@example.net"]
    assert tab.mark_sent([c.id for c in people], "sent by hand")
    assert rows(tab)[1][2] == "Sent"
    assert "Example Wire · desk@example.net (sent by hand)" in tab.sent_log.text()
    ctx.undo_stack.undo()
    assert rows(tab)[1][2] == "Approved"
    assert tab.sent_log.text() == ""


def test_media_list_import_with_row_errors(tab, tmp_path):
    page = tab.media
    assert page.model.rowCount() == 2
    f = tmp_path / "media.csv"
    f.write_text(
        "outlet;name;email;language\nRadio Libre;C. Voix;c.voix@example.fr;fr\n"
        ";Nobody;nobody@example.fr;fr\nTech Daily;T. W.;nope;en\n",
        encoding="utf-8",
    )
    dialog = page.import_file(str(f))
    assert dialog.summary.text() == "1 contact can be imported · 2 rows refused"
    problems = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    assert problems == ["new", "outlet: is required", "email: 'nope' is not an e-mail address"]
    if SHOTS.exists():
        dialog.grab().save(str(SHOTS / "media_import.png"))
    dialog.run_import()
    outlets = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert outlets == ["Example Wire", "Le Quotidien d'exemple", "Radio Libre"]


def test_add_contact_shows_errors_beside_fields(tab, qtbot):
    from ui.tabs.press_media import ContactDialog

    dialog = ContactDialog(tab.ctx, tab.action_id, tab)
    qtbot.addWidget(dialog)
    dialog.edits["outlet"].setText("Gazette")
    dialog.edits["email"].setText("not mail")
    assert not dialog.save()
    assert dialog.errors["email"].message == "'not mail' is not an e-mail address"
    dialog.edits["email"].setText("g@example.org")
    assert dialog.save()
    assert tab.media.model.rowCount() == 3


def test_export_dialog_writes_eml_with_chosen_bcc(tab, qtbot, tmp_path):
    from app.services.media import sent_log

    dialog = tab.open_export()
    qtbot.addWidget(dialog)
    dialog.set_format("eml")
    assert dialog.eml_box.isVisible()
    assert "Bcc" in dialog.privacy.text() and "personal data" in dialog.privacy.text()
    dialog.for_sending.setChecked(True)
    out = tmp_path / "fr.eml"
    assert dialog.save_to(out)
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["To"] is None
    assert msg["Bcc"] == "redaction@example.com"
    assert msg["Subject"] == (
        "SOUS EMBARGO jusqu'au 28 mai 2024 à 09:30 (heure de Paris) — "
        "Funérailles de la vie privée au Père-Lachaise"
    )
    rid = release_id(tab, "fr")
    log = tab.ctx.query(sent_log, rid)
    assert [s.email for s in log] == ["redaction@example.com"]
    assert "Le Quotidien d'exemple" in tab.sent_log.text()
    dialog.set_format("pdf")
    assert dialog.default_name() == "pr-fr.pdf"
    assert dialog.save_to(tmp_path / "fr.pdf")
    assert (tmp_path / "fr.pdf").read_bytes().startswith(b"%PDF")
    assert not dialog.save_to(tmp_path / "no-such-folder" / "x.pdf")
    assert dialog.message.text().startswith("Not saved:")


def test_export_dialog_without_an_action_says_so(qtbot, ctx):
    from ui.dialogs.press_export import open_dialog

    dialog = open_dialog(None, ctx, None)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text() == "This action has no press release to export yet."


def test_quotes_are_saved_once_they_have_text(tab, ctx):
    from PySide6.QtWidgets import QTableWidgetItem

    from app.services import edits

    tab.focus_entity("release", release_id(tab, "en"))
    rid = release_id(tab, "en")
    table = tab.editor.quotes
    table.add_row()
    table.item(1, 0).setText("Crow, pallbearer")
    assert len(ctx.query(lambda s: edits.get(s, "release", rid).quotes)) == 1
    table.setItem(1, 1, QTableWidgetItem("Privacy is not dead yet."))
    quotes = ctx.query(lambda s: [(q.speaker, q.text) for q in edits.get(s, "release", rid).quotes])
    assert quotes[1] == ("Crow, pallbearer", "Privacy is not dead yet.")
    tab._update_preview()
    assert "“Privacy is not dead yet.”" in tab.preview.toPlainText()


def test_before_its_first_release_an_english_plan_is_offered_english_first(qtbot, main_window):
    """An action in "en, fr" with no release yet: New release… preselected French (the list of
    common languages, as the action's own were not read) and "Missing" said nothing."""
    from PySide6.QtWidgets import QComboBox

    from tests.ui.tabs_helpers import with_modal

    window = main_window
    ctx = window.ctx
    action = window.action_id
    from app.services.press import list_releases

    for row in sorted(ctx.query(list_releases, action), key=lambda r: r.translation_of_id is None):
        ctx.delete(
            "release",
            row.id,
            "Delete press release",
            expected_version=latest(ctx, "release", row.id),
        )
    ctx.update(
        "action",
        action,
        "Edit languages",
        expected_version=latest(ctx, "action", action),
        languages=["en", "fr"],
    )
    window.show_tab("press")
    tab = window.tab_widgets["press"]
    assert tab.missing.isVisible() and tab.missing.text() == "Missing: English and French"
    offered = []

    def look(dialog):
        combo = dialog.findChild(QComboBox)
        offered.extend(combo.itemText(i) for i in range(2))
        dialog.reject()

    with_modal(tab.new_button.click, look)
    assert offered[0].endswith("(en)") and offered[1].endswith("(fr)"), offered


def test_marking_a_draft_as_sent_says_nobody_approved_it(qtbot, tab):
    """A draft could be marked as sent with only the recipients asked about: the press
    office's sign-off skipped, and readiness then counted the text as approved."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.tabs_helpers import with_modal

    tab.focus_entity("release", release_id(tab, "en"))
    assert rows(tab)[1][2] == "Draft"
    seen = {}

    def read_and_refuse(box):
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.No).click()

    with_modal(tab.sent_button.click, read_and_refuse)
    assert seen["text"].startswith("This release is still a draft: nobody has approved it.")
    assert rows(tab)[1][2] == "Draft"


def test_the_preview_keeps_room_to_read_in_a_small_window(qtbot, demo_db):
    """At 1024 × 700 the preview was 120 px wide and cut words ("PRESSEMITTEIL|UNG"): the
    form and the list kept their minimum and the preview took the whole loss. It keeps a
    readable width, and the window still fits a 1024 px screen."""
    from tests.ui.conftest import open_window
    from ui.tabs.press import PREVIEW_CHARACTERS

    window = open_window(qtbot, demo_db)
    window.resize(1024, 700)
    window.show_tab("press")
    tab = window.tab_widgets["press"]
    qtbot.waitUntil(lambda: tab.side.width() > 0)
    assert tab.side.width() >= tab.fontMetrics().averageCharWidth() * PREVIEW_CHARACTERS
    assert window.minimumSizeHint().width() <= 1024 - 16  # room for the window's frame
    window.close()
