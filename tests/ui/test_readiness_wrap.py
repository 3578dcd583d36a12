"""A long problem in the Readiness tab is shown whole, on as many lines as it needs: "Finch has
not agreed to be photographed and is in 2 photo opportunities: “Wreath laid…” and “Photo
call for t…" was cut at the second photo call at the default window size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt


def _rows(model, parent=QModelIndex()):
    for r in range(model.rowCount(parent)):
        index = model.index(r, 1, parent)
        yield index
        yield from _rows(model, model.index(r, 0, parent))


def _cut(view) -> list[str]:
    out = []
    for index in _rows(view.model()):
        text = index.data()
        if not text:
            continue
        view.scrollTo(index)
        rect = view.visualRect(index)
        fm = view.fontMetrics()
        need = fm.boundingRect(
            QRect(0, 0, rect.width() - 10, 1 << 20), Qt.TextFlag.TextWordWrap, text
        )
        if need.height() > rect.height():
            out.append(f"{text[:50]}… needs {need.height()} px, has {rect.height()}")
    return out


@pytest.mark.parametrize("lang", ["en", "ar", "de"])
def test_every_problem_is_shown_whole_at_the_default_size(qtbot, main_window, lang):
    window = main_window
    window.apply_language(lang)
    window.show_tab("readiness")
    tab = window.tab_widgets["readiness"]
    tab.view.expandAll()
    qtbot.wait(10)
    assert _cut(tab.view) == []
    window.resize(900, 820)  # narrower: the rows grow again
    qtbot.wait(10)
    assert _cut(tab.view) == []
