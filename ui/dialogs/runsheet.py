"""Export → Run-sheets: choose what to print, see it, then save or print it.

The sheets are gathered through ``ctx.query`` (the services read the database) and laid out from
plain values; batches ("a role", "everybody") are laid out in a worker thread behind a progress
dialog with Cancel. The preview is a QPdfView over the PDF held in memory (a QBuffer): no
plaintext copy of the plan ever reaches the temporary folder, where a crash would leave it.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import CortegeError
from app.i18n import _, language_label, ngettext, ui
from ui import style
from ui.file_dialogs import existing_folder, save_file_name

MASTER, PERSON, ROLE, EVERYBODY, PROPS = "master", "person", "role", "everybody", "props"
MAX_DPI = 300


class RunsheetDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int) -> None:
        super().__init__(parent)
        from app.exports.runsheet.data import choices

        self.ctx, self.action_id = ctx, action_id
        self.choices = ctx.query(choices, action_id)
        self._buffer: QBuffer | None = None  # the previewed PDF, in memory only
        self._current: bytes | None = None
        self.handle = None  # the running batch, if any
        self.setObjectName("runsheet_dialog")
        self.setWindowTitle(_("Run-sheets — {title}").format(title=self.choices.title))
        self.setAccessibleName(self.windowTitle())
        self._build()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------------
    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _build(self) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        c = self.choices
        self.kind = self._combo(
            "kind_combo",
            [
                (_("Master sheet (organisers)"), MASTER),
                (_("One person"), PERSON),
                (_("Everyone in a role"), ROLE),
                (_("Everybody (one sheet each)"), EVERYBODY),
                (_("Props card (who carries what)"), PROPS),
            ],
        )
        self.person = self._combo("person_combo", [(alias, alias) for alias, _l in c.readers])
        self.role = self._combo("role_combo", [(name, rid) for rid, name in c.roles])
        langs = [(_("Each reader's own language"), None)]
        langs += [(language_label(code), code) for code in c.languages]
        self.lang = self._combo("lang_combo", langs)
        self.lang.setToolTip(_("The master sheet and the props card use the action's language."))
        default = _("US Letter") if c.paper == "letter" else _("A4")
        self.paper = self._combo(
            "paper_combo",
            [
                (_("From the action's country ({paper})").format(paper=default), None),
                (_("A4"), "a4"),
                (_("US Letter"), "letter"),
            ],
        )
        self.personal = QCheckBox(_("Include personal data"), self)
        self.personal.setObjectName("personal_data_check")
        self.personal.toggled.connect(self.refresh)
        self.warning = QLabel(
            _(
                "Full names, phone numbers and e-mail addresses of participants will be printed "
                "on the sheets and will leave this computer on paper or in the files you save. "
                "Every page is marked confidential. Anyone who finds a sheet can read them."
            ),
            self,
        )
        self.warning.setObjectName("personal_data_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
        self.status = QLabel(self)
        self.status.setObjectName("runsheet_status")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("&Print:"), self.kind)
        form.addRow(_("P&erson:"), self.person)
        form.addRow(_("&Role:"), self.role)
        form.addRow(_("&Language:"), self.lang)
        form.addRow(_("P&aper:"), self.paper)
        form.addRow(self.personal)
        form.addRow(self.warning)

        self.save_button = QPushButton(_("&Save…"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(_("Pr&int…"), self)
        self.print_button.setObjectName("print_button")
        self.print_button.clicked.connect(self.print_)
        close = QPushButton(_("Close"), self)
        close.setObjectName("close_button")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.status)
        left.addStretch(1)
        left.addLayout(buttons)

        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName(_("Preview"))
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setMinimumSize(420, 520)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.preview, 3)
        self.resize(1000, 700)

    # --- state ----------------------------------------------------------------------------------
    def options(self) -> dict:
        return {"lang": self.lang.currentData(), "paper": self.paper.currentData()}

    def _sheets(self, *, first_only: bool = False) -> list:
        """The personal sheets the current choice stands for (gathered, not laid out)."""
        from app.exports.runsheet.data import personal_sheets

        kind, private = self.kind.currentData(), self.personal.isChecked()
        extra: dict = {}
        if kind == PERSON:
            extra["alias"] = self.person.currentData()
        elif kind == ROLE:
            extra["role_id"] = self.role.currentData()
        sheets = self.ctx.query(
            personal_sheets,
            self.action_id,
            include_personal_data=private,
            **extra,
            **self.options(),
        )
        return sheets[:1] if first_only else sheets

    def _single_pdf(self) -> bytes | None:
        """The PDF shown in the preview: the document itself, or the first sheet of a batch."""
        from app.exports import runsheet

        kind = self.kind.currentData()
        if kind == MASTER:
            from app.services.runsheet_master import master_sheet

            sheet = self.ctx.query(
                master_sheet,
                self.action_id,
                include_personal_data=self.personal.isChecked(),
                **self.options(),
            )
            return runsheet.render_master(sheet)
        if kind == PROPS:
            from app.exports.runsheet.master_data import props_card

            return runsheet.render_props_card(
                self.ctx.query(props_card, self.action_id, **self.options())
            )
        sheets = self._sheets(first_only=True)
        return runsheet.render_personal(sheets[0]) if sheets else None

    def is_batch(self) -> bool:
        return self.kind.currentData() in (ROLE, EVERYBODY)

    def refresh(self) -> None:
        kind = self.kind.currentData()
        self.person.setEnabled(kind == PERSON)
        self.role.setEnabled(kind == ROLE)
        self.personal.setEnabled(kind != PROPS)
        self.warning.setVisible(self.personal.isChecked() and kind != PROPS)
        try:
            data = self._single_pdf()
        except CortegeError as exc:
            self._show(None, str(exc), error=True)
            return
        if data is None:
            self._show(None, _("Nobody holds this role yet."), error=True)
            return
        note = ""
        if self.is_batch():
            count = len(self._sheets())
            note = ngettext(
                "Preview of the only sheet.",
                "Preview of the first of {count} sheets.",
                count,
            ).format(count=count)
        self._show(data, note)

    def _show(self, data: bytes | None, note: str, *, error: bool = False) -> None:
        self._current = data
        self.save_button.setEnabled(data is not None)
        self.print_button.setEnabled(data is not None)
        color = style.error_color(self) if error else style.muted_color(self)
        self.status.setStyleSheet(f"color: {style.css(color)};")
        self.status.setText(note)
        self.document.close()
        self._drop_buffer()
        if data is not None:
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)

    def _drop_buffer(self) -> None:
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    # --- save -----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.is_batch():
            folder = existing_folder(self, _("Save the run-sheets in"))
            if folder:
                self.save_batch(str(folder))
            return
        name = {MASTER: "master", PROPS: "props-card"}.get(
            self.kind.currentData(), self.person.currentData()
        )
        path = save_file_name(self, _("Save the run-sheet"), f"{name}.pdf", _("PDF files (*.pdf)"))
        if path:
            self.save_to(str(path))

    def save_to(self, path: str) -> None:
        from app.storage.files import atomic_write

        try:
            atomic_write(path, self._current or b"")
        except OSError as exc:
            self._show(self._current, _("Could not save: {reason}").format(reason=exc), error=True)
            return
        self.status.setText(_("Saved to {path}").format(path=ui().isolated(str(path))))
        from ui.saved_notice import announce_saved

        announce_saved(self, self.status.text(), path)

    def save_batch(self, folder: str):
        """Write every sheet of the batch into ``folder`` in a worker; returns its handle."""
        from app.exports.runsheet import write_each
        from ui.workers import run_in_background

        sheets = self._sheets()
        failed: list[tuple[str, str]] = []

        def job(progress):
            def report(done: int, total: int) -> None:
                progress.report(done, total, sheets[done - 1].alias)

            return write_each(
                sheets,
                folder,
                progress=report,
                cancelled=lambda: progress.cancelled,
                processes=1,
                failed=failed,
            )

        def done(paths) -> None:
            text = ngettext(
                "{count} sheet saved in {folder}", "{count} sheets saved in {folder}", len(paths)
            ).format(count=len(paths), folder=ui().isolated(str(folder)))
            if failed:
                names = ui().comma_list(alias for alias, _reason in failed)
                text += " — " + _("could not write: {names}").format(names=names)
            from app.exports.batch import left_from_before, leftovers_warning

            leftovers = left_from_before(folder, paths, ".pdf")
            if leftovers:  # an earlier batch's sheets, personal data on them perhaps
                text += "\n" + leftovers_warning(leftovers)
            self.status.setText(text)
            from ui.saved_notice import announce_saved

            announce_saved(self, self.status.text(), folder)

        self.handle = run_in_background(
            self,
            _("Writing run-sheets…"),
            job,
            on_done=done,
            on_cancel=lambda: self.status.setText(_("Cancelled: some sheets were not written.")),
        )
        return self.handle

    # --- print ----------------------------------------------------------------------------------
    def print_(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_dialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer):
        """Print the current choice (every sheet of a batch) on ``printer``; returns a handle
        for batches, which are laid out in a worker first."""
        if not self.is_batch():
            print_pdfs(printer, [self._current or b""], parent=self)
            return None
        from ui.workers import run_in_background

        sheets = self._sheets()

        def job(progress):
            from app.exports.runsheet import render_personal

            out = []
            for i, sheet in enumerate(sheets, 1):
                progress.check()
                out.append(render_personal(sheet))
                progress.report(i, len(sheets), sheet.alias)
            return out

        self.handle = run_in_background(
            self,
            _("Preparing run-sheets…"),
            job,
            on_done=lambda pdfs: print_pdfs(printer, pdfs, parent=self),
        )
        return self.handle

    def done(self, result: int) -> None:  # noqa: A003 - QDialog's name
        self.document.close()
        self._drop_buffer()
        super().done(result)


def print_pdfs(printer, pdfs: list[bytes], *, parent: QWidget | None = None) -> int:
    """Paint every page of every PDF on ``printer``, one sheet after the other; pages printed."""
    from PySide6.QtCore import QBuffer, QByteArray, QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication, QProgressDialog

    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(parent, _("Print"), _("The printer could not be started."))
        return 0
    total = len(pdfs)
    progress = QProgressDialog(_("Printing…"), _("Cancel"), 0, total, parent)
    progress.setObjectName("print_progress")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    pages, first = 0, True
    try:
        for n, data in enumerate(pdfs):
            if progress.wasCanceled():
                break
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QBuffer.OpenModeFlag.ReadOnly)
            doc = QPdfDocument()
            doc.load(buffer)
            area = printer.pageRect(printer.Unit.DevicePixel).toRect()
            for page in range(doc.pageCount()):
                if not first:
                    printer.newPage()
                first = False
                size = doc.pagePointSize(page)
                scale = min(area.width() / size.width(), area.height() / size.height())
                # Rendered at no more than 300 dpi (a 1200 dpi page would take half a GB),
                # then scaled onto the whole printable area.
                dots = min(scale, MAX_DPI / 72)
                image = doc.render(page, QSize(int(size.width() * dots), int(size.height() * dots)))
                target = QRect(0, 0, int(size.width() * scale), int(size.height() * scale))
                painter.drawImage(target, image)
                pages += 1
            doc.close()
            progress.setValue(n + 1)
            QApplication.processEvents()
    finally:
        painter.end()
        progress.close()
    return pages


def open_dialog(parent: QWidget | None, ctx, action_id: int | None) -> RunsheetDialog | None:
    """Export → Run-sheets for ``action_id`` (non-modal; returns the dialog)."""
    if action_id is None:
        QMessageBox.information(parent, _("Run-sheets"), _("Select an action first."))
        return None
    try:
        dialog = RunsheetDialog(parent, ctx, action_id)
    except CortegeError as exc:
        from ui.dialogs.error_dialog import show_error

        show_error(parent, exc)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
