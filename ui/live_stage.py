"""View → Stage display: a read-only second window for the others (stewards, speakers): the
current cue, its countdown and the next cue, nothing else, and no key changes anything.

On a second screen when one is connected (full screen there), else a window beside the main
one. It follows the live position from the database, so the caller's advances, from this
window or another organiser's, show at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout

from app.i18n import _
from app.services.live_view import Screen
from ui.live_screen import BEHIND, INK, LiveBase, _label


class StageDisplay(LiveBase):
    def __init__(self, window) -> None:
        super().__init__(window, "stage_display")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clock = _label("stage_clock", self, wrap=False)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.current = _label("stage_current", self)
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = _label("stage_countdown", self, wrap=False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hold = _label("stage_hold", self)
        self.hold.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_line = _label("stage_next", self)
        self.next_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 16, 32, 32)
        lay.addWidget(self.clock)
        lay.addStretch(1)
        lay.addWidget(self.current)
        lay.addWidget(self.countdown)
        lay.addWidget(self.hold)
        lay.addStretch(1)
        lay.addWidget(self.next_line)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Stage display"))
        self.render()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.sized(self.current, 0.09, bold=True, lines=2)
        for label, share, bold in (
            (self.clock, 0.05, True),
            (self.countdown, 0.28, True),
            (self.hold, 0.06, True),
            (self.next_line, 0.055, False),
        ):
            self.sized(label, share, bold=bold)

    def show_screen(self, s: Screen) -> None:
        self.clock.setText(s.clock)
        title = s.current
        if s.state == "ready":
            # Translators: the stage display before a cue is called (no keys are shown there)
            title = _("Starting soon")
        if title != self.current.text():
            self.current.setText(title)
            self.sized(self.current, 0.09, bold=True, lines=2)
        self.countdown.setText(s.countdown)
        self.countdown.setVisible(bool(s.countdown))
        self.countdown.setStyleSheet(f"color: {BEHIND if s.overrun else INK};")
        self.hold.setText(s.hold)
        self.hold.setVisible(bool(s.hold))
        self.hold.setStyleSheet(f"color: {BEHIND};")
        if s.next_title:
            # Translators: the stage display's last line: the next cue and when it starts
            line = _("Next: {cue}, {when}").format(cue=s.next_title, when=s.next_timing)
        else:
            line = ""
        self.next_line.setText(line)


def open_stage(window) -> StageDisplay | None:
    """View → Stage display: on a second screen if there is one."""
    if window.action_id is None or window.ctx.store is None:
        return None
    stage = getattr(window, "stage_display", None)
    if stage is None:
        stage = window.stage_display = StageDisplay(window)
    stage.open_on(window.action_id)
    here = window.screen()
    others = [s for s in QGuiApplication.screens() if s is not here]
    if others:
        stage.setScreen(others[0])
        stage.setGeometry(others[0].geometry())
        stage.showFullScreen()
    else:
        stage.resize(960, 540)
        stage.show()
    stage.raise_()
    return stage
