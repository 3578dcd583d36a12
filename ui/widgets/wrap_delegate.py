"""Rows as tall as their wrapped text, in a view whose column is as wide as the view.

``QTreeView.setWordWrap(True)`` draws a long text on several lines only when its row is tall
enough, and Qt's delegate asks for one line's height: the Readiness tab cut "Finch has not
agreed to be photographed and is in 2 photo opportunities: “Wreath laid…” and “Photo call
for t…" at the name of the second photo call, at any window width. This delegate asks for the
height of the text wrapped at its column's width, and the view lays its rows out again when a
column changes width (the window resized, the splitter moved).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: px the item's style sheet and frame take around the text (``padding: 3px 2px`` and Qt's
#: focus margins), across and down
ACROSS, DOWN = 10, 8


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        view.header().sectionResized.connect(lambda *_a: view.doItemsLayout())

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if not opt.text:
            return size
        width = self.view.header().sectionSize(index.column()) - ACROSS
        if index.column() == 0:  # the tree's own indentation and branch
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.view.indentation() * (depth + int(self.view.rootIsDecorated()))
        if opt.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= opt.decorationSize.width() + self.view.style().pixelMetric(
                QStyle.PixelMetric.PM_FocusFrameHMargin
            )
        if width <= 0:
            return size
        wrap = Qt.TextFlag.TextWordWrap
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), wrap, opt.text)
        return QSize(size.width(), max(size.height(), text.height() + DOWN))
