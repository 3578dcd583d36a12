"""Overview: every field of the action. Each field commits when editing is finished, as one undo
step; a refused value is shown beside the field with the reason and is not saved."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeutil import LocalTimeError, zone
from app.i18n import N_, _
from ui import style
from ui.actions_list import status_text
from ui.tabs.base import ActionTab
from ui.widgets.contacts_table import ContactsEditor
from ui.widgets.country_combo import CountryCombo
from ui.widgets.datetime_edit import resolve_wall_clock
from ui.widgets.field_error import FieldError, problem_text
from ui.widgets.text_edit import CommitTextEdit
from ui.widgets.timezone_picker import TimeZonePicker
from ui.widgets.typed_date import DateField, OptionalDateField, TimeField

STATUSES = ("idea", "planned", "confirmed", "done", "cancelled")
TEXT_FIELDS = ("title", "location_name", "decl_authority", "decl_reference")
LONG_FIELDS = (
    "message",
    "description",
    "address",
    "meeting_point",
    "fallback_plan",
    "safety_notes",
)

# field -> (label, accessible name, undo text); marked here, translated where shown.
LABELS: dict[str, tuple[str, str, str]] = {
    "title": (N_("&Title:"), N_("Title"), N_("Edit title")),
    "message": (N_("&Message:"), N_("Message (the slogan)"), N_("Edit message")),
    "description": (N_("Descri&ption:"), N_("Description"), N_("Edit description")),
    "status": (N_("&Status:"), N_("Status"), N_("Change status")),
    "date": (N_("&Date:"), N_("Date of the action"), N_("Move action")),
    "starts_at": (N_("Starts &at:"), N_("Start time"), N_("Change start time")),
    "ends_at": (N_("&Ends at:"), N_("End time"), N_("Change end time")),
    "timezone": (N_("Time &zone:"), N_("Time zone"), N_("Change time zone")),
    "country": (N_("Countr&y:"), N_("Country"), N_("Change country")),
    "location_name": (N_("&Location:"), N_("Location name"), N_("Edit location")),
    "address": (N_("Add&ress:"), N_("Address"), N_("Edit address")),
    "meeting_point": (N_("Meeting &point:"), N_("Meeting point"), N_("Edit meeting point")),
    "latitude": (N_("Latit&ude:"), N_("Latitude"), N_("Edit latitude")),
    "longitude": (N_("Lon&gitude:"), N_("Longitude"), N_("Edit longitude")),
    "route": (N_("R&oute:"), N_("Route, one place per line"), N_("Edit route")),
    "languages": (N_("La&nguages:"), N_("Languages, main first"), N_("Edit languages")),
    "fallback_plan": (N_("&Fallback plan:"), N_("Fallback plan"), N_("Edit fallback plan")),
    "safety_notes": (N_("&Safety notes:"), N_("Safety notes"), N_("Edit safety notes")),
    "decl_authority": (
        N_("Aut&hority:"),
        N_("Declaration authority"),
        N_("Edit declaration authority"),
    ),
    "decl_sent_on": (N_("Sent o&n:"), N_("Declaration sent on"), N_("Edit declaration date")),
    "decl_received_on": (
        N_("Recei&ved on:"),
        N_("Declaration received on"),
        N_("Edit declaration date"),
    ),
    "decl_reference": (
        N_("Re&ference:"),
        N_("Declaration reference"),
        N_("Edit declaration reference"),
    ),
}
GROUPS = {
    "action": N_("The action"),
    "when": N_("When"),
    "where": N_("Where"),
    "people": N_("Languages and safety"),
    "contacts": N_("Key contacts"),
    "declaration": N_("Declaration"),
}


def read_action(session, action_id: int):
    """Read by ``app.services.window_views.action_values`` (imported late)."""
    from app.services.window_views import action_values

    return action_values(session, action_id)


def parse_languages(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def parse_coordinate(text: str) -> float | None:
    """A latitude or longitude typed in the UI locale (``app.numbers``: one rule for all)."""
    from app.i18n import ui
    from app.numbers import parse_number

    value = parse_number(text, locale=ui().lang, example=Decimal("48.8619"))
    return None if value is None else float(value)


def coordinate_text(value: float | None) -> str:
    from app.i18n import ui
    from app.numbers import number_text

    return number_text(value, locale=ui().lang, decimals=None)


#: The fields a refused save leaves holding what was typed, through reloads, until it is saved.
KEPT_AS_TYPED = frozenset(
    (*TEXT_FIELDS, *LONG_FIELDS, "route", "languages", "latitude", "longitude")
)


class OverviewTab(ActionTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("overview_tab")
        self.values: dict = {}
        self._seen: dict[str, tuple[int, object]] = {}  # field -> (version, value) shown
        self._refused: dict[str, int | None] = {}  # field -> the action its refused save was on
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.stack = QStackedWidget(self)
        self.empty = QLabel(self)
        self.empty.setObjectName("overview_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.stack.addWidget(self.scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._build()
        self.retranslate()
        self.stack.setCurrentWidget(self.empty)

    # --- building ----------------------------------------------------------------------------
    def _group(self, key: str) -> QFormLayout:
        box = QGroupBox(self)
        box.setObjectName(f"group_{key}")
        self.groups[key] = box
        form = QFormLayout(box)
        form.setSpacing(style.SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _add(self, form: QFormLayout, name: str, widget: QWidget, *, extra=None) -> None:
        widget.setObjectName(name)
        self.fields[name] = widget
        label = QLabel(self)
        label.setBuddy(widget)
        self.labels[name] = label
        error = FieldError(widget, self)
        self.errors[name] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        if extra is not None:
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(extra)
            box.addLayout(row)
        else:
            box.addWidget(widget)
        box.addWidget(error)
        form.addRow(label, box)

    def _build(self) -> None:
        page = QWidget(self.scroll)
        grid = QGridLayout(page)
        grid.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        grid.setHorizontalSpacing(style.GAP)
        grid.setVerticalSpacing(style.GAP)

        form = self._group("action")
        self._add(form, "title", QLineEdit(self))
        self._add(form, "message", CommitTextEdit(self, lines=2))
        self._add(form, "description", CommitTextEdit(self, lines=3))
        status = QComboBox(self)
        self._add(form, "status", status)
        status.activated.connect(lambda _i: self._commit_status())

        form = self._group("when")
        date_edit = DateField(None, self)  # typed: "15/01/2027", "15 janvier 2027"
        self._add(form, "date", date_edit)
        date_edit.editingFinished.connect(self._commit_date)
        for name in ("starts_at", "ends_at"):
            t = TimeField(None, self)  # typed: "9:30", "9h30"
            self._add(form, name, t)
            t.editingFinished.connect(lambda n=name: self._commit_time(n))
            t.timeChanged.connect(lambda _t: self._recheck_times())
        picker = TimeZonePicker(self)
        self._add(form, "timezone", picker)
        picker.zone_chosen.connect(self._commit_zone)
        picker.zone_refused.connect(self.errors["timezone"].show_error)
        country = CountryCombo(self)  # rewrites itself in a new UI language
        self._add(form, "country", country)
        country.activated.connect(
            lambda _i: self.commit("country", self.fields["country"].currentData() or "")
        )

        form = self._group("where")
        self._add(form, "location_name", QLineEdit(self))
        self._add(form, "address", CommitTextEdit(self, lines=2))
        self._add(form, "meeting_point", CommitTextEdit(self, lines=2))
        for name in ("latitude", "longitude"):
            edit = QLineEdit(self)
            self._add(form, name, edit)
            edit.editingFinished.connect(lambda n=name: self._commit_coordinate(n))
            edit.textEdited.connect(lambda _t, n=name: self._recheck_coordinate(n))
        route = CommitTextEdit(self, lines=3)
        self._add(form, "route", route)
        route.editingFinished.connect(self._commit_route)

        form = self._group("people")
        languages = QLineEdit(self)
        languages.setPlaceholderText("fr, en")
        self._add(form, "languages", languages)
        languages.editingFinished.connect(self._commit_languages)
        self._add(form, "fallback_plan", CommitTextEdit(self, lines=3))
        self._add(form, "safety_notes", CommitTextEdit(self, lines=3))

        self.contacts = ContactsEditor(self.ctx, self)
        contacts_box = QGroupBox(self)
        self.groups["contacts"] = contacts_box
        QVBoxLayout(contacts_box).addWidget(self.contacts)

        form = self._group("declaration")
        self._add(form, "decl_authority", QLineEdit(self))
        for name in ("decl_sent_on", "decl_received_on"):
            d = OptionalDateField(self, none_text=N_("No date"))  # typed, like every date
            self._add(form, name, d)
            d.editingFinished.connect(lambda n=name: self._commit_optional_date(n))
        self._add(form, "decl_reference", QLineEdit(self))
        self.declaration_button = QPushButton(self)
        self.declaration_button.setObjectName("declaration_button")
        self.declaration_button.clicked.connect(self._open_declaration)
        form.addRow("", self.declaration_button)

        for name in TEXT_FIELDS:
            self.fields[name].editingFinished.connect(
                lambda n=name: self.commit(n, self.fields[n].text().strip())
            )
        for name in LONG_FIELDS:
            self.fields[name].editingFinished.connect(
                lambda n=name: self.commit(n, self.fields[n].toPlainText())
            )

        left = QVBoxLayout()
        right = QVBoxLayout()
        for key in ("action", "when", "where"):
            left.addWidget(self.groups[key])
        for key in ("people", "contacts", "declaration"):
            right.addWidget(self.groups[key])
        left.addStretch(1)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.scroll.setWidget(page)

    # --- ActionTab ---------------------------------------------------------------------------
    def title(self) -> str:
        return _("Overview")

    def retranslate(self) -> None:
        for name, (label, accessible, _undo) in LABELS.items():
            self.labels[name].setText(_(label))
            self.fields[name].setAccessibleName(_(accessible))
        for key, text in GROUPS.items():
            self.groups[key].setTitle(_(text))
        status = self.fields["status"]
        current = status.currentData()
        status.clear()
        for value in STATUSES:
            status.addItem(status_text(value), value)
        status.setCurrentIndex(max(status.findData(current), 0))
        self.fields["languages"].setToolTip(
            _("Language codes, the main language first, separated by commas (e.g. fr, en)")
        )
        self.fields["route"].setToolTip(_("One place per line, in order"))
        for name, example in (("latitude", 48.8619), ("longitude", 2.3934)):
            self.fields[name].setPlaceholderText(coordinate_text(example))  # the locale's comma
        self.declaration_button.setText(_("Declaration assistant…"))
        self.declaration_button.setAccessibleName(_("Open the declaration assistant"))
        self.empty.setText(
            _(
                "No action selected.\nChoose one in the list, or create one with Action → New "
                "action… (Ctrl+N)."
            )
        )
        self.contacts.retranslate()

    def reload(self) -> None:
        for name, error in self.errors.items():
            if name not in self._kept_as_typed():  # a refused save stays said, and typed
                error.clear_error()
        if self.action_id is None or self.ctx.store is None:
            self._clear()
            return
        from app.domain.errors import NotFoundError

        try:
            self.values = self.ctx.query(read_action, self.action_id)
        except NotFoundError:
            self._clear()
            return
        self.stack.setCurrentWidget(self.scroll)
        self._show(self.values)

    def _kept_as_typed(self) -> set[str]:
        """The fields whose last save was refused, on the action shown."""
        stale = [n for n, a in self._refused.items() if a != self.action_id]
        for name in stale:
            self._saved(name)
        return set(self._refused)

    def _saved(self, name: str) -> None:
        self._refused.pop(name, None)
        self.ctx.mark_unsaved("overview", name, False)

    def _clear(self) -> None:
        """No action: nothing of the last one stays in a field (another database may follow)."""
        self.values = {}
        self.stack.setCurrentWidget(self.empty)
        for widget in self.fields.values():
            if isinstance(widget, CommitTextEdit):
                widget.set_text("")
            elif isinstance(widget, QLineEdit):
                widget.clear()
                widget.setModified(False)
        self.contacts.set_action(None, [])

    def _show(self, v: dict) -> None:
        f = self.fields

        refused = self._kept_as_typed()

        def typing(name: str) -> bool:  # a reload (another window's edit) keeps what is typed
            w = f[name]
            changed = w.is_modified() if isinstance(w, CommitTextEdit) else w.isModified()
            # ...and what a refused save left in its field (the server away: the reload when
            # it came back wiped "try again in a moment"'s text and its message)
            return (w.hasFocus() or name in refused) and changed

        kept = {name for name in (*TEXT_FIELDS, *LONG_FIELDS, "route", "languages") if typing(name)}
        kept |= {name for name in ("latitude", "longitude") if typing(name)}
        for name in v:  # what each field shows now is the version a save goes over
            if name not in kept:
                self._seen[name] = (v["version"], v[name])
        for name in TEXT_FIELDS:
            if f[name].text() != v[name] and not typing(name):
                f[name].setText(v[name])
        for name in (*LONG_FIELDS, "route"):
            if not typing(name):
                text = "\n".join(v["route"]) if name == "route" else (v[name] or "")
                f[name].set_text(text)
        if not typing("languages"):
            f["languages"].setText(", ".join(v["languages"]))
        f["status"].setCurrentIndex(max(f["status"].findData(v["status"]), 0))
        f["country"].set_code(v["country"] or "")
        for name in ("latitude", "longitude"):
            if not typing(name):
                f[name].setText(coordinate_text(v[name]))
        tz = zone(v["timezone"])
        start = v["starts_at"].astimezone(tz)
        end = v["ends_at"].astimezone(tz)
        for w in (f["date"], f["starts_at"], f["ends_at"]):
            w.blockSignals(True)
        f["date"].setDate(QDate(start.year, start.month, start.day))
        f["starts_at"].setTime(QTime(start.hour, start.minute))
        f["ends_at"].setTime(QTime(end.hour, end.minute))
        for w in (f["date"], f["starts_at"], f["ends_at"]):
            w.blockSignals(False)
        f["timezone"].set_zone(v["timezone"])
        f["decl_sent_on"].set_value(v["decl_sent_on"])
        f["decl_received_on"].set_value(v["decl_received_on"])
        self.contacts.set_action(self.action_id, v["contacts"])

    def focus_entity(self, entity: str, entity_id: int) -> bool:
        if entity != "action" or entity_id != self.action_id:
            return False
        self.fields["title"].setFocus()
        return True

    def focus_field(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget)
            widget.setFocus()

    # --- commits -----------------------------------------------------------------------------
    def commit(self, name: str, value) -> bool:
        """Save one field as one undo step; show the refusal beside it. True when saved."""
        from ui.context import EditFailed

        if self.action_id is None or not self.values:
            return False
        error = self.errors[name]
        if self.values.get(name) == value:
            error.clear_error()
            self._saved(name)  # typed back to what is saved: nothing left unsaved
            return False
        try:
            self.ctx.update(
                "action",
                self.action_id,
                _(LABELS[name][2]),
                expected_version=self._expected_version(name),
                shown={name: self._seen.get(name, (0, self.values.get(name)))[1]},
                **{name: value},
            )
        except EditFailed as exc:
            error.show_error(problem_text(exc))
            if not exc.shown and name in KEPT_AS_TYPED:  # a conflict dialog decides itself;
                # a drop-down, a date or a time shows what is saved again at the next reload
                self._refused[name] = self.action_id
                self.ctx.mark_unsaved("overview", name, True)
            return False
        error.clear_error()
        self._saved(name)
        widget = self.fields[name]
        if isinstance(widget, CommitTextEdit):
            widget.set_text(widget.toPlainText())
        elif isinstance(widget, QLineEdit):
            widget.setModified(False)  # saved: a later reload (undo) may replace it
        return True

    def _expected_version(self, name: str) -> int:
        """The version this field's value was typed over. A reload while the user typed keeps
        their text: the save then goes over the version they started from, unless the reload
        showed this field unchanged (another field was edited), so a colleague's change of
        this very field is never overwritten unseen."""
        version, shown = self._seen.get(name, (self.values["version"], self.values.get(name)))
        return self.values["version"] if self.values.get(name) == shown else version

    def _commit_status(self) -> None:
        self.commit("status", self.fields["status"].currentData())

    def _commit_route(self) -> None:
        lines = self.fields["route"].toPlainText().splitlines()
        self.commit("route", [line.strip() for line in lines if line.strip()])

    def _commit_languages(self) -> None:
        self.commit("languages", parse_languages(self.fields["languages"].text()))

    def _commit_coordinate(self, name: str) -> None:
        try:
            value = parse_coordinate(self.fields[name].text())
        except ValueError as exc:
            self.errors[name].show_error(str(exc))
            return
        if self.commit(name, value) or self.values.get(name) == value:
            self.fields[name].setText(coordinate_text(value))  # as stored, in the UI locale

    def _recheck_coordinate(self, name: str) -> None:
        """An error goes the moment the text is a valid coordinate again."""
        try:
            value = parse_coordinate(self.fields[name].text())
        except ValueError:
            return
        if value is None or abs(value) <= (90 if name == "latitude" else 180):
            self.errors[name].clear_error()

    def _commit_zone(self, name: str) -> None:
        self.errors["timezone"].clear_error()
        self.commit("timezone", name)

    def _local(self, name: str) -> datetime:
        tz = zone(self.values["timezone"])
        return self.values[name].astimezone(tz)

    def _commit_optional_date(self, name: str) -> None:
        typed = self.fields[name].problem()
        if typed:  # unreadable: said beside the field, nothing saved
            self.errors[name].show_error(typed)
            return
        self.commit(name, self.fields[name].value())

    def _commit_time(self, name: str) -> None:
        if not self.values:
            return
        typed = self.fields[name].problem()
        if typed:
            self.errors[name].show_error(typed)
            return
        start = self._local("starts_at")
        end = self._local("ends_at")
        t = self.fields[name].time().toPython().replace(second=0, microsecond=0)
        base = start if name == "starts_at" else end
        if base.time().replace(second=0, microsecond=0, tzinfo=None) == t:
            self._recheck_times()  # back to the stored time: whatever it said is over
            return
        naive = datetime.combine(base.date(), t)
        try:
            instant = resolve_wall_clock(self, naive, self.values["timezone"])
        except LocalTimeError as exc:
            self.errors[name].show_error(str(exc))
            return
        other = self.values["ends_at"] if name == "starts_at" else self.values["starts_at"]
        if name == "ends_at" and instant < other:
            self.errors[name].show_error(_("the end is before the start"))
            return
        if name == "starts_at" and instant > other:
            self.errors[name].show_error(_("the start is after the end"))
            return
        if self.commit(name, instant):
            self._recheck_times()

    def _recheck_times(self) -> None:
        """Clear a time's error the moment it no longer applies: the order once the start is
        not after the end, any other once the field shows the stored time again."""
        if not self.values:
            return
        shown = {n: self.fields[n].time().toPython() for n in ("starts_at", "ends_at")}
        order = (_("the end is before the start"), _("the start is after the end"))
        for name in ("starts_at", "ends_at"):
            message = self.errors[name].message
            stored = self._local(name).time().replace(second=0, microsecond=0, tzinfo=None)
            if (message in order and shown["starts_at"] <= shown["ends_at"]) or (
                message and shown[name] == stored
            ):
                self.errors[name].clear_error()

    def _commit_date(self) -> None:
        if not self.values or self.action_id is None:
            return
        typed = self.fields["date"].problem()
        if typed:
            self.errors["date"].show_error(typed)
            return
        new_date: date = self.fields["date"].date().toPython()
        old_date = self._local("starts_at").date()
        if new_date == old_date:
            return
        if self.move_to(new_date):
            self.errors["date"].clear_error()

    def move_to(self, new_date: date) -> bool:
        """Move the whole action to ``new_date`` keeping wall-clock times (one undo step)."""
        from ui.context import EditFailed

        try:
            from app.services.action_ops import move_action

            action_id, version = self.action_id, self.values.get("version")
            self.ctx.run_op(
                _("Move action"),
                lambda session: move_action(
                    session, action_id=action_id, new_date=new_date, expected_version=version
                ),
            )
        except EditFailed as exc:
            self.errors["date"].show_error(problem_text(exc))
            return False
        return True

    def _open_declaration(self) -> None:
        import importlib

        try:
            module = importlib.import_module("ui.dialogs.declaration")
        except ImportError:
            self.focus_field("decl_authority")
            return
        module.open_dialog(self.window(), self.ctx, self.action_id)
