"""Help → Keyboard shortcuts: every key of the window, read from its actions when the dialog
opens (ui.shortcut_help), grouped by menu, with a filter field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, pgettext
from ui import shortcut_help, style


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setAccessibleName(self.windowTitle())
        self.entries = shortcut_help.collect(window)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setPlaceholderText(_("Filter by command or key…"))
        self.filter.setAccessibleName(_("Filter the shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts_tree")
        self.tree.setAccessibleName(_("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        # Translators: column titles of the keyboard shortcuts dialog
        self.tree.setHeaderLabels(
            [pgettext("shortcuts column", "Command"), pgettext("shortcuts column", "Keys")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.empty = QLabel(self)
        self.empty.setObjectName("shortcuts_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        self.empty.setVisible(False)
        bold = style.scaled_font(self, 1.0, bold=True)
        for group, entries in shortcut_help.groups(self.entries):
            head = QTreeWidgetItem(self.tree, [group])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setFirstColumnSpanned(True)
            for entry in entries:
                row = QTreeWidgetItem(head, [entry.command, entry.keys])
                row.setData(0, Qt.ItemDataRole.UserRole, entry)
                row.setToolTip(0, entry.command)
        self.tree.expandAll()
        self.filter.textChanged.connect(self.apply_filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.GAP, style.GAP, style.GAP, style.GAP)
        layout.setSpacing(style.SPACING)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        em = self.fontMetrics().averageCharWidth()
        self.resize(max(560, 72 * em), max(560, self.fontMetrics().height() * 32))
        self.filter.setFocus()

    def visible_entries(self) -> list[shortcut_help.Entry]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            for j in range(head.childCount()):
                row = head.child(j)
                if not row.isHidden() and not head.isHidden():
                    out.append(row.data(0, Qt.ItemDataRole.UserRole))
        return out

    def apply_filter(self, text: str) -> None:
        shown_any = False
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            shown = 0
            for j in range(head.childCount()):
                row = head.child(j)
                hit = shortcut_help.matches(row.data(0, Qt.ItemDataRole.UserRole), text)
                row.setHidden(not hit)
                shown += hit
            head.setHidden(shown == 0)
            shown_any = shown_any or shown > 0
        self.tree.setVisible(shown_any)
        self.empty.setVisible(not shown_any)
        self.empty.setText(_("No shortcut matches “{text}”.").format(text=text.strip()))


def open_dialog(window: QWidget) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.open()
    return dialog
