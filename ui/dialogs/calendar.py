"""Export → Calendar (the plan, one person, or everybody) and Import of an .ics file.

The export writes aliases only; the import shows every event before anything changes (flags
for those outside the action's window) and then imports the whole file as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import CortegeError
from app.domain.timeutil import zone
from app.i18n import _, ngettext, npgettext, ui
from ui.context import EditFailed
from ui.file_dialogs import existing_folder, open_file_name, save_file_name
from ui.models.base import RowTableModel
from ui.tabs._common import SPACING, EmptyTableView, button, error_color, fmt_minutes

if TYPE_CHECKING:
    from app.exports.calendar.import_ics import IcsEvent

# The calendar modules (and SQLAlchemy behind them) load when a dialog opens, not at start-up.
STATUSES = ("new", "update", "same")  # what importing an event would do to its cue


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), error_color(QGuiApplication.palette()))
    label.setPalette(palette)
    label.hide()
    return label


def _path_row(edit: QLineEdit, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(SPACING)
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def _people(session, action_id: int):
    """Read by ``app.services.window_views.calendar_people`` (imported late)."""
    from app.services.window_views import calendar_people

    return calendar_people(session, action_id)


class CalendarExportDialog(QDialog):
    WHOLE, PERSON, EVERYBODY = 0, 1, 2

    def __init__(self, parent: QWidget | None, ctx, action_id: int) -> None:
        super().__init__(parent)
        self.ctx, self.action_id = ctx, action_id
        from app.services.views import action_info

        self.info = ctx.query(action_info, action_id)
        self.setObjectName("calendar_export")
        self.setWindowTitle(_("Export calendar — {title}").format(title=self.info.title))
        self.written: list[Path] = []

        self.mode = QButtonGroup(self)
        whole = QRadioButton(_("The &whole plan: the action, every cue and every task"))
        person = QRadioButton(_("&One person's call time and cues:"))
        each = QRadioButton(_("&Everybody: one file per person, into a folder"))
        for n, (radio, name) in enumerate(
            ((whole, "mode_whole"), (person, "mode_person"), (each, "mode_each"))
        ):
            radio.setObjectName(name)
            self.mode.addButton(radio, n)
        whole.setChecked(True)
        self.person = QComboBox()
        self.person.setObjectName("person")
        self.person.setAccessibleName(_("Person"))
        for pid, alias in ctx.query(_people, action_id):
            self.person.addItem(alias, pid)
        person.setEnabled(self.person.count() > 0)
        each.setEnabled(self.person.count() > 0)
        self.person.setEnabled(False)
        self.mode.idToggled.connect(self._mode_changed)

        self.target = QLineEdit()
        self.target.setObjectName("target")
        self.target.setAccessibleName(_("Save to"))
        self.target.setPlaceholderText(_("Choose where to save…"))
        self.target.setMinimumWidth(360)
        browse = button(_("&Browse…"), "browse")
        browse.clicked.connect(self.browse)
        target_label = QLabel(_("&Save to:"))
        target_label.setBuddy(self.target)

        hint = QLabel(
            _(
                "Calendars show aliases only, never names, phones or e-mails. Importing a newer "
                "file into a calendar app updates its events instead of adding copies."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("export_hint")
        self.status = QLabel()
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.error = _error_label("export_error")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            _("E&xport"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("do_export")
        self.export_button.clicked.connect(self.do_export)
        self.buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.setSpacing(SPACING)
        grid.addWidget(whole, 0, 0, 1, 2)
        grid.addWidget(person, 1, 0)
        grid.addWidget(self.person, 1, 1)
        grid.addWidget(each, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        lay = QVBoxLayout(self)
        lay.setSpacing(SPACING)
        lay.addLayout(grid)
        lay.addSpacing(SPACING)
        lay.addWidget(target_label)
        lay.addLayout(_path_row(self.target, browse))
        lay.addWidget(hint)
        lay.addWidget(self.status)
        lay.addWidget(self.error)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self._mode_changed()

    def current_mode(self) -> int:
        return self.mode.checkedId()

    def _suggested(self) -> str:
        from app.exports.calendar import export

        slug = export.file_stem(self.info.title) or "calendar"
        if self.current_mode() == self.PERSON:
            return f"{export.file_stem(self.person.currentText())}.ics"
        if self.current_mode() == self.EVERYBODY:
            return _("{name} calendars").format(name=slug)
        return f"{slug}.ics"

    def _mode_changed(self, *_args) -> None:
        self.person.setEnabled(self.current_mode() == self.PERSON)
        current = self.target.text().strip()
        folder = str(Path(current).parent) if current else str(Path.home())
        self.target.setText(str(Path(folder) / self._suggested()))

    def browse(self) -> None:
        if self.current_mode() == self.EVERYBODY:
            path = existing_folder(self, _("Folder for the calendars"))
        else:
            path = save_file_name(
                self, _("Save calendar"), Path(self.target.text()).name, _("Calendar files (*.ics)")
            )
        if path:
            self.target.setText(str(path))

    def do_export(self) -> None:
        from app.exports.calendar import export
        from app.storage.files import atomic_write

        self.error.hide()
        target = self.target.text().strip()
        if not target:
            self.error.setText(_("Choose where to save the calendar."))
            self.error.show()
            return
        mode, action_id = self.current_mode(), self.action_id
        try:
            if mode == self.EVERYBODY:
                files = self.ctx.query(export.everyone_calendars, action_id)
                self.written = export.write_each(target, files)
            else:
                if mode == self.PERSON:
                    pid = self.person.currentData()
                    data = self.ctx.query(export.participant_calendar, action_id, pid)
                else:
                    data = self.ctx.query(export.action_calendar, action_id)
                self.written = [atomic_write(target, data)]
        except OSError as exc:
            self.error.setText(
                _("Not saved: {path}: {reason}").format(
                    path=ui().isolated(str(exc.filename or target)), reason=exc.strerror or exc
                )
            )
            self.error.show()
            return
        except CortegeError as exc:
            self.error.setText(_("Not saved: {reason}").format(reason=exc))
            self.error.show()
            return
        n = len(self.written)
        if mode == self.EVERYBODY:
            text = ngettext(
                "Saved {n} calendar in the folder {name}.",
                "Saved {n} calendars in the folder {name}.",
                n,
            )
        else:
            text = ngettext("Saved {n} calendar: {name}.", "Saved {n} calendars: {name}.", n)
        text = text.format(n=ui().number(n), name=Path(target).name)
        if mode == self.EVERYBODY:
            from app.exports.batch import left_from_before, leftovers_warning

            leftovers = left_from_before(target, self.written, ".ics")
            if leftovers:
                text += "\n" + leftovers_warning(leftovers)
        self.status.setText(text)
        self.status.setToolTip(target)
        from ui.saved_notice import announce_saved

        announce_saved(self, self.status.text(), target)


class PreviewCol(IntEnum):
    STATUS = 0
    START = 1
    LENGTH = 2
    TITLE = 3
    PLACE = 4
    NOTE = 5


@dataclass(frozen=True)
class _Row:
    id: int
    event: IcsEvent


class IcsPreviewModel(RowTableModel):
    columns = PreviewCol

    def __init__(self, tz, parent=None) -> None:
        super().__init__(parent)
        self.tz = tz

    def header(self, column: PreviewCol) -> str:
        return {
            PreviewCol.STATUS: _("Result"),
            PreviewCol.START: _("Start"),
            PreviewCol.LENGTH: _("Length"),
            PreviewCol.TITLE: _("Event"),
            PreviewCol.PLACE: _("Place"),
            PreviewCol.NOTE: _("Note"),
        }[column]

    def cell(self, row: _Row, column: PreviewCol, role: int):
        ev = row.event
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PreviewCol.STATUS:
                return {"new": _("new cue"), "update": _("updates a cue"), "same": _("unchanged")}[
                    ev.status
                ]
            if column == PreviewCol.START:
                local = ev.starts_at.astimezone(self.tz)
                return f"{ui().skeleton(local, 'MMMEd')} {ui().time(local, 'short')}"
            if column == PreviewCol.LENGTH:
                return fmt_minutes(ev.minutes)
            if column == PreviewCol.TITLE:
                return ev.title
            if column == PreviewCol.PLACE:
                return ev.place
            return "⚠ " + _("outside the action's window") if ev.outside else ""
        if role == Qt.ItemDataRole.ForegroundRole and ev.outside and column == PreviewCol.NOTE:
            return QBrush(error_color(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("line {n} of the file").format(n=ev.line)
        return None


class CalendarImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int) -> None:
        super().__init__(parent)
        self.ctx, self.action_id = ctx, action_id
        self.data: bytes | None = None
        self.preview = None
        from app.services.views import action_info

        info = ctx.query(action_info, action_id)
        self.tz = zone(info.timezone)
        self.setObjectName("calendar_import")
        self.setWindowTitle(_("Import a calendar into {title}").format(title=info.title))

        self.path = QLineEdit()
        self.path.setObjectName("ics_path")
        self.path.setAccessibleName(_("Calendar file"))
        self.path.setPlaceholderText(_("An .ics file: a partner's programme, a venue booking…"))
        self.path.returnPressed.connect(lambda: self.load(self.path.text()))
        choose = button(_("&Choose file…"), "choose_file")
        choose.clicked.connect(self.choose)
        self.summary = QLabel(_("Choose a calendar file to see what it holds."))
        self.summary.setObjectName("ics_summary")
        self.summary.setWordWrap(True)
        self.error = _error_label("ics_error")
        self.model = IcsPreviewModel(self.tz, self)
        self.table = EmptyTableView("ics_preview")
        self.table.setAccessibleName(_("Events in the file"))
        self.table.setModel(self.model)
        self.table.set_empty_text(_("No events to show"))
        self.table.set_widths(
            {
                PreviewCol.STATUS: 13,
                PreviewCol.START: 17,
                PreviewCol.LENGTH: 8,
                PreviewCol.TITLE: 28,
                PreviewCol.PLACE: 18,
            }
        )
        self.notes = QListWidget()
        self.notes.setObjectName("ics_notes")
        self.notes.setAccessibleName(_("Left out"))
        self.notes.setMaximumHeight(90)
        self.notes.hide()
        self.skip_outside = QCheckBox(_("&Leave out the events outside the action's window"))
        self.skip_outside.setObjectName("skip_outside")
        self.skip_outside.toggled.connect(self._update_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("do_import")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.setSpacing(SPACING)
        lay.addLayout(_path_row(self.path, choose))
        lay.addWidget(self.summary)
        lay.addWidget(self.error)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.notes)
        lay.addWidget(self.skip_outside)
        lay.addWidget(self.buttons)
        self.resize(860, 520)

    def choose(self) -> None:
        path = open_file_name(
            self, _("Import a calendar"), _("Calendar files (*.ics);;All files (*)")
        )
        if path:
            self.load(path)

    def _fail(self, message: str) -> None:
        self.data, self.preview = None, None
        self.model.clear()
        self.notes.clear()
        self.notes.hide()
        self.summary.setText(_("This file cannot be imported; the plan is unchanged."))
        self.error.setText(message)
        self.error.show()
        self._update_button()

    def load(self, path: str | Path) -> None:
        from app.services.calendar_import import preview_ics

        self.path.setText(str(path))
        from app.storage.files import MAX_IMPORT_BYTES, read_input

        try:
            data = read_input(path, limit=MAX_IMPORT_BYTES)
        except OSError as exc:
            self._fail(f"{path}: {exc.strerror or exc}")
            return
        except CortegeError as exc:  # not a regular file, or far too big
            self._fail(str(exc))
            return
        try:
            preview = self.ctx.query(preview_ics, self.action_id, data)
        except CortegeError as exc:
            problems = getattr(exc, "problems", None)
            self._fail("\n".join(str(p) for p in problems) if problems else str(exc))
            return
        self.data, self.preview = data, preview
        self.error.hide()
        self.model.sync([_Row(i, e) for i, e in enumerate(preview.events)])
        self.notes.clear()
        self.notes.addItems(preview.notes)
        self.notes.setVisible(bool(preview.notes))
        self._update_button()

    def _chosen(self) -> list[IcsEvent]:
        if self.preview is None:
            return []
        skip = self.skip_outside.isChecked()
        return [e for e in self.preview.events if not (skip and e.outside)]

    def _update_button(self, *_args) -> None:
        chosen = [e for e in self._chosen() if e.status != "same"]
        n = len(chosen)
        self.import_button.setEnabled(n > 0)
        if self.preview is None:
            self.import_button.setText(_("&Import"))
            return
        self.import_button.setText(
            ngettext("&Import {n} event", "&Import {n} events", n).format(n=ui().number(n))
        )
        events = self.preview.events
        text = ngettext("{n} event in the file", "{n} events in the file", len(events)).format(
            n=ui().number(len(events))
        )
        new, update, same = (sum(1 for e in events if e.status == s) for s in STATUSES)
        # Translators: "3 new, 1 updated, 0 unchanged." (each part is counted apart)
        text += ": " + _("{new}, {updated}, {unchanged}.").format(
            new=npgettext("calendar import", "{n} new", "{n} new", new).format(n=ui().number(new)),
            updated=npgettext("calendar import", "{n} updated", "{n} updated", update).format(
                n=ui().number(update)
            ),
            unchanged=npgettext("calendar import", "{n} unchanged", "{n} unchanged", same).format(
                n=ui().number(same)
            ),
        )
        if self.preview.outside:
            text += " " + ngettext(
                "{n} is outside the action's window.",
                "{n} are outside the action's window.",
                self.preview.outside,
            ).format(n=ui().number(self.preview.outside))
        self.summary.setText(text)

    def do_import(self) -> None:
        from app.services.cue_ops import import_calendar

        data, action_id, skip = self.data, self.action_id, self.skip_outside.isChecked()
        if data is None:
            return

        def op(session):
            return import_calendar(session, action_id=action_id, data=data, skip_outside=skip)

        name = Path(self.path.text()).name
        try:
            self.ctx.run_op(_("Import calendar {name}").format(name=name), op)
        except EditFailed as exc:
            self._fail(str(exc.error))
            return
        self.accept()


def open_export_dialog(parent: QWidget | None, ctx, action_id: int) -> CalendarExportDialog:
    """Export → Calendar: the action, one person, or everybody into a folder (window-modal)."""
    dialog = CalendarExportDialog(parent, ctx, action_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_import_dialog(
    parent: QWidget | None, ctx, action_id: int, path: str | Path | None = None
) -> CalendarImportDialog:
    """Import a calendar: choose a file, see the preview, import as one undo step."""
    dialog = CalendarImportDialog(parent, ctx, action_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    if path is not None:
        dialog.load(path)
    return dialog
