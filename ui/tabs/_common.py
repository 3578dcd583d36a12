"""Small pieces the action tabs share: tables with an empty state, buttons, palette colours."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from app.i18n import _, ui

SPACING = 8  # between controls; margins are the style's own


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    """A red readable on the palette's base colour (the palette has no error role)."""
    return QColor("#ff7b72") if is_dark(palette) else QColor("#b3261e")


def warning_background(palette: QPalette) -> QColor:
    """A faint tint of the error colour over the base colour, for highlighted cells."""
    base = palette.color(QPalette.ColorRole.Base)
    tint = error_color(palette)
    mix = 0.22 if is_dark(palette) else 0.14
    return QColor(
        round(base.red() * (1 - mix) + tint.red() * mix),
        round(base.green() * (1 - mix) + tint.green() * mix),
        round(base.blue() * (1 - mix) + tint.blue() * mix),
    )


def fmt_time(instant: datetime | None, tz) -> str:
    return "" if instant is None else ui().time(instant.astimezone(tz), "short")


def fmt_date(value: date | None) -> str:
    return "" if value is None else ui().date(value, "medium")


def fmt_minutes(minutes: int) -> str:
    """'5 min', '120 min': a run of show counts in minutes (babel's unit format)."""
    from babel.units import format_unit

    return format_unit(minutes, "duration-minute", length="short", locale=ui().lang)


class EmptyTableView(QTableView):
    """A table that says what to do when it has no rows, instead of showing a blank grid."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._empty_text = ""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self._describe()
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def is_empty(self) -> bool:
        model = self.model()
        return model is None or model.rowCount() == 0

    def _describe(self) -> None:
        self.setAccessibleDescription(self._empty_text if self.is_empty() else "")

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._describe)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self.viewport().update()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._empty_text and self.is_empty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            rect = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text
            )
            painter.end()

    def selected_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return self.model().id_at(index.row())

    def select_id(self, row_id: int) -> bool:
        row = self.model().row_of(row_id)
        if row < 0:
            return False
        index = self.model().index(row, 0)
        self.setCurrentIndex(index)
        self.selectRow(row)
        self.scrollTo(index)
        return True

    def set_widths(self, widths: dict[int, int]) -> None:
        """Column widths in 'average characters' so they follow the font and the DPI."""
        em = self.fontMetrics().averageCharWidth()
        for column, chars in widths.items():
            self.setColumnWidth(column, chars * em + 16)


def button(
    text: str,
    name: str,
    *,
    tip: str = "",
    shortcut: str | QKeySequence | None = None,
    icon_name: str | None = None,
) -> QPushButton:
    """A push button with a mnemonic (``&Add``), an objectName and an accessible name."""
    b = QPushButton(text)
    b.setObjectName(name)
    if icon_name:
        from ui.icons import icon

        b.setIcon(icon(icon_name))
    b.setAccessibleName(text.replace("&", ""))
    if shortcut is not None:
        seq = QKeySequence(shortcut)
        b.setShortcut(seq)
        shown = seq.toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{tip} ({shown})" if tip else shown
    if tip:
        b.setToolTip(tip)
    return b


def set_button_text(b: QPushButton, text: str) -> None:
    b.setText(text)
    b.setAccessibleName(text.replace("&", ""))


def filter_box(name: str, placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(placeholder.rstrip("…."))
    box.setClearButtonEnabled(True)
    box.setMinimumWidth(180)
    return box


def row_layout(*widgets, stretch_after: int | None = None) -> QHBoxLayout:
    lay = QHBoxLayout()
    lay.setSpacing(SPACING)
    lay.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        lay.addWidget(w)
        if stretch_after is not None and i == stretch_after:
            lay.addStretch(1)
    if stretch_after is None:
        lay.addStretch(1)
    return lay


def show_error(parent: QWidget, error: Exception, *, title: str | None = None) -> None:
    """A refused edit that is not tied to a field of an open form."""
    QMessageBox.warning(parent, title or _("Not changed"), str(error))


def confirm(parent: QWidget, question: str, *, title: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
