"""Import participants from a CSV file: a preview with per-row errors, then the good rows.

Columns (header names, any order, case-insensitive): alias (required), full_name, phone, email,
language, notes, role, call_time. Cells are separated by ``;`` or ``,`` (whichever the header
uses); the file is UTF-8, with or without a BOM. ``role`` names a role of the action; ``call_time``
is ``HH:MM`` on the action's first day or ``YYYY-MM-DDTHH:MM``, a wall-clock time in the action's
zone. An alias already in the directory is that person: their details are kept, the row only
assigns them. Nothing is written until ``import_rows``, which writes every good row in the
caller's one transaction and skips the bad ones.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError, Problem, short
from app.domain.timeutil import LocalTimeError, localize, parse_local, zone
from app.i18n import _, ngettext, ui
from app.services.fields import ENTITY_FIELDS, check_value

COLUMNS = ("alias", "full_name", "phone", "email", "language", "notes", "role", "call_time")
PERSON_COLUMNS = ("full_name", "phone", "email", "language", "notes")
_HEADER_ALIASES = {"name": "full_name", "e-mail": "email", "mail": "email", "calltime": "call_time"}
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class RowError:
    line: int  # the line number in the file (the header is line 1)
    field: str
    message: str

    def __str__(self) -> str:
        return _("row {line}, {field}: {message}").format(
            line=self.line, field=self.field, message=self.message
        )


@dataclass
class CsvRow:
    line: int
    alias: str
    person: dict  # clean participant fields (full_name, phone, …) for a new person
    role_id: int | None = None
    role_name: str = ""
    call_time: datetime | None = None
    existing_id: int | None = None  # the alias is already in the directory
    errors: list[RowError] = field(default_factory=list)
    key: str = ""  # models.alias_key(alias), computed once by the preview

    @property
    def alias_key(self) -> str:
        return self.key or m.alias_key(self.alias)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def id(self) -> int:
        return self.line


@dataclass
class CsvPreview:
    rows: list[CsvRow]
    problems: list[RowError]  # whole-file problems (line 1: the header)

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
    participant_ids: tuple[int, ...]  # people created
    assignment_ids: tuple[int, ...]  # assignments created
    skipped: int


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise DomainError(_("the file is larger than 5 MB"), field="file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DomainError(
            _("the file is not UTF-8 text (byte {n}); save it as CSV UTF-8").format(n=exc.start),
            field="file",
        ) from exc


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_table(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[RowError]]:
    """Header (canonical names), (line, cells) of each non-empty row, and header problems."""
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    if not first:
        return [], [], [RowError(1, "file", _("the file is empty"))]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    header: list[str] = []
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[RowError] = []
    try:
        for raw in reader:
            line = reader.line_num
            if not header:
                if not any(c.strip() for c in raw):
                    continue
                header = read_header(
                    raw, line, columns=COLUMNS, aliases=_HEADER_ALIASES, problems=problems
                )
                if "alias" not in header:
                    problems.append(RowError(line, "alias", _("the alias column is missing")))
                continue
            if not any(c.strip() for c in raw):
                continue
            cells = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(header)}
            if len(raw) > len(header) and any(c.strip() for c in raw[len(header) :]):
                cells["__extra__"] = "1"
            rows.append((line, cells))
    except csv.Error as exc:
        problems.append(RowError(reader.line_num, "file", str(exc)))
    return header, rows, problems


def read_header(
    raw: list[str],
    line: int,
    *,
    columns: tuple[str, ...],
    aliases: dict[str, str],
    problems: list[RowError],
) -> list[str]:
    """A CSV header row as column names (known spellings mapped through ``aliases``); an
    unknown column is a problem of that row. Shared by the people and media imports."""
    header = []
    for cell in raw:
        key = re.sub(r"\s+", "_", cell.strip().lower())
        header.append(aliases.get(key, key))
    for name in header:
        if name and name not in columns:
            problems.append(
                RowError(
                    line,
                    name,
                    _("unknown column; expected {names}").format(names=ui().comma_list(columns)),
                )
            )
    doubled = sorted({n for n in header if n and header.count(n) > 1})
    for name in doubled:  # the last one silently won: "alias,alias" lost the first column
        problems.append(RowError(line, name, _("this column appears twice")))
    return header


def preview(session: Session, action_id: int, data: bytes | str) -> CsvPreview:
    """Check every row against the directory, the action's roles and its time zone."""
    from app.services.edits import get

    text = decode(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    _header, table, problems = read_table(text)
    action = get(session, "action", action_id)
    tz = zone(action.timezone)
    day = action.starts_at.astimezone(tz).date()
    roles = {
        r.name.strip().casefold(): (r.id, r.name)
        for r in session.scalars(select(m.Role).where(m.Role.action_id == action_id))
    }
    existing = dict(session.execute(select(m.Participant.alias_key, m.Participant.id)).all())
    held = set(
        session.execute(
            select(m.Assignment.participant_id, m.Assignment.role_id).where(
                m.Assignment.action_id == action_id
            )
        ).all()
    )
    spec = ENTITY_FIELDS["participant"]
    limit = spec["alias"].max_len or 100
    seen: dict[tuple[str, int | None], int] = {}
    rows: list[CsvRow] = []
    for line, cells in table:
        alias = cells.get("alias", "")
        row = CsvRow(line=line, alias=alias, person={})
        err = row.errors.append
        if cells.pop("__extra__", None):
            err(RowError(line, "row", _("has more cells than the header")))
        if not alias:
            err(RowError(line, "alias", _("is required")))
        elif len(alias) > limit:
            too_long = ngettext(
                "is longer than {n} character", "is longer than {n} characters", limit
            ).format(n=limit)
            err(RowError(line, "alias", too_long))
        key = row.key = m.alias_key(alias) if alias else ""
        row.existing_id = existing.get(key)
        for name in PERSON_COLUMNS:
            if name not in cells:
                continue
            value, message = check_value(spec[name], cells[name])
            if message:
                err(RowError(line, name, message))
            else:
                row.person[name] = value
        role_text = cells.get("role", "")
        if role_text:
            found = roles.get(role_text.casefold())
            if found is None:
                err(
                    RowError(
                        line,
                        "role",
                        _("no role named {name!r} in this action (roles: {names})").format(
                            name=short(role_text),
                            names=ui().comma_list(n for _i, n in roles.values()) or "—",
                        ),
                    )
                )
            else:
                row.role_id, row.role_name = found
        time_text = cells.get("call_time", "")
        if time_text:
            if not row.role_id and not role_text:
                err(RowError(line, "call_time", _("needs a role")))
            try:
                row.call_time = _call_time(time_text, day, tz)
            except LocalTimeError as exc:
                err(RowError(line, "call_time", str(exc)))
        if key:
            if (key, row.role_id) in seen:
                err(
                    RowError(
                        line,
                        "alias",
                        _("repeats row {line}").format(line=seen[(key, row.role_id)]),
                    )
                )
            else:
                seen[(key, row.role_id)] = line
        if row.existing_id is not None and row.role_id is not None:
            if (row.existing_id, row.role_id) in held:
                err(RowError(line, "role", _("{alias} already has this role").format(alias=alias)))
        rows.append(row)
    return CsvPreview(rows, problems)


def _call_time(text: str, day, tz) -> datetime:
    hm = re.fullmatch(r"(\d{1,2})[:h.](\d{2})", text.strip())
    if hm:
        hour, minute = int(hm.group(1)), int(hm.group(2))
        if hour > 23 or minute > 59:
            raise LocalTimeError(
                _("{value!r} is not a time of day").format(value=short(text)), kind="format"
            )
        naive = datetime(day.year, day.month, day.day, hour, minute)
        return localize(naive, tz).astimezone(tz)
    return parse_local(text, tz)


def import_rows(session: Session, action_id: int, rows: list[CsvRow]) -> ImportResult:
    """Write the good rows (in the caller's transaction); bad ones are skipped and counted.

    New people and assignments go in with one statement each (``services.bulk``): row by row,
    each made its own checks and flush (2,000 people took 6 s)."""
    from app.services.bulk import insert_assignments, insert_participants
    from app.services.edits import get

    get(session, "action", action_id)
    good = [r for r in rows if r.ok]
    skipped = len(rows) - len(good)
    new: dict[str, CsvRow] = {}
    keys = [row.alias_key for row in good]  # once a row: NFC and case folding are not free
    for row, key in zip(good, keys, strict=True):
        if row.existing_id is None and key not in new:
            new[key] = row
    _refuse_taken_aliases(session, new)
    made_people = insert_participants(
        session, [dict(row.person, alias=row.alias, alias_key=k) for k, row in new.items()]
    )
    created = dict(zip(new, made_people, strict=True))
    assignments = []
    for row, key in zip(good, keys, strict=True):
        if row.role_id is None:
            continue
        pid = row.existing_id or created[key]
        values = {"participant_id": pid, "role_id": row.role_id}
        if row.call_time is not None:
            values["call_time"] = row.call_time
        assignments.append(values)
    made_assignments = insert_assignments(session, action_id, assignments)
    return ImportResult(tuple(made_people), tuple(made_assignments), skipped)


def _refuse_taken_aliases(session: Session, keys: dict[str, CsvRow]) -> None:
    """Somebody may have taken an alias since the preview (team mode): say which row."""
    taken: set[str] = set()
    names = list(keys)
    for start in range(0, len(names), 500):
        taken.update(
            session.scalars(
                select(m.Participant.alias_key).where(
                    m.Participant.alias_key.in_(names[start : start + 500])
                )
            )
        )
    if taken:
        raise DomainError(
            [
                Problem(
                    f"row {keys[k].line}.alias",
                    _("{alias!r} is already somebody's alias").format(alias=keys[k].alias),
                )
                for k in sorted(taken, key=lambda k: keys[k].line)
            ]
        )


def undo_import(session: Session, result: ImportResult, action_id: int | None = None) -> None:
    """Remove what ``import_rows`` created (assignments first, then the new people, with
    what was linked to them since), a few statements for the whole import."""
    from app.services.bulk import delete_rows

    delete_rows(session, m.Assignment, result.assignment_ids, action_id=action_id)
    delete_rows(session, m.Participant, result.participant_ids)
