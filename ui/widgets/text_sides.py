"""Multi-line plain-text fields start a right-to-left text at the right, as one-line fields do.

``QPlainTextEdit`` lays out every paragraph from the left edge, whatever its direction: in the
Arabic window the last line of an Arabic description, or a short Arabic note, stood at the left
of its field while a one-line field beside it set the same text from the right. (``QTextEdit``
aligns each paragraph by its own direction; the plain editor takes one alignment for the whole
document.) Each plain-text field in the application follows its text's first letter, as HTML's
``dir="auto"`` does; an empty field follows the window, where typing starts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QPlainTextEdit

from ui.widgets.bidi_delegate import first_strong

_FOLLOWING = "cortegeFollowsTextDirection"


def align_to_text(edit: QPlainTextEdit) -> None:
    """Set ``edit``'s paragraphs on the side its text starts from (now)."""
    seen = first_strong(edit.toPlainText())
    rtl = seen == "rtl" if seen else edit.isRightToLeft()
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    wanted = Qt.AlignmentFlag.AlignAbsolute | side
    document = edit.document()
    option = document.defaultTextOption()
    if option.alignment() != wanted:
        option.setAlignment(wanted)
        document.setDefaultTextOption(option)


def follow_text_direction(edit: QPlainTextEdit) -> None:
    """Keep ``edit`` aligned to its text as it is typed, loaded or cleared (idempotent)."""
    if edit.property(_FOLLOWING):
        return
    edit.setProperty(_FOLLOWING, True)
    edit.textChanged.connect(lambda e=edit: align_to_text(e))
    align_to_text(edit)


def _on_event(watched: QObject, event: QEvent) -> bool:
    if isinstance(watched, QPlainTextEdit):
        if event.type() == QEvent.Type.Polish:
            follow_text_direction(watched)  # once, before it is first shown
        elif watched.property(_FOLLOWING):
            align_to_text(watched)  # the window changed direction: an empty field follows
    return False


def install() -> None:
    """Every plain-text field the application shows from now on (once per process)."""
    from ui.event_hub import listen_app_wide

    listen_app_wide((QEvent.Type.Polish, QEvent.Type.LayoutDirectionChange), _on_event)
