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
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.i18n import _, ui
from ui.context import EditFailed
from ui.tabs._common import error_color

#: what ``FormDialog.number`` returns for a refused number (its problem is already shown)
INVALID = object()
#: the width a form's drop-down list asks for at least, in characters (its longest entry no more)
COMBO_CHARACTERS = 24


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
        if isinstance(widget, QComboBox):
            # a list of the plan's items (a cue of 300 characters in "Follows") made the
            # dialog as wide as its longest entry: the form's width decides, and a long
            # entry is cut with "…"
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(COMBO_CHARACTERS)
            expanding, fixed = QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
            widget.setSizePolicy(expanding, fixed)  # as wide as the fields around it
        error = QLabel()
        error.setObjectName(f"{name}_error")
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        summary = getattr(widget, "summary", None)
        if isinstance(summary, QLabel):  # a CheckList names what is ticked under it
            box.addWidget(summary)
            widget._update_summary()
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

    def clear_problem(self, name: str) -> None:
        """The field holds a valid value again: its reason goes at once (not at the next OK)."""
        if name not in self.reasons:
            return
        del self.reasons[name]
        self.errors[name].clear()
        self.errors[name].hide()
        self.fields[name].setAccessibleDescription("")

    def add_number_field(self, name: str, label: str, *, decimals: int | None) -> QLineEdit:
        """A field for a number typed in the UI locale (``app.numbers``: one rule for all)."""
        edit = self.add_field(name, label, QLineEdit())
        edit.setProperty("decimals", decimals)
        edit.textEdited.connect(lambda _text, n=name: self._recheck_number(n))
        return edit

    def _parse_number(self, name: str):
        from app.numbers import parse_number

        decimals = self.fields[name].property("decimals")
        return parse_number(self.fields[name].text(), locale=ui().lang, decimals=decimals)

    def _recheck_number(self, name: str) -> None:
        from app.numbers import NumberInputError

        try:
            value = self._parse_number(name)
        except NumberInputError:
            return
        if value is not None or self.reasons.get(name) != _("is required"):
            self.clear_problem(name)

    def number(self, name: str, *, whole: bool = False, required: bool = False):
        """The number in field ``name`` (None when empty), or INVALID with the reason shown."""
        from app.numbers import NumberInputError

        try:
            value = self._parse_number(name)
        except NumberInputError as exc:
            self.problem(name, str(exc), focus=False)
            return INVALID
        if value is None and required:
            self.problem(name, _("is required"), focus=False)
            return INVALID
        if value is None or not whole:
            return value
        return int(value)

    def set_number(self, name: str, value) -> None:
        """Show a stored number as it reads back in the UI locale ("45.50", "45,50")."""
        from app.numbers import number_text

        decimals = self.fields[name].property("decimals")
        self.fields[name].setText(number_text(value, locale=ui().lang, decimals=decimals))

    def refuse(self, entity: str, values: dict, *, row_id: int | None = None) -> bool:
        """Some fields were refused here: show every other problem of the form too, at once
        (what the service would say, ``edits.problems_of``), then focus the first one.
        Always False (the dialog stays open)."""
        from app.services import edits

        given = {k: v for k, v in values.items() if v is not INVALID}
        for p in self.ctx.query(edits.problems_of, entity, row_id, given):
            name = p.path.split(".")[-1].split("[")[0]
            if name not in self.reasons:
                self.problem(name, p.message, focus=False)
        self.focus_first_problem()
        return False

    def focus_first_problem(self) -> None:
        for name, widget in self.fields.items():
            if name in self.reasons:
                widget.setFocus()
                return

    def problem(self, name: str, text: str, *, focus: bool = True) -> None:
        self.reasons[name if name in self.errors else ""] = text
        label = self.errors.get(name)
        if label is None:
            label = self.general
            text = f"{name}: {text}" if name else text
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_color(self.palette()))
        label.setPalette(palette)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(ui().sentence(f"⚠ {text}"))  # a typed alias first: still from the right
        label.show()
        widget = self.fields.get(name)
        if widget is not None:
            widget.setAccessibleDescription(text)
            if focus:
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
    """Pick several of an action's roles, people or props: Space ticks the current one.

    With many choices (29 people) the ticked ones would hide below the fold: they come first
    when the list opens, and ``summary`` (shown under a list that scrolls) names them as they
    are ticked.
    """

    VISIBLE_ROWS = 5  # what the list shows without scrolling, at its minimum height

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(self.fontMetrics().height() * 5)
        self.summary = QLabel()
        self.summary.hide()
        self.summary.setObjectName(f"{name}_ticked")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.itemChanged.connect(lambda _item: self._update_summary())

    def set_choices(self, choices, checked) -> None:
        checked = set(checked)
        ordered = [c for c in choices if c.id in checked] + [
            c for c in choices if c.id not in checked
        ]
        self.blockSignals(True)
        self.clear()
        for c in ordered:
            item = QListWidgetItem(c.label)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if c.id in checked else Qt.CheckState.Unchecked
            )
            self.addItem(item)
        self.blockSignals(False)
        if self.count():
            self.setCurrentRow(0)
        self._update_summary()

    def checked_labels(self) -> list[str]:
        return [
            self.item(i).text()
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update_summary(self) -> None:
        from app.i18n import ngettext

        labels = self.checked_labels()
        if labels:
            text = ngettext("Ticked: {names}", "Ticked ({n}): {names}", len(labels)).format(
                n=ui().number(len(labels)), names=ui().join(labels)
            )
        else:
            text = _("None ticked")
        self.summary.setText(text)
        if self.summary.parent() is not None:  # never a window of its own
            # Only a list that scrolls can hide a tick; a short one says it all by itself.
            self.summary.setVisible(self.count() > self.VISIBLE_ROWS)

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
