"""Help → About shows the same version as --version."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel


def test_about_shows_the_version_from_app_version(qtbot, main_window):
    from app.version import __version__

    main_window.a_about.trigger()
    qtbot.waitUntil(
        lambda: any(w.objectName() == "about_dialog" for w in QApplication.topLevelWidgets())
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "about_dialog")
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"Cortège {__version__}" in texts
    dialog.close()
