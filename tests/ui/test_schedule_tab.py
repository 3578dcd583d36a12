"""The Schedule tab driven as a user would: add, insert, duplicate, edit, delete cues."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from app.services import edits, views
from tests.ui.tabs_helpers import (
    answer,
    cell,
    column_texts,
    count_resets,
    host,
    latest,
    press_ok,
    row_of_text,
    select_row,
    with_modal,
)
from ui.context import AppContext
from ui.models.schedule import Col
from ui.tabs.schedule import ScheduleTab


@pytest.fixture
def ctx(demo_store):
    return AppContext(demo_store)


@pytest.fixture
def tab(qtbot, ctx, demo_id):
    return host(qtbot, ctx, ScheduleTab, demo_id)


def titles(tab) -> list[str]:
    return column_texts(tab.model, Col.TITLE)


def start_of(tab, title: str) -> str:
    return cell(tab.model, row_of_text(tab.model, Col.TITLE, title), Col.START)


def test_demo_run_of_show_is_sorted_by_time(tab):
    assert tab.model.rowCount() == 11
    assert titles(tab)[:3] == [
        "Mourners gather in black",
        "Police liaison on duty",
        "Hearse parks at the gate",
    ]
    assert cell(tab.model, 0, Col.DURATION) == "15 min"
    assert cell(tab.model, 0, Col.ROLES) == "Mourner, Steward"
    assert tab.table.accessibleName() == "Run of show"
    assert [lane.label for lane in tab.timeline.lanes][0] == "Pallbearer"


def test_empty_action_says_what_to_do(qtbot, ctx, demo_store):
    with demo_store.session() as s:
        empty = edits.create(
            s,
            "action",
            title="Vigil",
            timezone="Europe/Paris",
            starts_at=datetime(2024, 10, 26, 18, tzinfo=UTC),
            ends_at=datetime(2024, 10, 27, 4, tzinfo=UTC),
        )
    tab = host(qtbot, ctx, ScheduleTab, empty)
    assert tab.model.rowCount() == 0
    assert tab.table.empty_text() == "No cues yet — press Insert or click Add cue"
    tab.set_action(None)
    assert tab.table.empty_text() == "Select an action to see its run of show"
    assert not tab.add_button.isEnabled()


def test_add_cue_then_undo_is_one_step_without_reset(qtbot, tab, ctx):
    resets = count_resets(tab.model)

    def fill(dialog):
        qtbot.keyClicks(dialog.title_edit, "Balloons released")
        dialog.minutes_edit.setText("5")
        dialog.place_edit.setText("Main gate")
        dialog.roles.set_checked("Mourner")
        press_ok(dialog)

    with_modal(tab.add_button.click, fill)
    assert titles(tab)[-1] == "Balloons released"
    last = tab.model.rowCount() - 1
    assert cell(tab.model, last, Col.START) == "11:30\u202fAM"  # after the last cue ended
    assert cell(tab.model, last, Col.ROLES) == "Mourner"
    assert tab.table.selected_id() == tab.model.id_at(last)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert "Balloons released" not in titles(tab)
    assert resets == []


def test_bad_duration_is_shown_beside_the_field_and_not_saved(qtbot, tab, ctx):
    reasons = []

    def fill(dialog):
        dialog.title_edit.setText("Too short")
        dialog.minutes_edit.setText("0")
        press_ok(dialog)
        reasons.append(dialog.error_text("minutes"))
        dialog.minutes_edit.setText("ten")
        press_ok(dialog)
        reasons.append(dialog.error_text("minutes"))
        assert dialog.isVisible()
        dialog.reject()

    with_modal(tab.add_button.click, fill)
    assert reasons == ["must be at least 1", "must be a whole number"]
    assert "Too short" not in titles(tab) and ctx.undo_stack.count() == 0


def test_insert_key_adds_a_chained_cue_after_the_selected_one(qtbot, tab, ctx):
    select_row(tab.table, row_of_text(tab.model, Col.TITLE, "Hearse parks at the gate"))

    def fill(dialog):
        assert dialog.windowTitle() == "Insert cue"
        dialog.title_edit.setText("Coffin unloaded")
        dialog.minutes_edit.setText("5")
        press_ok(dialog)

    with_modal(lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Insert), fill)
    order = titles(tab)
    i = order.index("Hearse parks at the gate")
    assert sorted(order[i + 1 : i + 3]) == ["Banner unrolled", "Coffin unloaded"]
    assert start_of(tab, "Coffin unloaded") == "↳ 9:55\u202fAM"
    assert start_of(tab, "Banner unrolled") == "9:55\u202fAM"  # not chained: it never moves
    ctx.undo_stack.undo()
    assert "Coffin unloaded" not in titles(tab)
    assert start_of(tab, "Banner unrolled") == "9:55\u202fAM"


def test_changing_a_duration_ripples_down_chained_cues(qtbot, tab, ctx, demo_store, demo_id):
    with demo_store.read() as s:
        rows = {r.title: r for r in views.schedule_rows(s, demo_id)}
    coffin = rows["Coffin carried to the funeral parlour"].id
    ctx.update(
        "cue",
        rows["Eulogy for privacy"].id,
        "chain",
        expected_version=latest(ctx, "cue", rows["Eulogy for privacy"].id),
        follows_id=coffin,
    )
    select_row(
        tab.table, row_of_text(tab.model, Col.TITLE, "Coffin carried to the funeral parlour")
    )

    def fill(dialog):
        dialog.minutes_edit.setText("20")
        press_ok(dialog)

    with_modal(lambda: qtbot.keyClick(tab.table, Qt.Key.Key_F2), fill)
    assert start_of(tab, "Eulogy for privacy") == "↳ 10:20\u202fAM"
    ctx.undo_stack.undo()
    assert start_of(tab, "Eulogy for privacy") == "↳ 10:10\u202fAM"


def test_duplicate_and_delete_with_keys(qtbot, tab, ctx):
    select_row(tab.table, row_of_text(tab.model, Col.TITLE, "Banner unrolled"))
    qtbot.keyClick(tab.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert titles(tab).count("Banner unrolled") == 2
    copy = tab.model.row_at(tab.model.row_of(tab.table.selected_id()))
    assert copy.chained and copy.prop_names == (
        "Banner “We do not bury privacy. No to facial recognition”",
    )
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert titles(tab).count("Banner unrolled") == 1
    ctx.undo_stack.undo()  # the delete
    ctx.undo_stack.undo()  # the duplicate
    assert titles(tab).count("Banner unrolled") == 1 and ctx.undo_stack.index() == 0


def test_double_booked_person_is_highlighted_with_who_and_which_cue(
    qtbot, tab, ctx, demo_store, demo_id
):
    select_row(tab.table, row_of_text(tab.model, Col.TITLE, "Eulogy for privacy"))

    def fill(dialog):
        dialog.start_edit.time_edit.setTime(dialog.start_edit.time_edit.time().addSecs(-5 * 60))
        dialog.people.set_checked("Crow")
        press_ok(dialog)

    with_modal(tab.edit_button.click, fill)
    r = row_of_text(tab.model, Col.TITLE, "⚠ Eulogy for privacy")
    tip = cell(tab.model, r, Col.PEOPLE, Qt.ItemDataRole.ToolTipRole)
    assert (
        "Crow is also in “Coffin carried to the funeral parlour” (10:00\u202fAM–10:10\u202fAM)"
        in tip
    )
    assert cell(tab.model, r, Col.PEOPLE) == "Crow"
    assert cell(tab.model, r, Col.ROLES, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(tab.model, r, Col.TITLE, Qt.ItemDataRole.FontRole).bold()
    other = row_of_text(tab.model, Col.TITLE, "⚠ Coffin carried to the funeral parlour")
    assert "Eulogy" in cell(tab.model, other, Col.ROLES, Qt.ItemDataRole.ToolTipRole)


def test_timeline_click_selects_the_cue(qtbot, tab):
    tab.timeline.resize(900, 300)
    tab.timeline.repaint()
    rect, cue_id = next(
        (r, i) for r, i in tab.timeline._blocks if tab.model.get(i).title == "Eulogy for privacy"
    )
    qtbot.mouseClick(tab.timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert tab.table.selected_id() == cue_id
    assert tab.timeline.selected == cue_id
    assert "11 cues" in tab.timeline.accessibleDescription()
    base = tab.timeline.palette().color(QPalette.ColorRole.Base)
    assert tab.timeline.grab().toImage().pixelColor(2, 2) == base


def test_filter_box_and_focus_entity(qtbot, tab):
    qtbot.keyClicks(tab.filter, "funeral parlour")
    assert set(titles(tab)) == {
        "Eulogy for privacy",
        "Wreath laid on the coffin",
        "Photo call for the press",
        "Minute of silence, mourners disperse",
        "Coffin carried to the funeral parlour",
    }
    hearse = next(r.id for r in tab.model.all_rows() if r.title == "Hearse parks at the gate")
    assert tab.focus_entity("cue", hearse)  # clears the filter to show it
    assert tab.table.selected_id() == hearse and tab.model.rowCount() == 11
    qtbot.keyClicks(tab.filter, "zzz")
    assert tab.table.empty_text() == "No cue matches “zzz”"
    assert not tab.focus_entity("prop", 1)


@pytest.fixture
def dst_action(demo_store):
    with demo_store.session() as s:
        return edits.create(
            s,
            "action",
            title="Night vigil",
            timezone="Europe/Paris",
            starts_at=datetime(2024, 10, 26, 22, tzinfo=UTC),
            ends_at=datetime(2024, 10, 27, 4, tzinfo=UTC),
        )


def test_ambiguous_time_asks_which_occurrence(qtbot, ctx, dst_action, monkeypatch):
    tab = host(qtbot, ctx, ScheduleTab, dst_action)

    def fill(dialog):
        dialog.title_edit.setText("Candles lit")
        dialog.start_edit.set_naive(datetime(2024, 10, 27, 2, 30))
        with_modal(lambda: press_ok(dialog), answer("later"))

    with_modal(tab.add_button.click, fill)
    row = tab.model.row_at(0)
    assert row.title == "Candles lit"
    assert row.starts_at == datetime(2024, 10, 27, 1, 30, tzinfo=UTC)  # 02:30 +01:00

    # Editing something else keeps the chosen occurrence without asking again.
    def never_asked(*_args):
        raise AssertionError("asked again")

    monkeypatch.setattr("ui.tabs._timeinput.ask_occurrence", never_asked)
    select_row(tab.table, 0)

    def rename(dialog):
        dialog.title_edit.setText("Candles lit at last")
        press_ok(dialog)

    with_modal(tab.edit_button.click, rename)
    assert tab.model.row_at(0).starts_at == datetime(2024, 10, 27, 1, 30, tzinfo=UTC)
    assert tab.model.row_at(0).title == "Candles lit at last"


def test_nonexistent_time_is_refused_with_the_reason(qtbot, ctx, demo_store):
    with demo_store.session() as s:
        spring = edits.create(
            s,
            "action",
            title="Spring",
            timezone="Europe/Paris",
            starts_at=datetime(2024, 3, 30, 23, tzinfo=UTC),
            ends_at=datetime(2024, 3, 31, 4, tzinfo=UTC),
        )
    tab = host(qtbot, ctx, ScheduleTab, spring)
    reasons = []

    def fill(dialog):
        dialog.title_edit.setText("Gap")
        dialog.start_edit.set_naive(datetime(2024, 3, 31, 2, 30))
        press_ok(dialog)
        reasons.append(dialog.error_text("starts_at"))
        dialog.reject()

    with_modal(tab.add_button.click, fill)
    assert reasons == ["2024-03-31T02:30 does not exist in Europe/Paris"]
    assert tab.model.rowCount() == 0


def test_chained_start_is_not_editable_and_ends_follow(qtbot, tab):
    row = tab.model.row_at(0)
    assert row.ends_at - row.starts_at == timedelta(minutes=15)
    assert cell(tab.model, 0, Col.END) == "9:45\u202fAM"


def test_edit_over_a_change_made_meanwhile_is_refused(qtbot, tab, ctx, demo_store):
    select_row(tab.table, row_of_text(tab.model, Col.TITLE, "Banner unrolled"))
    messages = []

    def fill(dialog):
        with demo_store.session() as s:  # another organiser, on a shared database
            edits.update(s, "cue", dialog.row.id, place="Corner of the street")
        dialog.title_edit.setText("Banner up")
        press_ok(dialog)
        messages.append(dialog.error_text(""))
        dialog.reject()

    with_modal(tab.edit_button.click, fill)
    assert messages == ["somebody else changed this cue since you opened it"]
    assert "Banner unrolled" in titles(tab) and ctx.undo_stack.count() == 0


@pytest.mark.parametrize(
    "module, cls",
    [
        ("schedule", "ScheduleTab"),
        ("people", "PeopleTab"),
        ("props", "PropsTab"),
        ("tasks", "TasksTab"),
    ],
)
def test_every_control_of_the_tabs_has_an_accessible_name(qtbot, ctx, demo_id, module, cls):
    import importlib

    from PySide6.QtWidgets import QLabel, QWidget

    tab = host(qtbot, ctx, getattr(importlib.import_module(f"ui.tabs.{module}"), cls), demo_id)
    tab.retranslate()
    assert tab.title()
    buddies = {label.buddy() for label in tab.findChildren(QLabel) if label.buddy()}
    unnamed = [
        w.objectName() or type(w).__name__
        for w in tab.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(tab)
        and not w.accessibleName()
        and w not in buddies
        and w.objectName() != "qt_scrollarea_viewport"
    ]
    assert unnamed == []
    assert all(
        w.objectName()
        for w in tab.findChildren(QWidget)
        if w.isVisibleTo(tab)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.objectName() != "qt_scrollarea_viewport"
    )
