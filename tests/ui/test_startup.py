"""Start-up: the window paints before the database is opened (nothing heavy before it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton

ROOT = Path(__file__).resolve().parents[2]


def test_the_callback_runs_after_the_first_paint_of_the_window(qtbot):
    from ui.first_paint import after_first_paint

    window = QMainWindow()
    qtbot.addWidget(window)
    painted: list[str] = []

    class Label(QLabel):
        def paintEvent(self, event):  # noqa: N802
            painted.append("label")
            super().paintEvent(event)

    window.setCentralWidget(Label("Cortège"))
    seen: list[list[str]] = []
    after_first_paint(window, lambda: seen.append(list(painted)))
    window.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [["label"]]  # called once, after the window's content was painted


def test_main_opens_the_database_after_the_window_is_painted(demo_db, tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CORTEGE_BENCH_STARTUP="1",
        CORTEGE_DATA_DIR=str(tmp_path / "data"),
        CORTEGE_LANG="en",
    )
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(demo_db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    fields = proc.stdout.split()
    assert fields[0] == "startup" and fields[2] == "painted" and fields[4] == "rss"
    usable, painted = float(fields[1]), float(fields[3])
    assert 0 < painted < usable
    # the readiness badge and the purge count come once the action is on screen
    assert fields[8] == "settled" and usable <= float(fields[9])
    # the garbage collector, paused while starting, runs again once the action is shown, from
    # the event loop (ui.garbage)
    assert "collector between events" in proc.stdout.splitlines()


def test_the_start_shows_the_action_first_then_its_readiness_badge_and_purge_count(qtbot, demo_db):
    """The start (``ui.app.run_gui``) holds the readiness badge and the purge count until the
    window has painted the first action; then both come, without a click."""
    from tests.ui.conftest import DEMO_NOW
    from ui.main_window import MainWindow

    window = MainWindow(now=lambda: DEMO_NOW)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    window.later.begin()
    assert window.open_database(str(demo_db))
    window.later.release()
    assert window.header_title.text() == "Funeral for privacy at Père-Lachaise"
    assert window.tabs.tabText(1) == "Readiness"  # not judged yet
    purge = window.findChild(QPushButton, "purge_reminder")
    assert not purge.isVisible()
    qtbot.waitUntil(lambda: not window.later.holding, timeout=10_000)
    assert window.later.shown_at is not None
    assert window.tabs.tabText(1).startswith("Readiness (")
    assert purge.isVisible() and purge.text().startswith("Purge due: "), purge.text()
    assert set(window.tab_widgets.built()) == {"overview", "readiness"}
    window.close()
