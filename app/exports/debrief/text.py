"""The debrief's words, shared by the page in the window and the PDF: one Translator each (the
window's UI language, the document's action language)."""

from __future__ import annotations

from datetime import datetime

from app.domain.timeutil import zone
from app.i18n import N_, Translator

CONDITIONS = {
    # Translators: how a prop came back from the action (the debrief); empty: not known yet
    "": N_("not checked"),
    "intact": N_("intact"),
    "damaged": N_("damaged"),
    "lost": N_("lost"),
}


def condition(tr: Translator, value: str) -> str:
    # marked with N_ (no context), so looked up without one: a context here missed the catalogue
    return tr.gettext(CONDITIONS.get(value, value))


def hm(tr: Translator, instant: datetime | None, tz: str) -> str:
    if instant is None:
        return "—"
    return tr.time(instant.astimezone(zone(tz)), "short")


def actual_span(tr: Translator, run, tz: str) -> str:
    """'09:32–09:43' as it ran; '09:32–' while its end is not recorded; '—' not started."""
    if run.actual_start is None:
        return "—"
    start = hm(tr, run.actual_start, tz)
    if run.actual_end is None:
        return tr.gettext("from {start}").format(start=start)
    return tr.gettext("{start}–{end}").format(start=start, end=hm(tr, run.actual_end, tz))


def started(tr: Translator, minutes: int | None) -> str:
    """How a cue's start compared with plan: '5 min late', '2 min early', 'on time'."""
    if minutes is None:
        return "—"
    if minutes > 0:
        return tr.gettext("{duration} late").format(duration=tr.duration(minutes))
    if minutes < 0:
        return tr.gettext("{duration} early").format(duration=tr.duration(-minutes))
    # Translators: a cue started at the planned minute
    return tr.pgettext("cue start", "on time")


def overrun(tr: Translator, minutes: int | None) -> str:
    """How a cue's end compared with plan: 'overran by 5 min', 'ended 3 min early'."""
    if minutes is None:
        return "—"
    if minutes > 0:
        return tr.gettext("overran by {duration}").format(duration=tr.duration(minutes))
    if minutes < 0:
        return tr.gettext("ended {duration} early").format(duration=tr.duration(-minutes))
    # Translators: a cue ended at the planned minute
    return tr.pgettext("cue end", "on time")


def ending(tr: Translator, cue) -> str:
    """The overrun of ``cue`` (a CueRun), and how long it was held when it was: 'overran by
    17 min (held 11 min)' — the hold explains the overrun."""
    if getattr(cue, "skipped", False):
        # Translators: the debrief's "ended" cell of a cue the caller went past (Space twice)
        return tr.pgettext("cue end", "skipped")
    text = overrun(tr, cue.overrun)
    held = getattr(cue, "held_seconds", 0) or 0
    if held <= 0:
        return text
    minutes = max(1, round(held / 60))
    # Translators: the debrief's "ended" cell of a cue the caller held (P): its overrun, then
    # how long it was held ("overran by 17 min (held 11 min)")
    return tr.gettext("{overrun} (held {duration})").format(
        overrun=text, duration=tr.duration(minutes)
    )


def attended(tr: Translator, n: int) -> str:
    """'3 attended': each count of a turnout has its own word, which agrees with that count
    (Italian "1 presente", "3 presenti")."""
    # Translators: one count of a role's turnout, put into "{role}: {attended} / …"
    return tr.npgettext("turnout", "{n} attended", "{n} attended", n).format(n=tr.number(n))


def confirmed(tr: Translator, n: int) -> str:
    """'4 confirmed' (French "1 confirmé·e", "4 confirmé·es")."""
    # Translators: one count of a role's turnout, put into "{role}: … / {confirmed} / …"
    return tr.npgettext("turnout", "{n} confirmed", "{n} confirmed", n).format(n=tr.number(n))


def needed(tr: Translator, n: int) -> str:
    """'4 needed' (Spanish "1 necesaria", "4 necesarias")."""
    # Translators: one count of a role's turnout, put into "… / {needed}"
    return tr.npgettext("turnout", "{n} needed", "{n} needed", n).format(n=tr.number(n))


def turnout_line(tr: Translator, role: str, came: int, sure: int, wanted: int) -> str:
    """'Pallbearer: 3 attended / 4 confirmed / 4 needed'."""
    # Translators: a role's turnout; {attended}, {confirmed} and {needed} are counts with
    # their words, e.g. "3 attended", "4 confirmed", "4 needed"
    return tr.gettext("{role}: {attended} / {confirmed} / {needed}").format(
        role=role,
        attended=attended(tr, came),
        confirmed=confirmed(tr, sure),
        needed=needed(tr, wanted),
    )


def turnout_total(tr: Translator, came: int, wanted: int) -> str:
    """'In all: 12 attended of 14 needed' (the debrief PDF's total)."""
    # Translators: the debrief's total; {attended} and {needed} are counts with their words,
    # e.g. "12 attended", "14 needed"
    return tr.gettext("In all: {attended} of {needed}").format(
        attended=attended(tr, came), needed=needed(tr, wanted)
    )


def count(tr: Translator, role: str, attended: int, needed: int) -> str:
    """The check-in's count: 'Pallbearer 3/4'."""
    # Translators: a role's check-in count, people there out of people needed: "Pallbearer 3/4"
    return tr.gettext("{role} {attended}/{needed}").format(
        role=role, attended=tr.number(attended), needed=tr.number(needed)
    )


def incident_lead(tr: Translator, when: str, cue: str) -> str:
    """'10:12 (Eulogy for privacy)': an incident's time and the cue it happened during."""
    # Translators: an incident's time, then the cue it happened during
    return tr.gettext("{time} ({cue})").format(time=when, cue=cue) if cue else when
