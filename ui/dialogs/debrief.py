"""Action → Debrief…: what happened against the plan, then the purge.

A window of its own (not modal) with the planned-versus-actual picture and the overrun per
cue, turnout per role, the props' condition (editable), the incident log and the press coverage
(add, edit, delete), and the lessons. Every edit commits at once and is undoable (Ctrl+Z).
"Save PDF…" writes the debrief in the action's language; then Cortège offers the purge of the
action's people's personal data, saying what is erased and what stays.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.exports.debrief import text as words
from app.i18n import _, ui
from ui import style
from ui.context import EditFailed
from ui.dialogs.debrief_forms import CoverageEditor, IncidentEditor, TimelinePicture
from ui.tabs._common import show_error
from ui.widgets.text_edit import plain_text

ROW_ID = Qt.ItemDataRole.UserRole


def _list_with_buttons(parent, name: str, add, edit, delete) -> tuple[QWidget, QListWidget]:
    page = QWidget(parent)
    lay = QVBoxLayout(page)
    box = QListWidget(page)
    box.setObjectName(name)
    box.setWordWrap(True)
    box.itemActivated.connect(lambda _item: edit())
    lay.addWidget(box, 1)
    row = QHBoxLayout()
    for key, text, slot in (
        ("add", _("&Add…"), add),
        ("edit", _("&Edit…"), edit),
        ("delete", _("&Delete"), delete),
    ):
        b = QPushButton(text, page)
        b.setObjectName(f"{name}_{key}")
        b.clicked.connect(slot)
        row.addWidget(b)
    row.addStretch(1)
    lay.addLayout(row)
    return page, box


class DebriefDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int) -> None:
        super().__init__(parent)
        self.ctx, self.action_id = ctx, action_id
        self.doc = None
        self.versions: dict = {}
        self.setObjectName("debrief_dialog")
        self.setWindowTitle(_("Debrief"))
        self.resize(980, 640)
        outer = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("debrief_heading")
        self.heading.setFont(style.scaled_font(self.heading, 1.3, bold=True))
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.summary = QLabel(self)
        self.summary.setObjectName("debrief_summary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)

        # the day against the plan
        timeline = QWidget(self)
        tl = QVBoxLayout(timeline)
        self.no_actuals = QLabel(
            _(
                "No actual times are recorded yet. Live mode (View → Live) records when each "
                "cue starts and ends; then this page compares them with the plan."
            ),
            timeline,
        )
        self.no_actuals.setObjectName("no_actuals")
        self.no_actuals.setWordWrap(True)
        tl.addWidget(self.no_actuals)
        self.picture = TimelinePicture(timeline)
        scroll = QScrollArea(timeline)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.picture)
        self.picture_scroll = scroll
        tl.addWidget(scroll)
        self.overruns = QTableWidget(0, 5, timeline)
        self.overruns.setObjectName("overrun_table")
        self.overruns.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.overruns.verticalHeader().hide()
        tl.addWidget(self.overruns, 1)
        self.tabs.addTab(timeline, _("Planned and actual"))

        # turnout and props
        people = QWidget(self)
        pl = QHBoxLayout(people)
        self.turnout = QListWidget(people)
        self.turnout.setObjectName("turnout_list")
        pl.addWidget(self.turnout, 1)
        self.props = QTableWidget(0, 2, people)
        self.props.setObjectName("props_condition")
        self.props.verticalHeader().hide()
        self.props.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        pl.addWidget(self.props, 1)
        self.tabs.addTab(people, _("Turnout and props"))

        page, self.incidents = _list_with_buttons(
            self, "incidents", self.add_incident, self.edit_incident, self.delete_incident
        )
        self.tabs.addTab(page, _("Incidents"))
        page, self.coverage = _list_with_buttons(
            self, "coverage", self.add_coverage, self.edit_coverage, self.delete_coverage
        )
        self.tabs.addTab(page, _("Press coverage"))

        self.lessons = QPlainTextEdit(self)
        self.lessons.setObjectName("lessons_edit")
        self.lessons.setPlaceholderText(_("What went well, what to change next time…"))
        self.lessons.installEventFilter(self)
        # saved when the typing pauses (and when the box loses focus, and on close)
        self.lessons_timer = QTimer(self)
        self.lessons_timer.setSingleShot(True)
        self.lessons_timer.setInterval(800)
        self.lessons_timer.timeout.connect(self.save_lessons)
        self.lessons.textChanged.connect(self.lessons_timer.start)
        self.tabs.addTab(self.lessons, _("Lessons"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("buttons")
        self.pdf_button = QPushButton(_("Save &PDF…"), self)
        self.pdf_button.setObjectName("save_pdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.purge_button = QPushButton(_("P&urge personal data…"), self)
        self.purge_button.setObjectName("offer_purge")
        self.purge_button.clicked.connect(self.offer_purge)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, ctx.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, ctx.undo_stack.redo),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # --- reading ----------------------------------------------------------------------------
    def _on_changed(self, _change) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        from app.services import debrief

        self.doc = doc = self.ctx.query(debrief.load, self.action_id)
        self.versions = self.ctx.query(debrief.versions_of, self.action_id)
        tr = ui()
        self.heading.setText(_("Debrief: {title}").format(title=doc.title))
        bits = [
            # Translators: the debrief page's summary; {attended} and {needed} are counts with
            # their words, e.g. "12 attended", "14 needed"
            _("Turnout: {attended} of {needed}").format(
                attended=words.attended(tr, doc.total_attended),
                needed=words.needed(tr, doc.total_needed),
            )
        ]
        if doc.end_overrun is not None:
            bits.append(_("last cue: {overrun}").format(overrun=words.overrun(tr, doc.end_overrun)))
        if doc.status != "done":
            bits.append(_("the action is not marked done yet"))
        self.summary.setText(" · ".join(bits))
        self._fill_timeline(tr)
        self.turnout.clear()
        for t in doc.turnout:
            self.turnout.addItem(words.turnout_line(tr, t.role, t.attended, t.confirmed, t.needed))
        self._fill_props(tr)
        self.incidents.clear()
        for i in doc.incidents:
            when = words.hm(tr, i.at, doc.timezone)
            lead = words.incident_lead(tr, when, i.cue)
            self.incidents.addItem(_("{time}  {text}").format(time=lead, text=i.text))
            self.incidents.item(self.incidents.count() - 1).setData(ROW_ID, i.incident_id)
        self.coverage.clear()
        for c in doc.coverage:
            parts = [c.outlet]
            if c.published_on is not None:
                parts.append(tr.date(c.published_on, "medium"))
            parts += [x for x in (c.link, c.note) if x]
            self.coverage.addItem(" · ".join(parts))
            self.coverage.item(self.coverage.count() - 1).setData(ROW_ID, c.coverage_id)
        if not self.lessons.hasFocus() and plain_text(self.lessons) != doc.lessons:
            self.lessons.setPlainText(doc.lessons)

    def _fill_timeline(self, tr) -> None:
        doc = self.doc
        shown = doc.has_actuals
        self.no_actuals.setVisible(not shown)
        self.picture_scroll.setVisible(shown)
        self.overruns.setVisible(shown)
        self.picture.set_cues(doc.cues if shown else [], doc.timezone)
        self.picture_scroll.setFixedHeight(min(self.picture.height() + 6, 250))
        heads = [_("Cue"), _("Planned"), _("Actual"), _("Start"), _("Overrun")]
        self.overruns.setHorizontalHeaderLabels(heads)
        self.overruns.setRowCount(len(doc.cues) if shown else 0)
        if not shown:
            return
        for r, c in enumerate(doc.cues):
            planned = _("{start}–{end}").format(
                start=words.hm(tr, c.planned_start, doc.timezone),
                end=words.hm(tr, c.planned_end, doc.timezone),
            )
            values = [
                c.title,
                planned,
                words.actual_span(tr, c, doc.timezone),
                words.started(tr, c.started_late),
                words.ending(tr, c),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 4 and c.overrun is not None and c.overrun > 0:
                    item.setForeground(style.error_color(self))
                self.overruns.setItem(r, col, item)
        self.overruns.resizeColumnsToContents()
        self.overruns.horizontalHeader().setStretchLastSection(True)

    def _fill_props(self, tr) -> None:
        from app.services import debrief

        rows = self.ctx.query(debrief.props_of, self.action_id)
        self.props.setHorizontalHeaderLabels([_("Prop"), _("Came back")])
        self.props.setRowCount(len(rows))
        for r, (pid, name, condition, version) in enumerate(rows):
            self.props.setItem(r, 0, QTableWidgetItem(name))
            combo = QComboBox(self.props)
            combo.setObjectName(f"condition_{pid}")
            combo.setAccessibleName(_("Condition of {prop}").format(prop=name))
            for value in words.CONDITIONS:
                combo.addItem(words.condition(tr, value), value)
            combo.setCurrentIndex(max(0, combo.findData(condition)))
            combo.currentIndexChanged.connect(
                lambda _i, p=pid, v=version, box=combo: self._set_condition(p, v, box.currentData())
            )
            self.props.setCellWidget(r, 1, combo)
        self.props.resizeColumnsToContents()
        self.props.horizontalHeader().setStretchLastSection(True)

    # --- edits ------------------------------------------------------------------------------
    def _attempt(self, edit, *args, **kwargs) -> bool:
        try:
            edit(*args, **kwargs)
        except EditFailed as exc:
            if not exc.shown:
                show_error(self, exc.error)
            self.refresh()
            return False
        return True

    def _set_condition(self, prop_id: int, version: int, value: str) -> None:
        self._attempt(
            self.ctx.update,
            "prop",
            prop_id,
            _("Set prop condition"),
            expected_version=version,
            condition=value,
        )

    def save_lessons(self) -> None:
        self.lessons_timer.stop()
        text = plain_text(self.lessons)
        if self.doc is None or text == self.doc.lessons:
            return
        self._attempt(
            self.ctx.update,
            "action",
            self.action_id,
            _("Edit lessons"),
            expected_version=self.versions[("action", self.action_id)],
            shown={"lessons": self.doc.lessons},
            lessons=text,
        )

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.lessons and event.type() == QEvent.Type.FocusOut:
            self.save_lessons()
        return super().eventFilter(obj, event)

    def _current(self, box: QListWidget) -> int | None:
        item = box.currentItem()
        return item.data(ROW_ID) if item is not None else None

    def add_incident(self) -> None:
        IncidentEditor(self, self.ctx, self.doc).exec()

    def edit_incident(self) -> None:
        rid = self._current(self.incidents)
        row = next((i for i in self.doc.incidents if i.incident_id == rid), None)
        if row is not None:
            version = self.versions.get(("incident", rid))
            IncidentEditor(self, self.ctx, self.doc, row, version=version).exec()

    def delete_incident(self) -> None:
        rid = self._current(self.incidents)
        if rid is not None:
            self._attempt(
                self.ctx.delete,
                "incident",
                rid,
                _("Delete incident"),
                expected_version=self.versions.get(("incident", rid)),
            )

    def add_coverage(self) -> None:
        CoverageEditor(self, self.ctx, self.action_id).exec()

    def edit_coverage(self) -> None:
        rid = self._current(self.coverage)
        row = next((c for c in self.doc.coverage if c.coverage_id == rid), None)
        if row is not None:
            version = self.versions.get(("coverage", rid))
            CoverageEditor(self, self.ctx, self.action_id, row, version=version).exec()

    def delete_coverage(self) -> None:
        rid = self._current(self.coverage)
        if rid is not None:
            self._attempt(
                self.ctx.delete,
                "coverage",
                rid,
                _("Delete press coverage"),
                expected_version=self.versions.get(("coverage", rid)),
            )

    # --- the PDF, then the purge (ui/dialogs/debrief_purge.py) ------------------------------
    def save_pdf(self) -> bool:
        from ui.dialogs.debrief_purge import save_pdf

        return save_pdf(self)

    def offer_purge(self, *, saved: str = "") -> None:
        from ui.dialogs.debrief_purge import offer_purge

        offer_purge(self, saved=saved)

    def done(self, result: int) -> None:
        self.save_lessons()
        try:
            self.ctx.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


def open_dialog(parent: QWidget | None, ctx, action_id: int | None) -> DebriefDialog | None:
    if action_id is None:
        return None
    from ui.dialog_policy import alive

    old = alive(getattr(parent, "_debrief_dialog", None))  # closed, it was deleted
    if old is not None:
        old.close()
        old.deleteLater()
    dialog = DebriefDialog(parent, ctx, action_id)
    if parent is not None:
        parent._debrief_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
