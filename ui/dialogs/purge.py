"""Tools → Purge personal data: who loses what, said plainly, then erased for good.

A purge is not an edit that can be undone (undoing it would need the erased values): it clears
the undo history, which also holds them, and the dialog says that backups made before still do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext, ui
from ui import style

DUE = -1


class PurgeDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int | None = None) -> None:
        super().__init__(parent)
        from app.services.purge import action_choices

        self.ctx = ctx
        self.plan = None
        self.setObjectName("purge_dialog")
        self.setWindowTitle(_("Purge personal data"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        layout.setSpacing(style.SPACING)

        self.scope = QComboBox(self)
        self.scope.setObjectName("scope_combo")
        self.scope.setAccessibleName(_("Whose personal data"))
        self.scope.addItem(_("Everyone past their retention date"), DUE)
        tr = ui()
        for aid, title, start in ctx.query(action_choices):
            self.scope.addItem(
                _("People of “{title}” ({date}) who are in no later action").format(
                    title=title, date=tr.date(start.date(), "medium")
                ),
                aid,
            )
        if action_id is not None:
            index = self.scope.findData(action_id)
            if index >= 0:
                self.scope.setCurrentIndex(index)
        self.scope.currentIndexChanged.connect(self.refresh)
        layout.addWidget(self.scope)

        self.summary = QLabel(self)
        self.summary.setObjectName("purge_summary")
        self.summary.setWordWrap(True)
        self.summary.setFont(style.scaled_font(self.summary, 1.0, bold=True))
        layout.addWidget(self.summary)
        self.people = QListWidget(self)
        self.people.setObjectName("people_list")
        self.people.setAccessibleName(_("People whose personal data will be erased"))
        self.people.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        layout.addWidget(self.people, 1)
        self.kept = QLabel(self)
        self.kept.setObjectName("kept_label")
        self.kept.setWordWrap(True)
        self.kept.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        layout.addWidget(self.kept)

        warning = QLabel(
            _(
                "Their full names, phone numbers, e-mail addresses, notes and consent details "
                "are erased from the database file for good. Aliases, roles and the history "
                "of past actions stay.\n\n"
                "This cannot be undone, and it clears the undo history.\n"
                "Backups and exports made before the purge still hold the data: delete them, "
                "or keep them somewhere as safe as this laptop."
            ),
            self,
        )
        warning.setObjectName("purge_warning")
        warning.setWordWrap(True)
        warning.setFrameShape(QFrame.Shape.StyledPanel)
        warning.setMargin(style.SPACING)
        warning.setStyleSheet(f"color: {style.css(style.warning_color(self))};")
        layout.addWidget(warning)
        self.copies = QLabel(self)
        self.copies.setObjectName("copies_label")
        self.copies.setWordWrap(True)
        self.copies.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.copies)

        self.confirm = QCheckBox(_("I understand that this cannot be undone"), self)
        self.confirm.setObjectName("confirm_check")
        layout.addWidget(self.confirm)
        self.status = QLabel(self)
        self.status.setObjectName("purge_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("buttons")
        self.purge_button = QPushButton(_("Purge"), self)
        self.purge_button.setObjectName("purge_button")
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.purge_button.clicked.connect(self.purge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm.toggled.connect(self._sync)
        self.refresh()

    def _sync(self) -> None:
        self.purge_button.setEnabled(
            self.plan is not None and not self.plan.empty and self.confirm.isChecked()
        )

    def refresh(self) -> None:
        from app.services.purge import copies_beside, plan_due, plan_for_action

        scope = self.scope.currentData()
        if scope == DUE:
            self.plan = self.ctx.query(lambda s: plan_due(s))
        else:
            self.plan = self.ctx.query(lambda s: plan_for_action(s, scope))
        tr = ui()
        self.people.clear()
        for person in self.plan.participants:
            text = person.label
            if person.retain_until is not None:
                text += "  ·  " + _("to be kept until {date}").format(
                    date=tr.date(person.retain_until, "medium")
                )
            self.people.addItem(text)
        for contact in self.plan.media_contacts:
            self.people.addItem(_("Media contact at {outlet}").format(outlet=contact.label))
        n = len(self.plan.participants) + len(self.plan.media_contacts)
        self.summary.setText(
            self.plan.blocked
            or (
                ngettext(
                    "{n} person will lose their personal data:",
                    "{n} people will lose their personal data:",
                    n,
                ).format(n=ui().number(n))
                if n
                else _("Nobody to purge.")
            )
        )
        if self.plan.kept:
            kept = ui().comma_list(alias for alias, _why in self.plan.kept)
            self.kept.setText(
                _("Kept because they are in a later action or kept on purpose: {names}").format(
                    names=kept
                )
            )
        else:
            self.kept.setText("")
        self.kept.setVisible(bool(self.plan.kept))
        copies = copies_beside(self.ctx.store)
        self.copies.setText(
            _("These copies beside the database still hold the data:\n{paths}").format(
                paths="\n".join(str(p) for p in copies)
            )
            if copies
            else ""
        )
        self.copies.setVisible(bool(copies))
        self._sync()

    def purge(self) -> None:
        from app.domain.errors import CortegeError
        from app.services.changes import EVERYTHING
        from app.services.purge import run_purge

        if self.plan is None or self.plan.empty or not self.confirm.isChecked():
            return
        try:
            result = run_purge(self.ctx.store, self.plan)
        except CortegeError as exc:
            self.status.setText(str(exc))
            return
        self.ctx.undo_stack.clear()  # it holds the erased values
        self.ctx.changed.emit(EVERYTHING)
        n = result.participants + result.media_contacts
        text = ngettext(
            "Purged {n} person. Backups made before still hold their data.",
            "Purged {n} people. Backups made before still hold their data.",
            n,
        ).format(n=ui().number(n))
        if not result.erased:
            text += " " + _(
                "Another program has the database open: the erased values may stay in its "
                "journal until it is closed."
            )
        self.confirm.setChecked(False)
        self.refresh()
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {style.css(style.success_color(self))};")


def open_dialog(parent: QWidget | None, ctx, action_id: int | None = None) -> PurgeDialog:
    dialog = PurgeDialog(parent, ctx, action_id)
    dialog.exec()
    dialog.deleteLater()
    return dialog


def remind_if_due(parent: QWidget | None, ctx) -> bool:
    """At start: when people are past their retention date, offer to purge. True if shown."""
    from app.services.purge import due_count

    if ctx.store is None:
        return False
    n = ctx.query(lambda s: due_count(s))
    if not n:
        return False
    box = QMessageBox(parent)
    box.setObjectName("purge_reminder")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Purge due"))
    box.setText(
        ngettext(
            "{n} person is past their retention date: their personal data should be purged.",
            "{n} people are past their retention date: their personal data should be purged.",
            n,
        ).format(n=ui().number(n))
    )
    review = box.addButton(_("Review…"), QMessageBox.ButtonRole.AcceptRole)
    review.setObjectName("review_button")
    later = box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("later_button")
    box.exec()
    if box.clickedButton() is review:
        open_dialog(parent, ctx)
    box.deleteLater()
    return True
