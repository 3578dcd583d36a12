"""Dragging a timeline bar: the body moves the cue, the right edge changes its duration.

The drag snaps to 5 minutes (1 with Shift held) counted from where the bar was, and asks
``cue_retime.preview`` at every step where the cue and its chained followers would go, so the
timeline draws them there as ghosts, or draws the refusal and says why. Nothing is written until
the button is released; Esc cancels. The drop is one operation, pushed by the Schedule tab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from PySide6.QtCore import QRectF, Qt

from app.i18n import _, ngettext, ui
from app.services.cue_retime import Retimed, preview
from app.services.views import ScheduleRow
from ui.tabs._common import fmt_time

SNAP = 5  # minutes, a drag's and Alt+arrow's step
FINE_SNAP = 1  # with Shift held
EDGE = 6  # pixels at a bar's right end that grab its duration


def step_for(modifiers) -> int:
    return FINE_SNAP if modifiers & Qt.KeyboardModifier.ShiftModifier else SNAP


def grab_kind(rect: QRectF, x: float) -> str:
    """``resize`` on the right edge of a bar (never more than a third of it), else ``move``."""
    edge = min(EDGE, rect.width() / 3)
    return "resize" if x >= rect.right() - edge else "move"


def undo_text(row, values: dict, tz) -> str:
    """What a retime does, in words: the undo step's name, and the status line of a drag."""
    if "starts_at" in values:
        # Translators: an undo step; {time} is the new start of the cue.
        return _("Move “{title}” to {time}").format(
            title=row.title, time=fmt_time(values["starts_at"], tz)
        )
    n = values["minutes"]
    # Translators: an undo step; the cue's new duration.
    return ngettext("Make “{title}” last {n} minute", "Make “{title}” last {n} minutes", n).format(
        title=row.title, n=ui().number(n)
    )


@dataclass
class BarDrag:
    """One drag in progress, from the press to the release (or Esc)."""

    row: ScheduleRow
    kind: str  # move | resize
    press_x: float
    seconds_per_px: float
    delta: int = 0  # snapped minutes from the bar's place when pressed
    last_x: float | None = None  # where the pointer was at the last move
    plan: Retimed | None = None
    proposed: dict[int, tuple[datetime, int]] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.plan is not None and not self.plan.ok

    def follow(self, x: float, modifiers, rows, *, action_start, action_end, tz) -> bool:
        """The pointer is at ``x``: recompute the preview; True when it changed."""
        self.last_x = x
        step = step_for(modifiers)
        raw = (x - self.press_x) * self.seconds_per_px / 60
        delta = int(round(raw / step)) * step
        if delta == self.delta and self.plan is not None:
            return False
        self.delta = delta
        if delta == 0:
            self.plan, self.proposed = None, {}
            return True
        start = self.row.starts_at + timedelta(minutes=delta)
        minutes = self.row.minutes + delta
        if self.kind == "move":
            kwargs = {"starts_at": start}
        else:
            kwargs = {"minutes": minutes}
        self.plan = preview(
            rows,
            cue_id=self.row.id,
            action_start=action_start,
            action_end=action_end,
            tz=tz,
            **kwargs,
        )
        by_id = {r.id: r for r in rows}
        if self.plan.ok:
            self.proposed = {
                cid: (
                    self.plan.starts.get(cid, by_id[cid].starts_at),
                    self.plan.minutes.get(cid, by_id[cid].minutes),
                )
                for cid in self.plan.ids
            }
        elif self.kind == "move":
            self.proposed = {self.row.id: (start, self.row.minutes)}
        else:
            self.proposed = {self.row.id: (self.row.starts_at, max(minutes, 1))}
        return True

    def values(self) -> dict:
        """What the drop writes: ``starts_at`` or ``minutes`` (empty: nothing to do)."""
        if self.plan is None or not self.plan.ok or self.row.id not in self.proposed:
            return {}
        start, minutes = self.proposed[self.row.id]
        return {"starts_at": start} if self.kind == "move" else {"minutes": minutes}

    def describe(self, tz) -> str:
        """The status line during the drag: what it does, how many follow, or why not."""
        if self.plan is None:
            return ""
        if not self.plan.ok:
            return self.plan.error
        text = undo_text(self.row, self.values(), tz)
        followers = len(self.proposed) - 1
        if followers:
            text += " · " + ngettext(
                "{n} chained cue moves with it", "{n} chained cues move with it", followers
            ).format(n=ui().number(followers))
        return text + " · " + _("release to apply, Esc to cancel")
