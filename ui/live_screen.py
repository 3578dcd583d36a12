"""Live mode (View → Live, F11): the caller's full-screen screen for the day itself.

Black on white with big type, sized from the screen's height, so it reads at arm's length on
a laptop in daylight. Keys: Space starts the next cue, Backspace goes back one, P starts or ends
a hold, I logs an incident, Ctrl+Z / Ctrl+Shift+Z undo and redo, Esc (or F11) leaves. Each key
is one service operation (``app.services.live_ops``) committed at once and one undo step; what
is shown is computed by ``app.services.live_view`` from the database and the window's clock,
so another organiser's advance (team mode) shows here as soon as it arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ui
from app.services import live_ops
from app.services.live_view import Screen, screen
from ui import settings_store

SOUND_KEY = "live/sound"
INK = "#000000"
PAPER = "#ffffff"
BEHIND = "#b00020"
AHEAD = "#0b6b2b"
WARN_BG = "#ffd60a"
MUTED = "#3a3a3a"
WATCHED = ("*", "cue", "action", "role", "assignment", "prop", "participant", "incident")


def sound_enabled() -> bool:
    """The optional quiet sound when a cue starts with a warning: off unless switched on."""
    return settings_store.flag(SOUND_KEY, False)


def set_sound_enabled(on: bool) -> None:
    settings_store.set_flag(SOUND_KEY, on)


def _label(name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label


#: Keys the live screen handles itself though the main window has them as shortcuts.
_OWN_KEYS = {
    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y).toCombined(),
    QKeyCombination(
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_K
    ).toCombined(),
}


class LiveBase(QWidget):
    """What the caller's screen and the stage display share: the plan, the clock, refreshes."""

    def __init__(self, window, name: str) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName(name)
        self.main = window
        self.store = None  # the database it shows: another one opened closes this window
        self.action_id: int | None = None
        self.plan = None
        self.shown: Screen | None = None
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"background: {PAPER}; color: {INK};")
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)  # the countdown and the clock move every second
        self.ticker.timeout.connect(self.render)
        window.ctx.changed.connect(self._on_changed)
        window.installEventFilter(self)  # the main window closes: so does this one

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.main and event.type() == QEvent.Type.Close and self.isVisible():
            self.close()
        return False

    def now(self):
        return self.main.now()

    def open_on(self, action_id: int) -> None:
        self.action_id = action_id
        self.store = self.main.ctx.store
        self.reload()
        self.ticker.start()

    def reload(self) -> None:
        if self.action_id is None or self.main.ctx.store is None:
            return
        from app.domain.errors import NotFoundError

        try:
            self.plan = self.main.ctx.query(live_ops.read_plan, self.action_id)
        except NotFoundError:
            self.close()
            return
        self.render()

    def _on_changed(self, change) -> None:
        if not self.isVisible() or self.action_id is None:
            return
        if self.main.ctx.store is not self.store:  # another database: nothing of this one
            self.close()
            return
        if change.entity in WATCHED and change.action_id in (None, self.action_id):
            self.reload()

    def render(self) -> None:
        if self.plan is not None:
            self.shown = screen(self.plan, self.now())
            self.show_screen(self.shown)

    def show_screen(self, s: Screen) -> None:  # pragma: no cover - subclasses
        """The caller's screen and the stage display each draw ``s`` their own way."""
        raise TypeError(f"{type(self).__name__} does not draw a live screen")

    def sized(self, label: QLabel, share: float, *, bold: bool = False, lines: int = 0) -> None:
        """Type ``share`` of the window's height; with ``lines``, smaller until the text fits
        in that many lines (a long title in any script is never cut off)."""
        font = label.font()
        font.setBold(bold)
        size = max(12, int(self.height() * share))
        width = label.width() if label.width() > 50 else int(self.width() * 0.55)
        while True:
            font.setPixelSize(size)
            if not lines or size <= 12:
                break
            metrics = QFontMetrics(font)
            box = metrics.boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), label.text()
            )
            if box.height() <= metrics.lineSpacing() * lines and box.width() <= width:
                break
            size = max(12, int(size * 0.9))
        label.setFont(font)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.ticker.stop()
        super().closeEvent(event)


class LiveScreen(LiveBase):
    def __init__(self, window) -> None:
        super().__init__(window, "live_screen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.top_title = _label("live_title", self)
        self.clock = _label("live_clock", self, wrap=False)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.over_under = _label("live_over_under", self, wrap=False)
        self.over_under.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position = _label("live_position", self, wrap=False)
        self.current = _label("live_current", self)
        self.place = _label("live_place", self)
        self.countdown = _label("live_countdown", self, wrap=False)
        self.timing = _label("live_timing", self)
        self.hold = _label("live_hold", self)
        self.hold.setStyleSheet(f"background: {BEHIND}; color: {PAPER}; padding: 4px;")
        self.warnings = _label("live_warnings", self)
        self.warnings.setStyleSheet(f"background: {WARN_BG}; color: {INK}; padding: 6px;")
        self.who = _label("live_who", self)
        self.props = _label("live_props", self)
        self.next_head = _label("live_next_head", self, wrap=False)
        self.next_title = _label("live_next", self)
        self.next_timing = _label("live_next_timing", self)
        self.alongside = _label("live_alongside", self)
        self.message = _label("live_message", self)
        self.keys = _label("live_keys", self)
        self.message_timer = QTimer(self)
        self.message_timer.setSingleShot(True)
        self.message_timer.setInterval(8000)
        self.message_timer.timeout.connect(self.message.clear)
        self.sound = QCheckBox(self)
        self.sound.setObjectName("live_sound")
        self.sound.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the GO key
        self.sound.setChecked(sound_enabled())
        self.sound.toggled.connect(set_sound_enabled)
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.top_title, 3)
        top.addWidget(self.over_under, 2)
        top.addWidget(self.clock, 1)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet(f"color: {INK}; background: {INK};")
        rule.setFixedHeight(3)
        now = QVBoxLayout()
        now.addWidget(self.position)
        now.addWidget(self.current)
        now.addWidget(self.place)
        now.addWidget(self.countdown)
        now.addWidget(self.timing)
        now.addWidget(self.hold)
        now.addWidget(self.warnings)
        now.addWidget(self.who)
        now.addWidget(self.props)
        now.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.next_head)
        side.addWidget(self.next_title)
        side.addWidget(self.next_timing)
        side.addSpacing(24)
        side.addWidget(self.alongside)
        side.addStretch(1)
        body = QGridLayout()
        body.addLayout(now, 0, 0)
        body.addLayout(side, 0, 1)
        body.setColumnStretch(0, 3)
        body.setColumnStretch(1, 2)
        body.setHorizontalSpacing(48)
        foot = QHBoxLayout()
        foot.addWidget(self.keys, 1)
        foot.addWidget(self.sound, 0)
        page = QVBoxLayout(self)
        page.setContentsMargins(32, 24, 32, 16)
        page.addLayout(top)
        page.addWidget(rule)
        page.addLayout(body, 1)
        page.addWidget(self.message)
        page.addLayout(foot)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Live mode"))
        # Translators: live mode, the heading over the cue that comes after the current one
        self.next_head.setText(_("NEXT"))
        self.keys.setText(
            ui().sentence(
                # Translators: live mode's key hints (the key names stay as on the keyboard)
                _(
                    "Space: next cue · Backspace: back · P: hold · I: incident · "
                    "Ctrl+Z: undo · Ctrl+Shift+K: check-in · Esc: leave"
                )
            )
        )
        self.sound.setText(_("Sound on warnings"))
        self.render()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_titles()
        for label, share, bold in (
            (self.top_title, 0.035, True),
            (self.clock, 0.05, True),
            (self.over_under, 0.045, True),
            (self.position, 0.03, False),
            (self.place, 0.036, False),
            (self.countdown, 0.2, True),
            (self.timing, 0.032, False),
            (self.hold, 0.045, True),
            (self.warnings, 0.036, True),
            (self.who, 0.036, False),
            (self.props, 0.036, False),
            (self.next_head, 0.03, True),
            (self.next_timing, 0.036, False),
            (self.alongside, 0.028, False),
            (self.message, 0.028, True),
            (self.keys, 0.022, False),
            (self.sound, 0.022, False),  # it was the style's 11 px, unreadable at arm's length
        ):
            self.sized(label, share, bold=bold)

    def _fit_titles(self) -> None:
        self.sized(self.current, 0.075, bold=True, lines=3)
        self.sized(self.next_title, 0.05, bold=True, lines=2)

    # --- showing ------------------------------------------------------------------------------
    def show_screen(self, s: Screen) -> None:
        fit = (s.current, s.next_title) != (self.current.text(), self.next_title.text())
        # "Père-" / "Lachaise": a hyphen is not where the action's name breaks
        self.top_title.setText(s.title.replace("-", "\u2011"))
        self.clock.setText(s.clock)
        self.over_under.setText(s.over_under)
        colour = BEHIND if s.behind_minutes > 0 else AHEAD
        self.over_under.setStyleSheet(f"color: {colour};")
        self.position.setText(s.position)
        self.current.setText(s.current)
        self.place.setText(s.place)
        self.place.setVisible(bool(s.place))
        self.countdown.setText(s.countdown)
        self.countdown.setVisible(bool(s.countdown))
        self.countdown.setStyleSheet(f"color: {BEHIND if s.overrun else INK};")
        self.timing.setText(s.timing)
        self.hold.setText(s.hold)
        self.hold.setVisible(bool(s.hold))
        self.warnings.setText("\n".join(f"⚠ {w}" for w in s.warnings))
        self.warnings.setVisible(bool(s.warnings))
        self.who.setText("\n".join(s.who))
        self.who.setVisible(bool(s.who))
        # Translators: live mode; the props the current cue needs
        props = _("Props: {props}").format(props=ui().comma_list(s.props)) if s.props else ""
        self.props.setText(props)
        self.props.setVisible(bool(props))
        self.next_head.setVisible(bool(s.next_title))
        self.next_title.setText(s.next_title)
        self.next_timing.setText(s.next_timing)
        # Translators: live mode; cues that run beside the others (the police liaison on duty)
        along = _("Also running:") + "\n" + "\n".join(s.alongside) if s.alongside else ""
        self.alongside.setText(along)
        self.alongside.setVisible(bool(along))
        if fit:
            self._fit_titles()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message_timer.start()  # the message goes after a while (the timer dies with us)

    # --- keys ---------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Undo, redo and check-in are the main window's shortcuts too: here they are this
        # screen's (its keys are live steps only, and check-in opens over it)
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination().toCombined() in _OWN_KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_step(redo=False)
        elif event.matches(QKeySequence.StandardKey.Redo) or (
            key == Qt.Key.Key_Y and mods == Qt.KeyboardModifier.ControlModifier
        ):
            self.undo_step(redo=True)
        elif key == Qt.Key.Key_K and mods == (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            self.open_checkin()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
        elif plain and key == Qt.Key.Key_Space:
            self.advance()
        elif plain and key == Qt.Key.Key_Backspace:
            self.back()
        elif plain and key == Qt.Key.Key_P:
            self.hold_or_resume()
        elif plain and key == Qt.Key.Key_I:
            self.add_incident()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- undo: live steps only --------------------------------------------------------------
    # The window has one undo history: Ctrl+Z here undid a latecomer's check-in made in the
    # check-in window, or went on past the start of the run into the plan's edits, unseen.
    def mark_step(self) -> None:
        """The step just pushed was made on this screen (Space, Backspace, P, I)."""
        stack = self.main.ctx.undo_stack
        command = stack.command(stack.index() - 1)
        if command is not None:
            command.live_step = True

    def undo_step(self, *, redo: bool) -> None:
        stack = self.main.ctx.undo_stack
        command = stack.command(stack.index() if redo else stack.index() - 1)
        if command is None:
            self.say(_("Nothing to redo") if redo else _("Nothing to undo"))
            return
        text = command.text()
        if not getattr(command, "live_step", False):
            step = ui().isolated(text)
            self.say(
                # Translators: live mode; Ctrl+Z (or Ctrl+Shift+Z) met a change made elsewhere
                _("“{step}” was not done on this screen: redo it in the main window (Esc).")
                if redo
                else _("“{step}” was not done on this screen: undo it in the main window (Esc).")
            .format(step=step))  # fmt: skip
            return
        before = stack.index()
        if redo:
            self.main.redo()
        else:
            self.main.undo()
        if stack.index() == before:
            return  # refused (a colleague changed it since): the window said why
        self.say(
            # Translators: live mode, after Ctrl+Z / Ctrl+Shift+Z: the step taken back or again
            (_("Redone: {step}") if redo else _("Undone: {step}")).format(step=ui().isolated(text))
        )

    def open_checkin(self) -> None:
        """Ctrl+Shift+K: the check-in window, over this screen (it opened behind it)."""
        from ui.dialogs.checkin import open_dialog

        open_dialog(self, self.main.ctx, self.action_id)

    def _run(self, text: str, op) -> bool:
        from ui.context import EditFailed
        from ui.widgets.field_error import problem_text

        now = self.now()
        action_id = self.action_id
        try:
            self.main.ctx.run_op(text, lambda session: op(session, action_id, now=now))
        except EditFailed as exc:
            if not exc.shown:
                from ui.dialogs.error_dialog import as_sentence

                # "The last cue has ended: …", not a service's lower-case fragment
                self.say(as_sentence(problem_text(exc.error)))
            return False
        self.mark_step()
        self.message.clear()
        return True

    def advance(self) -> None:
        if not self._first_space_meant():
            return
        # Translators: an undo step: live mode started the next cue
        if self._run(_("Live: next cue"), live_ops.advance):
            self._sound_if_warned()

    def _first_space_meant(self) -> bool:
        """The first Space more than an hour from the first cue's planned start asks first:
        ten days early it recorded the start ("240 hr ahead of plan"), and a rehearsal the
        evening before came back on the day as a red -15:10:00 beside "35 min ahead"."""
        from datetime import timedelta

        from PySide6.QtWidgets import QMessageBox

        from app.domain.timeutil import zone
        from app.services import live

        plan = self.plan
        if plan is None or not plan.steps or live.position(plan) != ("ready", -1):
            return True
        first, now = plan.steps[0], self.now()
        if abs(now - first.starts_at) <= timedelta(hours=1):
            return True
        tz, tr = zone(plan.timezone), ui()
        text = _(
            "“{cue}” is planned for {planned}; it is now {now}. Space records its start "
            "now, in the plan's record of the day (Backspace takes it back)."
        ).format(
            cue=tr.isolated(first.title),
            planned=tr.day_and_time(first.starts_at.astimezone(tz)),
            now=tr.day_and_time(now.astimezone(tz)),
        )
        if tr.document_direction == "rtl":  # it opens with the cue's Latin title in quotes
            text = "\u200f" + text
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Start the day's record now?"),
            text,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("live_first_space")
        start = box.addButton(_("Start now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(box.button(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is start

    def back(self) -> None:
        # Translators: an undo step: live mode went back one cue
        self._run(_("Live: back one cue"), live_ops.back)

    def hold_or_resume(self) -> None:
        paused = self.plan is not None and self.plan.paused_at is not None
        # Translators: undo steps: live mode started or ended a hold
        self._run(_("Live: end of hold") if paused else _("Live: hold"), live_ops.hold)

    def add_incident(self) -> None:
        from ui.live_incident import ask_incident

        ask_incident(self)

    def _sound_if_warned(self) -> None:
        if self.shown is not None and self.shown.warnings and sound_enabled():
            QApplication.beep()


def open_live(window) -> LiveScreen | None:
    """View → Live: the caller's screen on the action shown, full screen, at its live cue."""
    if window.action_id is None or window.ctx.store is None:
        return None
    screen_ = getattr(window, "live_screen", None)
    if screen_ is None:
        screen_ = window.live_screen = LiveScreen(window)
    screen_.open_on(window.action_id)
    screen_.showFullScreen()
    screen_.raise_()
    screen_.activateWindow()
    screen_.setFocus()
    return screen_
