"""The Directory dialog: every participant, filtered by alias, personal data behind a reveal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.tabs_helpers import (
    answer,
    column_texts,
    latest,
    press_ok,
    row_of_text,
    select_row,
    with_modal,
)
from ui.context import AppContext
from ui.dialogs.directory import open_dialog
from ui.models.directory import DirCol


@pytest.fixture
def ctx(demo_store):
    return AppContext(demo_store)


@pytest.fixture
def directory(qtbot, ctx):
    dialog = open_dialog(None, ctx)
    qtbot.addWidget(dialog)
    return dialog


def aliases(d) -> list[str]:
    return column_texts(d.model, DirCol.ALIAS)


def test_filter_by_alias_as_you_type(qtbot, directory):
    assert directory.count.text() == "15 participants"
    assert aliases(directory)[:3] == ["Crow", "Finch", "Heron"]
    qtbot.keyClicks(directory.filter, "r")
    assert directory.count.text() == "10 of 15"
    qtbot.keyClicks(directory.filter, "o")
    assert aliases(directory) == ["Crow", "Heron", "Robin", "Sparrow"]
    qtbot.keyClicks(directory.filter, "x")
    assert directory.model.rowCount() == 0
    assert directory.table.empty_text().startswith("Nobody’s alias contains “rox”")


def test_personal_data_hidden_until_revealed(qtbot, directory):
    assert directory.table.isColumnHidden(DirCol.FULL_NAME)
    assert all(r.personal is None for r in directory.model.all_rows())
    directory.reveal.click()
    assert not directory.table.isColumnHidden(DirCol.PHONE)
    crow = row_of_text(directory.model, DirCol.ALIAS, "Crow")
    assert directory.model.data(directory.model.index(crow, DirCol.FULL_NAME)) == "Camille Martin"


def test_new_participant_with_bad_email_is_refused_beside_the_field(qtbot, directory, ctx):
    reasons = []

    def fill(dialog):
        dialog.alias.setText("Gull")
        dialog.personal["email"].setText("gull-at-example")
        press_ok(dialog)
        reasons.append(dialog.error_text("email"))
        dialog.personal["email"].setText("gull@example.org")
        press_ok(dialog)

    with_modal(directory.new_button.click, fill)
    assert reasons == ["'gull-at-example' is not an e-mail address"]
    assert "Gull" in aliases(directory)
    assert directory.model.get(directory.table.selected_id()).alias == "Gull"
    ctx.undo_stack.undo()
    assert "Gull" not in aliases(directory)


def test_edit_alias_to_one_taken_is_refused(qtbot, directory):
    select_row(directory.table, row_of_text(directory.model, DirCol.ALIAS, "Robin"))
    reasons = []

    def fill(dialog):
        assert not dialog.personal["full_name"].isVisible()  # hidden until revealed
        dialog.alias.setText("crow")
        press_ok(dialog)
        reasons.append(dialog.error_text("alias"))
        dialog.alias.setText("Robin Hood")
        dialog.reveal.click()
        assert dialog.personal["full_name"].text() == "Chloé Girard"
        dialog.personal["consent_given_on"].setText("yesterday")
        press_ok(dialog)
        reasons.append(dialog.error_text("consent_given_on"))
        dialog.personal["consent_given_on"].setText("May 1, 2024")
        press_ok(dialog)

    with_modal(lambda: qtbot.keyClick(directory.table, Qt.Key.Key_Return), fill)
    assert reasons == [
        "'crow' is already somebody's alias",
        "“yesterday” is not a date: type it like 1/15/27",
    ]
    assert "Robin Hood" in aliases(directory)
    seen = []

    def look(dialog):
        dialog.reveal.click()
        seen.append(dialog.personal["consent_given_on"].text())
        dialog.reject()

    select_row(directory.table, row_of_text(directory.model, DirCol.ALIAS, "Robin Hood"))
    with_modal(lambda: qtbot.keyClick(directory.table, Qt.Key.Key_Return), look)
    assert seen == ["Wed, May 1, 2024"]  # shown back as the window writes dates


def test_delete_asks_then_undo_restores_assignments(qtbot, directory, ctx, demo_id):
    select_row(directory.table, row_of_text(directory.model, DirCol.ALIAS, "Swift"))
    with_modal(directory.delete_button.click, answer(QMessageBox.StandardButton.Yes))
    assert "Swift" not in aliases(directory)
    ctx.undo_stack.undo()
    assert "Swift" in aliases(directory)
    from app.services import views

    assert "Swift" in [r.alias for r in ctx.query(views.assignment_rows, demo_id)]


def test_one_edit_reads_only_that_person_again(qtbot, directory, ctx, monkeypatch):
    """The Directory of 10,000 people must not reload every row when one person changes."""
    from app.services import views

    crow = directory.model.get(directory.model.id_at(aliases(directory).index("Crow")))
    calls = []
    real = views.directory_rows

    def spy(session, **kwargs):
        calls.append(kwargs.get("ids"))
        return real(session, **kwargs)

    monkeypatch.setattr(views, "directory_rows", spy)
    version = latest(ctx, "participant", crow.id)
    ctx.update("participant", crow.id, "Rename", expected_version=version, alias="Albatross")
    assert aliases(directory)[:2] == ["Albatross", "Finch"]
    assert "Crow" not in aliases(directory)
    ctx.undo_stack.undo()
    assert aliases(directory)[:2] == ["Crow", "Finch"]
    assert calls and all(ids is not None and list(ids) == [crow.id] for ids in calls)
    person = ctx.create("participant", "Add participant", alias="Zebra finch")
    assert aliases(directory)[-1] == "Zebra finch"
    assert directory.count.text() == "16 participants"
    ctx.delete(
        "participant",
        person,
        "Delete participant",
        expected_version=latest(ctx, "participant", person),
    )
    assert "Zebra finch" not in aliases(directory)


def test_editing_the_selected_person_keeps_them_selected(qtbot, directory, ctx):
    row = aliases(directory).index("Heron")
    select_row(directory.table, row)
    heron = directory.table.selected_id()
    version = latest(ctx, "participant", heron)
    ctx.update("participant", heron, "Language", expected_version=version, language="de")
    assert directory.table.selected_id() == heron
    index = directory.model.index(row, DirCol.LANGUAGE)
    assert directory.model.data(index) == "German"
