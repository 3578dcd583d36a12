"""The action tabs, built when first needed (issue #17: start-up).

Building all seven tabs before the first paint cost about 0.4 s and their modules (PDF and
pack exports among them) a third of the memory. The tab bar shows every title at once; each
page starts as an empty placeholder that is swapped for the real tab the first time the tab
is shown or asked for (``window.tab_widgets[key]``, Ctrl+number, a readiness link).

``LazyTabs`` is a read-only mapping key → tab: iterating it and ``in`` cover every tab that
exists (without building any), ``[key]`` and ``get`` build that one, ``built()`` gives only
the tabs built so far (what the window refreshes, retranslates and resets).
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.icons import icon

log = logging.getLogger("cortege.ui")


def module_exists(module: str) -> bool:
    """True if ``module`` can be imported, found without importing it."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


class LazyTabs(Mapping):
    def __init__(self, window, tabs: QTabWidget, specs, icons) -> None:
        self._window = window
        self._tabs = tabs
        self._specs = {key: (module, cls) for key, module, cls, _title in specs}
        self._icons = dict(zip((s[0] for s in specs), icons, strict=True))
        self._built: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}  # key → what the tab widget shows (placeholder or tab)
        self.builds: dict[str, int] = {}  # how often each tab was built (tests: once at most)
        for key, (module, _cls) in self._specs.items():
            if not module_exists(module):
                continue  # another engineer's tab not written yet: skipped, Ctrl+n kept
            page = QWidget(tabs)
            page.setObjectName(f"{key}_placeholder")
            self._pages[key] = page
            tabs.addTab(page, icon(self._icons[key]), key)

    # --- the mapping -----------------------------------------------------------------------------
    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)

    def __contains__(self, key: object) -> bool:
        return key in self._pages

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._pages:
            raise KeyError(key)
        tab = self._built.get(key)
        if tab is None:
            tab = self._build(key)
            if tab is None:
                raise KeyError(key)
        return tab

    # --- for the window --------------------------------------------------------------------------
    def built(self) -> dict[str, QWidget]:
        """The tabs built so far, in tab order."""
        return {key: self._built[key] for key in self._pages if key in self._built}

    def page(self, key: str) -> QWidget:
        """What the tab bar holds for ``key``: the tab, or its placeholder (nothing is built)."""
        return self._pages[key]

    def key_of(self, page: QWidget | None) -> str | None:
        for key, widget in self._pages.items():
            if widget is page:
                return key
        return None

    def is_placeholder(self, page: QWidget | None) -> bool:
        key = self.key_of(page)
        return key is not None and key not in self._built

    def _build(self, key: str) -> QWidget | None:
        from ui.optional import optional

        module, cls_name = self._specs[key]
        cls = optional(module, cls_name)
        if cls is None:
            return None
        try:
            tab = cls(self._window.ctx, self._tabs)
        except Exception:
            log.exception("cannot build the %s tab", key)
            return None
        self.builds[key] = self.builds.get(key, 0) + 1
        tab.setObjectName(tab.objectName() or f"{key}_tab")
        placeholder = self._pages[key]
        index = self._tabs.indexOf(placeholder)
        blocker = QSignalBlocker(self._tabs)  # the same tab stays current: no "shown" twice
        current = self._tabs.currentIndex()
        text, tip = self._tabs.tabText(index), self._tabs.tabToolTip(index)
        tab_icon = self._tabs.tabIcon(index)
        self._tabs.removeTab(index)
        self._tabs.insertTab(index, tab, tab_icon, text)
        self._tabs.setTabToolTip(index, tip)
        self._tabs.setCurrentIndex(current)
        del blocker
        placeholder.deleteLater()
        self._pages[key] = tab
        self._built[key] = tab
        self._window._tab_built(key, tab)
        return tab
