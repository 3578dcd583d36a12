"""Screenshots of the real window on the demo action, so the guide and docs/looks.md can be
regenerated whenever the window changes.

Run: ``python tools/screenshots.py [guide] [dark] [scale200] [--lang fr] [--out DIR]``
(no argument: all three). Each look runs in a fresh process (``QT_SCALE_FACTOR`` must be set
before Qt starts), offscreen unless ``QT_QPA_PLATFORM`` says otherwise, on a throw-away demo
database and settings folder (the demo action is dated a few weeks from today).

- ``guide``: the light look at 100 %, five tabs, scaled to the guide's width, into
  ``resources/guide/<lang>/images/`` (the demo is written in the UI language ``--lang``);
- ``dark``: the dark look at 100 %, five tabs and the help and preferences dialogs, into
  ``docs/screenshots/`` (``--all``: every tab, to check them all before a release);
- ``scale200``: the system look at 200 % (``QT_SCALE_FACTOR=2``), two tabs and the same
  dialogs (the files are four times larger; ``--all`` for every tab).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GUIDE_TABS = ("overview", "people", "schedule", "readiness", "press")
ALL_TABS = ("overview", "readiness", "schedule", "people", "props", "press", "tasks")
GUIDE_WIDTH = 680  # px: narrower than the guide dialog's text column
SCALE_TABS = ("schedule", "readiness")
LOOKS = ("guide", "dark", "scale200")


def _settle(app, ms: int = 600) -> None:
    from PySide6.QtTest import QTest

    for _ in range(3):
        app.processEvents()
    QTest.qWait(ms)


def _save(widget, path: Path, *, width: int | None = None) -> Path:
    from PySide6.QtCore import Qt

    pixmap = widget.grab()
    if width is not None and pixmap.width() > width:
        pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    path.parent.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(path), "PNG")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


# Dialogs shot with --all (window attribute of the QAction that opens each).
DIALOGS = (
    "a_new_action",
    "a_duplicate",
    "a_declaration",
    "a_directory",
    "a_runsheets",
    "a_press",
    "a_calendar",
    "a_volunteer_pack",
    "a_purge",
    "a_about",
)


def _grab_dialog(app, trigger, path: Path) -> None:
    """Run ``trigger`` (which may open a modal dialog with exec()), save the dialog it opens,
    then close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    before = set(app.topLevelWidgets())
    tries = [0]

    def grab() -> None:
        new = [
            w
            for w in app.topLevelWidgets()
            if w not in before and isinstance(w, QDialog) and w.isVisible()
        ]
        if not new:
            tries[0] += 1
            if tries[0] < 40:
                QTimer.singleShot(50, grab)
            return
        dialog = new[-1]
        for _ in range(3):
            app.processEvents()
        _save(dialog, path)
        dialog.reject()

    QTimer.singleShot(200, grab)
    trigger()
    _settle(app, 100)


def shoot(look: str, out: Path, lang: str, every_tab: bool = False) -> None:
    """One look in this process (called by ``main`` in a child process)."""
    from app.i18n import set_ui_language
    from ui.app import make_application

    set_ui_language(lang)
    app = make_application()
    from ui.i18n_qt import apply_language

    apply_language(lang)  # as the app starts: Qt's own texts, and right to left for Arabic
    from ui import theme
    from ui.main_window import MainWindow

    choice = {"guide": theme.LIGHT, "dark": theme.DARK}.get(look, theme.SYSTEM)
    theme.save_theme(choice)  # a throw-away settings folder: Preferences shows the look
    theme.apply_theme(choice)
    window = MainWindow()
    width, height = (1180, 760) if look == "guide" else (1280, 820)
    window.resize(width, height)
    window.show()
    db = Path(os.environ["CORTEGE_DATA_DIR"]) / "demo.sqlite3"
    if not window.open_database(str(db), add_demo=True):
        raise SystemExit("cannot create the demo database")
    _settle(app, 400)
    if look == "guide":
        for key in GUIDE_TABS:
            window.show_tab(key)
            _settle(app)
            _save(window, out / f"{key}.png", width=GUIDE_WIDTH)
        window.close()
        return
    for key in ALL_TABS if every_tab else (SCALE_TABS if look == "scale200" else GUIDE_TABS):
        window.show_tab(key)
        _settle(app)
        _save(window, out / f"{look}-{key}.png")
    window.show_tab("schedule")
    window.a_shortcuts.trigger()
    _settle(app)
    _save(window.shortcuts_dialog, out / f"{look}-shortcuts.png")
    window.shortcuts_dialog.close()
    window.a_guide.trigger()
    _settle(app)
    _save(window.guide_dialog, out / f"{look}-guide.png")
    window.guide_dialog.close()
    window.a_prefs.trigger()
    _settle(app)
    _save(window.preferences, out / f"{look}-preferences.png")
    window.preferences.close()
    if every_tab:
        for name in DIALOGS:
            action = getattr(window, name, None)
            if action is not None and action.isEnabled():
                _grab_dialog(app, action.trigger, out / f"{look}-dialog-{name[2:]}.png")
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("looks", nargs="*", metavar="LOOK", help=" ".join(LOOKS))
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", type=Path, default=None, help="instead of the usual folders")
    parser.add_argument("--all", action="store_true", help="every tab, not only five")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = [look for look in args.looks if look not in LOOKS]
    if unknown:
        parser.error(f"unknown look {unknown[0]!r}: choose among {', '.join(LOOKS)}")
    if args.child:
        shoot(args.child, args.out, args.lang, args.all)
        return 0
    status = 0
    for look in args.looks or LOOKS:
        if args.out is not None:
            out = args.out
        elif look == "guide":
            out = ROOT / "resources" / "guide" / args.lang / "images"
        else:
            out = ROOT / "docs" / "screenshots"
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("QT_SCALE_FACTOR", None)
        if look == "scale200":
            env["QT_SCALE_FACTOR"] = "2"
        with tempfile.TemporaryDirectory(prefix="cortege-shots-") as data:
            env["CORTEGE_DATA_DIR"] = data
            env["CORTEGE_LANG"] = args.lang
            cmd = [sys.executable, __file__, "--child", look, "--out", str(out.resolve())]
            cmd += ["--lang", args.lang, *(["--all"] if args.all else [])]
            status |= subprocess.run(cmd, env=env, check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
