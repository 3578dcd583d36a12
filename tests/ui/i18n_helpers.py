"""Collecting every text a user sees in a window, for the language-switch and layout tests."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)


def _menu_texts(menu: QMenu, out: set[str], where: str) -> None:
    out.add(f"{where}menu:{menu.title()}")
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.text():
            out.add(f"{where}item:{action.text()}")
        if action.toolTip() and action.toolTip() != action.text():
            out.add(f"{where}tip:{action.toolTip()}")
        if action.menu() is not None:
            _menu_texts(action.menu(), out, where)


def widget_texts(root: QWidget, *, hidden: bool = False) -> set[str]:
    """Every text under ``root`` that is visible (``hidden``: also on pages not shown now):
    labels, buttons, group boxes, tab titles, placeholders, tool tips, combo items, table
    headers, field texts, each tagged with its kind."""
    out: set[str] = set()
    for w in [root, *root.findChildren(QWidget)]:
        if not hidden and not w.isVisibleTo(root) and w is not root:
            continue
        if w.window() is not root.window() and not w.window().isVisible():
            continue  # a closed dialog kept as a child
        if w.toolTip():
            out.add(f"tip:{w.toolTip()}")
        if isinstance(w, QLabel) and w.text():
            out.add(f"label:{w.text()}")
        elif isinstance(w, QAbstractButton) and w.text():
            out.add(f"button:{w.text()}")
        elif isinstance(w, QGroupBox) and w.title():
            out.add(f"group:{w.title()}")
        elif isinstance(w, QLineEdit):
            if w.placeholderText():
                out.add(f"placeholder:{w.placeholderText()}")
            if w.text():
                out.add(f"field:{w.text()}")
        elif isinstance(w, QPlainTextEdit | QTextEdit) and w.placeholderText():
            out.add(f"placeholder:{w.placeholderText()}")
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                out.add(f"combo:{w.itemText(i)}")
            if w.isEditable() and w.lineEdit() and w.lineEdit().placeholderText():
                out.add(f"placeholder:{w.lineEdit().placeholderText()}")
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                out.add(f"tab:{w.tabText(i)}")
                if w.tabToolTip(i):
                    out.add(f"tip:{w.tabToolTip(i)}")
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for header, orientation in ((getattr(w, "horizontalHeader", lambda: None)(), 1),):
                if isinstance(header, QHeaderView) and not header.isHidden():
                    from PySide6.QtCore import Qt

                    for c in range(model.columnCount()):
                        if header.isSectionHidden(c):
                            continue
                        text = model.headerData(c, Qt.Orientation(orientation))
                        if text:
                            out.add(f"header:{text}")
    return out


def window_texts(window, *, hidden: bool = True) -> set[str]:
    """Every text of the main window, with each action tab shown in turn (tab order kept);
    ``hidden``: also the widgets on pages not shown (the Press tab's media list…)."""
    out: set[str] = {f"title:{window.windowTitle()}"}
    for menu in window.menuBar().actions():
        if menu.menu() is not None:
            _menu_texts(menu.menu(), out, "")
    out.add(f"undo:{window.a_undo.text()}")
    out.add(f"redo:{window.a_redo.text()}")
    tabs = window.tabs
    current = tabs.currentIndex()
    for i in range(tabs.count()):  # every tab loaded once (badges appear as they load)
        tabs.setCurrentIndex(i)
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        out |= widget_texts(window, hidden=hidden)
    tabs.setCurrentIndex(current)
    return out
