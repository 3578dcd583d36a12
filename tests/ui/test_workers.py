"""Background jobs: progress, results by signal, errors, and Cancel."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton

from ui.workers import run_in_background


def test_a_job_reports_progress_and_returns_its_result(qtbot):
    seen_threads, results, steps = [], [], []

    def job(progress):
        seen_threads.append(threading.current_thread())
        for i in range(5):
            progress.check()
            progress.report(i + 1, 5, f"step {i + 1}")
        return "done!"

    handle = run_in_background(None, "Working", job, on_done=results.append, min_duration_ms=0)
    handle.worker.signals.progress.connect(lambda d, t, text: steps.append(text))
    qtbot.waitUntil(lambda: handle.state == "done", timeout=5000)
    assert results == ["done!"]
    assert seen_threads[0] is not threading.main_thread()


def test_an_error_in_a_job_reaches_on_error(qtbot):
    errors = []

    def job(progress):
        raise ValueError("bad file")

    handle = run_in_background(None, "Working", job, on_error=errors.append)
    qtbot.waitUntil(lambda: handle.state == "failed", timeout=5000)
    assert [str(e) for e in errors] == ["bad file"]


def test_cancel_stops_the_job(qtbot):
    started, release = threading.Event(), threading.Event()
    cancelled, done = [], []

    def job(progress):
        started.set()
        release.wait(5)
        progress.check()
        return "should not arrive"

    handle = run_in_background(
        None,
        "Working",
        job,
        on_done=done.append,
        on_cancel=lambda: cancelled.append(True),
        min_duration_ms=0,
    )
    assert started.wait(5)
    handle.dialog.findChild(QPushButton).click()  # the user presses Cancel
    release.set()
    qtbot.waitUntil(lambda: handle.state == "cancelled", timeout=5000)
    assert cancelled == [True] and done == []
