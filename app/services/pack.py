"""The volunteer pack for the window and the CLI: who gets a draft, and each person's message."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.errors import NotFoundError
from app.exports.pack.drafts import PackPlan, plan_pack
from app.i18n import _


def pack_plan(session: Session, action_id: int, *, now: datetime | None = None) -> PackPlan:
    """Every reader's sheet and calendar, split into drafts and people to reach another way."""
    return plan_pack(session, action_id, now=now)


def messages_for(
    session: Session, action_id: int, participant_ids: Sequence[int], *, now=None
) -> list[tuple[str, str]]:
    """(alias, text to paste) for each person, each in their own language, in the given order
    (a person holding two roles appears once)."""
    from app.domain.timeutil import utcnow
    from app.exports.pack.message import render_message
    from app.exports.runsheet import data

    index = data.load(session, action_id)
    action = index.action
    paper = data.paper_for(action.country)
    now = now or utcnow()
    out = []
    for pid in dict.fromkeys(participant_ids):
        person = index.people.get(pid)
        if person is None:
            raise NotFoundError(_("this person has no part in the action"), field="participant")
        lang = data.reader_language(person, action, None)
        sheet = data.personal_sheet(index, person, lang=lang, paper=paper, now=now)
        out.append((person.alias, render_message(sheet)))
    return out
