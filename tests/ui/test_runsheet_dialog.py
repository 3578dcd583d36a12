"""Export → Run-sheets: preview, save, save everybody in a worker, print."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

SHOTS = Path("/tmp/runsheet")


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.fixture
def dialog(qtbot, demo_store, demo_id):
    from ui.context import AppContext
    from ui.dialogs.runsheet import RunsheetDialog

    ctx = AppContext(demo_store)
    dlg = RunsheetDialog(None, ctx, demo_id)
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    if dlg.handle is not None:
        dlg.handle.wait()


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_opens_on_the_master_sheet_with_a_preview(dialog, qtbot):
    from PySide6.QtPdf import QPdfDocument

    assert dialog.kind.currentData() == "master"
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() >= 1
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert not dialog.personal.isChecked()
    assert not dialog.warning.isVisible()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "dialog.png"))


def test_personal_data_checkbox_warns_what_leaves_the_machine(dialog):
    dialog.personal.setChecked(True)
    assert dialog.warning.isVisible()
    assert "leave this computer" in dialog.warning.text()
    assert "confidential" in dialog.warning.text()


def test_one_person_preview_and_save(dialog, tmp_path):
    choose(dialog.kind, "person")
    choose(dialog.person, "Kestrel")
    assert dialog.person.isEnabled() and not dialog.role.isEnabled()
    assert dialog.document.pageCount() == 1
    out = tmp_path / "kestrel.pdf"
    dialog.save_to(str(out))
    text = text_of(out)
    assert "Kestrel — Mourner" in text and "28 Μαΐου 2024" in text
    assert "Saved to" in dialog.status.text()


def test_language_override_applies_to_the_preview(dialog, tmp_path):
    choose(dialog.kind, "person")
    choose(dialog.person, "Magpie")
    choose(dialog.lang, "fr")
    out = tmp_path / "magpie.pdf"
    dialog.save_to(str(out))
    assert "mardi 28 mai 2024" in text_of(out)


def test_everybody_is_written_in_a_worker_with_progress(dialog, qtbot, tmp_path):
    choose(dialog.kind, "everybody")
    assert "first of 15 sheets" in dialog.status.text()
    folder = tmp_path / "all"
    handle = dialog.save_batch(str(folder))
    assert handle.wait()
    qtbot.waitUntil(lambda: handle.state == "done")
    assert "15 sheets saved" in dialog.status.text()
    assert len(list(folder.glob("*.pdf"))) == 15
    assert "Camille Martin" not in text_of(folder / "Crow.pdf")


def test_a_sheet_of_an_earlier_batch_left_in_the_folder_is_named(dialog, qtbot, tmp_path):
    """A person who lost their part kept their old sheet in the folder, unnoticed."""
    choose(dialog.kind, "everybody")
    folder = tmp_path / "all"
    folder.mkdir()
    (folder / "Withdrawn.pdf").write_bytes(b"%PDF- an earlier sheet")
    handle = dialog.save_batch(str(folder))
    assert handle.wait()
    qtbot.waitUntil(lambda: handle.state == "done")
    assert "15 sheets saved" in dialog.status.text()
    assert "Also in the folder, not written by this export: Withdrawn.pdf." in dialog.status.text()


def test_a_sheet_that_cannot_be_written_is_named_and_the_others_are_saved(dialog, qtbot, tmp_path):
    choose(dialog.kind, "everybody")
    folder = tmp_path / "all"
    (folder / "Crow.pdf").mkdir(parents=True)  # something in the way of Crow's sheet
    handle = dialog.save_batch(str(folder))
    assert handle.wait()
    qtbot.waitUntil(lambda: handle.state == "done")
    assert "14 sheets saved" in dialog.status.text()
    assert "could not write: Crow" in dialog.status.text()
    assert (folder / "Heron.pdf").is_file()


def pdf_printer(path: Path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_one_person(dialog, tmp_path):
    choose(dialog.kind, "person")
    choose(dialog.person, "Crow")
    out = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(out)) is None
    assert len(PdfReader(out).pages) == 1


def test_print_a_role_prints_every_holders_sheet(dialog, qtbot, tmp_path):
    choose(dialog.kind, "role")
    pallbearer = next(rid for rid, name in dialog.choices.roles if name == "Pallbearer")
    choose(dialog.role, pallbearer)
    assert "first of 4 sheets" in dialog.status.text()
    out = tmp_path / "pallbearers.pdf"
    handle = dialog.print_to(pdf_printer(out))
    assert handle.wait()
    qtbot.waitUntil(lambda: handle.state == "done")
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0)
    assert len(PdfReader(out).pages) == 4


def test_closing_releases_the_preview_held_in_memory(dialog):
    # The preview never was a file (tests/ui/test_preview_in_memory.py): closing frees it.
    assert dialog._buffer is not None and dialog._buffer.size() > 0
    dialog.reject()
    assert dialog._buffer is None
