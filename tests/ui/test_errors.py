"""No crash goes silent: an exception in a slot or a thread is logged and shown in a dialog,
never as a traceback; hard crashes go to crash.log in the user data folder."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.domain.errors import DomainError, Problem, StoreError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hooks():
    from ui.dialogs.error_dialog import install_exception_hooks, open_error_dialogs

    installed = install_exception_hooks()
    yield installed
    installed.uninstall()
    for dialog in open_error_dialogs():
        dialog.close()


def _dialog_texts() -> list[str]:
    from ui.dialogs.error_dialog import open_error_dialogs

    return [d.text() + "\n" + d.informativeText() for d in open_error_dialogs()]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_of_the_window_shows_the_error_dialog(
    qtbot, main_window, hooks, monkeypatch
):
    import ui.dialogs.about as about
    from app.logs import log_file

    def broken(*_a, **_k):
        raise RuntimeError("the about box fell over")

    monkeypatch.setattr(about, "open_dialog", broken)
    main_window.a_about.trigger()
    qtbot.waitUntil(lambda: bool(_dialog_texts()), timeout=10_000)
    text = _dialog_texts()[0]
    assert "Something went wrong: RuntimeError: the about box fell over" in text
    assert f"The details were written to {log_file()}" in text
    assert "Traceback" not in text
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "the about box fell over" in logged
    # the window goes on working
    assert main_window.tab_widgets["overview"].commit("title", "Still working")
    assert main_window.header_title.text() == "Still working"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_plain_slot(qtbot, hooks):
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def slot():
        raise ValueError("boom in a slot")

    button.clicked.connect(slot)
    button.click()
    qtbot.waitUntil(lambda: bool(_dialog_texts()), timeout=10_000)
    assert "ValueError: boom in a slot" in _dialog_texts()[0]


def test_an_exception_in_a_thread_reaches_the_gui_thread(qtbot, hooks):
    def work():
        raise KeyError("lost in a thread")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(_dialog_texts()), timeout=10_000)
    assert "KeyError: 'lost in a thread'" in _dialog_texts()[0]


def test_errors_the_user_can_fix_show_their_message(qtbot, hooks):
    from ui.dialogs.error_dialog import show_error

    box = show_error(None, DomainError([Problem("title", "is required")]))
    assert box.text() == "title: is required"
    assert box.windowTitle() == "Cortège"
    box.close()
    box = show_error(None, StoreError("the database is locked"))
    assert box.text() == "The database is locked."  # a sentence, as a message box says it
    box.close()


def test_a_hard_crash_is_written_to_the_crash_log(tmp_path):
    env = dict(os.environ, CORTEGE_DATA_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    code = (
        "from app.logs import enable_faulthandler; enable_faulthandler(); "
        "import faulthandler; faulthandler._sigsegv()"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert proc.returncode != 0
    crash = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in crash


def test_the_app_starts_shows_its_window_and_quits_cleanly(tmp_path):
    """``python main.py --db FILE`` in a real process: the window opens on the file."""
    db = tmp_path / "plan.sqlite3"
    env = dict(
        os.environ,
        CORTEGE_DATA_DIR=str(tmp_path / "data"),
        CORTEGE_BENCH_STARTUP="1",
        QT_QPA_PLATFORM="offscreen",
    )
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("startup ")
    assert db.exists()
    assert "Traceback" not in proc.stderr


def test_an_arabic_message_that_starts_with_a_path_reads_from_the_right(qtbot, main_window, hooks):
    """'{path} ليس قاعدة بيانات Cortège': the path first made the label lay the message out from
    the left, the path read last by a reader from the right."""
    from bidi import get_display

    from app.i18n import _
    from ui.dialogs.error_dialog import show_error
    from ui.i18n_qt import apply_language

    main_window.apply_language("ar")
    try:
        path = "/home/ana/plan.cortege"
        box = show_error(
            main_window, StoreError(_("{path} is not a Cortège database").format(path=path))
        )
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label.text() == f"\u200f\u2068{path}\u2069 ليس قاعدة بيانات Cortège."
        seen = get_display(label.text())  # as the eye meets it, left to right
        assert (
            seen.replace("\u200f", "")
            .replace("\u2068", "")
            .replace("\u2069", "")
            .endswith(" " + path)
        )
        box.close()
    finally:
        apply_language("en")


def test_every_message_box_of_the_arabic_window_reads_from_the_right(qtbot, main_window):
    """A message box of any kind (here Qt's static warning, as 18 places of the window use it)
    with an Arabic message that opens with a name: shown from the right."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.i18n import _
    from ui.i18n_qt import apply_language

    main_window.apply_language("ar")
    seen = []

    def look():
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        )
        seen.append(box.text())
        box.reject()

    try:
        message = _("{path} is not a Cortège database").format(path="plan.csv")
        QTimer.singleShot(50, look)
        QMessageBox.warning(main_window, _("Cortège"), message)
        assert seen == ["\u200f\u2068plan.csv\u2069 ليس قاعدة بيانات Cortège"]
        main_window.apply_language("fr")
        QTimer.singleShot(50, look)
        QMessageBox.warning(main_window, "Cortège", "plan.csv n’est pas une base Cortège")
        assert seen[-1] == "plan.csv n’est pas une base Cortège"  # no mark in French
    finally:
        apply_language("en")
