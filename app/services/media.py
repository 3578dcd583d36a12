"""Media contacts (journalists, desks), the action's media list, CSV import, the sent log.

Media contacts are organisation-wide and *personal data* (name, e-mail, phone): bundles carry
them only with ``--include-personal-data`` and ``app.services.purge`` blanks them. Edits of a
contact go through ``edits`` (entity ``media_contact``); the functions here add what ``edits``
does not know: the action's media list (``action_media_contact``), CSV import and the
``ReleaseSend`` log.

CSV: a header row, then one contact per row. Columns (any order, case-insensitive): outlet
(required), name, email, phone, language, beat. ``;`` or ``,`` as separator, UTF-8 with or
without BOM. ``preview_csv`` checks every row and writes nothing; ``import_csv`` writes the good
rows (a contact with the same outlet and e-mail is reused) and puts them on the media list.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.i18n import _
from app.services import edits
from app.services.fields import ENTITY_FIELDS, check_value
from app.services.people_csv import (  # same file rules as people imports
    RowError,
    decode,
    read_header,
)

COLUMNS = ("outlet", "name", "email", "phone", "language", "beat")
_HEADER_ALIASES = {
    "e-mail": "email",
    "mail": "email",
    "media": "outlet",
    "journalist": "name",
    "lang": "language",
    "telephone": "phone",
    "tel": "phone",
}


@dataclass(frozen=True)
class MediaRow:
    id: int
    outlet: str
    name: str
    email: str
    phone: str
    language: str
    beat: str
    on_list: bool = False
    purged: bool = False


def _row(c: m.MediaContact, on_list: bool = False) -> MediaRow:
    return MediaRow(
        c.id,
        c.outlet,
        c.name,
        c.email,
        c.phone,
        c.language,
        c.beat,
        on_list,
        c.purged_at is not None,
    )


def list_contacts(session: Session, action_id: int | None = None) -> list[MediaRow]:
    """Every media contact, by outlet; ``on_list`` says which are on the action's list."""
    listed = set(list_ids(session, action_id)) if action_id is not None else set()
    rows = session.scalars(
        select(m.MediaContact).order_by(m.MediaContact.outlet, m.MediaContact.id)
    )
    return [_row(c, c.id in listed) for c in rows]


def list_ids(session: Session, action_id: int) -> list[int]:
    t = m.action_media_contact
    return list(session.scalars(select(t.c.media_contact_id).where(t.c.action_id == action_id)))


def media_list(session: Session, action_id: int) -> list[MediaRow]:
    """The action's media list."""
    edits.get(session, "action", action_id)
    t = m.action_media_contact
    rows = session.scalars(
        select(m.MediaContact)
        .join(t, t.c.media_contact_id == m.MediaContact.id)
        .where(t.c.action_id == action_id)
        .order_by(m.MediaContact.outlet, m.MediaContact.id)
    )
    return [_row(c, True) for c in rows]


def recipients(session: Session, action_id: int, *, language: str | None = None) -> list[MediaRow]:
    """Contacts of the media list an e-mail can go to; with ``language``, those who read it
    (same base language, or no language recorded)."""
    base = language.split("_")[0].lower() if language else None
    out = []
    for c in media_list(session, action_id):
        if not c.email or c.purged:
            continue
        if base and c.language and c.language.split("_")[0].lower() != base:
            continue
        out.append(c)
    return out


def add_to_list(session: Session, action_id: int, contact_ids: list[int]) -> list[int]:
    """Put contacts on the action's media list; returns those that were not on it yet."""
    edits.get(session, "action", action_id)
    for cid in contact_ids:
        edits.get(session, "media_contact", cid)
    have = set(list_ids(session, action_id))
    new = [cid for cid in dict.fromkeys(contact_ids) if cid not in have]
    if new:
        session.execute(
            insert(m.action_media_contact),
            [{"action_id": action_id, "media_contact_id": cid} for cid in new],
        )
        session.flush()
    return new


def remove_from_list(session: Session, action_id: int, contact_ids: list[int]) -> list[int]:
    """Take contacts off the list (they stay in the directory); returns those removed."""
    have = set(list_ids(session, action_id))
    gone = [cid for cid in dict.fromkeys(contact_ids) if cid in have]
    if gone:
        t = m.action_media_contact
        session.execute(delete(t).where(t.c.action_id == action_id, t.c.media_contact_id.in_(gone)))
        session.flush()
    return gone


def create_contact(session: Session, *, action_id: int | None = None, **values) -> int:
    """A new media contact (checked like every edit); on the action's list when given."""
    cid = edits.create(session, "media_contact", **values)
    if action_id is not None:
        add_to_list(session, action_id, [cid])
    return cid


# --- CSV import ----------------------------------------------------------------------------


@dataclass
class CsvRow:
    line: int
    values: dict  # clean media_contact fields
    existing_id: int | None = None  # same outlet and e-mail already in the directory
    errors: list[RowError] = field(default_factory=list)
    cells: dict = field(default_factory=dict)  # the text as in the file, to show beside errors

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class CsvPreview:
    rows: list[CsvRow]
    problems: list[RowError]  # whole-file problems (the header)

    @property
    def good(self) -> list[CsvRow]:
        return [r for r in self.rows if r.ok] if not self.problems else []

    @property
    def bad(self) -> list[CsvRow]:
        return [r for r in self.rows if not r.ok]

    def errors(self) -> list[RowError]:
        return self.problems + [e for r in self.rows for e in r.errors]


@dataclass(frozen=True)
class ImportResult:
    created: tuple[int, ...]
    reused: tuple[int, ...]
    listed: tuple[int, ...]  # newly put on the action's media list
    skipped: int


def _table(text: str) -> tuple[list[tuple[int, dict[str, str], bool]], list[RowError]]:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if not first:
        return [], [RowError(1, "file", _("the file is empty"))]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    rows: list[tuple[int, dict[str, str], bool]] = []
    problems: list[RowError] = []
    try:
        for raw in reader:
            line = reader.line_num
            if not any(c.strip() for c in raw):
                continue
            if not header:
                header = read_header(
                    raw, line, columns=COLUMNS, aliases=_HEADER_ALIASES, problems=problems
                )
                if "outlet" not in header:
                    problems.append(RowError(line, "outlet", _("the outlet column is missing")))
                continue
            cells = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(header)}
            extra = len(raw) > len(header) and any(c.strip() for c in raw[len(header) :])
            rows.append((line, cells, extra))
    except csv.Error as exc:
        problems.append(RowError(reader.line_num, "file", str(exc)))
    return rows, problems


def preview_csv(session: Session, data: bytes | str) -> CsvPreview:
    """Check every row; nothing is written."""
    text = decode(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    table, problems = _table(text)
    spec = ENTITY_FIELDS["media_contact"]
    known = {
        (outlet.casefold(), email.casefold()): cid
        for cid, outlet, email in session.execute(
            select(m.MediaContact.id, m.MediaContact.outlet, m.MediaContact.email)
        )
        if email
    }
    seen: dict[tuple[str, str], int] = {}
    rows: list[CsvRow] = []
    for line, cells, extra in table:
        row = CsvRow(line=line, values={}, cells=cells)
        if extra:
            row.errors.append(RowError(line, "row", _("has more cells than the header")))
        for name in COLUMNS:
            if name not in cells:
                continue
            value, message = check_value(spec[name], cells[name])
            if message:
                row.errors.append(RowError(line, name, message))
            else:
                row.values[name] = value
        email = row.values.get("email", "")
        if email and row.values.get("outlet"):
            key = (row.values["outlet"].casefold(), email.casefold())
            if key in seen:
                row.errors.append(
                    RowError(
                        line, "email", _("the same contact as row {line}").format(line=seen[key])
                    )
                )
            else:
                seen[key] = line
            row.existing_id = known.get(key)
        rows.append(row)
    if not rows and not problems:
        problems.append(RowError(1, "file", _("no contacts below the header")))
    return CsvPreview(rows, problems)


def import_csv(
    session: Session, action_id: int, data: bytes | str
) -> tuple[CsvPreview, ImportResult]:
    """Write the good rows and put them on the media list; bad rows are skipped (see preview)."""
    edits.get(session, "action", action_id)
    pv = preview_csv(session, data)
    created: list[int] = []
    reused: list[int] = []
    for row in pv.good:
        if row.existing_id is not None:
            reused.append(row.existing_id)
        else:
            created.append(edits.create(session, "media_contact", **row.values))
    listed = add_to_list(session, action_id, created + reused)
    return pv, ImportResult(
        tuple(created), tuple(reused), tuple(listed), len(pv.rows) - len(pv.good)
    )


def undo_import(session: Session, action_id: int, result: ImportResult) -> None:
    """Take back an import: the new contacts are deleted, the reused ones leave the list."""
    remove_from_list(session, action_id, list(result.listed))
    for cid in result.created:
        edits.delete(session, "media_contact", cid)


# --- the sent log -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SendRow:
    id: int
    sent_at: datetime
    media_contact_id: int | None
    outlet: str
    name: str
    email: str
    note: str


def record_sends(
    session: Session,
    release_id: int,
    contact_ids: list[int],
    *,
    note: str = "",
    when: datetime | None = None,
) -> list[int]:
    """Log that the release went (or is going) to these contacts; returns the log ids."""
    from app.domain.timeutil import utcnow

    edits.get(session, "release", release_id)
    when = when or utcnow()
    rows = [
        m.ReleaseSend(release_id=release_id, media_contact_id=cid, sent_at=when, note=note)
        for cid in dict.fromkeys(contact_ids)
    ]
    if not rows:
        rows = [
            m.ReleaseSend(release_id=release_id, media_contact_id=None, sent_at=when, note=note)
        ]
    session.add_all(rows)
    session.flush()
    return [r.id for r in rows]


def delete_sends(session: Session, send_ids: list[int]) -> None:
    """Undo of ``record_sends``."""
    if send_ids:
        session.execute(delete(m.ReleaseSend).where(m.ReleaseSend.id.in_(send_ids)))
        session.flush()


def sent_log(session: Session, release_id: int) -> list[SendRow]:
    q = (
        select(m.ReleaseSend, m.MediaContact)
        .join(m.MediaContact, m.MediaContact.id == m.ReleaseSend.media_contact_id, isouter=True)
        .where(m.ReleaseSend.release_id == release_id)
        .order_by(m.ReleaseSend.sent_at, m.ReleaseSend.id)
    )
    out = []
    for send, c in session.execute(q):
        out.append(
            SendRow(
                send.id,
                send.sent_at,
                send.media_contact_id,
                c.outlet if c else "",
                c.name if c else "",
                c.email if c else "",
                send.note,
            )
        )
    return out


def mark_sent(
    session: Session,
    release_id: int,
    contact_ids: list[int],
    *,
    note: str = "",
    when: datetime | None = None,
) -> tuple[str, list[int]]:
    """The release went out: status ``sent`` and the log; returns (previous status, log ids)."""
    old = edits.update(session, "release", release_id, status="sent")["status"]
    return old, record_sends(session, release_id, contact_ids, note=note, when=when)
