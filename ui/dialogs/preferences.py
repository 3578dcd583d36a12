"""Preferences: the organisation settings (stored in the database, changed as one undo step)
and the UI language (stored in the window's settings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, pgettext
from ui import settings_store, style
from ui.file_dialogs import open_file_name
from ui.widgets.country_combo import CountryCombo
from ui.widgets.field_error import FieldError
from ui.widgets.text_edit import CommitTextEdit
from ui.widgets.unit_spin import UnitSpinBox

MAX_LOGO_BYTES = 2_000_000


def theme_combo(parent: QWidget) -> QComboBox:
    from ui import theme

    combo = QComboBox(parent)
    for value in theme.CHOICES:
        combo.addItem(theme.choice_label(value), value)
    combo.setCurrentIndex(max(combo.findData(theme.saved_theme()), 0))
    return combo


def apply_theme_choice(combo: QComboBox) -> None:
    from ui import theme

    choice = combo.currentData()
    if choice != theme.saved_theme():
        theme.save_theme(choice)
        theme.apply_theme(choice)


class PreferencesDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx,
        *,
        on_language: Callable[[str | None], None] | None = None,
    ) -> None:
        super().__init__(parent)
        from app.services.settings import read_settings

        self.ctx = ctx
        self._on_language = on_language
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(_("Preferences"))
        self.setAccessibleName(self.windowTitle())
        self.current = ctx.query(read_settings) if ctx.store is not None else None
        self.logo: bytes | None = self.current.logo if self.current else None
        self.errors: dict[str, FieldError] = {}

        org = QGroupBox(_("Organisation"), self)
        form = QFormLayout(org)
        form.setSpacing(style.SPACING)
        self.name_edit = QLineEdit(self)
        self.boilerplate_edit = CommitTextEdit(self, lines=4)
        self.currency_edit = QLineEdit(self)
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setPlaceholderText("EUR")
        self.retention_spin = UnitSpinBox("duration-day", parent=self)  # "1 day", "45 days"
        self.retention_spin.setRange(0, 3650)
        self.alarm_spin = UnitSpinBox("duration-minute", "short", self)  # "60 min"
        self.alarm_spin.setRange(0, 10080)
        self.country_combo = CountryCombo(self, none_text=N_("(none)"))
        self.logo_preview = QLabel(self)
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setMinimumSize(96, 48)
        self.logo_preview.setAccessibleName(_("Logo preview"))
        choose = QPushButton(_("C&hoose…"), self)
        choose.setObjectName("choose_logo")
        choose.clicked.connect(self._choose_logo)
        clear = QPushButton(_("Re&move"), self)
        clear.setObjectName("remove_logo")
        clear.clicked.connect(self._clear_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(clear)
        logo_row.addStretch(1)
        logo_box = QWidget(self)
        logo_box.setLayout(logo_row)
        logo_row.setContentsMargins(0, 0, 0, 0)

        self._row(form, _("&Name:"), self.name_edit, "name", _("Organisation name"))
        self._row(form, _("&Logo:"), logo_box, "logo", _("Logo"))
        self._row(
            form,
            _("Press &boilerplate:"),
            self.boilerplate_edit,
            "boilerplate",
            _("Press boilerplate"),
        )
        self._row(
            form, _("&Currency:"), self.currency_edit, "currency", _("Currency (ISO 4217 code)")
        )
        self._row(
            form,
            _("Keep personal data &for:"),
            self.retention_spin,
            "retention_days",
            _("Retention in days after an action"),
        )
        self._row(
            form,
            _("Calendar &alarm before:"),
            self.alarm_spin,
            "alarm_minutes",
            _("Calendar alarm in minutes"),
        )
        self._row(form, _("Default c&ountry:"), self.country_combo, "country", _("Default country"))

        ui_box = QGroupBox(_("User interface"), self)
        ui_form = QFormLayout(ui_box)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem(_("System default"), "")
        from app.i18n import language_label, ui_languages

        for lang in ui_languages():
            self.language_combo.addItem(language_label(lang), lang)
        self._row(ui_form, _("&Language:"), self.language_combo, "language", _("UI language"))
        from ui.idle_lock import MAX_MINUTES, idle_minutes

        # File → Lock by itself (an encrypted database)
        self.idle_spin = UnitSpinBox("duration-minute", "short", self)
        self.idle_spin.setRange(0, MAX_MINUTES)
        # Translators: the idle lock set to 0 minutes.
        self.idle_spin.setSpecialValueText(pgettext("idle lock", "never"))
        self.idle_spin.setValue(idle_minutes())
        self.idle_spin.setToolTip(
            _("An encrypted database locks itself after this many minutes without input.")
        )
        self._row(
            ui_form,
            _("Lock after &idle:"),
            self.idle_spin,
            "idle_minutes",
            _("Lock the database after minutes without input"),
        )
        self.theme_combo = theme_combo(self)  # Light, Dark or the system's (ui/theme.py)
        self._row(ui_form, _("A&ppearance:"), self.theme_combo, "theme", _("Appearance"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.GAP, style.GAP, style.GAP, style.GAP)
        layout.setSpacing(style.GAP)
        layout.addWidget(org)
        layout.addWidget(ui_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self._load()

    def _row(self, form: QFormLayout, label: str, field: QWidget, key: str, name: str) -> None:
        field.setObjectName(key)
        field.setAccessibleName(name)
        lab = QLabel(label, self)
        lab.setBuddy(field)
        error = FieldError(field, self)
        self.errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(error)
        form.addRow(lab, box)

    def _load(self) -> None:
        s = self.current
        if s is not None:
            self.name_edit.setText(s.name)
            self.boilerplate_edit.set_text(s.boilerplate)
            self.currency_edit.setText(s.currency)
            self.retention_spin.setValue(s.retention_days)
            self.alarm_spin.setValue(s.alarm_minutes)
            self.country_combo.set_code(s.country)
        else:
            self.findChild(QGroupBox).setEnabled(False)
        lang = settings_store.ui_language() or ""
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(lang), 0))
        self._show_logo()

    def _show_logo(self) -> None:
        if self.logo:
            pix = QPixmap()
            pix.loadFromData(self.logo)
            self.logo_preview.setPixmap(
                pix.scaled(
                    96,
                    48,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setText(_("No logo"))

    def _choose_logo(self) -> None:
        path = open_file_name(self, _("Choose a logo"), _("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> None:
        self.errors["logo"].clear_error()
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.errors["logo"].show_error(str(exc.strerror or exc))
            return
        pix = QPixmap()
        if len(data) > MAX_LOGO_BYTES or not pix.loadFromData(data):
            self.errors["logo"].show_error(_("not a PNG or JPEG image of at most 2 MB"))
            return
        self.logo = data
        self._show_logo()

    def _clear_logo(self) -> None:
        self.logo = None
        self.logo_preview.setPixmap(QPixmap())
        self._show_logo()

    def changed_settings(self) -> dict:
        s = self.current
        if s is None:
            return {}
        new = {
            "name": self.name_edit.text().strip(),
            "boilerplate": self.boilerplate_edit.toPlainText(),
            "currency": self.currency_edit.text().strip().upper(),
            "retention_days": self.retention_spin.value(),
            "alarm_minutes": self.alarm_spin.value(),
            "country": self.country_combo.currentData() or "",
            "logo": self.logo,
        }
        return {k: v for k, v in new.items() if getattr(s, k) != v}

    def accept(self) -> None:
        from app.services.action_ops import change_settings
        from ui.context import EditFailed

        for error in self.errors.values():
            error.clear_error()
        values = self.changed_settings()
        if values:
            shown = {k: getattr(self.current, k) for k in values}  # what this dialog showed

            def op(session):
                return change_settings(session, values=values, shown=shown)

            try:
                self.ctx.run_op(_("Change organisation settings"), op)
            except EditFailed as exc:
                problems = getattr(exc.error, "problems", [])
                for p in problems:
                    target = self.errors.get(p.path) or self.errors["name"]
                    target.show_error(p.message)
                if not problems:  # another organiser's change: said, nothing overwritten
                    from ui.dialogs.error_dialog import show_error

                    show_error(self, exc)
                return
        from ui.idle_lock import idle_minutes, set_idle_minutes

        if self.idle_spin.value() != idle_minutes():
            set_idle_minutes(self.idle_spin.value())
        apply_theme_choice(self.theme_combo)
        lang = self.language_combo.currentData() or None
        if lang != settings_store.ui_language():
            settings_store.set_ui_language(lang)
            if self._on_language is not None:
                self._on_language(lang)
        super().accept()


def open_dialog(parent: QWidget | None, ctx, *, on_language=None) -> PreferencesDialog:
    dialog = PreferencesDialog(parent, ctx, on_language=on_language)
    dialog.open()
    return dialog
