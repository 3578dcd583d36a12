"""The master run-sheet's data: the plan, the roster, the props, the open tasks and what the
readiness check still finds. It runs the check (a service), so it lives here rather than beside
the renderers in ``app.exports.runsheet`` (the layer rule, tests/app/test_architecture.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.timeutil import utcnow
from app.exports.runsheet.data import (
    MasterSheet,
    PropLine,
    RoleBlock,
    RosterLine,
    TaskLine,
    _Fmt,
    alias_order,
    checked_language,
    header,
    load,
    main_language,
    paper_for,
    regional,
    schedule_lines,
)
from app.exports.runsheet.master_data import _status_label, group_problems
from app.services.readiness import check


def master_sheet(
    session: Session,
    action_id: int,
    *,
    lang: str | None = None,
    paper: str | None = None,
    include_personal_data: bool = False,
    now: datetime | None = None,
) -> MasterSheet:
    override = checked_language(lang)
    index = load(session, action_id)
    action = index.action
    lang = regional(override or main_language(action), action.country)
    paper = paper_for(action.country, paper)
    now = now or utcnow()
    fmt = _Fmt(lang, action)
    roster = []
    for role in action.roles:
        people = sorted(
            (a for a in action.assignments if a.role_id == role.id),
            key=lambda a: (a.call_time is None, a.call_time, alias_order(a.participant.alias)),
        )
        roster.append(
            RoleBlock(
                name=role.name,
                needed=role.needed,
                people=[
                    RosterLine(
                        alias=a.participant.alias,
                        call_time=fmt.hm_on_its_day(a.call_time, action.starts_at),
                        confirmed=bool(a.confirmed),
                        full_name=a.participant.full_name if include_personal_data else "",
                        phone=a.participant.phone if include_personal_data else "",
                        email=a.participant.email if include_personal_data else "",
                    )
                    for a in people
                ],
            )
        )
    props = [
        PropLine(
            name=prop.name,
            quantity=prop.quantity,
            status=_status_label(lang, prop.status),
            carriers=[c.alias for c in prop.carriers],
            times=[fmt.hm(index.cues[i].starts_at) for i in index.cues_of_prop.get(prop.id, [])],
        )
        for prop in action.props
    ]
    tasks = [
        TaskLine(
            title=t.title,
            due=fmt.tr.date(t.due, "medium") if t.due else "",
            assignee=t.assignee.alias if t.assignee else "",
        )
        for t in action.tasks
        if not t.done
    ]
    problems = group_problems(check(session, action_id, now=now, tr=fmt.tr), index, fmt.tr)
    return MasterSheet(
        header=header(action, lang=lang, paper=paper, now=now, confidential=include_personal_data),
        schedule=schedule_lines(index, fmt),
        roster=roster,
        props=props,
        tasks=tasks,
        problems=problems,
        no_photo=index.no_photo,
    )
