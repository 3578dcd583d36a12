"""Message boxes read from the right in a right-to-left language, whatever word comes first.

A message box lays its text out by the text's first letter: an Arabic message that opens with a
path, a name or a format's name ("/home/ana/plan.cortege ليس قاعدة بيانات Cortège", "JSON غير
صالح: …") was laid out from the left, its parts in reverse order for a reader from the right.
Every message box the application shows (ours, and Qt's own, such as a file dialog's "replace?")
gets ``Translator.sentence`` (``app.i18n.our_sentence``) on its text when it is shown; rich
text is left as it is.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from app.i18n import ui


def _plain(box: QMessageBox, text: str) -> bool:
    if box.textFormat() == Qt.TextFormat.PlainText:
        return True
    return box.textFormat() == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)


def from_the_right(box: QMessageBox) -> None:
    """``box``'s texts laid out from the right, in a right-to-left language (idempotent)."""
    if ui().document_direction != "rtl":
        return
    for get, put in ((box.text, box.setText), (box.informativeText, box.setInformativeText)):
        text = get()
        if text and _plain(box, text):
            marked = ui().sentence(text)
            if marked != text:
                put(marked)


def _on_show(watched: QObject, _event: QEvent) -> bool:
    if isinstance(watched, QMessageBox):
        from_the_right(watched)
    return False


def install() -> None:
    """Every message box the application shows from now on (once per process)."""
    from ui.event_hub import listen_app_wide

    listen_app_wide((QEvent.Type.Show,), _on_show)
