"""The People tab: roles, assignments, personal data behind a reveal, CSV import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import views
from tests.ui.tabs_helpers import (
    cell,
    column_texts,
    count_resets,
    host,
    press_ok,
    row_of_text,
    select_row,
    with_modal,
)
from ui.context import AppContext
from ui.dialogs.csv_import import CsvImportDialog
from ui.models.people import PersonCol, RoleCol
from ui.tabs.people import PeopleTab


@pytest.fixture
def ctx(demo_store):
    return AppContext(demo_store)


@pytest.fixture
def tab(qtbot, ctx, demo_id):
    return host(qtbot, ctx, PeopleTab, demo_id)


def aliases(tab) -> list[str]:
    return column_texts(tab.model, PersonCol.ALIAS)


def test_people_and_roles_of_the_demo_with_personal_data_hidden(tab, demo_id):
    assert tab.model.rowCount() == 15 and tab.role_model.rowCount() == 7
    crow = row_of_text(tab.model, PersonCol.ALIAS, "Crow")
    assert cell(tab.model, crow, PersonCol.ROLE) == "Pallbearer"
    assert cell(tab.model, crow, PersonCol.CALL) == "9:15\u202fAM"
    raven = row_of_text(tab.model, PersonCol.ALIAS, "Raven")
    assert cell(tab.model, raven, PersonCol.PHOTOS) == "⚠ no photos"
    assert tab.people.isColumnHidden(PersonCol.FULL_NAME)
    assert cell(tab.model, crow, PersonCol.FULL_NAME) == ""  # not even read

    tab.reveal_button.click()
    assert not tab.people.isColumnHidden(PersonCol.FULL_NAME)
    assert cell(tab.model, crow, PersonCol.FULL_NAME) == "Camille Martin"
    assert cell(tab.model, crow, PersonCol.EMAIL) == "crow@example.org"

    tab.set_action(demo_id)  # showing an action (again) hides personal data
    assert not tab.reveal_button.isChecked()
    assert tab.people.isColumnHidden(PersonCol.FULL_NAME)
    assert cell(tab.model, crow, PersonCol.FULL_NAME) == ""


def test_assign_somebody_from_the_directory(qtbot, tab, ctx):
    resets = count_resets(tab.model)
    select_row(tab.roles, row_of_text(tab.role_model, RoleCol.NAME, "Steward"))

    def fill(dialog):
        qtbot.keyClicks(dialog.search, "kes")
        assert [dialog.matches.item(i).text() for i in range(dialog.matches.count())] == [
            "New participant kes",
            "Kestrel",
        ]
        dialog.matches.setCurrentRow(1)
        assert dialog.role.currentText() == "Steward"  # the role selected above
        press_ok(dialog)

    with_modal(tab.assign_button.click, fill)
    rows = [r for r in tab.model.all_rows() if r.alias == "Kestrel"]
    assert sorted(r.role_name for r in rows) == ["Mourner", "Steward"]
    assert tab.model.get(tab.people.selected_id()).role_name == "Steward"
    steward = row_of_text(tab.role_model, RoleCol.NAME, "Steward")
    assert cell(tab.role_model, steward, RoleCol.ASSIGNED) == "3"
    ctx.undo_stack.undo()
    assert aliases(tab).count("Kestrel") == 1 and resets == []


def test_assign_a_new_person_is_one_undo_step(qtbot, tab, ctx):
    def fill(dialog):
        qtbot.keyClicks(dialog.search, "Gull")
        dialog.role.setCurrentIndex(dialog.role.findText("Mourner"))
        dialog.has_call.setChecked(False)
        press_ok(dialog)

    with_modal(tab.assign_button.click, fill)
    gull = row_of_text(tab.model, PersonCol.ALIAS, "Gull")
    assert cell(tab.model, gull, PersonCol.CALL) == "—"
    assert "Gull" in [r.alias for r in ctx.query(views.directory_rows)]
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert "Gull" not in aliases(tab)
    assert "Gull" not in [r.alias for r in ctx.query(views.directory_rows)]


def test_confirmed_checkbox_is_an_undoable_edit(tab, ctx):
    crow = row_of_text(tab.model, PersonCol.ALIAS, "Crow")
    index = tab.model.index(crow, PersonCol.CONFIRMED)
    assert tab.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    tab.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert cell(tab.model, crow, PersonCol.CONFIRMED) == "no"
    assert ctx.undo_stack.undoText() == "Unconfirm Crow"
    ctx.undo_stack.undo()
    assert cell(tab.model, crow, PersonCol.CONFIRMED) == "yes"


def test_edit_assignment_call_time(qtbot, tab):
    select_row(tab.people, row_of_text(tab.model, PersonCol.ALIAS, "Owl"))

    def fill(dialog):
        t = dialog.call.time_edit
        t.setTime(t.time().addSecs(15 * 60))
        press_ok(dialog)

    with_modal(lambda: qtbot.keyClick(tab.people, Qt.Key.Key_F2), fill)
    owl = row_of_text(tab.model, PersonCol.ALIAS, "Owl")
    assert cell(tab.model, owl, PersonCol.CALL) == "10:00\u202fAM"


def test_add_role_refuses_a_negative_number_beside_the_field(qtbot, tab, ctx):
    reasons = []

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Drummer")
        dialog.needed.setText("-2")
        press_ok(dialog)
        reasons.append(dialog.error_text("needed"))
        dialog.needed.setText("2")
        press_ok(dialog)

    with_modal(tab.add_role_button.click, fill)
    assert reasons == ["must not be negative"]
    drummer = row_of_text(tab.role_model, RoleCol.NAME, "Drummer")
    assert cell(tab.role_model, drummer, RoleCol.ASSIGNED) == "⚠ 0 of 2"
    assert ctx.undo_stack.count() == 1


def test_rename_and_delete_role_and_remove_assignment(qtbot, tab, ctx):
    select_row(tab.roles, row_of_text(tab.role_model, RoleCol.NAME, "Hearse driver"))

    def fill(dialog):
        dialog.name.setText("Driver")
        press_ok(dialog)

    with_modal(tab.edit_role_button.click, fill)
    assert "Driver" in column_texts(tab.role_model, RoleCol.NAME)
    assert (
        cell(tab.model, row_of_text(tab.model, PersonCol.ALIAS, "Sparrow"), PersonCol.ROLE)
        == "Driver"
    )
    select_row(tab.people, row_of_text(tab.model, PersonCol.ALIAS, "Sparrow"))
    qtbot.keyClick(tab.people, Qt.Key.Key_Delete)
    assert "Sparrow" not in aliases(tab)
    select_row(tab.roles, row_of_text(tab.role_model, RoleCol.NAME, "Driver"))
    tab.delete_role_button.click()
    assert "Driver" not in column_texts(tab.role_model, RoleCol.NAME)
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert "Sparrow" in aliases(tab)


def test_focus_role_and_participant(tab, ctx):
    pall = next(r for r in tab.role_model.all_rows() if r.name == "Pallbearer")
    assert tab.focus_entity("role", pall.id)
    assert tab.roles.selected_id() == pall.id
    heron = next(r for r in tab.model.all_rows() if r.alias == "Heron")
    assert tab.focus_entity("participant", heron.participant_id)
    assert tab.model.get(tab.people.selected_id()).alias == "Heron"
    assert not tab.focus_entity("cue", 1)


def test_filter_people(qtbot, tab):
    qtbot.keyClicks(tab.filter, "mourn")
    assert sorted(aliases(tab)) == ["Finch", "Kestrel", "Lark", "Robin", "Wren"]
    qtbot.keyClicks(tab.filter, "zz")
    assert tab.people.empty_text() == "Nobody matches “mournzz”"


CSV = (
    "alias;full_name;email;role;call_time\n"
    "Gull;Anna Berg;gull@example.org;Mourner;09:20\n"
    "Tern;;not-an-email;Mourner;09:20\n"
    "Puffin;;;Steward;09:00\n"
)


def test_csv_import_lists_the_bad_row_and_imports_good_ones_on_confirm(qtbot, tab, ctx, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(CSV.encode("utf-8-sig"))

    def fill(dialog):
        assert isinstance(dialog, CsvImportDialog)
        errors = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
        assert errors == ["row 3, email: 'not-an-email' is not an e-mail address"]
        assert dialog.summary.text() == (
            "2 rows are ready to import. 1 row has problems and will be skipped."
        )
        assert dialog.import_button.text() == "&Import 2 rows"
        assert "not nothing" not in [r.alias for r in dialog.model.all_rows()]
        assert ctx.query(views.directory_rows)[-1].alias != "Gull"  # nothing written yet
        dialog.import_button.click()

    with_modal(lambda: tab.import_csv(path), fill)
    assert {"Gull", "Puffin"} <= set(aliases(tab)) and "Tern" not in aliases(tab)
    gull = row_of_text(tab.model, PersonCol.ALIAS, "Gull")
    assert cell(tab.model, gull, PersonCol.CALL) == "9:20\u202fAM"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert "Gull" not in aliases(tab) and tab.model.rowCount() == 15


def test_csv_import_cancel_writes_nothing(tab, ctx, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    with_modal(lambda: tab.import_csv(path), lambda d: d.reject())
    assert tab.model.rowCount() == 15 and ctx.undo_stack.count() == 0


def test_dropping_a_csv_file_on_the_tab_opens_the_import(qtbot, tab, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "more.csv"
    path.write_text("alias\nPelican\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    titles = []

    def fill(dialog):
        titles.append(dialog.windowTitle())
        dialog.import_button.click()

    with_modal(lambda: tab.dropEvent(event), fill)
    assert titles == ["Import participants from more.csv"]
    from app.services import views

    assert "Pelican" in [r.alias for r in tab.ctx.query(views.directory_rows)]


def test_without_roles_assigning_is_off_and_the_table_says_why(qtbot, ctx, demo_store):
    from datetime import UTC, datetime

    from app.services import edits

    with demo_store.session() as s:
        empty = edits.create(
            s,
            "action",
            title="Vigil",
            timezone="Europe/Paris",
            starts_at=datetime(2024, 6, 1, 18, tzinfo=UTC),
            ends_at=datetime(2024, 6, 1, 20, tzinfo=UTC),
        )
    tab = host(qtbot, ctx, PeopleTab, empty)
    assert not tab.assign_button.isEnabled()
    assert tab.people.empty_text() == "Add a role first, then assign people to it"
    assert tab.roles.empty_text() == "No roles yet — press Insert or click Add role"
    tab.assign()  # the Insert key: nothing opens
    assert tab.model.rowCount() == 0
