"""Table cells read the right way round in an Arabic window, numbers and Latin texts too.

A phone number ("+33 1 40 00 00 00") has no letter to tell its direction, so a right-to-left
view lays it out right to left and its groups come out reversed ("00 00 00 40 1 33+"). This
delegate draws such a cell left to right, still at the cell's right (a left-to-right mark before
it, at paint time only: the model, the clipboard and the editor keep the number as typed).

A Latin text in a right-to-left view ("Boulevard de Ménilmontant", a cue's place) was laid
out in the view's direction: its final full stop and, once cut, its "…" came out at its left
("…Boulevard de Mé"). It is laid out in its own direction, still at the cell's right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from app.i18n import first_strong

LRM = "\u200e"


def has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of any script."""
    return first_strong(text) is not None


def reads_rtl(text: str) -> bool:
    """Whether ``text`` reads right to left: its first letter is Arabic or Hebrew, or it has
    none (a time such as "9:30 ص" takes the right-to-left window's direction)."""
    return first_strong(text) != "ltr"


class NumbersLeftToRight(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = super().createEditor(parent, option, index)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, str) and value and not has_letters(value):
            editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a number, typed as read
        return editor

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        text = option.text
        if option.direction != Qt.LayoutDirection.RightToLeft or not text:
            return
        seen = first_strong(text)
        if seen is None:
            option.text = LRM + text
        elif seen == "ltr" and not option.features & option.ViewItemFeature.HasDecoration:
            # (a cell with an icon keeps the view's direction: the icon stays at its start)
            side = QStyle.visualAlignment(option.direction, option.displayAlignment)
            option.direction = Qt.LayoutDirection.LeftToRight
            option.displayAlignment = side | Qt.AlignmentFlag.AlignAbsolute


def left_to_right(edit):
    """``edit`` (a phone or e-mail field) typed and shown left to right in any window: in a
    right-to-left one a phone number's groups came out reversed while typed."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit


def install(view) -> None:
    """Give ``view`` (a table) the delegate, for every column without one of its own."""
    view.setItemDelegate(NumbersLeftToRight(view))
