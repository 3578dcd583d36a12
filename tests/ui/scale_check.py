"""Run by tests/ui/test_scale_200.py in a fresh process with ``QT_SCALE_FACTOR=2`` (it must be
set before Qt starts): the demo window on every tab, printing one line per clipped button or
label and per blurry icon, then ``checked N``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


ROOM = 1280  # points: the width of a 2560-pixel screen at 200 %


def _shown_by_parent(widget, window) -> bool:
    """False for a widget scrolled out of a scroll area's viewport (not cut by the window)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return False
        parent = parent.parentWidget()
    return True


def problems(window) -> list[str]:
    global EDGE_CHECKED
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

    EDGE_CHECKED = (QAbstractButton, QLineEdit, QComboBox, QLabel)

    found = []
    ratio = window.devicePixelRatioF()
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.pixmap().isNull()):
            continue
        if "\n" in widget.text() or widget.text().startswith("<"):
            continue
        plain = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        need = widget.fontMetrics().horizontalAdvance(plain)
        if isinstance(widget, QAbstractButton):  # the text, its icon and the frame's padding
            need += 8 + (widget.iconSize().width() + 4 if not widget.icon().isNull() else 0)
        else:
            need += 2 * widget.margin() + widget.contentsMargins().left()
        if widget.contentsRect().width() + 8 < need:
            found.append(
                f"clipped {widget.objectName() or widget.text()!r}: {widget.width()} < {need}"
            )
    right = window.width()
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, EDGE_CHECKED) or not widget.isVisible():
            continue
        if widget.window() is not window:
            continue
        top_left = widget.mapTo(window, widget.rect().topLeft())
        if top_left.x() + widget.width() > right + 1 and _shown_by_parent(widget, window):
            found.append(f"past the window's edge {widget.objectName() or type(widget).__name__}")
    for action in window.findChildren(QAction):
        if action.icon().isNull():
            continue
        pixmap = action.icon().pixmap(16, 16)
        if pixmap.devicePixelRatio() < ratio:
            found.append(f"blurry icon {action.objectName()}: {pixmap.devicePixelRatio()}")
    return found


def main() -> int:
    import os

    from PySide6.QtTest import QTest

    from ui.app import make_application
    from ui.main_window import MainWindow

    app = make_application()
    window = MainWindow()
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    db = Path(os.environ["CORTEGE_DATA_DIR"]) / "demo.sqlite3"
    assert window.open_database(str(db), add_demo=True)
    QTest.qWait(300)
    print(f"ratio {window.devicePixelRatioF()}")
    found: list[str] = []
    for key in window.tab_widgets:
        window.show_tab(key)
        QTest.qWait(600)  # the Press preview renders in the background, then the splitter settles
        found += [f"{key}: {p}" for p in problems(window)]
    need = window.minimumSizeHint().width()
    if need > ROOM:  # a 2560-pixel laptop screen at 200 %: the window cannot be wider
        found.append(f"window needs {need} points, more than {ROOM}")
    for line in sorted(set(found)):
        print(line)
    print(f"checked {len(window.tab_widgets)}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
