"""Two organisers edited the same thing: show both versions, let this one reload or overwrite.

Nothing is lost silently: the other organiser's change is already saved and shown as it is now;
this user's change was refused and is shown beside it until they choose.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConflictError
from app.i18n import N_, _, ui
from app.services.changes import Change
from app.services.field_labels import field_label
from ui.context import EditFailed
from ui.style import GAP, MARGIN, SPACING, muted_color

RELOAD = 1
OVERWRITE = 2

_ENTITY_NAMES = {
    "action": N_("action"),
    "contact": N_("key contact"),
    "role": N_("role"),
    "participant": N_("participant"),
    "assignment": N_("assignment"),
    "cue": N_("cue"),
    "prop": N_("prop"),
    "release": N_("press release"),
    "task": N_("task"),
    "media_contact": N_("media contact"),
}


def show_value(value: Any) -> str:
    """A value as the user reads it: babel for dates, times and numbers."""
    tr = ui()
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):  # medium date, short time (no seconds), joined by CLDR
        from babel.dates import get_datetime_format

        pattern = get_datetime_format("medium", locale=tr.locale)
        return pattern.replace("{1}", tr.date(value, "medium")).replace(
            "{0}", tr.time(value, "short")
        )
    if isinstance(value, date):
        return tr.date(value, "medium")
    if isinstance(value, int | float | Decimal):
        return tr.number(value)
    if isinstance(value, list | tuple):  # short items (codes, names) on one line
        items = [show_value(v) for v in value]
        short = all(len(i) <= 24 and "\n" not in i for i in items)
        return (", " if short else "\n").join(items)
    return str(value)


class ConflictDialog(QDialog):
    """Their version (saved) beside mine (refused); Reload or Overwrite."""

    def __init__(self, parent: QWidget | None, view) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        what = _(_ENTITY_NAMES.get(view.entity, view.entity))
        self.setWindowTitle(_("Somebody else changed this {what}").format(what=what))
        self.setAccessibleName(self.windowTitle())
        self.choice = RELOAD

        heading = QLabel(
            _(
                "Another organiser saved a change to the {what} “{title}” after you opened it."
            ).format(what=what, title=view.title)
            if view.title
            else _("Another organiser saved a change to this {what} after you opened it.").format(
                what=what
            )
        )
        heading.setObjectName("conflictHeading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        explain = QLabel(
            _(
                "Your change was not saved, and theirs was not overwritten. Reload to keep "
                "their version, or overwrite it with yours."
            )
        )
        explain.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(GAP)
        grid.setVerticalSpacing(SPACING)
        muted = muted_color(self).name()
        for col, text in enumerate(("", _("Saved by the other organiser"), _("Yours (not saved)"))):
            label = QLabel(text)
            label.setStyleSheet(f"color: {muted}; font-weight: 600;")
            grid.addWidget(label, 0, col)
        for i, row in enumerate(view.rows, start=1):
            name = QLabel(field_label(row.field))
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            theirs = self._value(show_value(row.theirs), f"theirs_{row.field}", row.differs)
            mine = self._value(show_value(row.mine), f"mine_{row.field}", row.differs)
            grid.addWidget(name, i, 0)
            grid.addWidget(theirs, i, 1)
            grid.addWidget(mine, i, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(view.rows) + 1, 1)  # rows stay together at the top
        table = QWidget()
        table.setObjectName("conflictValues")
        table.setLayout(grid)
        table.setMinimumWidth(600)
        body: QWidget = table
        if table.sizeHint().height() > 460:  # long texts: scroll rather than grow off-screen
            body = QScrollArea()
            body.setWidget(table)
            body.setWidgetResizable(True)
            body.setFrameShape(QScrollArea.Shape.NoFrame)
            body.setMinimumHeight(460)

        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(_("&Reload theirs (discard mine)"))
        self.reload_button.setObjectName("conflictReload")
        self.overwrite_button = QPushButton(_("&Overwrite with mine"))
        self.overwrite_button.setObjectName("conflictOverwrite")
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button.setDefault(True)
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        lay.setSpacing(SPACING)
        lay.addWidget(heading)
        lay.addWidget(explain)
        lay.addSpacing(SPACING)
        lay.addWidget(body, 1)
        lay.addWidget(buttons)
        self.setMinimumWidth(640)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # Wrapped labels need their height at the real width, which sizeHint cannot know.
        needed = self.layout().totalHeightForWidth(self.width())
        screen = self.screen()
        if screen is not None:
            needed = min(needed, int(screen.availableGeometry().height() * 0.9))
        if needed > self.height():
            self.resize(self.width(), needed)

    @staticmethod
    def _value(text: str, name: str, differs: bool) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if differs:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        return label

    def _choose(self, choice: int) -> None:
        self.choice = choice  # Escape or closing the window leaves RELOAD: theirs is kept
        if choice == OVERWRITE:
            self.accept()
        else:
            self.reject()


def handle_conflict(parent: QWidget | None, ctx, entity: str, row_id: int, my_values: dict) -> bool:
    """Ask the user what to do after ``ctx.update`` refused an edit with a ConflictError.

    Returns True when their values were saved over the other organiser's (Overwrite), False
    when they kept the other version (Reload) or the row is gone. Views are told to reload.
    """
    from app.services.conflicts import conflict_view, current_version

    what = _(_ENTITY_NAMES.get(entity, entity))
    while True:
        view = ctx.query(conflict_view, entity, row_id, dict(my_values))
        if view.deleted:
            QMessageBox.information(
                parent,
                _("Somebody else changed this {what}").format(what=what),
                _("Another organiser deleted this {what}; your change could not be saved.").format(
                    what=what
                ),
            )
            ctx.changed.emit(Change(entity, (row_id,), "deleted", None))
            return False
        dialog = ConflictDialog(parent, view)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        if choice != OVERWRITE:
            ctx.changed.emit(Change(entity, (row_id,), "reloaded", view.action_id))
            return False
        if ctx.query(current_version, entity, row_id) != view.version:
            continue  # changed again while the dialog was open: show the newest
        try:
            with ctx.conflicts_handled():  # a refusal here is ours to show (the loop)
                ctx.update(
                    entity,
                    row_id,
                    _("Overwrite {what}").format(what=what),
                    expected_version=view.version,  # over what the dialog showed, nothing newer
                    **dict(my_values),
                )
        except EditFailed as exc:
            if isinstance(exc.error, ConflictError):
                continue
            QMessageBox.warning(parent, _("Cortège"), str(exc.error))
            ctx.changed.emit(Change(entity, (row_id,), "reloaded", view.action_id))
            return False
        return True


def watch_conflicts(window: QWidget, ctx) -> None:
    """Show the conflict dialog in ``window`` whenever ``ctx`` refuses an update because
    another organiser saved first. Queued: the view that tried to save shows its refusal and
    returns first, then the dialog asks; one dialog at a time."""
    from PySide6.QtCore import QTimer

    busy: list[bool] = []

    def ask(entity: str, row_id: int, values: object) -> None:
        if busy:  # a second refusal while the dialog is open: the open one shows the newest
            return
        busy.append(True)

        def run() -> None:
            try:
                handle_conflict(window, ctx, entity, row_id, dict(values))
            finally:
                busy.clear()

        QTimer.singleShot(0, run)

    ctx.conflict.connect(ask)
    ctx.shows_conflicts = True
