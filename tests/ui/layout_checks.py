"""What the accelerator and truncation tests look for, shared by both (a window in a language,
its pages shown one by one)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

_MNEMONIC = re.compile(r"&(?!&)(\w)", re.UNICODE)


def mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (lower case), None without one."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    """{letter: texts} for every letter two or more of ``texts`` use."""
    by_letter: dict[str, list[str]] = {}
    for text in texts:
        letter = mnemonic(text)
        if letter:
            by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def menu_clashes(window) -> list[str]:
    """Clashes among the menu bar's titles and inside each menu (submenus too)."""
    out = []
    bar = [a.text() for a in window.menuBar().actions() if a.isVisible() and a.text()]
    for letter, texts in clashes(bar).items():
        out.append(f"menu bar: &{letter} in {texts}")

    def walk(menu: QMenu) -> None:
        items = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        for letter, texts in clashes(items).items():
            out.append(f"menu {menu.title()!r}: &{letter} in {texts}")
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    return out


def _scope(widget: QWidget, page: QWidget) -> QWidget:
    """The nearest group box around ``widget``, else the page: its siblings for Alt+letter."""
    w = widget.parentWidget()
    while w is not None and w is not page:
        if isinstance(w, QGroupBox):
            return w
        w = w.parentWidget()
    return page


def page_clashes(window, where: str, page: QWidget | None = None) -> list[str]:
    """Clashes among the siblings ``page`` shows now: inside each group box, and among what is
    not in a group box together with the window's own buttons and the menu bar's titles
    (Alt+F opens File wherever the focus is)."""
    page = page or window.tabs.currentWidget()
    bar = [a.text() for a in window.menuBar().actions() if a.isVisible() and a.text()]
    scopes: dict[int, list[str]] = {id(page): list(bar)}
    outside = [w for w in window.findChildren(QWidget) if not page.isAncestorOf(w)]
    for w in outside:  # the actions list's buttons, the empty state's button…
        if isinstance(w, QAbstractButton) and w.isVisibleTo(window) and mnemonic(w.text()):
            scopes[id(page)].append(w.text())
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        text = None
        if isinstance(w, QAbstractButton):  # disabled now, enabled by a selection
            text = w.text()
        elif isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                if mnemonic(w.tabText(i)):
                    scopes.setdefault(id(_scope(w, page)), []).append(w.tabText(i))
        if text and mnemonic(text):
            scopes.setdefault(id(_scope(w, page)), []).append(text)
    out = []
    for texts in scopes.values():
        for letter, same in clashes(texts).items():
            out.append(f"{where}: &{letter} in {sorted(same)}")
    return out


def each_page(window):
    """Show every action tab, and every page of a tab's own tab widget, in turn; yield a name
    for what is shown."""
    tabs = window.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        page = tabs.widget(i)
        inner = [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]
        if not inner:
            yield tabs.tabText(i)
            continue
        for sub in inner[:1]:
            for j in range(sub.count()):
                sub.setCurrentIndex(j)
                yield f"{tabs.tabText(i)} › {sub.tabText(j)}"


DEFAULT_SIZE = (1280, 820)  # MainWindow._restore_layout without saved geometry
PREVIEW_WIDTH = 260  # px: a preview narrower reads like a column of single words


def truncations(window, where: str) -> list[str]:
    """Texts the window cuts at its size now: a window forced wider than its default, a
    one-line label or a button narrower than its text, a table header narrower than its title,
    a cell of a column sized to its contents shown with "…"."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView

    out = []
    hint = window.minimumSizeHint().width()
    if hint > DEFAULT_SIZE[0]:
        out.append(f"{where}: the window needs {hint} px, more than {DEFAULT_SIZE[0]}")
    page = window.tabs.currentWidget()
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.width() <= 0:
            continue
        if isinstance(w, QScrollArea) and w.horizontalScrollBar().isVisibleTo(window):
            need = w.widget().minimumSizeHint().width() if w.widget() else 0
            room = w.viewport().width()
            name = w.objectName() or "a form"
            out.append(f"{where}: {name} scrolls sideways ({need} px in {room})")
        elif isinstance(w, QTextBrowser) and w.width() < PREVIEW_WIDTH:
            out.append(
                f"{where}: {w.objectName()} is {w.width()} px wide, fewer than {PREVIEW_WIDTH}"
            )
        elif isinstance(w, QLabel) and not w.wordWrap() and w.text() and not w.pixmap():
            if w.textFormat() == Qt.TextFormat.RichText or "<" in w.text() or "\n" in w.text():
                continue
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", ""))
            room = w.contentsRect().width() - 2 * w.margin() - w.indent() * (w.indent() > 0)
            if need > room + 1:
                out.append(f"{where}: label {w.text()!r} needs {need} px, has {room}")
        elif isinstance(w, QPushButton) and w.text():
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", "")) + 8
            if not w.icon().isNull():
                need += w.iconSize().width() + 4
            if w.width() + 1 < need:
                out.append(f"{where}: button {w.text()!r} needs {need} px, has {w.width()}")
        elif isinstance(w, QTableView) and w.model() is not None:
            header = w.horizontalHeader()
            model = w.model()
            fm = header.fontMetrics()
            for c in range(model.columnCount()):
                if header.isSectionHidden(c):
                    continue
                title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                width = header.sectionSize(c)
                need = fm.horizontalAdvance(title) + 12  # the section's own padding
                if title and need > width and c != model.columnCount() - 1:
                    out.append(f"{where}: column {title!r} needs {need} px, has {width}")
                if header.sectionResizeMode(c) in (
                    QHeaderView.ResizeMode.Stretch,
                    QHeaderView.ResizeMode.ResizeToContents,  # as wide as its widest cell
                ):
                    continue
                cells = w.fontMetrics()
                shown = {model.index(r, c).data() for r in range(min(model.rowCount(), 40))}
                if model.rowCount() < 2 or len(shown) > 4:
                    continue  # free text (places, names): the column elides; a state is short
                for r in range(min(model.rowCount(), 40)):
                    text = model.index(r, c).data()
                    if isinstance(text, str) and text and "\n" not in text:
                        if cells.horizontalAdvance(text) + 8 > width and len(text) < 25:
                            out.append(f"{where}: cell {text!r} in {title!r} is cut ({width} px)")
                            break
    return out


#: px between a field and the edge of the scroll area it sits in (its scroll bar, or the next
#: column of a splitter): less, and the frame of a field reads as part of the scroll bar
EDGE_GAP = 4


def flush_fields(window, where: str) -> list[str]:
    """Fields of a form in a scroll area that reach the area's trailing edge (the right one,
    the left one right to left), where its scroll bar is."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    out = []
    rtl = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for area in window.tabs.currentWidget().findChildren(QScrollArea):
        content = area.widget()
        if content is None or not area.isVisibleTo(window) or isinstance(area, QTextEdit):
            continue
        room = area.viewport()
        kinds = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
        for field in content.findChildren(QWidget):
            if not isinstance(field, kinds) or not field.isVisibleTo(window):
                continue
            if isinstance(field.parentWidget(), (QAbstractSpinBox, QComboBox)):
                continue  # the line inside a spin box or a combo box
            left = field.mapTo(room, QPoint(0, 0)).x()
            gap = left if rtl else room.width() - (left + field.width())
            if gap < EDGE_GAP:
                name = field.objectName() or type(field).__name__
                out.append(f"{where}: {name} reaches the edge of {area.objectName()} ({gap} px)")
    return out
