"""``main.py FILE.json`` (a double-click on a bundle): the window opens, asks, then imports."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.conftest import drive_modal


def _titles(window) -> list[str]:
    proxy = window.actions_panel.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def _export(cli, db, out):
    r = cli("--db", db, "export", "bundle", "funeral-for-privacy", "-o", out)
    assert r.code == 0, r.err
    return out


def test_a_bundle_on_the_command_line_opens_the_window_not_the_cli():
    from app.cli import is_gui_invocation

    assert is_gui_invocation(["/home/ann/Downloads/funeral.json"])
    assert is_gui_invocation(["--db", "plan.sqlite3", "Funeral.JSON"])
    assert not is_gui_invocation(["import", "funeral.json"])
    assert not is_gui_invocation(["a.json", "b.json"])
    assert not is_gui_invocation(["--version"])


def test_main_with_a_bundle_asks_then_imports_it_as_one_undo_step(
    qtbot, demo_db, tmp_path, cli, monkeypatch
):
    from ui.app import run_gui

    bundle = _export(cli, demo_db, tmp_path / "funeral.json")
    monkeypatch.setenv("CORTEGE_LANG", "en")
    seen: dict = {}

    def window():
        return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "confirm_open_file":
            QTimer.singleShot(20, answer)
            return
        seen["question"] = box.text()
        box.findChild(QPushButton, "confirm_open_file_import").click()
        QTimer.singleShot(20, finish)

    def finish() -> None:
        w = window()
        if len(_titles(w)) < 2:
            QTimer.singleShot(20, finish)
            return
        seen["titles"] = _titles(w)
        seen["undo"] = w.a_undo.text().replace("&", "")
        w.close()

    QTimer.singleShot(0, answer)
    QTimer.singleShot(20_000, lambda: [w.close() for w in QApplication.topLevelWidgets()])
    assert run_gui(["--db", str(demo_db), str(bundle)]) == 0
    assert seen["question"] == f"Import the action in funeral.json into {demo_db}?"
    assert len(seen["titles"]) == 2
    assert seen["undo"] == "Undo Import funeral.json"


def test_cancel_imports_nothing(qtbot, main_window, tmp_path, cli):
    from ui.open_file import offer_import

    bundle = _export(cli, main_window.ctx.store.path, tmp_path / "funeral.json")
    started = []

    def cancel(box):
        assert box.objectName() == "confirm_open_file"
        box.reject()

    drive_modal(lambda: started.append(offer_import(main_window, bundle)), cancel)
    assert started == [False]
    qtbot.wait(100)
    assert len(_titles(main_window)) == 1


def test_a_read_only_database_says_why_it_cannot_import(qtbot, main_window, tmp_path, cli):
    from ui.open_file import offer_import

    bundle = _export(cli, main_window.ctx.store.path, tmp_path / "funeral.json")
    main_window.ctx.store.mark_read_only("the file is read-only")
    texts = []

    def read(box):
        texts.append(box.text())
        box.accept()

    drive_modal(lambda: offer_import(main_window, bundle), read)
    assert texts == [
        "funeral.json cannot be imported: this database is read-only (the file is read-only)."
    ]
    assert len(_titles(main_window)) == 1
