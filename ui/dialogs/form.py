"""A form dialog whose fields show their own errors: the reason beside the field, nothing saved.

Subclasses add fields with ``add_field(name, label, widget)`` and implement ``save()``, which
makes the edit through the context and may raise ``EditFailed``; the dialog then maps each
problem's field path to the field and stays open. ``problem(name, text)`` reports a check the
form itself made (a time that does not exist) the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import _
from ui.context import EditFailed
from ui.tabs._common import error_color


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, title: str, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.reasons: dict[str, str] = {}  # field -> the reason shown beside it
        self.general = QLabel()
        self.general.setObjectName("form_error")
        self.general.setWordWrap(True)
        self.general.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("buttons")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.general)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """A labelled field (``label`` may carry a mnemonic: ``&Title``) with its error line."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        if not widget.objectName():
            widget.setObjectName(name)
        widget.setAccessibleName(label.replace("&", ""))
        error = QLabel()
        error.setObjectName(f"{name}_error")
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(caption, holder)
        self.fields[name] = widget
        self.errors[name] = error
        return widget

    def clear_problems(self) -> None:
        self.reasons.clear()
        for label in self.errors.values():
            label.clear()
            label.hide()
        for widget in self.fields.values():
            widget.setAccessibleDescription("")
        self.general.hide()

    def problem(self, name: str, text: str) -> None:
        self.reasons[name if name in self.errors else ""] = text
        label = self.errors.get(name)
        if label is None:
            label = self.general
            text = f"{name}: {text}" if name else text
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_color(self.palette()))
        label.setPalette(palette)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(f"⚠ {text}")
        label.show()
        widget = self.fields.get(name)
        if widget is not None:
            widget.setAccessibleDescription(text)
            widget.setFocus()

    def show_error(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            for p in reversed(error.problems):  # focus ends on the first problem
                self.problem(p.path.split(".")[-1].split("[")[0], p.message)
        else:
            self.problem("", str(error))

    def error_text(self, name: str) -> str:
        return self.reasons.get(name, "")

    def save(self) -> bool:
        """Make the edit; False (with problems shown) to keep the dialog open."""
        return True

    def _try_accept(self) -> None:
        self.clear_problems()
        try:
            ok = self.save()
        except EditFailed as exc:
            if exc.shown:  # another organiser saved first: the conflict dialog takes it over
                self.reject()
                return
            self.show_error(exc.error)
            return
        if ok:
            self.accept()


def required_text(value: str) -> str | None:
    return None if value.strip() else _("is required")


class CheckList(QListWidget):
    """Pick several of an action's roles, people or props: Space ticks the current one."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(self.fontMetrics().height() * 5)

    def set_choices(self, choices, checked) -> None:
        checked = set(checked)
        self.clear()
        for c in choices:
            item = QListWidgetItem(c.label)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if c.id in checked else Qt.CheckState.Unchecked
            )
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)

    def checked_ids(self) -> list[int]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, label: str, on: bool = True) -> None:
        for i in range(self.count()):
            if self.item(i).text() == label:
                self.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def parse_int(text: str) -> int | None:
    """A whole number typed by the user (None when it is not one)."""
    try:
        return int(text.strip())
    except ValueError:
        return None
