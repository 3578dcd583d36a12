"""What the accelerator and truncation tests look for, shared by both (a window in a language,
its pages shown one by one)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
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
