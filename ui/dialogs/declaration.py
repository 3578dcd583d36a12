"""Action → Declaration: when and to whom to declare, the letter, and what was sent/received.

The organisers' names and home addresses are typed each time and go only into the letter: they
are not saved (the database holds the plan, not the organisers' identities).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext, ui
from ui import style
from ui.file_dialogs import save_file_name
from ui.widgets.text_edit import plain_text
from ui.widgets.typed_date import OptionalDateField

SIDE_WIDTH = 380


def window_text(info) -> tuple[str, str]:
    """(sentence, level) for the window: level is ok | warning | error | muted."""
    tr = ui()

    def day(d) -> str:
        return tr.date(d, "full")

    authority = info.authority or info.suggested_authority
    if info.received_on is not None:
        if info.received_in_time:
            return (
                # Translators: {authority} is a proper name ("Préfecture de police"), named
                # after a colon so no article or preposition has to agree with it.
                _("Received on {date} (authority: {authority}): in time.").format(
                    date=day(info.received_on), authority=authority
                ),
                "ok",
            )
        return (
            _("Received on {date}: outside the legal window ({first} to {last}).").format(
                date=day(info.received_on),
                first=day(info.first_day) if info.first_day else "—",
                last=day(info.last_day),
            ),
            "error",
        )
    first, last, today = info.first_day, info.last_day, info.today
    if today > last:
        return (
            _("Too late: the last day to have it received was {last}.").format(last=day(last)),
            "error",
        )
    if first is not None and today < first:
        return (
            _("{authority} may receive it from {first} to {last}. Not before {first}.").format(
                authority=authority, first=day(first), last=day(last)
            ),
            "muted",
        )
    left = (last - today).days
    if first is not None:
        text = _("Declare now: {authority} must receive it between {first} and {last}.").format(
            authority=authority, first=day(first), last=day(last)
        )
    else:
        text = _("Declare now: {authority} must receive it by {last}.").format(
            authority=authority, last=day(last)
        )
    text += " " + ngettext("{n} day left.", "{n} days left.", left).format(n=ui().number(left))
    return text, "warning"


class DeclarationDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int) -> None:
        super().__init__(parent)
        self.ctx, self.action_id = ctx, action_id
        self.setObjectName("declaration_dialog")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setSpacing(style.SPACING)
        self.heading = QLabel(self)
        self.heading.setObjectName("declaration_heading")
        self.heading.setWordWrap(True)
        self.heading.setFont(style.scaled_font(self.heading, 1.25, bold=True))
        layout.addWidget(self.heading)
        self.window_label = QLabel(self)
        self.window_label.setObjectName("window_label")
        self.window_label.setWordWrap(True)
        self.window_label.setFont(style.scaled_font(self.window_label, 1.05, bold=True))
        layout.addWidget(self.window_label)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("notice_label")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        layout.addWidget(self.notice_label)
        columns = QHBoxLayout()
        columns.setSpacing(style.GAP)
        layout.addLayout(columns)
        side = QVBoxLayout()

        letter = QGroupBox(_("The letter"), self)
        letter.setObjectName("letter_group")
        form = QFormLayout(letter)
        self.authority = QLineEdit(letter)
        self.authority.setObjectName("authority_edit")
        form.addRow(_("Authority:"), self.authority)
        box = QWidget(letter)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        self.organisers = QTableWidget(0, 2, box)
        self.organisers.setObjectName("organisers_table")
        self.organisers.setHorizontalHeaderLabels([_("Full name"), _("Home address")])
        self.organisers.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Interactive
        )
        self.organisers.setColumnWidth(0, 180)
        self.organisers.horizontalHeader().setStretchLastSection(True)
        self.organisers.verticalHeader().setVisible(False)
        self.organisers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.organisers.setMinimumSize(420, 110)
        self.organisers.setMaximumHeight(160)
        box_layout.addWidget(self.organisers)
        row = QHBoxLayout()
        add = QPushButton(_("Add organiser"), box)
        add.setObjectName("add_organiser_button")
        add.clicked.connect(lambda: self.add_organiser("", ""))
        remove = QPushButton(_("Remove"), box)
        remove.setObjectName("remove_organiser_button")
        remove.clicked.connect(self._remove_organiser)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        box_layout.addLayout(row)
        note = QLabel(
            _(
                "Names and home addresses are not saved: type them each time. The letter "
                "contains them (personal data): keep it and send it carefully."
            ),
            box,
        )
        note.setObjectName("personal_data_note")
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
        box_layout.addWidget(note)
        form.addRow(_("Organisers who sign:"), box)
        self.purpose = QPlainTextEdit(letter)
        self.purpose.setObjectName("purpose_edit")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(self.purpose.fontMetrics().lineSpacing() * 3 + 14)
        self.purpose.setToolTip(_("in the authority's language; prefilled from the plan"))
        form.addRow(_("Purpose:"), self.purpose)
        self.place = QLineEdit(letter)
        self.place.setObjectName("place_edit")
        self.place.setPlaceholderText(_("the first organiser's town"))
        form.addRow(_("Signed at:"), self.place)
        self.generate_button = QPushButton(_("Create the letter (PDF)…"), letter)
        self.generate_button.setObjectName("generate_button")
        self.generate_button.clicked.connect(self._choose_and_generate)
        form.addRow("", self.generate_button)
        self.letter_status = QLabel(letter)
        self.letter_status.setObjectName("letter_status")
        self.letter_status.setWordWrap(True)
        form.addRow("", self.letter_status)
        columns.addWidget(letter, 3)
        columns.addLayout(side, 2)

        track = QGroupBox(_("Sent and received"), self)
        track.setObjectName("tracking_group")
        tform = QFormLayout(track)
        self.sent_on = OptionalDateField(track, none_text=N_("Not sent"))
        self.sent_on.setObjectName("sent_on_edit")
        self.received_on = OptionalDateField(track, none_text=N_("Not received"))
        self.received_on.setObjectName("received_on_edit")
        self.reference = QLineEdit(track)
        self.reference.setObjectName("reference_edit")
        tform.addRow(_("Sent on:"), self.sent_on)
        tform.addRow(_("Received on:"), self.received_on)
        tform.addRow(_("Reference:"), self.reference)
        self.track_error = QLabel(track)
        self.track_error.setObjectName("tracking_error")
        self.track_error.setWordWrap(True)
        self.track_error.setStyleSheet(f"color: {style.css(style.error_color(self))};")
        tform.addRow("", self.track_error)
        save = QPushButton(_("Save"), track)
        save.setObjectName("save_tracking_button")
        save.clicked.connect(self.save_tracking)
        tform.addRow("", save)
        side.addWidget(track)
        law = QGroupBox(_("What the law asks"), self)
        law.setObjectName("law_group")
        law_layout = QVBoxLayout(law)
        self.rule_label = QLabel(law)
        self.rule_label.setObjectName("rule_label")
        self.rule_label.setWordWrap(True)
        law_layout.addWidget(self.rule_label)
        side.addWidget(law)
        side.addStretch(1)
        track.setFixedWidth(SIDE_WIDTH)
        law.setFixedWidth(SIDE_WIDTH)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("buttons")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_organiser("", "")
        self.reload()

    # --- data -----------------------------------------------------------------------------------
    def reload(self) -> None:
        from app.services.declaration import declaration_info

        self.info = info = self.ctx.query(declaration_info, self.action_id)
        self.setWindowTitle(_("Declaration — {title}").format(title=info.title))
        self.heading.setText(info.title)
        self.sent_on.set_value(info.sent_on)
        self.received_on.set_value(info.received_on)
        self.reference.setText(info.reference)
        if not info.applies:
            if info.not_needed:
                self.window_label.setText(_(info.not_needed))
                self.window_label.setStyleSheet(f"color: {style.css(style.success_color(self))};")
            else:
                self.window_label.setText(
                    _(
                        "Cortège knows no declaration rules for this action's country "
                        "({country}). Check the local law; you can still record what you sent."
                    ).format(country=info.country or "—")
                )
            self.rule_label.setText(info.legal_basis)
            self.notice_label.setText("")
            self.generate_button.setEnabled(False)
            self.authority.setText(info.authority)
            return
        self.generate_button.setEnabled(True)
        if not plain_text(self.purpose).strip():
            from app.services.declaration import letter_defaults

            self.purpose.setPlainText(self.ctx.query(letter_defaults, self.action_id)["purpose"])
        # A generic hint ("the mairie, or the préfecture…") is a placeholder, never a value:
        # the letter must name the authority.
        self.authority.setText(info.authority or info.known_authority)
        self.authority.setPlaceholderText(info.suggested_authority)
        text, level = window_text(info)
        color = {
            "ok": style.success_color,
            "warning": style.warning_color,
            "error": style.error_color,
            "muted": style.muted_color,
        }[level](self)
        self.window_label.setText(text)
        self.window_label.setStyleSheet(f"color: {style.css(color)};")
        tr = ui()
        if info.max_clear_days is not None:
            # Translators: the noun agrees with {max}, the number just before it.
            notice = ngettext(
                "The authority must receive it at least {min} and at most {max} clear day "
                "before the action ({event}): neither the day it is received nor the day of the "
                "action counts.",
                "The authority must receive it at least {min} and at most {max} clear days "
                "before the action ({event}): neither the day it is received nor the day of the "
                "action counts.",
                info.max_clear_days,
            ).format(
                min=info.min_clear_days, max=info.max_clear_days, event=tr.date(info.event_day)
            )
        else:
            notice = ngettext(
                "The authority must receive it at least {min} clear day before the action "
                "({event}): neither the day it is received nor the day of the action counts.",
                "The authority must receive it at least {min} clear days before the action "
                "({event}): neither the day it is received nor the day of the action counts.",
                info.min_clear_days,
            ).format(min=info.min_clear_days, event=tr.date(info.event_day))
        self.notice_label.setText(notice)
        lines = [_("The declaration must contain:")]
        lines += [f"  • {_(item)}" for item in info.required_content]
        if info.penalty:
            lines += ["", _(info.penalty)]
        lines += ["", info.legal_basis]
        self.rule_label.setText("\n".join(lines))
        # A wrapped label does not ask for the height it needs inside nested layouts.
        self.rule_label.setMinimumHeight(self.rule_label.heightForWidth(SIDE_WIDTH - 30))

    def add_organiser(self, name: str, address: str) -> None:
        row = self.organisers.rowCount()
        self.organisers.insertRow(row)
        self.organisers.setItem(row, 0, QTableWidgetItem(name))
        self.organisers.setItem(row, 1, QTableWidgetItem(address))

    def _remove_organiser(self) -> None:
        rows = sorted({i.row() for i in self.organisers.selectedIndexes()}, reverse=True)
        for row in rows or [self.organisers.rowCount() - 1]:
            if row >= 0:
                self.organisers.removeRow(row)

    def organiser_values(self) -> list:
        from app.exports.declaration import Organiser

        out = []
        for row in range(self.organisers.rowCount()):
            cells = [self.organisers.item(row, c) for c in (0, 1)]
            name, address = ((c.text().strip() if c else "") for c in cells)
            if name or address:
                out.append(Organiser(name, address))
        return out

    # --- the letter -----------------------------------------------------------------------------
    def _choose_and_generate(self) -> None:
        suggested = f"declaration-{self.info.event_day.isoformat()}.pdf"
        path = save_file_name(self, _("Save the declaration"), suggested, _("PDF files (*.pdf)"))
        if path:
            self.generate(Path(path))

    def generate(self, path: Path) -> bool:
        from app.domain.errors import CortegeError
        from app.services.declaration import write_declaration

        if not self.authority.text().strip():  # the field is the value: no silent fallback
            self._letter_message(
                _("Authority: say which authority receives the declaration ({hint})").format(
                    hint=self.authority.placeholderText()
                ),
                error=True,
            )
            self.authority.setFocus()
            return False
        try:
            warnings = self.ctx.query(
                write_declaration,
                self.action_id,
                path,
                organisers=self.organiser_values(),
                authority=self.authority.text().strip(),
                place=self.place.text().strip(),
                purpose=plain_text(self.purpose).strip(),
            )
        except CortegeError as exc:
            self._letter_message(_problems(exc), error=True)
            return False
        except OSError as exc:
            self._letter_message(
                _("Could not write {path}: {reason}").format(
                    path=ui().isolated(str(path)), reason=exc.strerror
                ),
                error=True,
            )
            return False
        saved = _("Letter saved as {name}. Sign it, send it, then record the dates below.").format(
            name=path.name
        )
        lines = [saved, *(_("Warning: {message}").format(message=w) for w in warnings)]
        self._letter_message("\n".join(lines), error=False, warn=bool(warnings))
        self.letter_status.setToolTip(str(path))
        from ui.saved_notice import announce_saved

        announce_saved(self, _("Saved to {path}").format(path=ui().isolated(str(path))), path)
        return True

    def _letter_message(self, text: str, *, error: bool, warn: bool = False) -> None:
        color = style.error_color(self) if error else style.success_color(self)
        if warn and not error:
            color = style.warning_color(self)
        self.letter_status.setStyleSheet(f"color: {style.css(color)};")
        self.letter_status.setText(text)
        self.letter_status.setToolTip("")
        self.adjustSize()

    # --- tracking -------------------------------------------------------------------------------
    def save_tracking(self) -> bool:
        from ui.context import EditFailed

        info = self.info
        values = {
            "decl_authority": self.authority.text().strip(),
            "decl_sent_on": self.sent_on.value(),
            "decl_received_on": self.received_on.value(),
            "decl_reference": self.reference.text().strip(),
        }
        current = {
            "decl_authority": info.authority,
            "decl_sent_on": info.sent_on,
            "decl_received_on": info.received_on,
            "decl_reference": info.reference,
        }
        changed = {k: v for k, v in values.items() if v != current[k]}
        if not changed:
            self.track_error.setText("")
            return True
        try:
            self.ctx.update(
                "action",
                self.action_id,
                _("Record the declaration"),
                expected_version=info.version,
                shown={k: current[k] for k in changed},
                **changed,
            )
        except EditFailed as exc:
            self.track_error.setText(_problems(exc.error))
            self.adjustSize()
            return False
        self.track_error.setText("")
        self.reload()
        return True


_FIELD_LABELS = {
    "decl_received_on": N_("Received on"),
    "decl_sent_on": N_("Sent on"),
    "decl_reference": N_("Reference"),
    "decl_authority": N_("Authority"),
    "authority": N_("Authority"),
    "name": N_("Full name"),
    "address": N_("Home address"),
}


def _problems(error) -> str:
    """Each problem with the field named as the dialog labels it."""
    import re

    problems = getattr(error, "problems", None)
    if not problems:
        return str(error)
    lines = []
    for p in problems:
        match = re.fullmatch(r"organisers\[(\d+)\]\.(\w+)", p.path)
        if match:
            lines.append(
                _("Organiser {n}, {field}: {message}").format(
                    n=int(match.group(1)) + 1,
                    field=_(_FIELD_LABELS[match.group(2)]).lower(),
                    message=p.message,
                )
            )
        elif p.path in _FIELD_LABELS:
            lines.append(f"{_(_FIELD_LABELS[p.path])}: {p.message}")
        else:
            lines.append(p.message)
    return "\n".join(lines)


def open_dialog(parent: QWidget | None, ctx, action_id: int | None) -> DeclarationDialog | None:
    if action_id is None:
        return None
    dialog = DeclarationDialog(parent, ctx, action_id)
    dialog.exec()
    dialog.deleteLater()
    return dialog
