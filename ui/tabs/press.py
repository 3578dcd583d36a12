"""Press: the action's releases, one per language, with a live preview; and its media list.

Left, the releases (language, headline, status) and what is missing; in the middle the form of
the selected release with its status buttons and "sent to" log; right, the preview (exactly the
HTML export) and, for a translation, its source, read-only, side by side with the form.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeutil import zone
from app.i18n import N_, _, is_rtl, ui
from app.services.changes import Change
from ui import style
from ui.context import EditFailed
from ui.models.base import RowTableModel
from ui.tabs._common import EmptyTableView, button, confirm, row_layout, show_error
from ui.tabs.base import ActionTab
from ui.tabs.press_advisory import AdvisoryPage
from ui.tabs.press_editor import ReleaseEditor
from ui.tabs.press_media import MediaListPage

STATUS = {"draft": N_("Draft"), "approved": N_("Approved"), "sent": N_("Sent")}
COMMON_LANGUAGES = ("fr", "en", "de", "es", "it", "nl", "pt", "pl", "ar", "el")


#: The narrowest the preview gets, in average characters of the window's font.
PREVIEW_CHARACTERS = 28


def upright(html: str) -> str:
    """A right-to-left release's preview without italics, as its PDF prints it: Qt finds no
    Arabic letters in a sloped face of the usual fonts (DejaVu Sans Oblique) and drew nothing,
    so the subheadline, the quotes and every *word* were blank in the proof read before
    approval."""
    return (
        html.replace("font-style:italic", "font-style:normal")
        .replace("<em>", "<span>")
        .replace("</em>", "</span>")
    )


class ReleaseCol(IntEnum):
    LANGUAGE = 0
    HEADLINE = 1
    STATUS = 2


class ReleaseModel(RowTableModel):
    columns = ReleaseCol

    def header(self, column: ReleaseCol) -> str:
        return {
            ReleaseCol.LANGUAGE: _("Language"),
            ReleaseCol.HEADLINE: _("Headline"),
            ReleaseCol.STATUS: _("Status"),
        }[column]

    def cell(self, row, column: ReleaseCol, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ReleaseCol.LANGUAGE:
                name = ui().language_name(row.language)
                return f"↳ {name}" if row.translation_of_id else name
            if column == ReleaseCol.HEADLINE:
                return row.headline
            return _(STATUS.get(row.status, row.status))
        return None


def language_choices(missing: list[str]) -> list[str]:
    from app.i18n import language_label

    codes = list(dict.fromkeys([*missing, *COMMON_LANGUAGES]))
    return [f"{language_label(c)} ({c})" for c in codes]


def parse_language_choice(text: str) -> str:
    text = text.strip()
    if text.endswith(")") and "(" in text:
        return text[text.rindex("(") + 1 : -1].strip()
    return text


class PressTab(ActionTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("press_tab")
        self.state = None
        self.pages = QTabWidget(self)
        self.pages.setObjectName("press_pages")
        self.pages.setDocumentMode(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._build_releases()
        self.media = MediaListPage(ctx, self)
        self.advisory = AdvisoryPage(ctx, self)
        self.pages.addTab(self.releases_page, "")
        self.pages.addTab(self.media, "")
        self.pages.addTab(self.advisory, "")
        self.retranslate()

    def _build_releases(self) -> None:
        page = self.releases_page = QSplitter(Qt.Orientation.Horizontal, self)
        page.setObjectName("press_splitter")
        page.setChildrenCollapsible(False)

        left = QWidget(page)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(style.MARGIN, style.MARGIN, 0, style.MARGIN)
        self.model = ReleaseModel(self)
        self.table = EmptyTableView("press_releases", left)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            ReleaseCol.HEADLINE, QHeaderView.ResizeMode.Stretch
        )
        for column in (ReleaseCol.LANGUAGE, ReleaseCol.STATUS):  # "Französisch", "Freigegeben"
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The selection, not the current row: currentRowChanged comes before a mouse click has
        # moved the selection, which then still names no release (the editor greyed out).
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.new_button = button(_("Ne&w release…"), "release_new")
        self.translate_button = button(_("Create trans&lation…"), "release_translate")
        self.delete_button = button(_("Delete"), "release_delete")
        self.new_button.clicked.connect(self._ask_new)
        self.translate_button.clicked.connect(self._ask_translation)
        self.delete_button.clicked.connect(self._delete)
        self.missing = QLabel(left)
        self.missing.setObjectName("release_missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
        lay.addWidget(self.table, 1)
        lay.addWidget(self.missing)
        # One button a line: side by side, "Neue Pressemitteilung…" and "Übersetzung
        # erstellen…" held this list 340 px wide, and squeezed the preview to a sliver.
        for b in (self.new_button, self.translate_button, self.delete_button):
            lay.addLayout(row_layout(b))

        middle = QWidget(page)
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, style.MARGIN, 0, style.MARGIN)
        self.editor = ReleaseEditor(self.ctx, middle)
        self.editor.draft_changed.connect(self._update_preview)
        scroll = QScrollArea(middle)
        scroll.setObjectName("release_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)
        mid.addWidget(scroll, 1)
        self.status_label = QLabel(middle)
        self.status_label.setObjectName("release_status")
        self.approve_button = button(_("Approve"), "release_approve")
        self.draft_button = button(_("Bac&k to draft"), "release_to_draft")
        self.sent_button = button(_("&Mark as sent…"), "release_mark_sent")
        self.export_button = button(_("Export…"), "release_export")
        self.approve_button.clicked.connect(lambda: self.set_status("approved"))
        self.draft_button.clicked.connect(lambda: self.set_status("draft"))
        self.sent_button.clicked.connect(self._ask_mark_sent)
        self.export_button.clicked.connect(self.open_export)
        # The status with Export, the three steps of its life on the line below: four buttons
        # in one line made the form scroll sideways in German and French ("Als versendet
        # markieren…" is twice "Mark as sent…").
        mid.addLayout(row_layout(self.status_label, self.export_button, stretch_after=0))
        mid.addLayout(row_layout(self.approve_button, self.draft_button, self.sent_button))
        self.sent_log = QLabel(middle)
        self.sent_log.setObjectName("release_sent_log")
        self.sent_log.setWordWrap(True)
        self.sent_log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mid.addWidget(self.sent_log)

        self.side = QTabWidget(page)
        self.side.setObjectName("press_side")
        self.preview = QTextBrowser(self.side)
        self.preview.setObjectName("press_preview")
        self.preview.setOpenLinks(False)
        style.show_as_paper(self.preview)
        self.source = QTextBrowser(self.side)
        self.source.setObjectName("press_source")
        self.source.setOpenLinks(False)
        self.side.addTab(self.preview, "")
        self.side.addTab(self.source, "")
        page.addWidget(left)
        page.addWidget(middle)
        page.addWidget(self.side)
        page.setStretchFactor(0, 2)
        page.setStretchFactor(1, 5)
        page.setStretchFactor(2, 4)
        page.setSizes([262, 424, 278])  # the 964 px of a 1280 px window
        # On a small screen the form and the list keep their minimum and the preview took
        # all the loss: 120 px at 1024 wide, words cut in the middle ("PRESSEMITTEIL|UNG").
        # It keeps room for a line of proof to read; the form scrolls instead.
        self.side.setMinimumWidth(self.fontMetrics().averageCharWidth() * PREVIEW_CHARACTERS)
        page.setChildrenCollapsible(False)

    def title(self) -> str:
        return _("Press")

    def retranslate(self) -> None:
        self.pages.setTabText(0, _("Releases"))
        self.pages.setTabText(1, _("Media list"))
        self.pages.setTabText(2, _("Media advisory"))
        self.advisory.retranslate()
        self.side.setTabText(0, _("Preview"))
        self.side.setTabText(1, _("Source"))
        self.table.set_empty_text(
            _("No press release yet — click New release to write the first one")
        )
        self.model.retranslate()
        self.editor.retranslate()
        self.media.retranslate()
        self._show_status()

    # --- reading --------------------------------------------------------------------------------
    def set_action(self, action_id: int | None) -> None:
        self.editor.unfrozen_ids.clear()
        self.media.set_action(action_id)
        self.advisory.set_action(action_id)
        super().set_action(action_id)

    def reload(self) -> None:
        from app.services.press import list_releases

        if self.action_id is None:
            self.model.clear()
            self._show(None)
            return
        keep = self.table.selected_id() or (self.state.row.id if self.state else None)
        self.model.sync(self.ctx.query(list_releases, self.action_id))
        self.table.set_widths({ReleaseCol.LANGUAGE: 10, ReleaseCol.STATUS: 9})
        if keep is None or not self.table.select_id(keep):
            if self.model.rowCount():
                self.table.select_id(self.model.id_at(0))
        self._show_selected()

    def on_changed(self, change: Change) -> None:
        if change.entity == "media_contact" or change.entity == "*":
            self.media.reload()
        if change.action_id in (None, self.action_id) or change.entity == "*":
            self.advisory.reload()  # the plan it is written from may have changed
        super().on_changed(change)

    def _show_selected(self) -> None:
        from app.services.press import editor_state

        rid = self.table.selected_id()
        self._show(self.ctx.query(editor_state, rid) if rid is not None else None)

    def _show(self, state) -> None:
        switched = state is None or self.state is None or state.row.id != self.state.row.id
        self.state = state
        self.editor.set_state(state)
        has_source = state is not None and state.source is not None
        self.side.setTabVisible(1, has_source)
        if has_source:
            from app.exports.press.html import render_body

            self.source.setHtml(render_body(state.source))
            self.side.setTabText(
                1,
                _("Source ({language})").format(language=ui().language_name(state.source_language)),
            )
            if switched:
                self.side.setCurrentIndex(1)
        else:
            self.source.clear()
            if switched:
                self.side.setCurrentIndex(0)
        self._show_status()
        self._update_preview()

    def _show_status(self) -> None:
        st = self.state
        for b in (self.approve_button, self.draft_button, self.sent_button, self.export_button):
            b.setEnabled(st is not None)
        self.translate_button.setEnabled(st is not None)
        self.delete_button.setEnabled(st is not None)
        missing = self._missing_languages()
        self.missing.setText(
            _("Missing: {languages}").format(
                languages=ui().join([ui().language_name(c) for c in missing])
            )
            if missing
            else ""
        )
        self.missing.setVisible(bool(missing))
        if st is None:
            self.status_label.setText("")
            self.sent_log.setText("")
            return
        status = st.row.status
        self.status_label.setText(_("Status: {status}").format(status=_(STATUS[status])))
        self.approve_button.setEnabled(status == "draft")
        self.draft_button.setEnabled(status != "draft")
        lines = []
        for s in st.sends:
            who = " · ".join(x for x in (s.outlet, s.email) if x) or _("(no contact)")
            when = ui().datetime(s.sent_at.astimezone(zone(st.doc.timezone)), "short")
            lines.append(f"{when} — {who}" + (f" ({s.note})" if s.note else ""))
        self.sent_log.setText(_("Sent to:") + "\n" + "\n".join(lines) if lines else "")

    def _update_preview(self) -> None:
        from app.exports.press.html import render_body

        doc = self.editor.draft_doc()
        html = render_body(doc) if doc is not None else ""
        if doc is not None and is_rtl(doc.language):
            html = upright(html)
        self.preview.setHtml(html)

    def focus_entity(self, entity: str, entity_id: int) -> bool:
        if entity == "release" and self.table.select_id(entity_id):
            self.pages.setCurrentWidget(self.releases_page)
            return True
        if entity == "media_contact" and self.media.table.select_id(entity_id):
            self.pages.setCurrentWidget(self.media)
            return True
        return False

    # --- edits ----------------------------------------------------------------------------------
    def new_release(self, language: str, headline: str = "") -> int | None:
        from app.services.press import default_headline

        if self.action_id is None:
            return None
        headline = headline or self.ctx.query(default_headline, self.action_id)
        try:
            rid = self.ctx.create(
                "release",
                _("New press release"),
                action_id=self.action_id,
                language=language,
                headline=headline,
            )
        except EditFailed as exc:
            show_error(self, exc)
            return None
        self.table.select_id(rid)
        return rid

    def create_translation(self, language: str) -> int | None:
        from app.services import press_ops

        if self.state is None:
            return None
        source_id = self.state.row.id
        try:
            rid = self.ctx.run_op(
                _("Create translation"),
                lambda session: press_ops.create_translation(
                    session, source_id=source_id, language=language
                ),
            )
        except EditFailed as exc:
            show_error(self, exc)
            return None
        self.table.select_id(rid)
        self.side.setCurrentIndex(1)
        return rid

    def _missing_languages(self) -> list[str]:
        """The action's languages without a release, in the action's order: also before its
        first release (the list then offered French first to an English plan, and "Missing"
        said nothing)."""
        from app.services.press import missing_languages, release_context

        if self.action_id is None:
            return []
        if self.state is not None:
            return missing_languages(self.state.context)
        return missing_languages(self.ctx.query(release_context, self.action_id))

    def _ask_language(self, title: str) -> str | None:
        missing = self._missing_languages()
        text, ok = QInputDialog.getItem(
            self, title, _("Language:"), language_choices(missing), 0, True
        )
        return parse_language_choice(text) if ok and text.strip() else None

    def _ask_new(self) -> None:
        lang = self._ask_language(_("New press release"))
        if lang:
            self.new_release(lang)

    def _ask_translation(self) -> None:
        lang = self._ask_language(_("Create translation"))
        if lang:
            self.create_translation(lang)

    def _delete(self) -> None:
        if self.state is None:
            return
        question = _("Delete the {language} release “{headline}”?").format(
            language=ui().language_name(self.state.row.language), headline=self.state.row.headline
        )
        if confirm(self, question, title=_("Delete release")):
            try:
                self.ctx.delete(
                    "release",
                    self.state.row.id,
                    _("Delete press release"),
                    expected_version=self.state.row.version,
                )
            except EditFailed as exc:
                show_error(self, exc)

    def set_status(self, status: str) -> bool:
        if self.state is None:
            return False
        text = _("Approve release") if status == "approved" else _("Release back to draft")
        try:
            self.ctx.update(
                "release",
                self.state.row.id,
                text,
                expected_version=self.state.row.version,
                shown={"status": self.state.row.status},
                status=status,
            )
        except EditFailed as exc:
            if not exc.shown:  # a conflict: the window's conflict dialog shows both versions
                show_error(self, exc)
            return False
        return True

    def recipients(self) -> list:
        from app.services.media import recipients

        if self.state is None:
            return []
        return self.ctx.query(recipients, self.action_id, language=self.state.row.language)

    def mark_sent(self, contact_ids: list[int], note: str = "") -> bool:
        from app.services import press_ops

        if self.state is None:
            return False
        rid, seen_version = self.state.row.id, self.state.row.version
        try:
            self.ctx.run_op(
                _("Mark release as sent"),
                lambda session: press_ops.mark_sent(
                    session,
                    release_id=rid,
                    contact_ids=contact_ids,
                    note=note,
                    expected_version=seen_version,
                ),
            )
        except EditFailed as exc:
            show_error(self, exc)
            return False
        return True

    def _ask_mark_sent(self) -> None:
        people = self.recipients()
        names = "\n".join(f"• {c.outlet} — {c.email}" for c in people) or _("(nobody on the list)")
        question = _("Record that this release was sent to:\n{names}").format(names=names)
        if self.state is not None and self.state.row.status == "draft":
            # the press office's sign-off: a draft marked as sent counted as approved unseen
            question = _("This release is still a draft: nobody has approved it.") + (
                "\n\n" + question
            )
        if confirm(self, question, title=_("Mark as sent")):
            self.mark_sent([c.id for c in people], _("marked as sent"))

    def show_advisory(self) -> AdvisoryPage:
        """Bring the media advisory to the front (the Export menu's entry)."""
        self.pages.setCurrentWidget(self.advisory)
        return self.advisory

    def open_export(self):
        from ui.dialogs.press_export import open_dialog

        if self.action_id is None:
            return None
        return open_dialog(
            self, self.ctx, self.action_id, release_id=self.state.row.id if self.state else None
        )
