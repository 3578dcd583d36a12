"""What the live screen and the stage display show, as text: computed here, without Qt.

``screen(plan, now)`` turns a ``LivePlan`` and the time into the strings of the caller's screen
(times in the action's zone, through babel). The widgets only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.timeutil import zone
from app.i18n import _, ui
from app.services import live


@dataclass(frozen=True)
class Screen:
    state: str  # ready | running | finished
    title: str
    clock: str  # the time now in the action's zone
    over_under: str
    behind_minutes: int  # > 0 behind plan, < 0 ahead
    position: str = ""  # "Cue 3 of 10"
    current: str = ""
    place: str = ""
    instructions: str = ""
    countdown: str = ""
    overrun: bool = False
    timing: str = ""  # "Started 08:02 · planned 08:00–08:10"
    who: tuple[str, ...] = ()
    props: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    next_title: str = ""
    next_timing: str = ""
    alongside: tuple[str, ...] = field(default_factory=tuple)
    hold: str = ""  # "On hold for 3:12" while a hold runs


def _names(aliases) -> str:
    """Aliases listed inside a sentence of ours, each kept whole (in Arabic a Latin name first
    made the whole line read from the left)."""
    return ui().join([ui().isolated(a) for a in aliases])


def _who(cue: live.LiveCue) -> tuple[str, ...]:
    lines = []
    for role in cue.roles:
        one = ui().isolated
        shown = [
            # Translators: live mode, in "{role}: {aliases}": someone not checked in once
            # check-in has begun ("Raven (not checked in)")
            _("{alias} (not checked in)").format(alias=one(a)) if a in role.absent else one(a)
            for a in role.aliases
        ]
        names = ui().join(shown) if role.aliases else _("nobody yet")
        # Translators: live mode; a role and the aliases of the people in it
        lines.append(_("{role}: {aliases}").format(role=ui().isolated(role.name), aliases=names))
    if cue.people:
        # Translators: live mode; people named on the cue itself, by alias
        lines.append(_("Also: {aliases}").format(aliases=_names(cue.people)))
    return tuple(lines)


def screen(plan: live.LivePlan, now: datetime) -> Screen:
    tz = zone(plan.timezone)

    def t(instant: datetime) -> str:
        return ui().time(instant.astimezone(tz))

    state, index = live.position(plan)
    delta = live.over_under(plan, now)
    spans = live.project(plan, now)
    steps = plan.steps
    base = {
        "state": state,
        "title": plan.title,
        "clock": ui().time(now.astimezone(tz), format="medium"),
        "over_under": live.over_under_text(delta) if steps else "",
        "behind_minutes": live.whole_minutes(delta),
        "alongside": tuple(
            _("{cue} (until {time})").format(cue=ui().isolated(c.title), time=t(spans[c.id].end))
            for c in plan.alongside
            if c.actual_end is None and spans[c.id].end > now
        ),
    }
    nxt = live.upcoming(plan)
    if nxt is not None:
        span = spans[nxt.id]
        base["next_title"] = nxt.title
        if span.start == nxt.starts_at:
            # Translators: live mode, when the next cue starts (as planned)
            base["next_timing"] = _("at {time}, as planned").format(time=t(span.start))
        else:
            # Translators: live mode, the projected start of the next cue and its planned one
            base["next_timing"] = _("at {time} (planned {planned})").format(
                time=t(span.start), planned=t(nxt.starts_at)
            )
    if state == "ready":
        if not steps:
            return Screen(**base, current=_("This action has no cues yet"))
        if index < 0:
            # Translators: live mode before the first cue
            return Screen(**base, current=_("Ready: Space starts the first cue"))
        # Translators: live mode between two cues (the one being called was deleted)
        return Screen(**base, current=_("Ready: Space starts the next cue"))
    if state == "finished":
        last = steps[-1]
        # Translators: live mode after the last cue; {time} is when it ended
        done = _("All cues done (last ended {time})").format(time=t(last.actual_end))
        return Screen(**base, current=done)
    cue = steps[index]
    left = live.remaining(plan, now)
    hold = ""
    if plan.paused_at is not None:
        # Translators: live mode; a hold ("police stopped the cortège") running for {time}
        hold = _("On hold for {time}").format(time=live.clock_text(live.running_hold(plan, now)))
    timing = _("Started {time} · planned {start}–{end}").format(
        time=t(cue.actual_start or now), start=t(cue.starts_at), end=t(cue.planned_end)
    )
    return Screen(
        **base,
        # Translators: live mode, e.g. "Cue 3 of 10"
        position=_("Cue {n} of {count}").format(
            n=ui().number(index + 1), count=ui().number(len(steps))
        ),
        current=cue.title,
        place=cue.place,
        instructions=cue.instructions,
        countdown=live.clock_text(left),
        overrun=left.total_seconds() < 0,
        timing=timing,
        who=_who(cue),
        props=tuple(p.name for p in cue.props),
        warnings=tuple(live.warnings(cue)),
        hold=hold,
    )
