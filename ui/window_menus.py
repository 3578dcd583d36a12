"""The main window's commands: its QActions (with shortcuts and icons), menus and toolbar.

Items that call a dialog another module provides are disabled (and say so) while that module
does not exist. Texts are kept as msgids so the window can retranslate them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from app.i18n import N_, _
from ui import window_files as files
from ui.icons import icon


def act(
    window,
    name: str,
    text: str,
    slot: Callable | None,
    *,
    shortcut=None,
    icon_name: str | None = None,
    enabled: bool = True,
) -> QAction:
    action = QAction(window)
    action.setObjectName(name)
    window._texts.append((action, text))
    if icon_name:
        action.setIcon(icon(icon_name))
        action.setProperty("icon_name", icon_name)  # repainted when the palette changes
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    if slot is None:
        window.unavailable.add(action)
        action.setToolTip(_("Not available in this version"))
    action.setEnabled(enabled and slot is not None)
    window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def set_tooltip(action: QAction, text: str, *, unavailable: bool = False) -> None:
    """The tooltip of a window command in the current language: its name without the mnemonic,
    then its first shortcut in the platform's own notation ("Undo (Ctrl+Z)"). Called by the
    window's ``retranslate`` for every action ``act`` made, so it follows a language change."""
    tip = _(text).replace("&", "").rstrip("…")
    if unavailable:
        tip = _("{item}: not available in this version").format(item=tip)
    show_tooltip(action, tip)


def show_tooltip(action: QAction, tip: str) -> None:
    """Set ``tip`` (translated) as the tooltip of ``action``, with its first shortcut."""
    tip = re.sub("&(&?)", r"\1", tip)  # no mnemonic marks; "&&" is a written "&"
    keys = [k for k in action.shortcuts() if not k.isEmpty()]
    if keys:
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        # Translators: a tooltip: a command and its keyboard shortcut, e.g. "Undo (Ctrl+Z)"
        tip = _("{command} ({shortcut})").format(command=tip, shortcut=shown)
    action.setToolTip(tip)


def _open_help(window, which: str) -> None:
    """Open the guide or the shortcuts list (kept on the window, so a second F1 raises it)."""
    from ui.dialog_policy import alive

    shown = alive(getattr(window, f"{which}_dialog", None))
    if shown is not None and shown.isVisible():
        shown.raise_()
        shown.activateWindow()
        return
    if which == "guide":
        from ui.dialogs.guide import open_dialog
    else:
        from ui.dialogs.shortcuts import open_dialog
    setattr(window, f"{which}_dialog", open_dialog(window))


def optional_action(
    window, name: str, text: str, module: str, func: str, call: Callable, **kw
) -> QAction:
    """The module is imported when the item is first used, not before the first paint (its
    dialogs bring SQLAlchemy and the exports with them); a module not there yet disables it."""
    from ui.lazy_tabs import module_exists

    def slot() -> None:
        from ui.optional import optional

        fn = optional(module, func)
        if fn is not None:
            call(fn)

    return act(window, name, text, slot if module_exists(module) else None, **kw)


def build_actions(window) -> None:
    from ui.tab_specs import TAB_SPECS

    def a(*args, **kw):
        return act(window, *args, **kw)

    def opt(*args, **kw):
        return optional_action(window, *args, **kw)

    def for_action(fn: Callable) -> None:  # a dialog about the action shown
        fn(window, window.ctx, window.action_id)

    def for_database(fn: Callable) -> None:  # a dialog about the whole database
        fn(window, window.ctx)

    window.a_new_db = a(
        "new_database",
        N_("&New database…"),
        lambda: files.new_database(window),
        shortcut="Ctrl+Shift+N",
        icon_name="new-database",
    )
    window.a_open_db = a(
        "open_database",
        N_("&Open database…"),
        lambda: files.open_database_file(window),
        shortcut=QKeySequence.Open,
        icon_name="open",
    )
    window.a_open_url = a(
        "open_database_url",
        N_("Open team database (&URL)…"),
        lambda: files.open_database_url(window),
    )
    window.a_import = a(
        "import_bundle",
        N_("&Import bundle…"),
        lambda: files.import_bundle_dialog(window),
        shortcut="Ctrl+I",
        icon_name="import",
    )
    window.a_export_bundle = a(
        "export_bundle",
        N_("&Export bundle…"),
        lambda: files.export_bundle_dialog(window),
        shortcut="Ctrl+E",
        icon_name="export",
    )
    window.a_import_ics = opt(
        "import_calendar",
        N_("Import &calendar (.ics)…"),
        "ui.dialogs.calendar",
        "open_import_dialog",
        for_action,
        icon_name="calendar",
    )
    window.a_backup = a(
        "backup",
        N_("&Backup…"),
        lambda: files.backup_dialog(window),
        shortcut="Ctrl+B",
        icon_name="backup",
    )
    from ui import window_file_ops as file_ops

    window.a_restore = a(
        "restore_backup", N_("&Restore from backup…"), lambda: file_ops.restore_dialog(window)
    )
    window.a_copy_db = a(
        "copy_database", N_("Cop&y the database to…"), lambda: file_ops.copy_database_dialog(window)
    )
    window.a_demo = a("add_demo", N_("Add the &demo action"), lambda: file_ops.add_demo(window))
    window.a_passphrase = opt(
        "change_passphrase",
        N_("Change &passphrase…"),
        "ui.dialogs.unlock",
        "open_change_passphrase",
        for_database,
        icon_name="lock",
    )
    # --- Lock (issue #21): logic in ui/lock.py -------------------------------------------
    window.a_lock = a(
        "lock_database",
        # Translators: File menu: close the open encrypted database until its passphrase is typed.
        N_("&Lock"),
        lambda: window.window_lock.lock(),
        shortcut="Ctrl+L",
        icon_name="lock",
        enabled=False,
    )
    window.a_quit = a(
        "quit", N_("&Quit"), window.close, shortcut=QKeySequence.Quit, icon_name="quit"
    )
    window.a_undo = a(
        "undo",
        N_("&Undo"),
        window.undo,
        shortcut=QKeySequence.Undo,
        icon_name="undo",
        enabled=False,
    )
    window.a_redo = a(
        "redo",
        N_("&Redo"),
        window.redo,
        shortcut=["Ctrl+Shift+Z", "Ctrl+Y"],
        icon_name="redo",
        enabled=False,
    )
    window.a_find = a(
        "find_action",
        N_("&Find action"),
        window.focus_filter,
        shortcut=QKeySequence.Find,
        icon_name="search",
    )
    window.a_prefs = a(
        "preferences",
        N_("&Preferences…"),
        window.open_preferences,
        shortcut="Ctrl+,",
        icon_name="settings",
    )
    window.a_toggle_list = a(
        "toggle_actions_list",
        N_("Show the &actions list"),
        window._toggle_list,
        shortcut="Ctrl+Shift+L",
        icon_name="sidebar",
    )
    window.a_toggle_list.setCheckable(True)
    window.a_toggle_list.setChecked(True)
    window.a_fullscreen = a(
        "full_screen",
        N_("&Full screen"),
        window._toggle_full_screen,
        shortcut="Ctrl+Shift+F",  # F11 is live mode's
        icon_name="fullscreen",
    )
    window.a_fullscreen.setCheckable(True)
    # --- live mode (issue #19): the caller's screen and the stage display -------------------
    # imported when first used: live mode's services bring the models before the first paint
    window.a_live = opt(
        "live_mode",
        N_("&Live"),
        "ui.live_screen",
        "open_live",
        lambda fn: fn(window),
        shortcut="F11",
        icon_name="schedule",
    )
    window.a_stage = opt(
        "stage_display",
        N_("&Stage display"),
        "ui.live_stage",
        "open_stage",
        lambda fn: fn(window),
    )
    window.tab_actions: list[QAction] = []
    for n, (key, _m, _c, title) in enumerate(TAB_SPECS, start=1):
        go = a(f"go_{key}", title, lambda k=key: window.show_tab(k), shortcut=f"Ctrl+{n}")
        go.setEnabled(key in window.tab_widgets)
        window.tab_actions.append(go)
    window.a_new_action = a(
        "new_action",
        N_("&New action…"),
        window.new_action,
        shortcut=QKeySequence.New,
        icon_name="add",
    )
    window.a_duplicate = a(
        "duplicate_action",
        N_("&Duplicate for a new date…"),
        window.duplicate_action,
        shortcut="Ctrl+Shift+D",  # Ctrl+D duplicates the selected cue on the Schedule
        icon_name="duplicate",
    )
    window.a_move = a(
        "move_action",
        N_("&Move to another date…"),
        window.move_action,
        shortcut="Ctrl+M",
        icon_name="move",
    )
    window.a_delete = a(
        "delete_action",
        N_("De&lete action…"),
        window.delete_action,
        shortcut="Ctrl+Shift+Delete",
        icon_name="delete",
    )
    window.a_declaration = opt(
        "declaration",
        N_("D&eclaration…"),
        "ui.dialogs.declaration",
        "open_dialog",
        for_action,
        icon_name="declaration",
    )
    window.a_directory = opt(
        "people_directory",
        N_("&Directory…"),
        "ui.dialogs.directory",
        "open_dialog",
        for_database,
        icon_name="people",
    )
    window.a_import_csv = opt(
        "import_csv",
        N_("Import &CSV…"),
        "ui.dialogs.csv_import",
        "open_dialog",
        lambda fn: fn(window, window.ctx, window.action_id, path=None),
        icon_name="import",
    )
    window.a_runsheets = opt(
        "export_runsheets",
        N_("&Run-sheets…"),
        "ui.dialogs.runsheet",
        "open_dialog",
        for_action,
        shortcut=QKeySequence.Print,
        icon_name="runsheet",
    )
    window.a_press = opt(
        "export_press",
        N_("&Press release…"),
        "ui.dialogs.press_export",
        "open_dialog",
        for_action,
        icon_name="press",
    )
    window.a_advisory = opt(
        "export_advisory",
        N_("Media &advisory…"),
        "ui.tabs.press_advisory",
        "open_in_window",
        lambda fn: fn(window),
        icon_name="press",
    )
    window.a_volunteer_pack = opt(
        "export_volunteer_pack",
        N_("&Volunteer pack…"),
        "ui.dialogs.volunteer_pack",
        "open_dialog",
        for_action,
        icon_name="people",
    )
    window.a_calendar = opt(
        "export_calendar",
        N_("&Calendar…"),
        "ui.dialogs.calendar",
        "open_export_dialog",
        for_action,
        icon_name="calendar",
    )
    window.a_purge = opt(
        "purge",
        N_("&Purge personal data…"),
        "ui.dialogs.purge",
        "open_dialog",
        for_database,
        icon_name="purge",
    )
    # --- the day itself (#19): check-in at the gate, the debrief afterwards ---------------
    window.a_checkin = opt(
        "checkin",
        N_("&Check-in"),
        "ui.dialogs.checkin",
        "open_dialog",
        for_action,
        shortcut="Ctrl+Shift+K",
        icon_name="people",
    )
    window.a_debrief = opt(
        "debrief",
        N_("De&brief…"),
        "ui.dialogs.debrief",
        "open_dialog",
        for_action,
        icon_name="runsheet",
    )
    window.a_about = a("about", N_("&About Cortège"), window.open_about, icon_name="about")
    # Help → User guide and Keyboard shortcuts (issue #21): ui/dialogs/guide.py, shortcuts.py
    window.a_guide = a(
        "user_guide",
        N_("User &guide"),
        lambda: _open_help(window, "guide"),
        shortcut="F1",
        icon_name="help",
    )
    window.a_shortcuts = a(
        "keyboard_shortcuts",
        N_("&Keyboard shortcuts"),
        lambda: _open_help(window, "shortcuts"),
        shortcut="Ctrl+/",
        icon_name="keyboard",
    )
    window.action_bound = [
        window.a_duplicate,
        window.a_move,
        window.a_delete,
        window.a_export_bundle,
        window.a_declaration,
        window.a_import_csv,
        window.a_runsheets,
        window.a_press,
        window.a_advisory,
        window.a_calendar,
        window.a_import_ics,
        window.a_volunteer_pack,
        window.a_live,
        window.a_stage,
        window.a_checkin,
        window.a_debrief,
    ]
    window.db_bound = [
        window.a_new_action,
        window.a_import,
        window.a_prefs,
        window.a_backup,
        window.a_directory,
        window.a_purge,
        window.a_passphrase,
        window.a_restore,
        window.a_copy_db,
        window.a_demo,
    ]
    stack = window.ctx.undo_stack
    stack.canUndoChanged.connect(lambda _v: window._update_undo())
    stack.canRedoChanged.connect(lambda _v: window._update_undo())
    stack.indexChanged.connect(lambda _v: window._update_undo())


def add_menu(window, name: str, title: str, items: list) -> QMenu:
    menu = window.menuBar().addMenu("")
    menu.setObjectName(name)
    window._texts.append((menu, title))
    for item in items:
        if item is None:
            menu.addSeparator()
        elif isinstance(item, QMenu):
            menu.addMenu(item)
        else:
            menu.addAction(item)
    return menu


def build_menus(window) -> None:
    window.recent_menu = QMenu(window)
    window.recent_menu.setObjectName("recent_menu")
    window._texts.append((window.recent_menu, N_("Recen&t databases")))
    window.recent_menu.aboutToShow.connect(lambda: files.fill_recent_menu(window))
    window.recent_menu.setIcon(icon("open"))
    add_menu(
        window,
        "file_menu",
        N_("&File"),
        [
            window.a_new_db,
            window.a_open_db,
            window.a_open_url,
            window.recent_menu,
            None,
            window.a_import,
            window.a_export_bundle,
            window.a_import_ics,
            None,
            window.a_backup,
            window.a_restore,
            window.a_copy_db,
            window.a_passphrase,
            window.a_lock,
            None,
            window.a_quit,
        ],
    )
    add_menu(
        window,
        "edit_menu",
        N_("&Edit"),
        [window.a_undo, window.a_redo, None, window.a_find, None, window.a_prefs],
    )
    window.go_menu = QMenu(window)
    window._texts.append((window.go_menu, N_("&Go to tab")))
    for go in window.tab_actions:
        window.go_menu.addAction(go)
    add_menu(
        window,
        "view_menu",
        N_("&View"),
        [
            window.a_toggle_list,
            window.a_fullscreen,
            None,
            window.a_live,
            window.a_stage,
            window.a_checkin,
            None,
            window.go_menu,
        ],
    )
    add_menu(
        window,
        "action_menu",
        N_("&Action"),
        [
            window.a_new_action,
            window.a_duplicate,
            window.a_move,
            None,
            window.a_declaration,
            window.a_debrief,
            None,
            window.a_delete,
        ],
    )
    add_menu(window, "people_menu", N_("&People"), [window.a_directory, window.a_import_csv])
    add_menu(
        window,
        "export_menu",
        N_("E&xport"),
        [
            window.a_runsheets,
            window.a_press,
            window.a_advisory,
            window.a_calendar,
            window.a_volunteer_pack,
            None,
            window.a_export_bundle,
        ],
    )
    add_menu(window, "tools_menu", N_("&Tools"), [window.a_purge])
    add_menu(
        window,
        "help_menu",
        N_("&Help"),
        [window.a_guide, window.a_shortcuts, None, window.a_demo, None, window.a_about],
    )


def build_toolbar(window) -> None:
    bar = QToolBar(window)
    bar.setObjectName("main_toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.toolbar = bar
    for item in (
        window.a_undo,
        window.a_redo,
        None,
        window.a_new_action,
        None,
        window.a_runsheets,
        window.a_press,
        window.a_calendar,
    ):
        if item is None:
            bar.addSeparator()
        else:
            bar.addAction(item)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
