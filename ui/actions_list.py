"""The list of actions on the left: a table model over ids plus a row cache, a filter box, and
the New / Duplicate buttons. Edits arrive as Changes and become row inserts, moves, removals or
``dataChanged`` — never a full reset per edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, pgettext, ui
from ui import style
from ui.icons import icon

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4


class Column(IntEnum):
    TITLE = 0
    DATE = 1
    STATUS = 2


@dataclass
class ActionRow:
    id: int
    title: str
    status: str
    starts_at: datetime
    timezone: str
    _date_text: str | None = None

    def date_text(self) -> str:
        if self._date_text is None:
            from app.domain.timeutil import zone
            from app.i18n import ui

            try:
                local = self.starts_at.astimezone(zone(self.timezone))
            except ValueError:
                local = self.starts_at
            self._date_text = ui().skeleton(local, "yMMMEd")
        return self._date_text


def status_text(status: str) -> str:
    labels = {
        "idea": _("idea"),
        "planned": _("planned"),
        "confirmed": _("confirmed"),
        # Translators: an action's status in the list: it has taken place.
        "done": pgettext("action status", "done"),
        "cancelled": _("cancelled"),
    }
    return labels.get(status, status)


def _rows(session):
    """Read by ``app.services.window_views.action_list_rows`` (imported late)."""
    from app.services.window_views import action_list_rows

    return action_list_rows(session)


def _row(session, action_id: int):
    """Read by ``app.services.window_views.action_list_row`` (imported late)."""
    from app.services.window_views import action_list_row

    return action_list_row(session, action_id)


class ActionsModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids: list[int] = []
        self.cache: dict[int, ActionRow] = {}

    # --- reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self.ids, self.cache = [], {}
        if self.ctx.store is not None:
            for values in self.ctx.query(_rows):
                self.ids.append(values[0])
                self.cache[values[0]] = ActionRow(*values)
        self.endResetModel()

    def forget_texts(self) -> None:
        """Dates and statuses are shown in the UI language: format them again."""
        for row in self.cache.values():
            row._date_text = None
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(Column) - 1))

    def row_of(self, action_id: int) -> int:
        try:
            return self.ids.index(action_id)
        except ValueError:
            return -1

    def action_at(self, row: int) -> ActionRow | None:
        if 0 <= row < len(self.ids):
            return self.cache[self.ids[row]]
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Title"), _("Date"), _("Status"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.cache[self.ids[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Column.TITLE:
                return row.title
            if col == Column.DATE:
                return row.date_text()
            return status_text(row.status)
        if role == DETAIL_ROLE:
            return f"{row.date_text()} · {status_text(row.status)}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return ui().comma_list(
                [ui().isolated(row.title), row.date_text(), status_text(row.status)]
            )
        if role == SEARCH_ROLE:
            return f"{row.title} {row.date_text()} {status_text(row.status)} {row.status}"
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        return None

    # --- changes -------------------------------------------------------------------------------
    def _position(self, values: tuple) -> int:
        key = (values[3], values[0])
        for i, other in enumerate(self.ids):
            o = self.cache[other]
            if (o.starts_at, o.id) > key:
                return i
        return len(self.ids)

    def apply(self, change) -> None:
        if change.entity == "*":
            self.reload()
            return
        if change.entity != "action" or self.ctx.store is None:
            return
        for action_id in change.ids:
            values = self.ctx.query(_row, action_id)
            current = self.row_of(action_id)
            if values is None:
                if current >= 0:
                    self.beginRemoveRows(QModelIndex(), current, current)
                    del self.ids[current]
                    self.cache.pop(action_id, None)
                    self.endRemoveRows()
                continue
            if current >= 0:
                del self.ids[current]
                row = self._position(values)
                self.ids.insert(current, action_id)
                if row == current:  # same place: just new data
                    self.cache[action_id] = ActionRow(*values)
                    last = self.index(current, len(Column) - 1)
                    self.dataChanged.emit(self.index(current, 0), last)
                    continue
                self.beginRemoveRows(QModelIndex(), current, current)
                del self.ids[current]
                self.endRemoveRows()
            row = self._position(values)
            self.beginInsertRows(QModelIndex(), row, row)
            self.ids.insert(row, action_id)
            self.cache[action_id] = ActionRow(*values)
            self.endInsertRows()


class ActionsFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(Column.TITLE)


class ActionDelegate(QStyledItemDelegate):
    """Two lines: the title, then the local date and the status, with a status dot."""

    def _colour(self, status: str, widget: QWidget) -> QColor:
        if status == "confirmed":
            return style.success_color(widget)
        if status == "cancelled":
            return style.error_color(widget)
        if status == "planned":
            return widget.palette().color(QPalette.ColorRole.Highlight)
        return style.muted_color(widget)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        fm = option.fontMetrics
        return QSize(200, fm.lineSpacing() * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        opt.text = ""
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        text_colour = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = opt.rect.adjusted(12, 6, -24, -6)
        fm = opt.fontMetrics
        painter.save()
        bold = style.scaled_font(widget, 1.0, bold=True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title = painter.fontMetrics().elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), fm.lineSpacing()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setFont(opt.font)
        detail_colour = text_colour if selected else style.muted_color(widget)
        painter.setPen(detail_colour)
        detail = fm.elidedText(
            index.data(DETAIL_ROLE) or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(
            QRect(rect.left(), rect.top() + fm.lineSpacing(), rect.width(), fm.lineSpacing()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            detail,
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        dot = self._colour(index.data(STATUS_ROLE) or "", widget)
        painter.setBrush(text_colour if selected else dot)
        d = 8
        painter.drawEllipse(opt.rect.right() - 16, opt.rect.center().y() - d // 2, d, d)
        painter.restore()


class ActionsPanel(QWidget):
    """Emits ``action_selected(id)`` (0 when nothing is selected)."""

    action_selected = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("actions_panel")
        self.model = ActionsModel(ctx, self)
        self.proxy = ActionsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.heading = QLabel(self)
        self.heading.setFont(style.scaled_font(self, 1.1, bold=True))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("action_filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.textChanged.connect(self._filter)
        self.view = QListView(self)
        self.view.setObjectName("actions_list")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ActionDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.empty = QLabel(self)
        self.empty.setObjectName("actions_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        self.new_button = QPushButton(icon("add"), "", self)
        self.new_button.setObjectName("new_action_button")
        self.new_button.clicked.connect(self.new_requested)
        self.duplicate_button = QPushButton(icon("duplicate"), "", self)
        self.duplicate_button.setObjectName("duplicate_action_button")
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(style.SPACING)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.MARGIN, style.MARGIN, style.SPACING // 2, style.MARGIN)
        layout.setSpacing(style.SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._update_empty()

    def retranslate(self) -> None:
        self.heading.setText(_("Actions"))
        self.filter_edit.setPlaceholderText(_("Filter actions… (Ctrl+F)"))
        self.filter_edit.setAccessibleName(_("Filter actions"))
        self.view.setAccessibleName(_("Actions"))
        self.view.setAccessibleDescription(_("Each action: title, local date and status"))
        # Translators: the button under the actions list makes a new action: agree with your
        # word for "action" (French "Nouvelle", Portuguese "Nova")
        self.new_button.setText(_("&New"))
        self.new_button.setAccessibleName(_("New action"))
        self.duplicate_button.setText(_("D&uplicate…"))
        self.duplicate_button.setAccessibleName(_("Duplicate action for a new date"))
        self.model.forget_texts()
        self._update_empty()

    def _filter(self, text: str) -> None:
        current = self.current_id()
        self.proxy.setFilterFixedString(text.strip())
        if current and not self.select(current):
            self._current_changed(self.view.currentIndex(), QModelIndex())
        self._update_empty()

    def _update_empty(self) -> None:
        has_rows = self.proxy.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if self.ctx.store is None:
            self.empty.setText(_("No database is open.\nUse File → Open database…"))
        elif self.model.rowCount() == 0:
            self.empty.setText(_("No action yet.\nClick “New” (Ctrl+N) to plan one."))
        else:
            self.empty.setText(
                _("No action matches “{text}”.").format(text=self.filter_edit.text().strip())
            )
        self.duplicate_button.setEnabled(self.current_id() is not None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        action_id = current.data(ID_ROLE) if current.isValid() else None
        self.duplicate_button.setEnabled(action_id is not None)
        self.action_selected.emit(int(action_id or 0))

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return int(value) if value else None

    def select(self, action_id: int | None) -> bool:
        if not action_id:
            return False
        row = self.model.row_of(action_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def select_first(self) -> bool:
        index = self.proxy.index(0, 0)
        if not index.isValid():
            self._current_changed(QModelIndex(), QModelIndex())
            return False
        self.view.setCurrentIndex(index)
        return True

    def reload(self, *, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id()
        self.view.selectionModel().blockSignals(True)
        self.model.reload()
        self.view.selectionModel().blockSignals(False)
        self._update_empty()
        if not self.select(keep):
            self.select_first()

    def apply(self, change) -> None:
        """Reflect a Change; keeps the selection, or moves to a neighbour if it vanished."""
        if change.entity not in ("action", "*"):
            return
        if change.entity == "*":
            self.reload()
            return
        current = self.current_id()
        old_row = self.model.row_of(current) if current else -1
        sel = self.view.selectionModel()
        sel.blockSignals(True)
        self.model.apply(change)
        sel.blockSignals(False)
        self._update_empty()
        mine = not getattr(change, "remote", False)  # a colleague's new action is not chosen
        if mine and change.kind in ("created", "restored") and len(change.ids) == 1:
            if self.select(change.ids[0]):
                self._announce(current)
                return
        if current and self.model.row_of(current) >= 0:
            self.select(current)
        elif self.model.rowCount():
            row = min(max(old_row, 0), self.model.rowCount() - 1)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            sel.blockSignals(True)
            self.view.setCurrentIndex(index)
            sel.blockSignals(False)
        self._announce(current)

    def _announce(self, before: int | None) -> None:
        """Emit the selection if it differs from ``before`` (signals were blocked meanwhile)."""
        now = self.current_id()
        if now != before:
            self.duplicate_button.setEnabled(now is not None)
            self.action_selected.emit(int(now or 0))
