"""The bundle's additions of the day itself (#19; format version 1, additive keys).

``action.lessons`` (text), ``assignments[].attended_at`` (instant), ``props[].condition``
(``intact``/``damaged``/``lost``), ``schedule[].actual_start`` / ``actual_end`` (instants),
``schedule[].held_seconds`` (how long the caller held the action during that cue, whole seconds),
``incidents`` ([{at, cue, text}], ``cue`` a schedule key or null) and ``coverage``
([{outlet, link, note, published_on}]). Each is written only when it says something, so the
bundle of a plan before its day is the same file as before. Nothing here is personal data: the
people stay aliases; an incident's text is the organisers' own log.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.enums import PropCondition, values
from app.services.fields import ENTITY_FIELDS
from app.services.fields import Field as F

TOP = {"incidents", "coverage"}
ACTION = {"lessons"}
ASSIGNMENT = {"attended_at"}
PROP = {"condition"}
CUE = {"actual_start", "actual_end", "held_seconds"}
#: a hold lasts at most as long as the longest cue (a week), in seconds
MAX_HELD_SECONDS = 10_080 * 60
INCIDENT = {"at", "cue", "text"}
COVERAGE = {"outlet", "link", "note", "published_on"}
CONDITIONS = tuple(v for v in values(PropCondition) if v)


def extend(top: set, action: set, assignment: set, prop: set, cue: set) -> tuple[set, ...]:
    """The reader's sets of known keys with these additions."""
    return top | TOP, action | ACTION, assignment | ASSIGNMENT, prop | PROP, cue | CUE


# --- writing ---------------------------------------------------------------------------------


def write_day(out: dict, action: m.Action, t) -> None:
    """Add the day's keys to the bundle dict ``out`` of ``action`` (``t``: instant -> text)."""
    if action.lessons:
        out["action"]["lessons"] = action.lessons
    role_key = {r.id: r.key for r in action.roles}
    people = {p["alias"]: p["key"] for p in out["participants"]}
    attended_at = {
        (people.get(a.participant.alias), role_key[a.role_id]): a.attended_at
        for a in action.assignments
        if a.attended_at is not None
    }
    for row in out["assignments"]:
        at = attended_at.get((row["participant"], row["role"]))
        if at is not None:
            row["attended_at"] = t(at)
    condition = {p.key: p.condition for p in action.props if p.condition}
    for row in out["props"]:
        if row["key"] in condition:
            row["condition"] = condition[row["key"]]
    cues = {c.key: c for c in action.cues}
    for row in out["schedule"]:
        cue = cues[row["key"]]
        if cue.actual_start is not None:
            row["actual_start"] = t(cue.actual_start)
        if cue.actual_end is not None:
            row["actual_end"] = t(cue.actual_end)
        if cue.held_seconds:
            row["held_seconds"] = cue.held_seconds
    cue_key = {c.id: c.key for c in action.cues}
    if action.incidents:
        out["incidents"] = [
            {"at": t(i.at), "cue": cue_key.get(i.cue_id), "text": i.text} for i in action.incidents
        ]
    if action.coverage:
        out["coverage"] = [
            {
                "outlet": c.outlet,
                "link": c.link,
                "note": c.note,
                "published_on": None if c.published_on is None else c.published_on.isoformat(),
            }
            for c in action.coverage
        ]


# --- reading ---------------------------------------------------------------------------------


def _rows(data: dict, name: str) -> list:
    items = data.get(name)
    return items if isinstance(items, list) else []


def read_day(r, data: dict, plan: dict, known_cues: set[str]) -> None:
    """Check the day's keys (problems go to the reader ``r``) and add them to ``plan``."""
    fields = ENTITY_FIELDS
    action = data.get("action") if isinstance(data.get("action"), dict) else {}
    if "action" in plan:
        plan["action"]["lessons"] = r.check(
            action, "lessons", "action", fields["action"]["lessons"], ""
        )
    for name, keys, target in (
        ("assignments", ("attended_at",), plan.get("assignments", [])),
        ("schedule", ("actual_start", "actual_end"), plan.get("schedule", [])),
    ):
        raw = [d for d in _rows(data, name) if isinstance(d, dict)]
        for i, d in enumerate(raw):
            for key in keys:
                value = r.time(d, key, f"{name}[{i}]") if key in d else None
                if i < len(target) and len(raw) == len(target):
                    target[i][key] = value
    raw = [d for d in _rows(data, "schedule") if isinstance(d, dict)]
    held = F("int0", max_value=MAX_HELD_SECONDS)
    for i, d in enumerate(raw):
        value = r.check(d, "held_seconds", f"schedule[{i}]", held, 0)
        if i < len(plan.get("schedule", [])) and len(raw) == len(plan["schedule"]):
            plan["schedule"][i]["held_seconds"] = value or 0
    raw = [d for d in _rows(data, "props") if isinstance(d, dict)]
    for i, d in enumerate(raw):
        value = r.check(d, "condition", f"props[{i}]", F("enum", choices=CONDITIONS), "")
        if i < len(plan.get("props", [])) and len(raw) == len(plan["props"]):
            plan["props"][i]["condition"] = value or ""
    plan["incidents"] = []
    for i, item in enumerate(r.items(data, "incidents")):
        p = f"incidents[{i}]"
        d = r.obj(item, p, INCIDENT, ("at", "text"))
        if d is None:
            continue
        plan["incidents"].append(
            {
                "at": r.time(d, "at", p, required=True),
                "cue": r.ref(d, "cue", p, known_cues),
                "text": r.check(d, "text", p, fields["incident"]["text"], ""),
            }
        )
    plan["coverage"] = []
    spec = fields["coverage"]
    for i, item in enumerate(r.items(data, "coverage")):
        p = f"coverage[{i}]"
        d = r.obj(item, p, COVERAGE, ("outlet",))
        if d is None:
            continue
        plan["coverage"].append(
            {
                "outlet": r.check(d, "outlet", p, spec["outlet"], ""),
                "link": r.check(d, "link", p, spec["link"], ""),
                "note": r.check(d, "note", p, spec["note"], ""),
                "published_on": r.date(d, "published_on", p),
            }
        )


def insert_day(session: Session, action_id: int, plan: dict) -> None:
    """Write the incidents and coverage ``read_day`` read (the other keys go in with their
    rows)."""
    if not plan["incidents"] and not plan["coverage"]:
        return
    cues = dict(
        session.execute(select(m.Cue.key, m.Cue.id).where(m.Cue.action_id == action_id)).all()
    )
    if plan["incidents"]:
        session.execute(
            insert(m.Incident.__table__),
            [
                {
                    "action_id": action_id,
                    "at": x["at"],
                    "cue_id": cues.get(x["cue"]) if x["cue"] else None,
                    "text": x["text"],
                    "version": 1,
                }
                for x in plan["incidents"]
            ],
        )
    if plan["coverage"]:
        session.execute(
            insert(m.PressCoverage.__table__),
            [dict(c, action_id=action_id, version=1) for c in plan["coverage"]],
        )
