"""Keys of the real window: no two commands share a key where both can fire, and Ctrl+Z is
never a no-op. Before the fix Ctrl+D was both "duplicate cue" (Schedule) and "duplicate action"
(the window): Qt found it ambiguous and ran neither; Ctrl+Z in a field without typing did nothing.
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from tests.ui.tabs_helpers import focus, row_of_text, select_row
from ui.models.schedule import Col

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def bindings(window) -> list[tuple[str, str, Qt.ShortcutContext, QWidget]]:
    """(key, command name, context, widget it belongs to) for every QAction and QShortcut."""
    out = []
    for action in window.findChildren(QAction):
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)] or [window]
        for seq in action.shortcuts():
            for owner in owners:
                key = seq.toString(QKeySequence.SequenceFormat.PortableText)
                out.append(
                    (key, action.objectName() or action.text(), action.shortcutContext(), owner)
                )
    for shortcut in window.findChildren(QShortcut):
        for seq in shortcut.keys():
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            owner = shortcut.parent()
            name = shortcut.objectName() or f"{owner.objectName()}:{key}"
            out.append((key, name, shortcut.context(), owner))
    return out


def _scope_overlaps(a, b) -> bool:
    (_k1, _n1, c1, w1), (_k2, _n2, c2, w2) = a, b
    if w1.window() is not w2.window():
        return False  # another window (a dialog): its keys never meet these
    if c1 in WINDOW_WIDE or c2 in WINDOW_WIDE:
        return True
    if w1 is w2:
        return True
    with_children = Qt.ShortcutContext.WidgetWithChildrenShortcut
    return (c1 == with_children and w1.isAncestorOf(w2)) or (
        c2 == with_children and w2.isAncestorOf(w1)
    )


def clashes(window) -> list[str]:
    found = []
    for a, b in combinations(bindings(window), 2):
        if a[0] == b[0] and a[1] != b[1] and _scope_overlaps(a, b):
            found.append(f"{a[0]}: {a[1]} ({a[3].objectName()}) / {b[1]} ({b[3].objectName()})")
    return sorted(set(found))


def test_no_two_commands_share_a_key_in_one_context(main_window):
    for key in main_window.tab_widgets:  # tabs are built when first shown: build them all
        main_window.tab_widgets[key]
    keys = {b[0] for b in bindings(main_window)}
    assert {"Ctrl+Z", "Ctrl+D", "Ins", "F2", "Ctrl+1"} <= keys  # it sees the tabs' keys too
    assert clashes(main_window) == []
    old = main_window.a_duplicate.shortcuts()
    main_window.a_duplicate.setShortcut(QKeySequence("Ctrl+D"))  # the clash as it was
    try:
        assert clashes(main_window) == [
            "Ctrl+D: duplicate_action (main_window) / schedule_table:Ctrl+D (schedule_table)"
        ]
    finally:
        main_window.a_duplicate.setShortcuts(old)


def test_ctrl_d_on_the_schedule_duplicates_the_cue(qtbot, main_window):
    main_window.show_tab("schedule")
    tab = main_window.tab_widgets["schedule"]
    select_row(tab.table, row_of_text(tab.model, Col.TITLE, "Banner unrolled"))
    before = tab.model.rowCount()
    qtbot.keyClick(tab.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == before + 1
    assert main_window.ctx.undo_stack.undoText() == "Duplicate cue “Banner unrolled”"


def test_the_duplicate_action_command_has_its_own_key(main_window):
    keys = [s.toString() for s in main_window.a_duplicate.shortcuts()]
    assert keys and "Ctrl+D" not in keys


def _title(window) -> str:
    from app.services.edits import get

    return window.ctx.query(lambda s, aid: get(s, "action", aid).title, window.action_id)


def test_ctrl_z_in_a_field_undoes_its_typing_first_then_the_last_saved_edit(qtbot, main_window):
    tab = main_window.tab_widgets["overview"]
    location = tab.fields["location_name"]
    title = tab.fields["title"]
    saved_title = _title(main_window)
    focus(location)
    location.selectAll()
    qtbot.keyClicks(location, "Parvis")
    location.editingFinished.emit()  # one saved edit
    assert main_window.ctx.undo_stack.count() == 1

    focus(title)
    qtbot.keyClicks(title, " (draft)")
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == saved_title  # the field's own typing went first
    assert main_window.ctx.undo_stack.index() == 1  # the saved edit is still there

    title.setModified(False)  # nothing typed any more: Ctrl+Z is the window's undo
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert main_window.ctx.undo_stack.index() == 0
    assert location.text() != "Parvis"
    qtbot.keyClick(
        title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert main_window.ctx.undo_stack.index() == 1
    assert location.text() == "Parvis"


def test_ctrl_z_in_a_long_text_without_typing_undoes_the_last_saved_edit(qtbot, main_window):
    tab = main_window.tab_widgets["overview"]
    location = tab.fields["location_name"]
    focus(location)
    location.selectAll()
    qtbot.keyClicks(location, "Parvis")
    location.editingFinished.emit()
    message = tab.fields["message"]
    focus(message)
    qtbot.keyClick(message, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert main_window.ctx.undo_stack.index() == 0


def test_a_shortcut_is_named_as_the_menus_name_it_in_every_language(qtbot, main_window):
    """The tabs' tooltips said "Ctrl+2" in a German window whose menus say "Strg+Z", and the
    Spanish hints said "Ctrl+Z" beside menus saying "Control+Z"."""
    from app.i18n import _
    from ui.i18n_qt import apply_language

    try:
        for lang in ("de", "es", "fr"):
            main_window.apply_language(lang)
            native = QKeySequence("Ctrl+2").toString(QKeySequence.SequenceFormat.NativeText)
            tips = [main_window.tabs.tabToolTip(i) for i in range(main_window.tabs.count())]
            assert any(tip.endswith(f"({native})") for tip in tips), (lang, tips)
            ctrl = native.split("+")[0]
            hint = _("Copy the selected cue after it (Ctrl+D)")
            assert f"({ctrl}+D)" in hint, (lang, hint)
    finally:
        apply_language("en")
