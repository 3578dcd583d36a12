"""What the organisers' sheets say: the master run-sheet and the props card."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.timeutil import utcnow
from app.exports.runsheet.data import (
    ActionIndex,
    CardLine,
    PropsCard,
    _Fmt,
    alias_order,
    checked_language,
    header,
    load,
    main_language,
    paper_for,
    regional,
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


# A kind with at least this many problems prints as one line with their count.
GROUP_FROM = 3
# The names listed after a grouped line, at most.
GROUP_NAMES = 12


def _group_line(kind: str, count: int, tr) -> str | None:
    """The one-line summary of ``count`` problems of ``kind``, where a phrase exists for it."""
    phrases = {
        "purge-due": tr.ngettext(
            "{count} person is past their retention date",
            "{count} people are past their retention date",
            count,
        ),
        "consent-missing": tr.ngettext(
            "{count} person has contact details without recorded consent",
            "{count} people have contact details without recorded consent",
            count,
        ),
        "double-booked": tr.ngettext("{count} double booking", "{count} double bookings", count),
        "task-overdue": tr.ngettext("{count} task is overdue", "{count} tasks are overdue", count),
        "role-short": tr.ngettext(
            "{count} role is short of people", "{count} roles are short of people", count
        ),
    }
    phrase = phrases.get(kind)
    return phrase.format(count=tr.number(count)) if phrase else None


def group_problems(problems, index: ActionIndex, tr) -> list[str]:
    """The readiness problems as lines, identical kinds grouped: "14 people are past their
    retention date: Crow, Heron, … +2" rather than fourteen lines."""
    by_kind: dict[str, list] = {}
    for p in problems:
        by_kind.setdefault(p.kind, []).append(p)
    out = []
    for kind, items in by_kind.items():
        if len(items) < GROUP_FROM:
            out += [p.message for p in items]
            continue
        line = _group_line(kind, len(items), tr)
        if line is None:  # no phrase for this kind: the first one, and how many more
            more = tr.ngettext(
                "and {count} more like it", "and {count} more like it", len(items) - 1
            ).format(count=tr.number(len(items) - 1))
            out.append(f"{items[0].message} ({more})")
            continue
        people = [
            index.people[p.entity_id].alias
            for p in items
            if p.entity == "participant" and p.entity_id in index.people
        ]
        if people:
            shown = people[:GROUP_NAMES]
            extra = f" +{tr.number(len(people) - len(shown))}" if len(people) > len(shown) else ""
            line = f"{line}: {', '.join(shown)}{extra}"
        out.append(line)
    return out


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
    lang = regional(override or main_language(action), action.country)
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
    lines.sort(key=lambda line: alias_order(line.alias))
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
