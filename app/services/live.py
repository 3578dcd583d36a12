"""Live mode, computed: the running order, projected times, over/under and warnings.

Pure functions over a ``LivePlan`` (read by ``read_plan``) and a ``now``: nothing here writes,
nothing reads a clock, so every rule is testable without Qt and without waiting.

- **Running order**: the cues by planned start. A cue that runs across the start of two or more
  later cues (the police liaison on duty all morning) runs *alongside*: Space does not step into
  it; it starts with the first cue inside its span and ends with the step that leaves its span.
- **Projection** (planned times are never changed): a cue that ran keeps its actual times; the
  current cue ends ``minutes`` after its actual start, plus its holds (a hold running now
  included), and never before now. A later chained cue starts when the cue it follows is
  projected to end (the chain rules); an unchained one keeps its planned start unless the cue
  before it in the running order is projected to end later (a cue cannot be called before the
  one before it is over); no cue is projected to start before now.
- **Over/under**: the projected end of the current cue (the first before the start, the last
  after the end) minus its planned end; positive is behind plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from app.i18n import _, ngettext, ui

READY_STATES = ("ready", "returned")


@dataclass(frozen=True)
class RoleNeed:
    name: str
    needed: int
    assigned: int
    confirmed: int
    aliases: tuple[str, ...] = ()
    #: once check-in has begun for the action (None before): how many of the role's people
    #: are checked in, and the aliases of those who are not
    checked_in: int | None = None
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class PropNeed:
    name: str
    status: str


@dataclass(frozen=True)
class LiveCue:
    id: int
    title: str
    starts_at: datetime
    minutes: int
    follows_id: int | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    held_seconds: int = 0
    place: str = ""
    instructions: str = ""
    roles: tuple[RoleNeed, ...] = ()
    people: tuple[str, ...] = ()  # aliases named on the cue itself
    props: tuple[PropNeed, ...] = ()

    @property
    def planned_end(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class LivePlan:
    action_id: int
    title: str
    timezone: str
    cues: tuple[LiveCue, ...]
    live_cue_id: int | None = None
    paused_at: datetime | None = None
    incidents: int = 0

    @cached_property
    def _order(self) -> tuple[tuple[LiveCue, ...], tuple[LiveCue, ...]]:
        return running_order(self.cues)

    @property
    def steps(self) -> tuple[LiveCue, ...]:
        return self._order[0]

    @property
    def alongside(self) -> tuple[LiveCue, ...]:
        return self._order[1]

    def cue(self, cue_id: int | None) -> LiveCue | None:
        return next((c for c in self.cues if c.id == cue_id), None)


@dataclass(frozen=True)
class Span:
    start: datetime
    end: datetime


def running_order(cues) -> tuple[tuple[LiveCue, ...], tuple[LiveCue, ...]]:
    """(steps, alongside): the cues Space steps through, and those that run beside them."""
    ordered = sorted(cues, key=lambda c: (c.starts_at, c.id))
    steps, alongside = [], []
    for cue in ordered:
        inside = sum(
            1
            for other in ordered
            if other is not cue and cue.starts_at < other.starts_at < cue.planned_end
        )
        (alongside if inside >= 2 else steps).append(cue)
    return tuple(steps), tuple(alongside)


def position(plan: LivePlan) -> tuple[str, int]:
    """("ready" | "running" | "finished", index of the current step).

    "ready": the index of the last step that ran (-1 before the start); Space starts the one
    after. Without a valid ``live_cue_id`` (the live cue was deleted) the recorded times say
    where the action is, so no actual time is ever recorded twice."""
    steps = plan.steps
    for i, cue in enumerate(steps):
        if cue.id == plan.live_cue_id:
            return "running", i
    started = [i for i, cue in enumerate(steps) if cue.actual_start is not None]
    if not started:
        return "ready", -1
    last = started[-1]
    if steps[last].actual_end is None:
        return "running", last
    if last == len(steps) - 1:
        return "finished", len(steps)
    return "ready", last


def current(plan: LivePlan) -> LiveCue | None:
    state, i = position(plan)
    return plan.steps[i] if state == "running" else None


def upcoming(plan: LivePlan) -> LiveCue | None:
    """The cue Space starts next (None after the last)."""
    state, i = position(plan)
    steps = plan.steps
    nxt = i + 1
    return steps[nxt] if state != "finished" and nxt < len(steps) else None


def running_hold(plan: LivePlan, now: datetime) -> timedelta:
    if plan.paused_at is None:
        return timedelta(0)
    return max(now - plan.paused_at, timedelta(0))


def project(plan: LivePlan, now: datetime) -> dict[int, Span]:
    """The projected start and end of every cue (see the module's rules)."""
    state, ci = position(plan)
    out: dict[int, Span] = {}
    for cue in plan.alongside:
        start = cue.actual_start or cue.starts_at
        out[cue.id] = Span(start, cue.actual_end or start + timedelta(minutes=cue.minutes))
    prev_end: datetime | None = None
    for i, cue in enumerate(plan.steps):
        held = timedelta(seconds=cue.held_seconds)
        if cue.actual_start is not None and (i <= ci or state == "finished"):
            start = cue.actual_start
            if cue.actual_end is not None:
                end = cue.actual_end
            else:
                end = start + timedelta(minutes=cue.minutes) + held
                if i == ci:
                    end = max(end + running_hold(plan, now), now)
        else:
            pred = out.get(cue.follows_id) if cue.follows_id is not None else None
            if pred is not None:
                start = pred.end
            else:
                start = cue.starts_at if prev_end is None else max(cue.starts_at, prev_end)
            if state != "finished":
                start = max(start, now)
            end = start + timedelta(minutes=cue.minutes)
        out[cue.id] = Span(start, end)
        prev_end = end
    return out


def reference(plan: LivePlan) -> LiveCue | None:
    """The cue over/under is measured on: the current, else the first or the last."""
    state, i = position(plan)
    steps = plan.steps
    if not steps:
        return None
    if state == "running":
        return steps[i]
    return steps[-1] if state == "finished" else steps[i + 1]


def over_under(plan: LivePlan, now: datetime) -> timedelta:
    """How far behind plan (positive) or ahead (negative) the action runs."""
    cue = reference(plan)
    if cue is None:
        return timedelta(0)
    return project(plan, now)[cue.id].end - cue.planned_end


def whole_minutes(delta: timedelta) -> int:
    seconds = delta.total_seconds()
    return int((abs(seconds) + 30) // 60) * (1 if seconds >= 0 else -1)


def over_under_text(delta: timedelta) -> str:
    """'4 min behind plan', '2 min ahead of plan', 'On plan' (whole minutes)."""
    minutes = whole_minutes(delta)
    if minutes == 0:
        # Translators: live mode, the action runs as planned (to the minute)
        return _("On plan")
    duration = ui().duration(abs(minutes))
    if minutes > 0:
        # Translators: live mode; {duration} is e.g. "4 min"
        return _("{duration} behind plan").format(duration=duration)
    # Translators: live mode; {duration} is e.g. "4 min"
    return _("{duration} ahead of plan").format(duration=duration)


def remaining(plan: LivePlan, now: datetime) -> timedelta | None:
    """Time left in the current cue (negative once it overruns); None when none runs."""
    cue = current(plan)
    if cue is None:
        return None
    start = cue.actual_start or now
    end = start + timedelta(minutes=cue.minutes, seconds=cue.held_seconds)
    end += running_hold(plan, now)  # a hold freezes the countdown
    return end - now


def clock_text(delta: timedelta) -> str:
    """A countdown: '12:05', '1:02:09', '−0:42' with the locale's digits and minus sign.

    In a right-to-left language it starts with a right-to-left mark: a countdown has no letter
    to say which side it reads from, and Arabic's minus sign starts with a left-to-right mark
    (the minus stays left of the digits), which set the countdown at the left of the Arabic
    screen, apart from the cue's other lines.
    """
    from babel.numbers import format_decimal, get_minus_sign_symbol

    lang = ui().lang
    seconds = int(delta.total_seconds())
    sign = get_minus_sign_symbol(lang) if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)

    def two(n: int) -> str:
        return format_decimal(n, format="00", locale=lang)

    if hours:
        body = f"{format_decimal(hours, locale=lang)}:{two(minutes)}:{two(secs)}"
    else:
        body = f"{format_decimal(minutes, locale=lang)}:{two(secs)}"
    return ("\u200f" if ui().document_direction == "rtl" else "") + sign + body


def _short(role: RoleNeed, count: int, message: str) -> str:
    name = ui().isolated  # a Latin name first must not turn an Arabic line
    return message.format(
        role=name(role.name), count=ui().number(count), needed=ui().number(role.needed)
    )


def warnings(cue: LiveCue) -> list[str]:
    """What is short for ``cue``: roles with fewer people than needed, props not ready."""
    name = ui().isolated
    out = []
    for role in cue.roles:
        if role.assigned < role.needed:
            # Translators: live mode warning, e.g. "Pallbearer: 3 of 4 assigned"; the
            # form follows {count} (French "1 affecté·e sur 4", "3 affecté·es sur 4")
            said = ngettext(
                "{role}: {count} of {needed} assigned",
                "{role}: {count} of {needed} assigned",
                role.assigned,
            )
            out.append(_short(role, role.assigned, said))
        elif role.confirmed < role.needed:
            # Translators: live mode warning, e.g. "Pallbearer: 3 of 4 confirmed"; the
            # form follows {count} (Italian "1 confermato su 4", "3 confermati su 4")
            said = ngettext(
                "{role}: {count} of {needed} confirmed",
                "{role}: {count} of {needed} confirmed",
                role.confirmed,
            )
            out.append(_short(role, role.confirmed, said))
        elif role.checked_in is not None and role.checked_in < role.needed:
            # Translators: live mode warning once check-in has begun, e.g. "Pallbearer: 2
            # of 4 checked in"; the form follows {count}
            said = ngettext(
                "{role}: {count} of {needed} checked in",
                "{role}: {count} of {needed} checked in",
                role.checked_in,
            )
            out.append(_short(role, role.checked_in, said))
    for prop in cue.props:
        if prop.status not in READY_STATES:
            # Translators: live mode warning; {prop} is a prop's name
            out.append(_("Prop not ready: {prop}").format(prop=name(prop.name)))
    return out


# --- what each key writes (applied by app.services.live_ops) --------------------------------

#: {("cue" | "action", id): {field: new value}}
Writes = dict[tuple[str, int], dict]


def _end_hold(plan: LivePlan, now: datetime, writes: Writes) -> None:
    cue = current(plan)
    if plan.paused_at is None:
        return
    writes[("action", plan.action_id)] = {"live_paused_at": None}
    if cue is not None:
        held = cue.held_seconds + int(running_hold(plan, now).total_seconds())
        writes.setdefault(("cue", cue.id), {})["held_seconds"] = held


def advance_writes(plan: LivePlan, now: datetime) -> Writes:
    """Space: the current cue ends now, the next starts now (cues alongside follow)."""
    state, i = position(plan)
    if state == "finished" or not plan.steps:
        return {}
    writes: Writes = {}
    _end_hold(plan, now, writes)
    steps = plan.steps
    if state == "running":
        writes.setdefault(("cue", steps[i].id), {})["actual_end"] = now
    nxt = steps[i + 1] if i + 1 < len(steps) else None
    action = writes.setdefault(("action", plan.action_id), {})
    action["live_cue_id"] = nxt.id if nxt is not None else None
    if nxt is not None:
        writes.setdefault(("cue", nxt.id), {}).update(
            actual_start=now, actual_end=None, held_seconds=0
        )
    for cue in plan.alongside:
        if cue.actual_start is None and nxt is not None and cue.starts_at <= nxt.starts_at:
            writes[("cue", cue.id)] = {"actual_start": now}
        elif cue.actual_start is not None and cue.actual_end is None:
            if nxt is None or nxt.starts_at >= cue.planned_end:
                writes[("cue", cue.id)] = {"actual_end": now}
    return writes


def back_writes(plan: LivePlan, now: datetime) -> Writes:
    """Backspace: take back the last advance (the cue before runs again)."""
    state, i = position(plan)
    steps = plan.steps
    if state == "ready" and i < 0:
        return {}
    writes: Writes = {}
    _end_hold(plan, now, writes)
    if state == "running":
        here = steps[i]
        marker = here.actual_start
        writes.setdefault(("cue", here.id), {}).update(actual_start=None, held_seconds=0)
        prev = steps[i - 1] if i > 0 else None
    else:  # after the last cue, or between two: the one that ran last runs again
        prev = steps[-1] if state == "finished" else steps[i]
        marker = prev.actual_end
    action = writes.setdefault(("action", plan.action_id), {})
    action["live_cue_id"] = prev.id if prev is not None else None
    if prev is not None:
        writes.setdefault(("cue", prev.id), {})["actual_end"] = None
    for cue in plan.alongside:
        if marker is not None and cue.actual_start == marker:
            writes[("cue", cue.id)] = {"actual_start": None, "actual_end": None}
        elif marker is not None and cue.actual_end == marker:
            writes[("cue", cue.id)] = {"actual_end": None}
    return writes


def hold_writes(plan: LivePlan, now: datetime) -> Writes:
    """P: start a hold, or end the one running (its length is added to the current cue)."""
    if plan.paused_at is not None:
        writes: Writes = {}
        _end_hold(plan, now, writes)
        return writes
    if current(plan) is None:
        return {}
    return {("action", plan.action_id): {"live_paused_at": now}}
