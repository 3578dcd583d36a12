"""The release form of the Press tab. Each field commits when editing is finished (one undo
step); while the user types, ``draft_changed`` lets the tab redraw the preview and the
warnings from the values on screen, before anything is saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeutil import LocalTimeError, localize, zone
from app.i18n import _, pgettext, ui
from ui import style
from ui.context import EditFailed
from ui.tabs._common import button
from ui.widgets.bidi_delegate import install
from ui.widgets.datetime_edit import ZonedDateTimeEdit
from ui.widgets.field_error import FieldError, problem_text
from ui.widgets.text_edit import CommitTextEdit

TEXTS = ("headline", "subheadline", "dateline")
LONG = ("body", "notes_to_editors", "boilerplate")
WARNED = ("headline", "release_at", "embargo_until")


class ListTable(QTableWidget):
    """Quotes or press contacts: rows of text cells, committed as a whole list."""

    def __init__(self, keys: tuple[str, ...], name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(keys), parent)
        self.keys = keys
        self.setObjectName(name)
        install(self)  # a contact's phone reads the right way round in an Arabic window
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)

    def set_rows(self, rows: list[dict]) -> None:
        self.blockSignals(True)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, key in enumerate(self.keys):
                self.setItem(r, c, QTableWidgetItem(str(row.get(key, ""))))
        for c in range(len(self.keys) - 1):
            self.resizeColumnToContents(c)
        self.resizeRowsToContents()
        self.blockSignals(False)

    def rows(self) -> list[dict]:
        out = []
        for r in range(self.rowCount()):
            row = {}
            for c, key in enumerate(self.keys):
                item = self.item(r, c)
                row[key] = item.text().strip() if item else ""
            if any(row.values()):
                out.append(row)
        return out

    def add_row(self) -> None:
        self.blockSignals(True)
        self.insertRow(self.rowCount())
        for c in range(len(self.keys)):
            self.setItem(self.rowCount() - 1, c, QTableWidgetItem(""))
        self.blockSignals(False)
        self.setCurrentCell(self.rowCount() - 1, 0)
        self.editItem(self.item(self.rowCount() - 1, 0))


def _doc_value(doc, name: str):
    return getattr(doc, "contacts" if name == "press_contacts" else name, None)


class ReleaseEditor(QWidget):
    draft_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("release_editor")
        self.ctx = ctx
        self.state = None
        self._seen: dict[str, tuple[int, object]] = {}  # field -> (version, value) shown
        self.frozen = False
        self.unfrozen_ids: set[int] = set()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.warnings: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.draft_changed.emit)
        self._build()
        self.retranslate()

    # --- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self._outer = outer
        self._keep_off_scroll_bar()
        outer.setSpacing(style.SPACING)
        self.title = QLabel(self)
        self.title.setObjectName("release_title")
        self.title.setFont(style.scaled_font(self, 1.15, bold=True))
        outer.addWidget(self.title)
        self.banner = QWidget(self)
        self.banner.setObjectName("frozen_banner")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(0, 0, 0, 0)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("frozen_text")
        self.banner_text.setWordWrap(True)
        self.banner_text.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
        self.unfreeze_button = button(_("Edit an&yway"), "unfreeze_button")
        self.unfreeze_button.clicked.connect(self.unfreeze)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.unfreeze_button)
        outer.addWidget(self.banner)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A field too wide beside its label goes under it ("Veröffentlichung um:" beside a
        # date, a time and a tick box made the form scroll sideways at 1280 px).
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setSpacing(style.SPACING)
        outer.addLayout(self.form)

        self.count = QLabel(self)
        self.count.setObjectName("headline_count")
        for name in TEXTS:
            edit = QLineEdit(self)
            self._add(name, edit)
            edit.textEdited.connect(self._typed)
            edit.editingFinished.connect(lambda n=name: self._commit_text(n))
        for name in ("release_at", "embargo_until"):
            box = QWidget(self)
            lay = QVBoxLayout(box)  # the tick box above the date: side by side, 420 px
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            check = QCheckBox(box)
            check.setObjectName(f"{name}_set")
            edit = ZonedDateTimeEdit("UTC", box)
            edit.setObjectName(f"{name}_edit")
            lay.addWidget(check)
            lay.addWidget(edit)
            self._add(name, box)
            setattr(self, f"{name}_check", check)
            setattr(self, f"{name}_edit", edit)
            check.toggled.connect(lambda on, n=name: self._toggle_time(n, on))
            edit.committed.connect(lambda instant, n=name: self._commit(n, instant))
            edit.date_edit.dateChanged.connect(self._typed)
            edit.time_edit.timeChanged.connect(self._typed)
        for name in LONG:
            edit = CommitTextEdit(self, lines=9 if name == "body" else 3)
            edit.setMaximumHeight(edit.minimumHeight() * (2 if name == "body" else 1))
            self._add(name, edit)
            edit.textChanged.connect(self._typed)
            edit.editingFinished.connect(lambda n=name: self._commit_text(n))
        self.hint = QLabel(self)
        self.hint.setObjectName("body_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        self.form.insertRow(self.form.rowCount() - len(LONG) + 1, "", self.hint)  # under the body

        self.quotes = ListTable(("speaker", "text"), "quotes", self)
        self.contacts = ListTable(("label", "phone", "email"), "press_contacts", self)
        for name, table in (("quotes", self.quotes), ("press_contacts", self.contacts)):
            add = button("+", f"{name}_add")
            remove = button("−", f"{name}_remove")
            add.setFixedWidth(32)
            remove.setFixedWidth(32)
            add.clicked.connect(table.add_row)
            remove.clicked.connect(lambda _c=False, n=name, t=table: self._remove_row(n, t))
            table.itemChanged.connect(lambda _i, n=name, t=table: self._commit_list(n, t))
            side = QVBoxLayout()
            side.addWidget(add)
            side.addWidget(remove)
            side.addStretch(1)
            holder = QWidget(self)
            lay = QHBoxLayout(holder)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(table, 1)
            lay.addLayout(side)
            self._add(name, holder, focus=table)
            setattr(self, f"{name}_buttons", (add, remove))
        outer.addStretch(1)

    def _keep_off_scroll_bar(self) -> None:
        """Room between the fields and the scroll bar of the form, which is on the right, or
        on the left right to left (a layout's margins do not turn with the direction): the
        fields' frames ran into the scroll bar."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        gap = style.SPACING
        self._outer.setContentsMargins(gap if rtl else 0, 0, 0 if rtl else gap, 0)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._keep_off_scroll_bar()
        super().changeEvent(event)

    def _add(self, name: str, widget: QWidget, *, focus: QWidget | None = None) -> None:
        if not widget.objectName():
            widget.setObjectName(name)
        self.fields[name] = widget
        label = QLabel(self)
        label.setBuddy(focus or widget)
        self.labels[name] = label
        self.errors[name] = FieldError(focus or widget, self)
        box = QVBoxLayout()
        box.setSpacing(2)
        if name == "headline":
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(self.count)
            box.addLayout(row)
        else:
            box.addWidget(widget)
        box.addWidget(self.errors[name])
        if name in WARNED:
            warn = QLabel(self)
            warn.setObjectName(f"{name}_warning")
            warn.setWordWrap(True)
            warn.setVisible(False)
            warn.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
            self.warnings[name] = warn
            box.addWidget(warn)
        self.form.addRow(label, box)

    def retranslate(self) -> None:
        texts = {
            "headline": _("Headl&ine:"),
            "subheadline": _("&Subheadline:"),
            # No Alt+letter on these three: the release page holds 24 mnemonics with the menu
            # bar, more than Italian has letters; Tab reaches them from the subheadline.
            "dateline": _("Dateline place:"),
            "release_at": _("Release time:"),
            "embargo_until": _("Embargo until:"),
            "body": _("&Body:"),
            "boilerplate": _("Ab&out us:"),
            "notes_to_editors": _("Notes to editors:"),
            "quotes": _("&Quotes:"),
            "press_contacts": _("Press &contacts:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.fields["dateline"].setPlaceholderText(_("City, e.g. Paris"))
        self.hint.setText(
            _("**bold**, *italic*, [text](https://link); a blank line starts a new paragraph.")
        )
        # Translators: a check box beside the release time: a time is set (or not).
        self.release_at_check.setText(pgettext("release time", "set"))
        self.embargo_until_check.setText(_("under embargo"))
        self.quotes.setHorizontalHeaderLabels([_("Speaker"), _("Quote")])
        self.contacts.setHorizontalHeaderLabels([_("Label"), _("Phone"), _("E-mail")])
        self.unfreeze_button.setText(_("Edit an&yway"))

    # --- showing --------------------------------------------------------------------------------
    def set_state(self, state) -> None:
        """Show a release (an ``EditorState``); keeps what the user is typing in a field."""
        same = self.state is not None and state is not None and state.row.id == self.state.row.id
        self.state = state
        if state is None:
            self.clear()
            self.setEnabled(False)
            return
        self.setEnabled(True)
        doc = state.doc
        if not same:
            for err in self.errors.values():
                err.clear_error()
        tr = ui()
        title = tr.language_name(doc.language)
        if state.source is not None:
            title = _("{language} — translation of the {source} release").format(
                language=title, source=tr.language_name(state.source_language)
            )
        self.title.setText(title)
        kept = {
            n for n in TEXTS if same and self.fields[n].hasFocus() and self.fields[n].isModified()
        }
        kept |= {
            n for n in LONG if same and self.fields[n].hasFocus() and self.fields[n].is_modified()
        }
        kept |= {"quotes"} if same and self.quotes.hasFocus() else set()
        kept |= {"press_contacts"} if same and self.contacts.hasFocus() else set()
        if not same:
            self._seen = {}
        for name in (*TEXTS, *LONG, "release_at", "embargo_until", "quotes", "press_contacts"):
            if name not in kept:  # what the field shows is the version a save goes over
                self._seen[name] = (state.row.version, _doc_value(doc, name))
        for name in TEXTS:
            edit = self.fields[name]
            if not (same and edit.hasFocus() and edit.isModified()):
                edit.setText(getattr(doc, name))
                edit.setCursorPosition(0)
                edit.setModified(False)
        for name in LONG:
            edit = self.fields[name]
            if not (same and edit.hasFocus() and edit.is_modified()):
                edit.set_text(getattr(doc, name))
        self.fields["boilerplate"].setPlaceholderText(
            doc.org_boilerplate or _("The organisation's text from the settings")
        )
        for name in ("release_at", "embargo_until"):
            check, edit = getattr(self, f"{name}_check"), getattr(self, f"{name}_edit")
            edit.set_zone(doc.timezone)
            value = getattr(doc, name)
            suggestion = state.context.starts_at - (
                timedelta(minutes=90) if name == "release_at" else timedelta(0)
            )
            check.blockSignals(True)
            check.setChecked(value is not None)
            check.blockSignals(False)
            edit.set_instant(value or suggestion)
            edit.setEnabled(value is not None)
        if not (same and self.quotes.hasFocus()):
            self.quotes.set_rows([{"speaker": q.speaker, "text": q.text} for q in doc.quotes])
        if not (same and self.contacts.hasFocus()):
            self.contacts.set_rows(
                [{"label": c.label, "phone": c.phone, "email": c.email} for c in doc.contacts]
            )
        self._apply_frozen()
        self.refresh_warnings()

    def clear(self) -> None:
        """Show nothing: no release, or another database or action (nothing of it may stay)."""
        self.title.clear()
        self.banner_text.clear()
        self.banner.hide()
        for name in TEXTS:
            self.fields[name].clear()
            self.fields[name].setModified(False)
        for name in LONG:
            self.fields[name].set_text("")
        self.fields["boilerplate"].setPlaceholderText("")
        self.quotes.set_rows([])
        self.contacts.set_rows([])
        self.count.clear()
        for name in ("release_at", "embargo_until"):  # the release's times are the plan's too
            edit = getattr(self, f"{name}_edit")
            for field in (edit.date_edit, edit.time_edit):
                field.blockSignals(True)
                field.clear()
                field.blockSignals(False)
        for err in self.errors.values():
            err.clear_error()

    def _apply_frozen(self) -> None:
        st = self.state
        self.frozen = bool(st.frozen_by) and st.row.id not in self.unfrozen_ids
        tr = ui()
        names = tr.comma_list(tr.language_name(lang) for lang in st.frozen_by)
        self.banner_text.setText(
            _(
                "Frozen while it is being translated ({languages}): changes here would not "
                "reach the translation. Approve the translation first, or edit anyway."
            ).format(languages=names)
        )
        self.banner.setVisible(self.frozen)
        for name in TEXTS:
            self.fields[name].setReadOnly(self.frozen)
        for name in LONG:
            self.fields[name].setReadOnly(self.frozen)
        for name in ("release_at", "embargo_until"):
            self.fields[name].setEnabled(not self.frozen)
        for table, name in ((self.quotes, "quotes"), (self.contacts, "press_contacts")):
            table.setEditTriggers(
                QTableWidget.EditTrigger.NoEditTriggers
                if self.frozen
                else QTableWidget.EditTrigger.DoubleClicked
                | QTableWidget.EditTrigger.EditKeyPressed
                | QTableWidget.EditTrigger.AnyKeyPressed
            )
            for b in getattr(self, f"{name}_buttons"):
                b.setEnabled(not self.frozen)

    def unfreeze(self) -> None:
        if self.state is not None:
            self.unfrozen_ids.add(self.state.row.id)
            self._apply_frozen()

    # --- the values on screen -----------------------------------------------------------------
    def _draft_instant(self, name: str) -> datetime | None:
        check, edit = getattr(self, f"{name}_check"), getattr(self, f"{name}_edit")
        if not check.isChecked():
            return None
        try:
            return localize(edit.wall_clock(), zone(edit.tz_name), fold=0)
        except (LocalTimeError, ValueError):
            return edit.instant()

    def draft_doc(self):
        """The release as typed (for the preview), even before the fields are committed."""
        from app.exports.press.document import ContactView, QuoteView

        if self.state is None:
            return None
        return replace(
            self.state.doc,
            headline=self.fields["headline"].text(),
            subheadline=self.fields["subheadline"].text(),
            dateline=self.fields["dateline"].text(),
            body=self.fields["body"].toPlainText(),
            boilerplate=self.fields["boilerplate"].toPlainText(),
            notes_to_editors=self.fields["notes_to_editors"].toPlainText(),
            release_at=self._draft_instant("release_at"),
            embargo_until=self._draft_instant("embargo_until"),
            quotes=tuple(QuoteView(q["speaker"], q["text"]) for q in self.quotes.rows()),
            contacts=tuple(
                ContactView(c["label"], c["phone"], c["email"]) for c in self.contacts.rows()
            ),
        )

    def refresh_warnings(self) -> list:
        from app.services.press import draft_warnings

        if self.state is None:
            return []
        doc = self.draft_doc()
        found = draft_warnings(
            self.state.context,
            headline=doc.headline,
            release_at=doc.release_at,
            embargo_until=doc.embargo_until,
        )
        n = len(doc.headline.strip())
        self.count.setText(str(n))
        color = style.warning_color(self) if n > 100 else style.muted_color(self)
        self.count.setStyleSheet(f"color: {style.css(color)};")
        by_field: dict[str, list[str]] = {}
        for w in found:
            by_field.setdefault(w.field, []).append(w.message)
        for name, label in self.warnings.items():
            text = "\n".join(by_field.get(name, []))
            label.setText(f"⚠ {text}" if text else "")
            label.setVisible(bool(text))
        return found

    def _typed(self, *_args) -> None:
        if self.state is not None:
            self.refresh_warnings()
            self._timer.start()

    # --- commits ------------------------------------------------------------------------------
    def _commit(self, name: str, value) -> bool:
        if self.state is None or self.frozen:
            return False
        if getattr(self.state.doc, name if name != "press_contacts" else "contacts", None) == value:
            return True
        undo = {
            "headline": _("Edit headline"),
            "subheadline": _("Edit subheadline"),
            "dateline": _("Edit dateline"),
            "release_at": _("Change release time"),
            "embargo_until": _("Change embargo"),
            "body": _("Edit release text"),
            "boilerplate": _("Edit “About us”"),
            "notes_to_editors": _("Edit notes to editors"),
            "quotes": _("Edit quotes"),
            "press_contacts": _("Edit press contacts"),
        }[name]
        self.errors[name].clear_error()
        latest = self.state.row.version
        version, shown = self._seen.get(name, (latest, None))
        if _doc_value(self.state.doc, name) == shown:  # a reload did not change this field
            version = latest
        try:
            self.ctx.update(
                "release",
                self.state.row.id,
                undo,
                expected_version=version,
                shown={name: shown} if name in (*TEXTS, *LONG) else None,
                **{name: value},
            )
        except EditFailed as exc:
            self.errors[name].show_error(problem_text(exc))
            return False
        return True

    def _commit_text(self, name: str) -> None:
        widget = self.fields[name]
        text = widget.text() if name in TEXTS else widget.toPlainText()
        if name in TEXTS:
            text = text.strip()
        self._commit(name, text)

    def _toggle_time(self, name: str, on: bool) -> None:
        edit = getattr(self, f"{name}_edit")
        edit.setEnabled(on)
        if not on:
            self._commit(name, None)
        else:
            instant = self._draft_instant(name)
            if instant is not None:
                self._commit(name, instant.astimezone(UTC))
        self._typed()

    def _commit_list(self, name: str, table: ListTable) -> None:
        rows = table.rows()
        self._typed()
        if name == "quotes":
            # A quote is saved once it has its text; a speaker typed first waits for it.
            rows = [r for r in rows if r["text"]]
            current = [{"speaker": q.speaker, "text": q.text} for q in self.state.doc.quotes]
        else:
            current = [
                {"label": c.label, "phone": c.phone, "email": c.email}
                for c in self.state.doc.contacts
            ]
        if rows != current:
            self._commit(name, rows)

    def _remove_row(self, name: str, table: ListTable) -> None:
        row = table.currentRow()
        if row < 0:
            return
        table.removeRow(row)
        self._commit_list(name, table)


def focus_first_field(editor: ReleaseEditor) -> None:
    editor.fields["headline"].setFocus(Qt.FocusReason.OtherFocusReason)
