"""Press → Media advisory: the advisory of the action in one language, editable, with preview.

Each section shows, greyed as its placeholder, what the plan says (``plan_sections``); typing
replaces it, emptying it goes back to the plan. Each section is saved when the field is left,
as one undo step (``save_advisory``). *Export…* writes PDF, plain text, HTML or an e-mail draft,
chosen by the file type.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, language_label, ui
from ui import style
from ui.context import EditFailed
from ui.tabs._common import button, row_layout
from ui.widgets.field_error import FieldError, problem_text
from ui.widgets.text_edit import CommitTextEdit

LONG = ("what", "when_text", "where_text", "who", "photo", "contact")
LINES = {"when_text": 2, "contact": 2, "photo": 3}


def file_filters() -> dict[str, str]:
    return {
        "pdf": _("PDF files (*.pdf)"),
        "txt": _("Plain text (*.txt)"),
        "html": _("HTML files (*.html)"),
        "eml": _("E-mail drafts (*.eml)"),
    }


class AdvisoryPage(QSplitter):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("advisory_page")
        self.setChildrenCollapsible(False)
        self.ctx = ctx
        self.action_id: int | None = None
        self.doc = None
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, FieldError] = {}

        form_side = QWidget(self)
        outer = QVBoxLayout(form_side)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, 0, style.MARGIN)
        self.intro = QLabel(form_side)
        self.intro.setObjectName("advisory_intro")
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        outer.addWidget(self.intro)
        holder = QWidget(form_side)
        self.form = QFormLayout(holder)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language = QComboBox(holder)
        self.language.setObjectName("advisory_language")
        self.language.currentIndexChanged.connect(lambda _i: self.reload())
        self.language_label = QLabel(holder)
        self.language_label.setBuddy(self.language)
        self.form.addRow(self.language_label, self.language)
        headline = QLineEdit(holder)
        self._add("headline", headline)
        headline.editingFinished.connect(lambda: self._commit("headline"))
        headline.textEdited.connect(lambda _t: self._update_preview())
        for name in LONG:
            edit = CommitTextEdit(
                holder, lines={"when_text": 2, "contact": 2, "photo": 3}.get(name, 4)
            )
            self._add(name, edit)
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            edit.textChanged.connect(self._update_preview)
        scroll = QScrollArea(form_side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)
        self.export_button = button(_("Export…"), "advisory_export")
        self.export_button.clicked.connect(self._choose_and_export)
        self.status = QLabel(form_side)
        self.status.setObjectName("advisory_status")
        self.status.setWordWrap(True)
        outer.addLayout(row_layout(self.status, self.export_button, stretch_after=0))

        self.preview = QTextBrowser(self)
        self.preview.setObjectName("advisory_preview")
        self.preview.setOpenLinks(False)
        style.show_as_paper(self.preview)
        self.addWidget(form_side)
        self.addWidget(self.preview)
        self.setStretchFactor(0, 5)
        self.setStretchFactor(1, 4)
        self.retranslate()

    def _add(self, name: str, widget: QWidget) -> None:
        widget.setObjectName(f"advisory_{name}")
        self.fields[name] = widget
        label = QLabel(self)
        label.setBuddy(widget)
        self.labels[name] = label
        self.errors[name] = FieldError(widget, self)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self.errors[name])
        self.form.addRow(label, box)

    def retranslate(self) -> None:
        for i in range(self.language.count()):  # "Deutsch — allemand" in a French window
            self.language.setItemText(i, language_label(self.language.itemData(i)))
        self.language_label.setText(_("&Language:"))
        self.labels["headline"].setText(_("Headl&ine:"))
        texts = {
            "what": _("&What:"),
            "when_text": _("When:"),
            "where_text": _("Where:"),
            "who": _("Wh&o:"),
            "photo": _("Photo oppo&rtunities:"),
            "contact": _("&Contact:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.intro.setText(
            _(
                "The one page journalists act on, sent days before. Each section is written "
                "from the plan (shown in grey): type to replace it, empty it to go back to the "
                "plan. Photo opportunities are the cues flagged so in the Schedule."
            )
        )

    # --- reading --------------------------------------------------------------------------------
    def set_action(self, action_id: int | None) -> None:
        from app.services.advisory import advisory_languages

        keep = self.current_language()
        self.action_id = action_id
        self.language.blockSignals(True)
        self.language.clear()
        if action_id is not None:
            for code in self.ctx.query(advisory_languages, action_id):
                self.language.addItem(language_label(code), code)
            if keep is not None and self.language.findData(keep) >= 0:
                self.language.setCurrentIndex(self.language.findData(keep))
        self.language.blockSignals(False)
        self.reload()

    def current_language(self) -> str | None:
        return self.language.currentData()

    def reload(self) -> None:
        from app.services.advisory import advisory_doc

        lang = self.current_language()
        self.setEnabled(self.action_id is not None and lang is not None)
        if self.action_id is None or lang is None:
            self.doc = None  # nothing of another action or database stays on screen
            self.preview.clear()
            for name, edit in self.fields.items():
                if name == "headline":
                    edit.clear()
                else:
                    edit.set_text("")
                edit.setPlaceholderText("")
            return
        self.doc = doc = self.ctx.query(advisory_doc, self.action_id, lang)
        headline = self.fields["headline"]
        if not headline.hasFocus():
            typed = doc.headline if doc.headline != doc.default_headline else ""
            headline.setText(typed)
        headline.setPlaceholderText(doc.default_headline)
        for name in LONG:
            edit = self.fields[name]
            typed = doc.sections[name] if doc.sections[name] != doc.defaults[name] else ""
            if not (edit.hasFocus() and edit.is_modified()):
                edit.set_text(typed)
            edit.setPlaceholderText(doc.defaults[name])
        self._update_preview()

    def draft(self):
        """The advisory as typed (for the preview and the export)."""
        from dataclasses import replace

        if self.doc is None:
            return None
        sections = {n: self.fields[n].toPlainText().strip() or self.doc.defaults[n] for n in LONG}
        headline = self.fields["headline"].text().strip() or self.doc.default_headline
        return replace(self.doc, headline=headline, sections=sections)

    def _update_preview(self) -> None:
        from app.exports.press.advisory import render_body

        doc = self.draft()
        if doc is not None:
            self.preview.setHtml(render_body(doc))

    # --- edits ----------------------------------------------------------------------------------
    def _commit(self, name: str) -> bool:
        from app.services.press_ops import save_advisory

        if self.doc is None:
            return False
        widget = self.fields[name]
        value = (widget.text() if name == "headline" else widget.toPlainText()).strip()
        stored = self.doc.headline if name == "headline" else self.doc.sections[name]
        default = self.doc.default_headline if name == "headline" else self.doc.defaults[name]
        shown_value = stored if stored != default else ""
        if value == shown_value:
            return True
        action_id, lang, version = self.action_id, self.doc.language, self.doc.version
        self.errors[name].clear_error()
        if isinstance(widget, CommitTextEdit):
            widget.set_text(widget.toPlainText())  # what is saved is no longer an edit
        try:
            self.ctx.run_op(
                _("Edit the media advisory"),
                lambda session: save_advisory(
                    session,
                    action_id=action_id,
                    language=lang,
                    values={name: value},
                    expected_version=version,
                    shown={name: shown_value} if version is not None else None,
                ),
            )
        except EditFailed as exc:
            self.errors[name].show_error(problem_text(exc))
            return False
        return True

    # --- export ---------------------------------------------------------------------------------
    def _choose_and_export(self) -> None:
        doc = self.draft()
        if doc is None:
            return
        suggested = Path.home() / f"{doc.key}.pdf"
        filters = file_filters()
        path, chosen = QFileDialog.getSaveFileName(
            self, _("Export the media advisory"), str(suggested), ";;".join(filters.values())
        )
        if path:
            fmt = next((k for k, v in filters.items() if v == chosen), "pdf")
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str) -> bool:
        from app.exports.press import render_advisory
        from app.storage.files import atomic_write

        for name in ("headline", *LONG):  # what is typed is saved first, as everywhere
            if not self._commit(name):
                return False
        doc = self.draft()
        try:
            atomic_write(path, render_advisory(doc, fmt))
        except OSError as exc:
            self._message(
                _("Could not write {path}: {reason}").format(
                    path=ui().isolated(str(path)), reason=exc.strerror
                ),
                True,
            )
            return False
        self._message(_("Saved as {name}.").format(name=path.name), False)
        return True

    def _message(self, text: str, error: bool) -> None:
        color = style.error_color(self) if error else style.success_color(self)
        self.status.setStyleSheet(f"color: {style.css(color)};")
        self.status.setText(text)


def open_in_window(window) -> AdvisoryPage | None:
    """Export → Media advisory…: the Press tab, on its advisory page."""
    tab = getattr(window, "tab_widgets", {}).get("press")
    if tab is None or window.action_id is None:
        return None
    window.tabs.setCurrentWidget(tab)
    return tab.show_advisory()
