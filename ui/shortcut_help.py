"""What Help → Keyboard shortcuts lists, collected from the window itself when the dialog opens,
so the list is always true:

- every QAction of the window with a shortcut, grouped by the menu it is in (then the tab or
  list it belongs to, for actions outside the menus such as the People tab's context menu);
- every enabled QShortcut of the window that says what it does (``describe``, or its
  ``whatsThis``; ``wire_table`` describes the Insert, F2, Delete keys of each list), grouped by
  the tab it is in;
- keys a widget handles in its own ``keyPressEvent`` (the timeline, the live screen), which have
  no QAction or QShortcut to find: their modules ``register`` them once at import.

Texts are stored as msgids and translated when the dialog opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

from app.i18n import N_, _, pgettext, ui

HELP_TEXT = "shortcut_help_text"  # QShortcut property: the msgid of what the key does
HELP_GROUP = "shortcut_help_group"  # QShortcut property: the msgid of its group (optional)


@dataclass(frozen=True)
class Entry:
    group: str  # translated
    command: str  # translated
    keys: str  # native text, e.g. "Ctrl+Z, Ctrl+Y"
    source: object = None  # the QAction or QShortcut (None for registered keys)


# (group msgid, portable key text, command msgid); the first ones are keys of widgets that
# handle them in keyPressEvent: ui/tabs/timeline.py, ui/widgets/text_edit.py, the lists' Enter.
BUILT_IN: tuple[tuple[str, str, str], ...] = (
    (N_("Schedule"), "Left", N_("Timeline: select the previous cue")),
    (N_("Schedule"), "Right", N_("Timeline: select the next cue")),
    # Translators: a group in the keyboard shortcuts dialog: keys in any list of a tab
    (N_("Lists"), "Return", N_("Edit the selected row (or double-click it)")),
    # Translators: a group in the keyboard shortcuts dialog: keys in text fields
    (N_("Text fields"), "Ctrl+Return", N_("Save a text of several lines and leave it")),
    (N_("Text fields"), "Ctrl+Z", N_("Undo the typing, or the last saved edit of the field")),
)
_REGISTERED: list[tuple[str, str, str]] = list(BUILT_IN)


def register(group: str, keys: str, command: str) -> None:
    """Declare a key a widget handles itself (no QAction or QShortcut): ``group`` and
    ``command`` are msgids (mark them with ``N_``), ``keys`` in portable text ("Alt+Up")."""
    item = (group, keys, command)
    if item not in _REGISTERED:
        _REGISTERED.append(item)


def describe(shortcut: QShortcut, command: str, group: str | None = None) -> QShortcut:
    """Say what ``shortcut`` does (a msgid), so the shortcuts dialog lists it."""
    shortcut.setProperty(HELP_TEXT, command)
    if group:
        shortcut.setProperty(HELP_GROUP, group)
    return shortcut


def native(keys: list[QKeySequence]) -> str:
    return ui().comma_list(
        k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys if not k.isEmpty()
    )


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _walk(menu: QMenu, group: str, out: list[Entry], seen: set) -> None:
    for action in menu.actions():
        sub = action.menu()
        if sub is not None:
            # Translators: a submenu's group in the keyboard shortcuts dialog ("View → Go to tab")
            path = _("{menu} → {submenu}").format(menu=group, submenu=_plain(sub.title()))
            _walk(sub, path, out, seen)
            continue
        if action.isSeparator() or action in seen:
            continue
        keys = native(action.shortcuts())
        if keys:
            seen.add(action)
            out.append(Entry(group, _plain(action.text()), keys, action))


def _group_of(window, widget: QWidget | None) -> str:
    """The title of the tab ``widget`` is in, else "Actions list" or "Window"."""
    tabs = getattr(window, "tabs", None)
    while widget is not None and widget is not window:
        if tabs is not None:
            index = tabs.indexOf(widget)
            if index >= 0:  # the tab's title, without its badge ("Readiness (4)")
                title = getattr(widget, "title", None)
                return _plain(title() if callable(title) else tabs.tabText(index))
        if widget is getattr(window, "actions_panel", None):
            # Translators: a group in the keyboard shortcuts dialog (the list on the left)
            return _("Actions list")
        widget = widget.parentWidget()
    # Translators: a group in the keyboard shortcuts dialog: keys that work in the whole window
    return pgettext("shortcuts group", "Window")


def collect(window) -> list[Entry]:
    """Every shortcut of ``window`` now, menus first (in menu-bar order), no duplicate."""
    out: list[Entry] = []
    seen: set = set()
    tabs = getattr(window, "tab_widgets", None)
    if tabs is not None and getattr(window, "action_id", None) is not None:
        for key in tabs:  # tabs are built when first shown: their keys belong in the list too
            tabs[key]
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            _walk(menu, _plain(menu.title()), out, seen)
    for action in window.findChildren(QAction):
        if action in seen or action.isSeparator():
            continue
        keys = native(action.shortcuts())
        if not keys:
            continue
        seen.add(action)
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        group = _group_of(window, owners[0] if owners else None)
        out.append(Entry(group, _plain(action.text()) or action.objectName(), keys, action))
    listed: set[tuple[str, str, str]] = set()
    for shortcut in window.findChildren(QShortcut):
        msgid = shortcut.property(HELP_TEXT)
        command = _(msgid) if msgid else shortcut.whatsThis()  # whatsThis: already translated
        keys = native(shortcut.keys())
        if not command or not keys or not shortcut.isEnabled():
            continue
        group_id = shortcut.property(HELP_GROUP)
        group = _(group_id) if group_id else _group_of(window, shortcut.parent())
        item = (group, command, keys)
        if item not in listed:  # two tables of a tab share Insert/F2/Delete
            listed.add(item)
            out.append(Entry(*item, shortcut))
    for group_id, keys, command in _REGISTERED:
        item = (_(group_id), _(command), native([QKeySequence(keys)]))
        if item not in listed:
            listed.add(item)
            out.append(Entry(*item))
    return out


def groups(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """``entries`` grouped, groups in their first-seen order."""
    order: dict[str, list[Entry]] = {}
    for entry in entries:
        order.setdefault(entry.group, []).append(entry)
    return list(order.items())


def matches(entry: Entry, needle: str) -> bool:
    needle = needle.strip().casefold()
    return not needle or any(
        needle in text.casefold() for text in (entry.command, entry.keys, entry.group)
    )
