"""File → Lock (Ctrl+L) through the real window on an encrypted database: nothing of the plan
stays in any widget or in the closed database connection, a wrong passphrase is refused, the
right one brings back the same action and tab, and the undo history survives."""

from __future__ import annotations

import gc
import re
import weakref
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import DEMO_DAY, DEMO_NOW
from tests.ui.test_view_reset_window import every_text

PASS = "correct horse battery staple"


def use_cheap_kdf(monkeypatch) -> None:
    """Argon2id with test-sized parameters: the same code path, a millisecond per key."""
    from app.storage import cipher

    monkeypatch.setattr(cipher, "ARGON2_MEMORY_KIB", 1024)
    monkeypatch.setattr(cipher, "ARGON2_TIME", 1)
    monkeypatch.setattr(cipher, "ARGON2_PARALLELISM", 1)


def make_encrypted_demo(folder):
    """An encrypted database (passphrase ``PASS``) holding the demo action."""
    from app.services.demo import add_demo
    from app.storage.engine import open_store

    path = folder / "secret.sqlite3"
    store = open_store(str(path), passphrase=PASS)
    with store.session() as session:
        add_demo(session, on=DEMO_DAY, today=date(2024, 5, 18))
    store.close()
    return path


def open_encrypted_window(qtbot, path):
    """The real main window, shown, on the encrypted ``path`` (as after typing ``PASS``)."""
    from ui import window_files
    from ui.main_window import MainWindow

    window = MainWindow(now=lambda: DEMO_NOW)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    assert window_files.open_database(window, str(path), passphrase=PASS)
    return window


@pytest.fixture
def locked_window(qtbot, tmp_path, monkeypatch):
    """The window on an encrypted demo database (not locked yet: the tests lock it)."""
    use_cheap_kdf(monkeypatch)
    window = open_encrypted_window(qtbot, make_encrypted_demo(tmp_path))
    yield window
    window.close()


def plan_words(window) -> list[str]:
    """The action titles, every alias, cue and task title of the database (read before locking)."""
    from app.domain.models import Action, Cue, Participant, Task

    def read(session):
        words = [a.title for a in session.query(Action)]
        words += [p.alias for p in session.query(Participant)]
        words += [c.title for c in session.query(Cue)]
        words += [t.title for t in session.query(Task)]
        return words

    return [w for w in window.ctx.query(read) if len(w) >= 4]


def visible_text(window) -> str:
    texts = [every_text(window), window.windowTitle(), window.statusBar().currentMessage()]
    for act in window.findChildren(QAction):
        texts += [act.text(), act.toolTip(), act.statusTip()]
    tabs = window.tabs
    texts += [tabs.tabText(i) for i in range(tabs.count())]
    texts += [tabs.tabToolTip(i) for i in range(tabs.count())]
    return "\n".join(texts)


def press_lock(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def type_passphrase(qtbot, window, text: str) -> None:
    screen = window.findChild(type(window.centralWidget()), "lock_screen")
    assert screen is not None and screen.isVisible()
    edit = screen.edit
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_ctrl_l_leaves_nothing_of_the_plan_in_any_widget_and_closes_the_database(
    qtbot, locked_window
):
    window = locked_window
    for key in window.tab_widgets:  # every tab filled with the action
        assert window.show_tab(key)
    window.show_tab("people")
    words = plan_words(window)
    title = window.header_title.text()
    assert title and title in words
    before = visible_text(window)
    assert title in before and any(w in before for w in words if w != title)
    store = window.ctx.store
    engine_pool = store.engine.pool
    gone = weakref.ref(store)
    del store

    press_lock(qtbot, window)

    assert window.window_lock.locked
    assert window.centralWidget().objectName() == "lock_screen"
    text = visible_text(window)
    leaked = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    assert leaked == []
    assert "Database locked" in text and "secret.sqlite3" in text
    # Any other text shown before and still there is one a window without a database has too.
    from ui.main_window import MainWindow

    blank = MainWindow(now=lambda: DEMO_NOW)
    qtbot.addWidget(blank)
    for key in blank.tab_widgets:  # tabs are built when first shown: the same tabs as above
        blank.tab_widgets[key]
    baseline = set(visible_text(blank).splitlines())
    kept = set(before.splitlines()) & set(text.splitlines())
    assert sorted(kept - baseline) == []
    gc.collect()
    assert gone() is None, "the Store (and the key in its connection factory) is still held"
    assert window.ctx.store is None
    assert engine_pool.checkedout() == 0
    assert all(not tab.action_id for tab in window.tab_widgets.values())
    assert window.actions_panel.model.rowCount() == 0
    assert window.actions_panel.model.cache == {}
    assert window.tab_widgets["readiness"]._cache == {}


def test_while_locked_plan_commands_and_undo_are_off(qtbot, locked_window):
    window = locked_window
    window.show_tab("tasks")
    _edit_action_title(window, "Renamed for the lock test")
    assert window.a_undo.isEnabled() and "Renamed" not in window.a_undo.text()
    assert window.a_undo.text() != "&Undo"  # names the edit while unlocked

    press_lock(qtbot, window)

    assert not window.a_undo.isEnabled() and window.a_undo.text() == "&Undo"
    assert "Renamed for the lock test" not in visible_text(window)  # notices, status, menus
    assert not window.a_redo.isEnabled()
    for act in (
        window.a_new_action,
        window.a_export_bundle,
        window.a_backup,
        window.a_runsheets,
        window.a_prefs,
        window.a_find,
        window.a_lock,
        *window.tab_actions,
    ):
        assert not act.isEnabled(), act.objectName()
    for act in (window.a_open_db, window.a_new_db, window.a_quit, window.a_about):
        assert act.isEnabled(), act.objectName()
    qtbot.keyClick(
        window.window_lock.screen.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert window.ctx.undo_stack.index() == 1  # nothing was undone while locked


def test_a_wrong_passphrase_is_refused_and_changes_nothing(qtbot, locked_window):
    window = locked_window
    press_lock(qtbot, window)
    type_passphrase(qtbot, window, "not the passphrase")

    screen = window.window_lock.screen
    assert window.window_lock.locked and window.ctx.store is None
    assert screen.error.isVisible()
    assert "Wrong passphrase" in screen.error.text() and "attempt 1" in screen.error.text()
    qtbot.keyClick(screen.edit, Qt.Key.Key_Return)  # the same text again
    assert "attempt 2" in screen.error.text()
    screen.edit.clear()
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert screen.error.text() == "Enter the passphrase."
    assert window.window_lock.locked


def test_the_right_passphrase_restores_the_tab_and_the_selected_action(qtbot, locked_window):
    window = locked_window
    from app.domain.models import Action

    def ids(session):
        return [a.id for a in session.query(Action).order_by(Action.id)]

    window.show_tab("props")
    selected = window.action_id
    title = window.header_title.text()
    press_lock(qtbot, window)
    type_passphrase(qtbot, window, PASS)

    assert not window.window_lock.locked
    assert window.centralWidget().objectName() != "lock_screen"
    assert window.centralWidget().isVisible()
    assert window.action_id == selected and window.actions_panel.current_id() == selected
    assert window.tabs.currentWidget() is window.tab_widgets["props"]
    assert window.header_title.text() == title
    assert window.tab_widgets["props"].action_id == selected
    assert window.ctx.query(ids)
    assert window.a_lock.isEnabled() and window.a_new_action.isEnabled()
    assert window.a_find.isEnabled() and all(a.isEnabled() for a in window.tab_actions)
    assert "(locked)" not in window.windowTitle()
    assert window.window_lock.screen is None


def test_ctrl_z_after_unlocking_undoes_the_last_edit(qtbot, locked_window):
    window = locked_window
    old = window.header_title.text()
    _edit_action_title(window, "Renamed before the lock")
    assert window.header_title.text() == "Renamed before the lock"
    press_lock(qtbot, window)
    type_passphrase(qtbot, window, PASS)
    assert window.a_undo.isEnabled()

    qtbot.keyClick(window.actions_panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert window.header_title.text() == old
    qtbot.keyClick(
        window.actions_panel.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.header_title.text() == "Renamed before the lock"


def test_undoing_a_deleted_action_works_after_unlocking(qtbot, locked_window):
    """Reopening must not erase the actions deleted in this window (their undo needs them)."""
    from ui import window_files

    window = locked_window
    action_id = window.action_id
    title = window.header_title.text()
    assert window_files.delete_action(window, confirm=False)
    assert title in window.a_undo.text()
    press_lock(qtbot, window)
    assert title not in visible_text(window)  # "Undo Delete “…”" is not shown while locked
    type_passphrase(qtbot, window, PASS)
    window.a_undo.trigger()
    assert window.actions_panel.model.row_of(action_id) >= 0


def test_open_dialogs_close_on_lock(qtbot, locked_window):
    window = locked_window
    window.a_prefs.trigger()
    dialog = window.preferences
    assert dialog.isVisible()
    before = visible_text(window)
    window.a_lock.trigger()  # the dialog is window-modal: what the idle lock does
    assert not dialog.isVisible()
    qtbot.wait(10)  # deleted later
    from ui.main_window import MainWindow

    blank = MainWindow(now=lambda: DEMO_NOW)
    qtbot.addWidget(blank)
    for key in blank.tab_widgets:  # tabs are built when first shown: the same tabs as above
        blank.tab_widgets[key]
    blank.open_preferences()  # no database: not even opened
    kept = set(before.splitlines()) & set(visible_text(window).splitlines())
    assert sorted(kept - set(visible_text(blank).splitlines())) == []
    assert window.preferences is None


def test_locking_after_preferences_were_closed_and_deleted(qtbot, locked_window):
    """The window still names the Preferences it opened; closed, that dialog was deleted
    (``ui.dialog_policy``): the lock forgets it instead of failing on it."""
    window = locked_window
    window.a_prefs.trigger()
    dialog = window.preferences
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.reject()
    qtbot.waitUntil(lambda: gone == [True], timeout=3000)
    window.a_lock.trigger()  # File → Lock
    assert window.window_lock.locked
    assert window.preferences is None


def test_other_windows_of_the_window_close_on_lock(qtbot, locked_window):
    """A window of the main window that is not a dialog (e.g. a full-screen live view)."""
    from PySide6.QtWidgets import QLabel, QWidget

    window = locked_window
    other = QWidget(window, Qt.WindowType.Window)
    QLabel(window.header_title.text(), other)
    other.show()
    qtbot.waitExposed(other)
    press_lock(qtbot, window)
    assert not other.isVisible()


def test_lock_is_disabled_for_a_plain_database_and_says_why(qtbot, demo_db):
    from tests.ui.conftest import open_window

    window = open_window(qtbot, demo_db)
    assert not window.a_lock.isEnabled()
    assert "encrypted" in window.a_lock.toolTip()
    menu = window.menuBar().findChild(type(window.recent_menu), "file_menu")
    assert window.a_lock in menu.actions()
    press_lock(qtbot, window)
    assert not window.window_lock.locked and window.ctx.store is not None
    window.close()


def test_opening_another_database_while_locked_ends_the_lock(qtbot, locked_window, demo_db):
    window = locked_window
    press_lock(qtbot, window)
    assert window.open_database(str(demo_db))
    assert not window.window_lock.locked
    assert window.centralWidget().objectName() != "lock_screen"
    assert window.action_id is not None and window.header_title.text()
    assert not window.ctx.undo_stack.canUndo()


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    wrong=st.one_of(
        st.text(alphabet="مرحبا بالعالم", min_size=1, max_size=40),
        st.text(alphabet="नमस्ते दुनिया", min_size=1, max_size=40),
        st.text(alphabet="Καλημέρα κόσμε", min_size=1, max_size=40),
        st.text(alphabet="🔒🕯️🎺✊🏽", min_size=1, max_size=40),
        st.just("x" * 1024),
    )
)
def test_any_wrong_passphrase_in_any_script_is_refused(qtbot, locked_window, wrong):
    window = locked_window
    if not window.window_lock.locked:
        press_lock(qtbot, window)
    assert not window.window_lock.unlock(wrong)
    assert window.window_lock.locked and window.ctx.store is None
    assert "Wrong passphrase" in window.window_lock.screen.error.text()


def _edit_action_title(window, title: str, qtbot=None) -> None:
    """Type a new title in Overview's Title field and press Enter, as the user does."""
    from PySide6.QtTest import QTest

    shown = window.tabs.currentWidget()
    window.show_tab("overview")
    edit = window.tab_widgets["overview"].fields["title"]
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, title)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    window.tabs.setCurrentWidget(shown)


def test_typing_not_saved_yet_is_saved_before_locking(qtbot, locked_window):
    """Ctrl+L in a field being typed in: the typing is saved (one undo step), not lost."""
    window = locked_window
    window.show_tab("overview")
    edit = window.tab_widgets["overview"].fields["title"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Typed just before locking")
    press_lock(qtbot, window)
    assert window.window_lock.locked
    assert "Typed just before locking" not in visible_text(window)
    type_passphrase(qtbot, window, PASS)
    assert window.header_title.text() == "Typed just before locking"
    assert window.a_undo.isEnabled()


def test_a_background_read_running_when_locking_delivers_nothing(qtbot, locked_window):
    import time

    from ui.background_query import BackgroundQuery

    window = locked_window
    got: list = []

    def slow_read(session):
        time.sleep(0.2)
        return "the plan"

    query = BackgroundQuery(window)
    query.request(window.ctx.store, slow_read, on_done=got.append)
    press_lock(qtbot, window)  # waits for the read, then closes the database
    qtbot.wait(100)
    assert got == [] and not query.busy


def test_a_file_moved_while_locked_is_said_and_a_replaced_one_opens_afresh(qtbot, locked_window):
    import shutil

    window = locked_window
    path = window.ctx.store.path
    _edit_action_title(window, "Edited before the move")
    assert window.ctx.undo_stack.canUndo()
    press_lock(qtbot, window)
    moved = path.with_name("elsewhere.sqlite3")
    path.rename(moved)
    type_passphrase(qtbot, window, PASS)
    assert window.window_lock.locked
    assert "is no longer there" in window.window_lock.screen.error.text()

    shutil.copy(moved, path)  # another file at the same place now
    type_passphrase(qtbot, window, PASS)
    assert not window.window_lock.locked
    assert window.header_title.text()
    assert "was replaced while locked" in window.statusBar().currentMessage()
    assert not window.ctx.undo_stack.canUndo()


def test_lock_during_live_mode_leaves_nothing_in_the_live_windows(qtbot, locked_window):
    """The caller locks the laptop in the middle of the action: the live screen and the stage
    display go with the plan, and F11 after unlocking opens live mode again."""
    window = locked_window
    words = plan_words(window)
    window.a_live.trigger()
    window.a_stage.trigger()
    live, stage = window.live_screen, window.stage_display
    assert live.isVisible() and stage.isVisible()
    gone = [weakref.ref(live), weakref.ref(stage)]
    del live, stage

    press_lock(qtbot, window)

    assert window.window_lock.locked
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the event loop's next turn
    for ref in gone:
        qtbot.waitUntil(lambda ref=ref: ref() is None or not ref().isVisible())
    texts = {
        f"{type(w).__name__} {w.objectName()}": every_text(w)
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window
    }
    leaked = [(k, w) for w in words for k, t in texts.items() if w in t]
    assert leaked == []
    assert window.findChild(QWidget, "live_screen") is None
    assert window.findChild(QWidget, "stage_display") is None
    assert getattr(window, "live_screen", None) is None
    assert getattr(window, "stage_display", None) is None

    type_passphrase(qtbot, window, "correct horse battery staple")
    qtbot.waitUntil(lambda: not window.window_lock.locked)
    window.a_live.trigger()
    qtbot.waitUntil(lambda: window.live_screen is not None and window.live_screen.isVisible())
    window.live_screen.close()
