"""The volunteer pack in the real window: ticks and messages on the People tab, and
Export → Volunteer pack."""

from __future__ import annotations

import email
from email import policy

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton

from tests.ui.conftest import problem_kinds
from tests.ui.tabs_helpers import cell, row_of_text
from ui.models.people import PersonCol


def people_tab(window):
    tab = window.tab_widgets["people"]
    window.tabs.setCurrentWidget(tab)
    return tab


def select(tab, aliases: list[str]) -> None:
    """Click the first alias, Ctrl+click the others, as the organiser does."""
    from PySide6.QtTest import QTest

    view, model = tab.people, tab.model
    for i, alias in enumerate(aliases):
        index = model.index(row_of_text(model, PersonCol.ALIAS, alias), PersonCol.ALIAS)
        view.scrollTo(index)
        modifier = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center()
        )
    assert len(view.selectionModel().selectedRows()) == len(aliases)


def column(tab, col) -> dict[str, str]:
    model = tab.model
    return {cell(model, r, PersonCol.ALIAS): cell(model, r, col) for r in range(model.rowCount())}


def test_unconfirm_then_confirm_many_people_in_one_undo_step(qtbot, demo_db):
    from datetime import UTC, datetime

    from tests.ui.conftest import open_window

    # Three days before the action: readiness asks for confirmations.
    w = open_window(qtbot, demo_db, now=datetime(2024, 5, 25, 7, 0, tzinfo=UTC))
    tab = people_tab(w)
    everyone = list(column(tab, PersonCol.ALIAS))
    assert "unconfirmed" not in problem_kinds(w)
    tab.people.selectAll()
    tab.people.findChild(QAction, "unconfirm_selected").trigger()
    assert set(column(tab, PersonCol.CONFIRMED).values()) == {"no"}
    assert w.ctx.undo_stack.undoText() == f"Unconfirm {len(everyone)} people"
    assert "unconfirmed" in problem_kinds(w)

    select(tab, ["Crow", "Heron", "Raven"])
    tab.people.findChild(QAction, "confirm_selected").trigger()
    confirmed = column(tab, PersonCol.CONFIRMED)
    assert [a for a, v in confirmed.items() if v == "yes"] == sorted(
        ["Crow", "Heron", "Raven"], key=lambda a: list(confirmed).index(a)
    )
    assert w.ctx.undo_stack.undoText() == "Confirm 3 people"
    before = w.ctx.undo_stack.index()
    w.ctx.undo_stack.undo()  # one step takes back all three
    assert set(column(tab, PersonCol.CONFIRMED).values()) == {"no"}
    assert w.ctx.undo_stack.index() == before - 1
    w.close()


def test_pack_sent_ticked_for_a_selection_and_shown_in_its_column(qtbot, main_window):
    w = main_window
    tab = people_tab(w)
    assert not tab.people.isColumnHidden(PersonCol.PACK_SENT)
    assert set(column(tab, PersonCol.PACK_SENT).values()) == {"no"}
    select(tab, ["Magpie", "Swift"])
    tab.people.findChild(QAction, "pack_sent_selected").trigger()
    sent = column(tab, PersonCol.PACK_SENT)
    assert sent["Magpie"] == sent["Swift"] == "yes" and sent["Crow"] == "no"
    assert w.ctx.undo_stack.undoText() == "Mark the packs of 2 people as sent"
    # The row's checkbox does the same for one person.
    crow = row_of_text(tab.model, PersonCol.ALIAS, "Crow")
    tab.model.setData(
        tab.model.index(crow, PersonCol.PACK_SENT),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert column(tab, PersonCol.PACK_SENT)["Crow"] == "yes"
    assert w.ctx.undo_stack.undoText() == "Mark the pack of Crow as sent"


def test_copy_message_puts_the_readers_message_on_the_clipboard(qtbot, main_window):
    w = main_window
    tab = people_tab(w)
    select(tab, ["Starling"])
    button = tab.findChild(QPushButton, "copy_message_button")
    assert button.isEnabled() and button.text().replace("&", "") == "Copy message"
    button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Hello Starling,") or "Starling" in text.splitlines()[0]
    assert "Dienstag, 28. Mai" in text  # Starling reads German
    assert "Boulevard de Ménilmontant" in text and "+33 1 40 00 00 00" in text
    assert "Jonas Weber" not in text and "@" not in text
    assert "Starling" in w.statusBar().currentMessage()


def test_export_volunteer_pack_lists_people_first_then_writes_drafts(qtbot, main_window, tmp_path):
    w = main_window
    act = w.findChild(QAction, "export_volunteer_pack")
    assert act in w.findChild(type(w.menuBar().actions()[0].menu()), "export_menu").actions()
    act.trigger()
    dialog = next(
        d for d in QApplication.topLevelWidgets() if d.objectName() == "volunteer_pack_dialog"
    )
    drafts = dialog.findChild(QListWidget, "pack_drafts")
    assert drafts.count() == 15
    assert any(drafts.item(i).text().startswith("Starling — ") for i in range(drafts.count()))
    assert dialog.findChild(QListWidget, "pack_unreachable").count() == 0
    assert "Everybody" in dialog.findChild(QLabel, "pack_unreachable_label").text()
    folder = tmp_path / "pack"
    dialog.findChild(type(dialog.folder), "pack_folder").setText(str(folder))
    assert not list(tmp_path.glob("pack"))  # nothing written before the click
    dialog.findChild(QPushButton, "write_pack").click()
    assert dialog.handle.wait(120000)
    qtbot.waitUntil(lambda: dialog.handle.state != "running", timeout=10000)
    assert dialog.handle.state == "done", dialog.findChild(QLabel, "pack_status").text()
    assert len(list(folder.glob("*.eml"))) == 15
    assert (folder / "funeral-for-privacy.mbox").exists()
    msg = email.message_from_bytes((folder / "Crow.eml").read_bytes(), policy=policy.default)
    assert [a.addr_spec for a in msg["To"].addresses] == ["crow@example.org"]
    status = dialog.findChild(QLabel, "pack_status").text()
    assert "15 drafts written" in status
    dialog.close()


def test_pack_dialog_names_who_must_be_reached_another_way(qtbot, demo_db):
    from sqlalchemy import select

    from app.domain import models as m
    from app.storage.engine import open_store
    from tests.ui.conftest import open_window

    store = open_store(str(demo_db))
    with store.session() as s:
        for p in s.scalars(select(m.Participant).where(m.Participant.alias == "Raven")):
            p.email = ""
    store.close()
    w = open_window(qtbot, demo_db)
    w.findChild(QAction, "export_volunteer_pack").trigger()
    dialog = next(
        d for d in QApplication.topLevelWidgets() if d.objectName() == "volunteer_pack_dialog"
    )
    assert dialog.findChild(QListWidget, "pack_drafts").count() == 14
    others = dialog.findChild(QListWidget, "pack_unreachable")
    assert others.isVisible() and others.item(0).text() == "Raven: no e-mail address"
    assert "1 person has no draft" in dialog.findChild(QLabel, "pack_unreachable_label").text()
    dialog.close()
    w.close()


def test_read_only_store_still_copies_messages_but_ticks_nothing(qtbot, main_window):
    w = main_window
    w.ctx.store.mark_read_only("a read-only file")
    tab = people_tab(w)
    select(tab, ["Crow", "Heron"])
    assert not tab.people.findChild(QAction, "confirm_selected").isEnabled()
    assert not tab.people.findChild(QAction, "pack_sent_selected").isEnabled()
    assert tab.people.findChild(QAction, "copy_message").isEnabled()
    tab.findChild(QPushButton, "copy_message_button").click()
    copied = QGuiApplication.clipboard().text()
    assert "Bonjour Crow," in copied and "Bonjour Heron," in copied  # each in their language
