"""What the organisers' sheets say: the master run-sheet and the props card."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.timeutil import utcnow
from app.exports.runsheet.data import (
    ActionIndex,
    CardLine,
    MasterSheet,
    PropLine,
    PropsCard,
    RoleBlock,
    RosterLine,
    TaskLine,
    _Fmt,
    checked_language,
    header,
    load,
    main_language,
    paper_for,
    schedule_lines,
    translator,
)


def _status_label(lang: str, status: str) -> str:
    tr = translator(lang)
    labels = {
        "needed": tr.gettext("needed"),
        "sourced": tr.gettext("sourced"),
        "ready": tr.gettext("ready"),
        "returned": tr.gettext("returned"),
    }
    return labels.get(status, status)


def master_sheet(
    session: Session,
    action_id: int,
    *,
    lang: str | None = None,
    paper: str | None = None,
    include_personal_data: bool = False,
    now: datetime | None = None,
) -> MasterSheet:
    from app.services.readiness import check

    override = checked_language(lang)
    index = load(session, action_id)
    action = index.action
    lang = override or main_language(action)
    paper = paper_for(action.country, paper)
    now = now or utcnow()
    fmt = _Fmt(lang, action)
    roster = []
    for role in action.roles:
        people = sorted(
            (a for a in action.assignments if a.role_id == role.id),
            key=lambda a: (a.call_time is None, a.call_time, a.participant.alias.casefold()),
        )
        roster.append(
            RoleBlock(
                name=role.name,
                needed=role.needed,
                people=[
                    RosterLine(
                        alias=a.participant.alias,
                        call_time=fmt.hm(a.call_time),
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
    problems = [p.message for p in check(session, action_id, now=now, tr=fmt.tr)]
    return MasterSheet(
        header=header(action, lang=lang, paper=paper, now=now, confidential=include_personal_data),
        schedule=schedule_lines(index, fmt),
        roster=roster,
        props=props,
        tasks=tasks,
        problems=problems,
        no_photo=index.no_photo,
    )


def props_card(
    session: Session,
    action_id: int,
    *,
    lang: str | None = None,
    paper: str | None = None,
    now: datetime | None = None,
) -> PropsCard:
    """One line per person per prop, with the cues that use it: to cut out and hand over."""
    override = checked_language(lang)
    index: ActionIndex = load(session, action_id)
    action = index.action
    lang = override or main_language(action)
    fmt = _Fmt(lang, action)
    lines = []
    for prop in action.props:
        uses = [
            (fmt.hm(index.cues[i].starts_at), index.cues[i].title)
            for i in index.cues_of_prop.get(prop.id, [])
        ]
        for person in prop.carriers:
            lines.append(
                CardLine(
                    alias=person.alias,
                    prop=prop.name,
                    quantity=prop.quantity,
                    others=[c.alias for c in prop.carriers if c.id != person.id],
                    cues=uses,
                )
            )
    lines.sort(key=lambda line: line.alias.casefold())
    return PropsCard(
        header=header(
            action,
            lang=lang,
            paper=paper_for(action.country, paper),
            now=now or utcnow(),
            confidential=False,
        ),
        lines=lines,
        uncarried=[p.name for p in action.props if not p.carriers],
    )
