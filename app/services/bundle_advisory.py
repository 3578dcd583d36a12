"""The bundle's additions of the media advisory (format version 1, additive keys).

``schedule[].photo_opportunity`` (bool), ``press_releases[].notes_to_editors`` (text) and
``media_advisories`` ([{language, headline, what, when, where, who, photo, contact}]). Each is
written only when it says something (a flagged cue, notes, a typed advisory), so a bundle of a
plan that does not use them is the same file as before (an older Cortège refuses keys it does
not know).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain import models as m
from app.i18n import _
from app.services.fields import Field as F

# bundle key -> column
ADVISORY_KEYS = {
    "language": "language",
    "headline": "headline",
    "what": "what",
    "when": "when_text",
    "where": "where_text",
    "who": "who",
    "photo": "photo",
    "contact": "contact",
}
_LIMITS = {"headline": 500, "when": 2000, "where": 2000, "contact": 2000}


def write_advisories(session: Session, action_id: int) -> list[dict]:
    from sqlalchemy import select

    rows = session.scalars(
        select(m.MediaAdvisory)
        .where(m.MediaAdvisory.action_id == action_id)
        .order_by(m.MediaAdvisory.language)
    )
    return [{key: getattr(a, col) for key, col in ADVISORY_KEYS.items()} for a in rows]


def read_advisories(r, data: dict) -> list[dict]:
    """Checked rows (by column name); problems go to the reader ``r``."""
    out: list[dict] = []
    seen: set[str] = set()
    for i, item in enumerate(r.items(data, "media_advisories")):
        p = f"media_advisories[{i}]"
        d = r.obj(item, p, set(ADVISORY_KEYS), ("language",))
        if d is None:
            continue
        lang = r.check(d, "language", p, F("language", required=True), None)
        if lang in seen:
            r.fail(f"{p}.language", _("a second advisory in {lang}").format(lang=lang))
        seen.add(lang)
        row = {"language": lang}
        for key, col in ADVISORY_KEYS.items():
            if key == "language":
                continue
            kind = "line" if key == "headline" else "text"
            row[col] = r.check(d, key, p, F(kind, max_len=_LIMITS.get(key, 5000)), "")
        out.append(row)
    return out


def insert_advisories(session: Session, action_id: int, rows: list[dict]) -> None:
    for row in rows:
        session.add(m.MediaAdvisory(action_id=action_id, **row))
