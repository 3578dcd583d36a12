"""Every dialog of the real window, opened from its menu item: the focus starts in a field,
Tab follows the visual order, every control is named for screen readers and reachable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ui.dialog_policy import APPLIED

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)
CHOICES = (QCheckBox, QRadioButton)

# (QAction attribute, objectName of the dialog it opens)
WINDOW_DIALOGS = [
    ("a_new_db", "new_database_dialog"),
    ("a_open_url", "open_url_dialog"),
    ("a_export_bundle", "export_bundle_dialog"),
    ("a_backup", "backup_dialog"),
    ("a_passphrase", "change_passphrase_dialog"),
    ("a_prefs", None),
    ("a_new_action", "new_action_dialog"),
    ("a_duplicate", "duplicate_dialog"),
    ("a_move", "move_dialog"),
    ("a_declaration", None),
    ("a_directory", None),
    ("a_runsheets", None),
    ("a_press", None),
    ("a_calendar", None),
    ("a_import_ics", None),
    ("a_purge", None),
]


def _tab_chain(dialog: QWidget) -> list[QWidget]:
    out, seen = [], set()
    w = dialog.nextInFocusChain()
    while w is not None and w is not dialog and id(w) not in seen:
        seen.add(id(w))
        if (
            dialog.isAncestorOf(w)
            and w.isVisibleTo(dialog)
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
            and not isinstance(w, QTabBar)
        ):
            out.append(w)
        w = w.nextInFocusChain()
    return out


def _in_buttons(dialog, w) -> bool:
    p = w.parentWidget()
    while p is not None and p is not dialog:
        if isinstance(p, QDialogButtonBox):
            return True
        p = p.parentWidget()
    return False


def _box(dialog, w):
    top_left = w.mapTo(dialog, QPoint(0, 0))
    return top_left.x(), top_left.y(), w.width(), w.height()


def _owner(w):
    p = w.parentWidget()
    return p if isinstance(w, QLineEdit) and isinstance(p, QComboBox | QAbstractSpinBox) else w


def problems_of(dialog: QDialog) -> list[str]:
    problems: list[str] = []
    name = dialog.objectName() or type(dialog).__name__
    chain = _tab_chain(dialog)
    focus = QApplication.focusWidget()
    if focus in chain:  # read the cycle from where the user starts
        start = chain.index(focus)
        chain = chain[start:] + chain[:start]
    body = [w for w in chain if not _in_buttons(dialog, w)]
    inputs = [w for w in body if isinstance(_owner(w), INPUTS)]
    choices = [w for w in body if isinstance(w, CHOICES)]
    if inputs or choices:
        ok = focus is not None and dialog.isAncestorOf(focus)
        ok = ok and isinstance(_owner(focus), INPUTS if inputs else CHOICES)
        if not ok:
            got = focus.objectName() or type(focus).__name__ if focus else None
            problems.append(f"{name}: the focus starts on {got}, not in a field")
    if any(
        _in_buttons(dialog, a) and not _in_buttons(dialog, b)
        for a, b in zip(chain, chain[1:], strict=False)
    ):
        problems.append(f"{name}: Tab goes from the buttons back into the fields")
    for a, b in zip(body, body[1:], strict=False):
        ax, ay, aw, ah = _box(dialog, a)
        bx, by, bw, bh = _box(dialog, b)
        same_row = ay < by + bh / 2 < ay + ah or by < ay + ah / 2 < by + bh
        if (same_row and bx < ax) or (not same_row and by + bh / 2 < ay + ah / 2):
            problems.append(
                f"{name}: Tab goes from {a.objectName() or type(a).__name__} back up to "
                f"{b.objectName() or type(b).__name__}"
            )
    for w in chain:
        if not w.accessibleName():
            problems.append(f"{name}: {w.objectName() or type(w).__name__} has no accessible name")
    reachable = {id(w) for w in chain}
    for w in dialog.findChildren(QWidget):
        if not (w.isVisibleTo(dialog) and w.isEnabled()) or not isinstance(
            w, INPUTS + (QAbstractButton,)
        ):
            continue
        if isinstance(w, QHeaderView):  # reached through its table
            continue
        mnemonic = isinstance(w, QAbstractButton) and "&" in w.text().replace("&&", "")
        if id(w) not in reachable and id(w.focusProxy() or w) not in reachable and not mnemonic:
            if (
                isinstance(w, QAbstractButton)
                and w.parentWidget() is not None
                and isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
            ):
                continue
            problems.append(
                f"{name}: {w.objectName() or type(w).__name__} cannot be reached from the keyboard"
            )
    return problems


def open_and_check(qtbot, trigger, expected_name: str | None) -> list[str]:
    """Trigger, check the dialog that opens (modal or not), close it; the problems found."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    found: list[str] = []
    result: dict = {}

    def handle() -> None:
        new = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and id(w) not in before
        ]
        if not new:
            QTimer.singleShot(10, handle)
            return
        dialog = new[0]
        settled = dialog.property(APPLIED) and QApplication.activeWindow() is dialog
        if not settled and result.setdefault("waits", 0) < 100:
            result["waits"] += 1
            QTimer.singleShot(10, handle)
            return
        result["name"] = dialog.objectName()
        found.extend(problems_of(dialog))
        dialog.reject()
        result["done"] = True

    QTimer.singleShot(0, handle)
    trigger()
    qtbot.waitUntil(lambda: result.get("done"), timeout=5000)
    if expected_name is not None and result.get("name") != expected_name:
        found.append(f"expected {expected_name}, got {result.get('name')}")
    return found


@pytest.mark.parametrize(("action", "expected"), WINDOW_DIALOGS, ids=[a for a, _ in WINDOW_DIALOGS])
def test_every_window_dialog_is_usable_from_the_keyboard(qtbot, main_window, action, expected):
    act = getattr(main_window, action)
    assert act.isEnabled(), action
    problems = open_and_check(qtbot, act.trigger, expected)
    assert not problems, "\n".join(problems)


def test_tab_dialogs_are_usable_from_the_keyboard(qtbot, main_window):
    problems = []
    main_window.a_go_people = main_window.tab_actions[3]
    main_window.tab_actions[3].trigger()
    people = main_window.tab_widgets["people"]
    for name in ("assign", "add_role"):
        button = people.findChild(QAbstractButton, name)
        problems += open_and_check(qtbot, button.click, None)
    assert not problems, "\n".join(problems)


def test_new_action_starts_in_the_title_and_enter_submits_only_a_valid_form(qtbot, main_window):
    seen = {}

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, handle)
            return
        if QApplication.activeWindow() is not dialog or not dialog.property(APPLIED):
            QTimer.singleShot(10, handle)
            return
        focus = QApplication.focusWidget()
        seen["focus"] = focus.objectName()
        qtbot.keyClick(focus, Qt.Key.Key_Space)
        qtbot.keyClick(focus, Qt.Key.Key_Return)  # a blank title: refused, stays open
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.errors["title"].text()
        qtbot.keyClicks(QApplication.focusWidget(), "Masks for the cameras")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(0, handle)
    main_window.a_new_action.trigger()
    assert seen == {"focus": "title", "open": True, "error": "is required"}
    assert main_window.header_title.text() == "Masks for the cameras"


def test_assign_dialog_tab_goes_through_the_call_time_checkbox_before_the_time(qtbot, main_window):
    main_window.tab_actions[3].trigger()
    people = main_window.tab_widgets["people"]
    order = {}

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, handle)
            return
        if not dialog.property(APPLIED):
            QTimer.singleShot(10, handle)
            return
        chain = [w.objectName() for w in _tab_chain(dialog)]
        order["chain"] = chain
        dialog.reject()

    QTimer.singleShot(0, handle)
    people.findChild(QAbstractButton, "assign").click()
    chain = order["chain"]
    assert chain.index("has_call") < chain.index("call_time") < chain.index("confirmed")
