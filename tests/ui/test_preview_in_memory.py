"""The run-sheet preview is rendered from memory: no plaintext PDF in the temporary folder."""

from __future__ import annotations

import tempfile


def test_the_preview_writes_nothing_to_the_temporary_folder(
    qtbot, demo_store, demo_id, tmp_path, monkeypatch
):
    from PySide6.QtPdf import QPdfDocument

    from ui.context import AppContext
    from ui.dialogs.runsheet import RunsheetDialog

    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    dialog = RunsheetDialog(None, AppContext(demo_store), demo_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.personal.setChecked(True)  # the sheet now holds personal data
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() >= 1
    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() >= 1
    assert list(spool.rglob("*")) == []
    dialog.reject()
