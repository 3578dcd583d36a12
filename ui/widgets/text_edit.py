"""Editors that say when the user is done, so each field commits once as one undo step."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

from app.i18n import first_strong

#: Dates in editors: weekday, day, month name and year, named in the UI's locale by Qt.
DATE_FORMAT = "ddd d MMM yyyy"

#: Pixels between a text box's frame and its text (Qt's own document margin).
_MARGIN = 4


def _line_height(font: QFont) -> float:
    """The height of one line of ``font`` as a plain text box lays it out (leading included).

    Not QFontMetricsF.lineSpacing(): the layout rounds the ascent and descent of hinted fonts
    (a 7 px font's spacing is 8.125, its lines are 9 px high).
    """
    layout = QTextLayout("Xg", font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLeadingIncluded(True)
    layout.endLayout()
    return line.height()


def plain_text(edit: QPlainTextEdit) -> str:
    """The text of ``edit`` as typed. Qt's ``toPlainText()`` turns every no-break space into a
    plain one: a press release's "1 200 €" and « … » broke across lines on paper, and only
    clicking into a body that held them rewrote it without them (as one more undo step)."""
    return edit.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


class CommitTextEdit(QPlainTextEdit):
    """A multi-line editor with ``editingFinished`` (focus out, or Ctrl+Enter) like QLineEdit.

    Tab moves the focus instead of typing a tab, so the form stays usable from the keyboard.
    The box is ``lines`` whole lines high in its font: a longer text scrolls a line at a time and
    never shows the top of a line cut at the bottom edge.
    """

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.lines = lines
        # Qt's document margin sits above the first line only: once the text scrolls, lines
        # start at the viewport's top edge and a box of whole lines shows a slice of the next.
        # The margin goes around the viewport instead, painted in the text's background.
        self.document().setDocumentMargin(0)
        self.setViewportMargins(*(_MARGIN,) * 4)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        # Lines wrap at the box's width, so there is nothing to scroll sideways; but Qt measures
        # a line shrinking as its width + 8 (the default margin, twice), which would give a
        # scroll bar of 8 pixels and, right to left, shift the text off the right edge.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalScrollBar().rangeChanged.connect(self._no_sideways_scroll)
        self._height = 0
        self._fit_lines()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._original = ""
        self._placeholder = ""

    def _fit_lines(self) -> None:
        # QPlainTextEdit counts a line as fitting when it ends above the viewport's height - 1:
        # a viewport of lines x spacing + 1 holds exactly ``lines`` of them with no scroll bar,
        # and a longer text shows the first pixel row of the next line (blank: the ascent).
        viewport = math.ceil(_line_height(self.document().defaultFont()) * self.lines) + 1
        margins = self.contentsMargins()
        viewport_margins = self.viewportMargins()
        height = (
            viewport
            + margins.top()
            + margins.bottom()
            + viewport_margins.top()
            + viewport_margins.bottom()
        )
        if height != self._height:
            self._height = height
            self.setMinimumHeight(height)
            self.updateGeometry()

    def _no_sideways_scroll(self, _minimum: int, maximum: int) -> None:
        if maximum and self.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth:
            self.horizontalScrollBar().setRange(0, 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_lines()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # A scroll area asks for room for its scroll bar's arrows (70 px), which layouts honour
        # over the size hint: a two-line box would grow to four lines and a half.
        return QSize(super().minimumSizeHint().width(), self._height)

    def toPlainText(self) -> str:  # noqa: N802 - Qt's name: every caller gets the typed text
        return plain_text(self)

    # --- grey text: painted here, each paragraph from its own side ---------------------------
    # Qt paints a box's placeholder in one piece with the window's direction: a French
    # advisory's plan text in an Arabic window read from the right, its parts reversed
    # ("Banner unrolled (Pavement by the gate) — 09:55"), a long line run off the left edge.
    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text != self._placeholder:
            self._placeholder = text
            self.viewport().update()

    def placeholderText(self) -> str:  # noqa: N802 - Qt's name
        return self._placeholder

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._placeholder and self.document().isEmpty():
            self._paint_placeholder()

    def _paint_placeholder(self) -> None:
        viewport = self.viewport()
        painter = QPainter(viewport)
        painter.setPen(self.palette().placeholderText().color())
        font = self.document().defaultFont()
        width, bottom = viewport.width(), viewport.height()
        top = 0.0
        for paragraph in self._placeholder.split("\n"):
            layout = QTextLayout(paragraph, font, viewport)
            side = first_strong(paragraph) or (
                "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
            )
            rtl = side == "rtl"
            # from its own side, as the same words typed would be
            option = QTextOption(
                (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignAbsolute
            )
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            option.setTextDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLeadingIncluded(True)
                line.setLineWidth(width)
                line.setPosition(QPointF(0, top))
                top += line.height()
            layout.endLayout()
            layout.draw(painter, QPointF(0, 0))
            if top >= bottom:
                break
        painter.end()

    def set_text(self, text: str) -> None:
        """Show ``text`` without it counting as an edit."""
        if self.toPlainText() != text:
            self.setPlainText(text)
        self._original = text

    def is_modified(self) -> bool:
        return self.toPlainText() != self._original

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if self.is_modified():
            self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.is_modified():
                self.editingFinished.emit()
            return
        super().keyPressEvent(event)
