"""One keyboard policy for every dialog of the app, applied when a dialog is first shown.

* Tab follows what the eye reads: top to bottom, left to right within a row; the dialog's
  buttons come last.
* The focus starts in the first field (never on OK, where typing is lost and a space submits;
  never on a checkbox, which a space toggles) unless the dialog put it in a field itself.
* Every control has an accessible name for screen readers: its buddy label, the label of its
  form row, its own text, or its placeholder.
* A dialog that was closed (OK, Cancel, Escape, its close button) is deleted once the code that
  opened it has read its answer and the event loop it was opened from runs again (not a loop
  nested in that code: a file dialog it led to), unless it is still shown or asked to be kept
  (``KEEP``). Before, every "New action…" or edit left its dialog behind for the rest of the
  session (50 of them: 26 MB, and a language switch 7× slower).

Dialogs keep their own explicit choices (a focus already in a field, names already set): the
policy only fills what is missing, so one event filter makes every dialog behave the same.
"""

from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QThread, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

FIELD_TYPES = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)
CHOICE_TYPES = (QCheckBox, QRadioButton)
_DONE = "_cortege_dialog_policy"
APPLIED = "cortege_dialog_policy_applied"  # set once the dialog has been settled
KEEP = "cortege_keep_when_closed"  # a dialog shown again later: not deleted when it closes
NESTED_RETRY_MS = 100  # a closed dialog waits this long for a nested event loop to end
_OPENED_AT = "_cortege_opened_at_loop_level"  # where the code that opened the dialog runs


def is_field(widget: QWidget | None) -> bool:
    """A control the user types in or picks from (not a button, not a checkbox)."""
    if widget is None or not isinstance(widget, FIELD_TYPES):
        return False
    return not (isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly())


def _owner(widget: QWidget) -> QWidget:
    """The control a focus proxy or an inner line edit belongs to (a combo's, a spin box's)."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
        return parent
    return widget


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches inside ``root``, in Qt's focus-chain order."""
    out: list[QWidget] = []
    seen: set[int] = set()
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if (
            root.isAncestorOf(widget)
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and not isinstance(widget, QTabBar)
        ):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def rect_in(root: QWidget, widget: QWidget) -> QRect:
    top_left = widget.mapTo(root, QPoint(0, 0))
    return QRect(top_left, widget.size())


def visually_before(root: QWidget, a: QWidget, b: QWidget) -> int:
    """-1 when ``a`` is read before ``b``: a higher row, or the same row further left."""
    ra, rb = rect_in(root, a), rect_in(root, b)
    same_row = ra.top() < rb.center().y() < ra.bottom() or rb.top() < ra.center().y() < rb.bottom()
    if same_row:
        return (ra.left() > rb.left()) - (ra.left() < rb.left())
    return (ra.center().y() > rb.center().y()) - (ra.center().y() < rb.center().y())


def _in_button_box(root: QWidget, widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QDialogButtonBox):
            return True
        parent = parent.parentWidget()
    return False


def order_tabs(root: QWidget) -> list[QWidget]:
    """Set the Tab order of ``root`` to the visual order; returns it."""
    stops = tab_stops(root)
    body = [w for w in stops if not _in_button_box(root, w)]
    buttons = [w for w in stops if _in_button_box(root, w)]
    body.sort(key=cmp_to_key(lambda a, b: visually_before(root, a, b)))
    chain = body + buttons
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)
    return chain


def _label_text(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def _buddy_labels(root: QWidget) -> dict[int, str]:
    out: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            out[id(buddy)] = _label_text(label.text())
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            text = _label_text(label.widget().text())
            if not text:
                continue
            target = field.widget()
            widgets = [target] if target is not None else []
            if target is not None:
                widgets += target.findChildren(QWidget)
            elif field.layout() is not None:
                lay = field.layout()
                widgets = [lay.itemAt(i).widget() for i in range(lay.count())]
            for w in widgets:
                if w is not None:
                    out.setdefault(id(w), text)
    return out


def name_controls(root: QWidget) -> None:
    """Give every control without an accessible name the one a sighted user reads beside it."""
    labels = _buddy_labels(root)
    for widget in root.findChildren(QWidget):
        if widget.accessibleName() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        owner = _owner(widget)
        name = labels.get(id(widget)) or labels.get(id(owner), "")
        if not name and isinstance(widget, QAbstractButton):
            name = _label_text(widget.text()).rstrip("…") or widget.toolTip()
        if not name and isinstance(widget, QLineEdit):
            name = widget.placeholderText()
        if not name and owner is not widget:
            name = owner.accessibleName()
        if not name:
            name = widget.toolTip()
        if name:
            widget.setAccessibleName(name)


def settle_focus(root: QWidget) -> None:
    """Put the focus in the first field unless the dialog already put it in one."""
    current = root.focusWidget()
    if current is not None and root.isAncestorOf(current) and is_field(_owner(current)):
        return
    stops = order_tabs(root)
    for wanted in (is_field, lambda w: isinstance(w, CHOICE_TYPES)):
        for widget in stops:
            if wanted(_owner(widget)):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return


def apply(dialog: QWidget) -> None:
    """The whole policy, once per dialog (call it again after rebuilding its fields)."""
    order_tabs(dialog)
    name_controls(dialog)
    settle_focus(dialog)
    dialog.setProperty(APPLIED, True)


def _on_show(watched: QObject, event: QEvent) -> bool:  # noqa: ARG001 - a Show event
    if (
        isinstance(watched, QDialog)
        and not isinstance(watched, QFileDialog)
        and not watched.property(_DONE)
    ):
        watched.setProperty(_DONE, True)
        # exec() shows its dialog before its own loop starts: the opener's level (at least
        # the main loop's, 1: a test's code runs outside any loop)
        watched.setProperty(_OPENED_AT, max(1, QThread.currentThread().loopLevel()))
        # Once the dialog has laid itself out (positions decide the Tab order); the
        # dialog is the timer's context, so nothing runs if it is gone by then.
        QTimer.singleShot(0, watched, lambda d=watched: apply(d))
        if not isinstance(watched, QProgressDialog):  # its worker closes it, then deletes it
            watched.finished.connect(lambda _result, d=watched: _delete_when_done(d))
    return False


def alive(widget: QWidget | None) -> QWidget | None:
    """``widget``, or None once it is deleted: code that remembers a dialog (to raise it
    again, to replace it) asks this first, since a closed dialog is deleted."""
    return widget if widget is not None and isValid(widget) else None


def _delete_when_done(dialog: QDialog) -> None:
    """Once the event loop runs again (the opener has read the answer by then): a dialog
    ``exec()``-ed again at once is shown by then, and stays."""
    QTimer.singleShot(0, dialog, lambda: _delete_if_closed(dialog))


def _delete_if_closed(dialog: QDialog) -> None:
    if dialog.isVisible() or dialog.property(KEEP):
        return
    if QThread.currentThread().loopLevel() > dialog.property(_OPENED_AT):
        # An event loop inside the code that opened the dialog (a file dialog, a question it
        # led to): that code reads the dialog's answer once the loop ends. Later, then.
        QTimer.singleShot(NESTED_RETRY_MS, dialog, lambda: _delete_if_closed(dialog))
        return
    dialog.deleteLater()


def install() -> None:
    """Apply the policy to every dialog the application shows from now on (once per process)."""
    from ui.event_hub import listen_app_wide

    listen_app_wide((QEvent.Type.Show,), _on_show)
