"""Help that works offline, through the real window (issue #21): F1 opens the guide, Ctrl+/ lists
every shortcut of the window (read from its actions), tooltips name the shortcut."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def _native(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def _open_shortcuts(qtbot, window):
    QTest.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "shortcuts_dialog", None) is not None)
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_f1_opens_the_guide_at_its_first_task(qtbot, main_window):
    main_window.activateWindow()
    QTest.keyClick(main_window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(main_window, "guide_dialog", None) is not None)
    dialog = main_window.guide_dialog
    qtbot.waitExposed(dialog)
    text = dialog.text()
    assert "Create an action" in text
    assert "Action → New action" in text
    assert "Build the schedule" in text and "Live mode" in text
    # F1 again raises the same guide instead of opening a second one
    main_window.a_guide.trigger()
    assert main_window.guide_dialog is dialog
    dialog.close()


def test_the_guide_shows_its_screenshots(qtbot, main_window):
    from PySide6.QtGui import QImage, QTextDocument

    main_window.a_guide.trigger()
    browser = main_window.guide_dialog.browser
    html = browser.toHtml()
    assert "images/schedule.png" in html
    image = browser.document().resource(
        QTextDocument.ResourceType.ImageResource.value, "images/schedule.png"
    )
    image = image if isinstance(image, QImage) else browser.loadResource(2, "images/schedule.png")
    assert isinstance(image, QImage) and not image.isNull()
    main_window.guide_dialog.close()


def test_a_language_without_a_guide_falls_back_to_english(tmp_path, monkeypatch):
    from ui.dialogs import guide

    (tmp_path / "en" / "images").mkdir(parents=True)
    (tmp_path / "en" / "index.html").write_text("<p>English</p>", encoding="utf-8")
    (tmp_path / "en" / "images" / "a.png").write_bytes(b"png")
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "index.html").write_text("<p>Français</p>", encoding="utf-8")
    monkeypatch.setattr(guide, "GUIDE_DIR", tmp_path)
    assert guide.guide_file("index.html", "fr_CA") == tmp_path / "fr" / "index.html"
    assert guide.guide_file("images/a.png", "fr") == tmp_path / "en" / "images" / "a.png"
    assert guide.guide_file("index.html", "de") == tmp_path / "en" / "index.html"
    assert guide.guide_file("../../etc/passwd", "fr") is None


def test_the_frozen_build_ships_the_guide():
    spec = (ROOT / "build" / "cortege.spec").read_text(encoding="utf-8")
    assert '"resources" / "guide"' in spec
    assert (ROOT / "resources" / "guide" / "en" / "index.html").is_file()


def test_the_shortcuts_dialog_lists_every_shortcut_of_the_window(qtbot, main_window):
    main_window.tab_actions[3].trigger()  # People: its context-menu actions exist
    dialog = _open_shortcuts(qtbot, main_window)
    listed = {(e.command, e.keys) for e in dialog.visible_entries()}
    keys = {k for _c, k in listed}
    assert any(_native(QKeySequence(QKeySequence.StandardKey.Undo)) in k for k in keys)
    assert ("Undo", _native(QKeySequence(QKeySequence.StandardKey.Undo))) in listed
    for action in main_window.findChildren(QAction):
        for seq in action.shortcuts():
            if seq.isEmpty():  # a standard key this platform has no binding for (Quit)
                continue
            assert any(_native(seq) in k.split(", ") for k in keys), action.objectName()
    # grouped by menu, with the in-list keys of the tabs
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups[:2] == ["File", "Edit"]
    assert "Schedule" in groups and "People" in groups
    assert not [g for g in groups if "(" in g]  # tab titles without their badge
    assert ("Timeline: select the next cue", _native(QKeySequence("Right"))) in listed
    assert len(groups) == len(set(groups))
    assert ("Duplicate the selected cue", _native(QKeySequence("Ctrl+D"))) in listed
    assert ("Add a row to the list", _native(QKeySequence(Qt.Key.Key_Insert))) in listed
    assert ("Keyboard shortcuts", _native(QKeySequence("Ctrl+/"))) in listed
    assert ("User guide", "F1") in listed
    dialog.close()


def test_the_shortcuts_filter_narrows_the_list(qtbot, main_window):
    dialog = _open_shortcuts(qtbot, main_window)
    qtbot.keyClicks(dialog.filter, "undo")
    shown = dialog.visible_entries()
    assert shown and all("undo" in (e.command + e.keys + e.group).lower() for e in shown)
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "zzqq")
    assert dialog.visible_entries() == []
    assert dialog.empty.isVisible() and "zzqq" in dialog.empty.text()
    dialog.close()


def test_a_registered_widget_key_is_listed(qtbot, main_window):
    from app.i18n import N_
    from ui import shortcut_help

    shortcut_help.register(N_("Schedule"), "Alt+Up", N_("Move the selected cue earlier"))
    try:
        dialog = _open_shortcuts(qtbot, main_window)
        assert any(
            e.command == "Move the selected cue earlier" and e.group == "Schedule"
            for e in dialog.visible_entries()
        )
        dialog.close()
    finally:
        shortcut_help._REGISTERED[:] = list(shortcut_help.BUILT_IN)


def test_tooltips_show_the_shortcut_and_follow_the_language(qtbot, main_window):
    undo = _native(QKeySequence(QKeySequence.StandardKey.Undo))
    assert main_window.a_undo.toolTip().endswith(f"({undo})")
    assert main_window.a_guide.toolTip() == "User guide (F1)"
    for action in main_window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if keys and action in main_window.actions():
            assert f"({_native(keys[0])})" in action.toolTip(), action.objectName()
    assert main_window.a_about.toolTip() == "About Cortège"  # no shortcut, no brackets
    main_window.apply_language("fr")
    try:
        backup = _native(QKeySequence("Ctrl+B"))
        assert main_window.a_backup.toolTip() == f"Sauvegarde ({backup})"
        assert main_window.a_guide.toolTip().endswith("(F1)")
    finally:
        main_window.apply_language("en")


def test_help_menu_holds_the_guide_and_the_shortcuts(main_window):
    menu = next(
        a.menu() for a in main_window.menuBar().actions() if a.menu().objectName() == "help_menu"
    )
    assert menu.actions()[:2] == [main_window.a_guide, main_window.a_shortcuts]
    assert QApplication.instance() is not None


SCRIPTS = st.sampled_from(["مسيرة", "जुलूस", "Πορεία", "✊🏽🕯️", "Ctrl+", "&", "“", "Z"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(max_size=40), st.lists(SCRIPTS, max_size=60).map("".join)))
def test_any_filter_text_shows_only_matches_or_says_nothing_matches(qtbot, main_window, text):
    from ui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(main_window)
    qtbot.addWidget(dialog)
    dialog.filter.setText(text)
    shown = dialog.visible_entries()
    needle = text.strip().casefold()
    assert all(needle in (e.command + "\0" + e.keys + "\0" + e.group).casefold() for e in shown)
    if needle and not shown:
        assert dialog.empty.isVisibleTo(dialog) and text.strip() in dialog.empty.text()
    dialog.filter.setText("x" * 10_000)  # far past anything typed: nothing, and no error
    assert dialog.visible_entries() == []
    dialog.close()


def test_a_shortcut_with_whats_this_is_listed_and_one_without_is_not(qtbot, main_window):
    from PySide6.QtGui import QShortcut

    schedule = main_window.tab_widgets["schedule"]
    told = QShortcut(QKeySequence("Ctrl+Alt+F12"), schedule.table)
    told.setWhatsThis("Move the selected cue later")
    QShortcut(QKeySequence("Ctrl+Alt+F11"), schedule.table)  # says nothing: not listed
    dialog = _open_shortcuts(qtbot, main_window)
    entries = dialog.visible_entries()
    assert any(
        e.command == "Move the selected cue later" and e.group == "Schedule" for e in entries
    )
    assert not any(e.keys == _native(QKeySequence("Ctrl+Alt+F11")) for e in entries)
    dialog.close()
