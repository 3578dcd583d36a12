"""Small pieces the action tabs share: tables with an empty state, buttons, palette colours,
and the table commands (keys, add/edit/delete through a dialog or one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from app.i18n import N_, _, ui
from ui.context import EditFailed
from ui.shortcut_help import describe
from ui.widgets.bidi_delegate import install as install_bidi

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
        install_bidi(self)  # a phone number reads the right way round in an Arabic window

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
        # The row alone, whatever keys are held (Ctrl+D in a multi-selecting table would
        # otherwise toggle it off again)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index)
        return True

    def set_widths(self, widths: dict[int, int], *, whole: tuple[int, ...] = ()) -> None:
        """Column widths in 'average characters' so they follow the font and the DPI, and
        never narrower than the column's title (which is longer in some languages). The
        ``whole`` columns (a few words, such as a task's state) are also as wide as their
        widest cell. Checked again when the titles or the rows change (another language):
        a column grows to fit, and is never made narrower than the user made it."""
        self._widths, self._whole = dict(widths), tuple(whole)
        self._fit_widths(initial=True)
        if not getattr(self, "_fitting", False):
            self._fitting = True
            model = self.model()
            model.headerDataChanged.connect(lambda *_: self._fit_widths())
            for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
                signal.connect(lambda *_: self._fit_widths(cells=True))

    def _fit_widths(self, *, initial: bool = False, cells: bool = False) -> None:
        em = self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        model = self.model()
        for column, chars in self._widths.items():
            if cells and column not in self._whole:
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal) if model else ""
            needed = max(chars * em + 16, metrics.horizontalAdvance(str(title or "")) + 24)
            if column in self._whole and model is not None and model.rowCount():
                needed = max(needed, self.sizeHintForColumn(column))
            if initial or self.columnWidth(column) < needed:
                self.setColumnWidth(column, needed)


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


# --- the commands of a table: keys, buttons, edits ------------------------------------------------
def focus_in(tab: QWidget) -> None:
    """Put the keyboard focus where a tab's work starts: its first list (Insert adds, Enter edits
    there), else its first field; never on the bare page, where keys do nothing."""
    for view in tab.findChildren(EmptyTableView):
        if view.isVisibleTo(tab) and view.isEnabled():
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
    tab.setFocus()
    if QApplication.focusWidget() is tab:
        tab.focusNextChild()


def read_only_here(widget: QWidget) -> bool:
    """True while the database shown in ``widget``'s window is read-only."""
    ctx = getattr(widget.window(), "ctx", None)
    return bool(getattr(getattr(ctx, "store", None), "read_only", False))


def _unless_read_only(view: QWidget, slot: Callable[[], None]) -> Callable[[], None]:
    """``slot``, doing nothing while read-only: a double-click or a key opens no editor."""

    def run(*_args) -> None:
        if not read_only_here(view):
            slot()

    return run


def wire_table(
    view: EmptyTableView,
    *,
    insert: Callable[[], None],
    edit: Callable[[], None],
    delete: Callable[[], None],
    selection_changed: Callable[..., None],
    buttons: tuple[QPushButton, QPushButton, QPushButton] | None = None,
    more_keys: tuple[tuple, ...] = (),
) -> None:
    """Enter (activated) and F2 edit, Insert adds, Delete deletes; keys act only in ``view``.
    ``buttons`` (add, edit, delete) do what Insert, F2 and Delete do. ``more_keys``: (keys,
    slot[, msgid of what it does, for Help → Keyboard shortcuts])."""
    insert, edit, delete = (_unless_read_only(view, f) for f in (insert, edit, delete))
    if buttons is not None:
        for b, slot in zip(buttons, (insert, edit, delete), strict=True):
            b.clicked.connect(slot)
    view.activated.connect(lambda _index: edit())
    view.selectionModel().selectionChanged.connect(selection_changed)
    for keys, slot, *text in (
        (QKeySequence(Qt.Key.Key_Insert), insert, N_("Add a row to the list")),
        *more_keys,
        (QKeySequence(QKeySequence.StandardKey.Delete), delete, N_("Delete the selected row")),
        (QKeySequence(Qt.Key.Key_F2), edit, N_("Edit the selected row")),
    ):
        shortcut = QShortcut(keys, view, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        if text:  # listed by Help → Keyboard shortcuts
            describe(shortcut, text[0])


def attempt(parent: QWidget, edit: Callable, *args, **kwargs) -> bool:
    """Run one ``ctx`` edit; a refusal is shown in a dialog (nothing was changed): False."""
    try:
        edit(*args, **kwargs)
    except EditFailed as exc:
        if not exc.shown:  # a conflict: the window's conflict dialog shows both versions
            show_error(parent, exc.error)
        return False
    return True


def delete_selected(
    tab, view: EmptyTableView, *, entity: str, undo_text: Callable, reselect: bool = False
) -> None:
    """Delete the row selected in ``view`` as one undo step named ``undo_text(row)``; with
    ``reselect`` the row that takes its place is selected."""
    rid = view.selected_id()
    if rid is None:
        return
    model = view.model()
    row = model.get(rid)
    text = undo_text(row)
    position = model.row_of(rid)
    deleted = attempt(tab, tab.ctx.delete, entity, rid, text, expected_version=row.version)
    if deleted and reselect and model.rowCount():
        view.select_id(model.id_at(min(position, model.rowCount() - 1)))
    # the table keeps the keyboard (a Delete button greyed out for a moment passed the focus
    # on to the filter box, where the next key was typed), as after an editor or a bulk delete
    view.setFocus()


def run_editor(dialog, view: EmptyTableView, *, on_saved: Callable[[], None] | None = None) -> None:
    """Run an editor dialog, select the row it saved (after ``on_saved``, e.g. clearing the
    filters that could hide it) and give the table the focus back."""
    if dialog.exec() and dialog.saved_id:
        if on_saved is not None:
            on_saved()
        view.select_id(dialog.saved_id)
    view.setFocus()


def edit_selected(view: EmptyTableView, editor: Callable) -> None:
    """Open ``editor(row)`` on the selected row, then give the table the focus back."""
    rid = view.selected_id()
    if rid is not None:
        editor(view.model().get(rid)).exec()
        view.setFocus()


def reveal(
    view: EmptyTableView, row_id: int, *, reset_filters: Callable[[], None] | None = None
) -> bool:
    """Select and focus ``row_id``, first resetting the filters when they hide it."""
    if reset_filters is not None and view.model().row_of(row_id) < 0:
        reset_filters()
    if view.select_id(row_id):
        view.setFocus()
        return True
    return False


# --- the editor dialogs the tabs open -------------------------------------------------------------
def wall_clock_instant(dialog, edit, *, field: str, kept: datetime | None, tz) -> datetime | None:
    """The instant a WallClockEdit shows: ``kept`` while its wall-clock time is unchanged (no
    question about the occurrence), else resolved in ``tz``; None when it cannot be (the reason,
    if any, is shown next to ``field``; none when the user cancelled the question)."""
    from ui.tabs._timeinput import resolve

    typed = edit.problem() if hasattr(edit, "problem") else ""
    if typed:
        dialog.problem(field, typed)
        return None
    naive = edit.naive()
    if kept is not None and naive == kept.astimezone(tz).replace(tzinfo=None):
        return kept
    instant, reason = resolve(dialog, naive, tz)
    if instant is None and reason:
        dialog.problem(field, reason)
    return instant


def update_changed(ctx, row, *, entity: str, old: dict, values: dict, text: str) -> int:
    """Save only the fields whose value differs from ``old`` as one undo step named ``text`` (none
    when nothing changed), refused if ``row`` was changed meanwhile; returns ``row.id``."""
    changed = {k: v for k, v in values.items() if old.get(k) != v}
    if changed:
        shown = {k: old.get(k) for k in changed}  # what the form started from
        ctx.update(entity, row.id, text, expected_version=row.version, shown=shown, **changed)
    return row.id
