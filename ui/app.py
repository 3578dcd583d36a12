"""The desktop app's start: QApplication, crash and error hooks, the window first, then the
database (``--db`` > ``CORTEGE_DB`` > the default one, which gets the demo on its first start).

``CORTEGE_BENCH_STARTUP=1`` makes the app print ``startup <s> painted <s> rss <MB> cpu <s>
settled <s>`` (seconds since ``ui.app`` was imported): ``startup`` when the window had painted
the first action, ``painted`` its first paint, ``settled`` when what waited for the action to
show (its readiness badge, the purge count) was done too; ``rss`` is the peak memory by then.
Then ``showing <the action's title>`` and ``collector on`` (the garbage collector, paused during
start-up, runs again), and quit: benchmarks/startup.py and the frozen build's smoke test use it
(``CORTEGE_BENCH_SCREENSHOT=FILE.png`` also saves the window).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

_T0 = time.perf_counter()


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python main.py", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("file", nargs="?", default=None)  # a bundle to offer for import
    args, _rest = parser.parse_known_args(argv)
    return args


def _apply_saved_language() -> None:
    from app.i18n import set_ui_language
    from ui import settings_store

    lang = None if os.environ.get("CORTEGE_LANG") else settings_store.ui_language()
    if lang:
        set_ui_language(lang)
    try:
        from ui.i18n_qt import apply_language
    except ImportError:
        return
    apply_language(lang)


def make_application(argv: list[str] | None = None):
    """The one QApplication, with the app's name, icon and high-DPI settings."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication([sys.argv[0] if sys.argv else "cortege", *(argv or [])])
    app.setApplicationName("Cortège")
    app.setOrganizationName("Cortege")
    app.setDesktopFileName("org.cortege.Cortege")  # build/linux/*.desktop
    from ui.icons import app_icon

    app.setWindowIcon(app_icon())
    add_bundled_fonts()
    return app


#: fonts shipped for scripts a laptop may lack (Qt falls back to them glyph by glyph)
BUNDLED_FONTS = (
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf",
    "NotoSansSymbols2-Regular.ttf",
)


def add_bundled_fonts() -> None:
    """Register the fonts of ``resources/fonts`` that documents use, so the window shows Arabic
    and Devanagari names too on a system without such fonts (instead of empty boxes). About
    2 ms once Qt's font database is loaded, which the first paint needs anyway."""
    from pathlib import Path

    from PySide6.QtGui import QFontDatabase

    folder = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    for name in BUNDLED_FONTS:
        if (folder / name).is_file():
            QFontDatabase.addApplicationFont(str(folder / name))


def first_run(window, target: str) -> bool:
    """The default database's very first start: offer encryption (recommended), then create
    it with the demo. False when the user chose to quit (nothing is created)."""
    from pathlib import Path

    from ui import window_files
    from ui.dialogs.new_database import ask_first_run

    choice = ask_first_run(window, Path(target))
    if choice is None:
        return False
    _path, passphrase = choice
    return window_files.open_database(window, target, add_demo=True, passphrase=passphrase)


def _rss_mb() -> float:
    """The process's peak resident memory in MB (Linux and macOS; 0 elsewhere). On Linux the
    high-water mark of this program's own memory (VmHWM): ``ru_maxrss`` also counts the
    parent's memory at the moment it started us (vfork), so a benchmark that had just built a
    database with SQLAlchemy made a bare window look like 83 MB instead of 50."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def startup_target(cli_value: str | None) -> str:
    """The database a start opens: ``--db``, else ``CORTEGE_DB``, else the last one used (a
    file that still exists, or a URL remembered without a password), else the default one."""
    from pathlib import Path

    from app.paths import resolve_database
    from ui import settings_store

    if cli_value or os.environ.get("CORTEGE_DB"):
        return resolve_database(cli_value)
    for name in settings_store.recent_databases()[:1]:
        if "://" in name:
            if ":***@" not in name:
                return name
        elif Path(name).expanduser().is_file():
            return name
    return resolve_database(None)


def _bench_close(window) -> None:
    from ui import garbage

    found = garbage.collector()
    running = found is not None and not found.held and found.timer.isActive()
    print(f"collector {'between events' if running else 'off'}", flush=True)
    window.close()


def _collect_garbage_again() -> None:
    """Start-up makes objects by the hundred thousand (modules, classes, widgets) and almost no
    garbage: the collector, paused until the first action is shown, resumes here, and what
    start-up made is frozen out of its scans for good (``gc.freeze``; issue #17: 10-15 % of the
    start-up's CPU went to collections that found nothing). It resumes on the event loop, never
    by itself inside Qt's work (``ui.garbage``)."""
    import gc

    from ui import garbage

    gc.freeze()
    garbage.release()


def run_gui(argv: list[str]) -> int:
    """Open the main window; returns the exit code of the event loop."""
    import gc

    gc.disable()  # until the first action is shown (_collect_garbage_again)
    args = _parse(argv)
    from app.logs import enable_faulthandler, setup_logging

    setup_logging()
    enable_faulthandler()
    from ui.platform_check import display_problem

    problem = display_problem()  # Qt would abort with a message naming the wrong fix
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = make_application()
    from ui.dialogs.error_dialog import install_exception_hooks

    hooks = install_exception_hooks()
    _apply_saved_language()
    from ui import theme

    theme.apply_theme(theme.saved_theme())  # Preferences → Appearance
    from PySide6.QtCore import QTimer

    from ui.main_window import MainWindow

    window = MainWindow()  # it collects garbage between events (ui.garbage) …
    from ui import garbage

    garbage.hold()  # … once the first action is shown
    window.show()
    bench = os.environ.get("CORTEGE_BENCH_STARTUP") == "1"
    painted: list[float] = []

    def open_db() -> None:
        try:
            _open_db()
        finally:
            _collect_garbage_again()

    def _open_db() -> None:
        from pathlib import Path

        painted.append(time.perf_counter() - _T0)

        from app.paths import is_default_database

        target = startup_target(args.db)
        first_start = is_default_database(target) and not Path(target).exists()
        if first_start and not bench:
            _collect_garbage_again()  # the first-run dialog waits for the user
            if not first_run(window, target):
                window.close()
                return
        else:
            window.later.begin()  # the readiness badge and purge count: once the action shows
            window.open_database(target, add_demo=first_start)
            window.later.release()
        if args.file and not bench:
            from ui.open_file import offer_import

            QTimer.singleShot(0, lambda: offer_import(window, Path(args.file)))
        if bench:
            deadline = time.perf_counter() + 10
            while window.later.holding and time.perf_counter() < deadline:
                app.processEvents()  # the first action painted, then what waited for it
            shown, cpu = window.later.shown_at or (time.perf_counter(), time.process_time())
            print(
                f"startup {shown - _T0:.3f} painted {painted[0]:.3f} rss {_rss_mb():.1f} "
                f"cpu {cpu:.3f} settled {time.perf_counter() - _T0:.3f}",
                flush=True,
            )
            print(f"showing {window.header_title.text()}", flush=True)
            if os.environ.get("CORTEGE_BENCH_SCREENSHOT"):
                window.grab().save(os.environ["CORTEGE_BENCH_SCREENSHOT"])
            QTimer.singleShot(0, lambda: _bench_close(window))

    from ui.first_paint import after_first_paint

    after_first_paint(window, open_db)
    try:
        return app.exec()
    finally:
        hooks.uninstall()
