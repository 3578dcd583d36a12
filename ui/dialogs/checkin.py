"""View → Check-in (Ctrl+Shift+K): the steward at the meeting point, keyboard only.

Type two letters of an alias, the list narrows (Up/Down pick another match), Enter marks the
person attended with the time: one undo step (Ctrl+Z here too). Shift+Enter takes back the
check-in of the person picked, alone (Ctrl+Z would take back the later ones too). Beside it,
the count per role against needed ("Pallbearer 3/4") and who is still missing, by call time.
Sized for a small laptop (1280×720): a window of its own, not modal, so the plan stays
reachable behind it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext, pgettext, ui
from ui import style

ROLE = Qt.ItemDataRole.UserRole


class CheckinDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx, action_id: int) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action_id = action_id
        self.view = None
        self._saying = False  # a change of this window's own, which its status line tells
        self.now = getattr(parent, "now", None)
        self.setObjectName("checkin_dialog")
        self.setWindowTitle(_("Check-in"))
        self.resize(1000, 620)
        outer = QVBoxLayout(self)
        outer.setSpacing(style.SPACING)
        self.heading = QLabel(self)
        self.heading.setObjectName("checkin_heading")
        self.heading.setFont(style.scaled_font(self.heading, 1.4, bold=True))
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)

        body = QHBoxLayout()
        body.setSpacing(style.GAP)
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 3)
        self.search = QLineEdit(self)
        self.search.setObjectName("checkin_search")
        self.search.setFont(style.scaled_font(self.search, 1.6))
        self.search.setPlaceholderText(_("Type the first letters of an alias, then Enter"))
        self.search.setAccessibleName(_("Alias"))
        self.search.setClearButtonEnabled(True)
        left.addWidget(self.search)
        self.matches = QListWidget(self)
        self.matches.setObjectName("checkin_matches")
        self.matches.setAccessibleName(_("Matching people"))
        self.matches.setFont(style.scaled_font(self.matches, 1.25))
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the box
        left.addWidget(self.matches, 1)
        self.status = QLabel(self)
        self.status.setObjectName("checkin_status")
        self.status.setWordWrap(True)
        self.status.setFont(style.scaled_font(self.status, 1.2, bold=True))
        self.status.setMinimumHeight(self.status.fontMetrics().height() * 2 + 4)
        left.addWidget(self.status)
        hint = QLabel(
            ui().sentence(
                _(
                    "Enter: check in · Shift+Enter: take back a check-in · Up/Down: another "
                    "match · Ctrl+Z: undo · Esc: close"
                )
            ),
            self,
        )
        hint.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        left.addWidget(hint)

        right = QVBoxLayout()
        body.addLayout(right, 2)
        self.total = QLabel(self)
        self.total.setObjectName("checkin_total")
        self.total.setFont(style.scaled_font(self.total, 1.2, bold=True))
        right.addWidget(self.total)
        self.counts = QListWidget(self)
        self.counts.setObjectName("checkin_counts")
        self.counts.setAccessibleName(_("Count per role"))
        self.counts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.counts.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.counts.setFont(style.scaled_font(self.counts, 1.15))
        right.addWidget(self.counts, 2)
        missing_label = QLabel(_("Still missing"), self)
        missing_label.setFont(style.scaled_font(missing_label, 1.1, bold=True))
        right.addWidget(missing_label)
        self.missing = QListWidget(self)
        self.missing.setObjectName("checkin_missing")
        self.missing.setAccessibleName(_("Still missing"))
        self.missing.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.missing.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        right.addWidget(self.missing, 3)

        self.search.textChanged.connect(lambda _text: self._fill_matches(keep_current=False))
        self.search.returnPressed.connect(self.check_in_current)
        self.search.installEventFilter(self)
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, ctx.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, ctx.undo_stack.redo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        ctx.changed.connect(self._on_changed)
        self.refresh()
        self.search.setFocus()

    # --- keys -----------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.take_back_current()
                return True
            # Ctrl+Z is the check-in's undo, not the box's (which the box would take first)
            if event.matches(QKeySequence.StandardKey.Undo):
                self.ctx.undo_stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.ctx.undo_stack.redo()
                return True
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step and self.matches.count():
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # never the dialog's default button: Enter checks in
        super().keyPressEvent(event)

    # --- content --------------------------------------------------------------------------
    def _on_changed(self, change) -> None:
        if self.isVisible():
            if not self._saying:
                # an undo, or another window: the last line may no longer be true
                self.status.clear()
            self.refresh()

    def refresh(self) -> None:
        from app.exports.debrief.text import count, hm
        from app.services import checkin

        self.view = self.ctx.query(checkin.view, self.action_id)
        tr = ui()
        v = self.view
        self.heading.setText(_("Check-in: {title}").format(title=ui().isolated(v.title)))
        came = sum(1 for p in v.people if p.attended)
        self.total.setText(
            # Translators: the check-in window's count; the plural follows {n}, the people
            # checked in ("1 personne pointée sur 15")
            ngettext("{n} of {total} checked in", "{n} of {total} checked in", came).format(
                n=tr.number(came), total=tr.number(len(v.people))
            )
        )
        self.counts.clear()
        for r in v.roles:
            item = QListWidgetItem(count(tr, r.name, r.attended, r.needed))
            good = r.attended >= r.needed
            item.setForeground(style.success_color(self) if good else style.warning_color(self))
            self.counts.addItem(item)
        self.missing.clear()
        for p in v.missing:
            call = hm(tr, p.call_time, v.timezone) if p.call_time else "—"
            self.missing.addItem(
                _("{time}  {alias} — {roles}").format(
                    time=call, alias=p.alias, roles=tr.join(list(p.roles))
                )
            )
        if not v.missing:
            self.missing.addItem(_("Everybody is here."))
        self._fill_matches()

    def _fill_matches(self, *, keep_current: bool = True) -> None:
        """The people matching what is typed; the first one current, or (after a change of
        the data) the same one as before."""
        from app.exports.debrief.text import hm

        if self.view is None:
            return
        tr = ui()
        item = self.matches.currentItem() if keep_current else None
        keep = item.data(ROLE) if item is not None else None
        self.matches.clear()
        people = self.view.matching(self.search.text())
        for p in people:
            roles = tr.join(list(p.roles))
            if p.attended and p.attended_at is None:  # marked by hand, no time known
                text = _("✓ {alias} — {roles} · checked in").format(alias=p.alias, roles=roles)
            elif p.attended:
                text = _("✓ {alias} — {roles} · checked in {time}").format(
                    alias=p.alias, roles=roles, time=hm(tr, p.attended_at, self.view.timezone)
                )
            elif p.call_time is not None:
                text = _("{alias} — {roles} · call {time}").format(
                    alias=p.alias, roles=roles, time=hm(tr, p.call_time, self.view.timezone)
                )
            else:
                text = _("{alias} — {roles}").format(alias=p.alias, roles=roles)
            item = QListWidgetItem(text)
            item.setData(ROLE, p.participant_id)
            if p.attended:
                item.setForeground(style.muted_color(self))
            self.matches.addItem(item)
        rows = [p.participant_id for p in people]
        self.matches.setCurrentRow(rows.index(keep) if keep in rows else 0)

    def _say(self, text: str, *, ok: bool) -> None:
        color = style.success_color(self) if ok else style.warning_color(self)
        self.status.setStyleSheet(f"color: {style.css(color)};")
        self.status.setText(text)

    def check_in_current(self) -> None:
        from app.exports.debrief.text import hm
        from app.services import checkin

        item = self.matches.currentItem()
        if item is None or not self.search.text().strip():
            self._say(
                _("Nobody matches “{typed}”.").format(
                    typed=ui().isolated(self.search.text().strip())
                )
                if self.search.text().strip()
                else _("Type the first letters of an alias."),
                ok=False,
            )
            return
        pid = item.data(ROLE)
        person = next(p for p in self.view.people if p.participant_id == pid)
        tz = self.view.timezone
        tr = ui()
        if person.attended:
            self._say(
                _("{alias} is already checked in (since {time}); nothing changed.").format(
                    alias=ui().isolated(person.alias), time=hm(tr, person.attended_at, tz)
                )
                if person.attended_at is not None
                else _("{alias} is already checked in; nothing changed.").format(
                    alias=ui().isolated(person.alias)
                ),
                ok=False,
            )
            self.search.selectAll()
            return
        now = self.now() if self.now else None
        done, at = self._run(
            pgettext("undo", "Check in {alias}").format(alias=person.alias),
            lambda s: checkin.check_in(s, action_id=self.action_id, participant_id=pid, now=now),
        )
        if not done:
            return
        self._say(
            _("{alias} checked in at {time} ({roles}).").format(
                alias=ui().isolated(person.alias),
                time=hm(tr, at, tz),
                roles=tr.join([ui().isolated(r) for r in person.roles]),
            ),
            ok=True,
        )

    def _run(self, text: str, op) -> tuple[bool, object]:
        """One check-in step of this window: (done, its result); a refusal is said here, and
        the search box is emptied for the next person."""
        from ui.context import EditFailed

        self._saying = True
        try:
            result = self.ctx.run_op(text, op)
        except EditFailed as exc:
            self._say(str(exc.error), ok=False)
            return False, None
        finally:
            self._saying = False
        self.search.clear()
        return True, result

    def take_back_current(self) -> None:
        """Shift+Enter: the person picked is not here after all (checked in by mistake)."""
        from app.services import checkin

        item = self.matches.currentItem()
        if item is None or not self.search.text().strip():
            self._say(_("Type the first letters of an alias."), ok=False)
            return
        pid = item.data(ROLE)
        person = next(p for p in self.view.people if p.participant_id == pid)
        alias = ui().isolated(person.alias)
        if not person.attended:
            self._say(
                _("{alias} is not checked in; nothing changed.").format(alias=alias), ok=False
            )
            return
        done, _at = self._run(
            pgettext("undo", "Take back the check-in of {alias}").format(alias=person.alias),
            lambda s: checkin.take_back(s, action_id=self.action_id, participant_id=pid),
        )
        if not done:
            return
        self._say(
            _("{alias} is no longer checked in (Ctrl+Z checks them in again).").format(alias=alias),
            ok=True,
        )

    def done(self, result: int) -> None:
        try:
            self.ctx.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


def open_dialog(parent: QWidget | None, ctx, action_id: int | None) -> CheckinDialog | None:
    if action_id is None:
        return None
    from ui.dialog_policy import alive

    old = alive(getattr(parent, "_checkin_dialog", None))  # closed, it was deleted
    if old is not None:
        old.close()
        old.deleteLater()
    dialog = CheckinDialog(parent, ctx, action_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if parent is not None:
        parent._checkin_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.search.setFocus()
    return dialog
