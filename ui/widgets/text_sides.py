"""Multi-line plain-text fields start a right-to-left text at the right, as one-line fields do.

``QPlainTextEdit`` lays out every paragraph from the left edge, whatever its direction: in the
Arabic window the last line of an Arabic description, or a short Arabic note, stood at the left
of its field while a one-line field beside it set the same text from the right. (``QTextEdit``
aligns each paragraph by its own direction; the plain editor takes one alignment for the whole
document.) Each plain-text field in the application follows its text's first letter, as HTML's
``dir="auto"`` does; an empty field follows the window, where typing starts.
"""

from __future__ import annotations

from weakref import WeakSet

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit
from shiboken6 import isValid

from app.i18n import first_strong

_FOLLOWING = "cortegeFollowsTextDirection"
_followed: WeakSet[QPlainTextEdit] = WeakSet()


def align_to_text(edit: QPlainTextEdit) -> None:
    """Set ``edit``'s paragraphs on the side its text starts from (now)."""
    seen = first_strong(edit.toPlainText())
    rtl = seen == "rtl" if seen else _window_reads_rtl(edit)
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    wanted = Qt.AlignmentFlag.AlignAbsolute | side
    document = edit.document()
    option = document.defaultTextOption()
    if option.alignment() != wanted:
        option.setAlignment(wanted)
        document.setDefaultTextOption(option)


def _window_reads_rtl(edit: QPlainTextEdit) -> bool:
    """The direction an empty field starts typing in: its own if set, else the application's
    (a child widget learns of a switch only once Qt's events have run)."""
    if edit.testAttribute(Qt.WidgetAttribute.WA_SetLayoutDirection):
        return edit.isRightToLeft()
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def follow_text_direction(edit: QPlainTextEdit) -> None:
    """Keep ``edit`` aligned to its text as it is typed, loaded or cleared (idempotent)."""
    if edit.property(_FOLLOWING):
        return
    edit.setProperty(_FOLLOWING, True)
    edit.textChanged.connect(lambda e=edit: align_to_text(e))
    _followed.add(edit)
    align_to_text(edit)


def realign_all() -> None:
    """Every followed field once more, after the window changed direction (an empty field
    starts on the window's side): one pass from ``ui.i18n_qt.apply_language``, rather than
    Python code in Qt's walk over every widget."""
    for edit in list(_followed):
        if isValid(edit):
            align_to_text(edit)


def _on_event(watched: QObject, _event: QEvent) -> bool:
    if isinstance(watched, QPlainTextEdit):
        follow_text_direction(watched)  # once, when it is polished before it is first shown
    return False


def install() -> None:
    """Every plain-text field the application shows from now on (once per process)."""
    from ui.event_hub import listen_app_wide

    listen_app_wide((QEvent.Type.Polish,), _on_event)
