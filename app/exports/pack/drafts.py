"""E-mail drafts of the volunteer pack: one per person, never a shared one.

Each draft goes To: one volunteer only (no Cc, no Bcc: nobody sees another's address), with
subject and body in their language and three attachments: the printed sheet (PDF), the phone
sheet (HTML) and their own calendar (.ics). Only people with an e-mail address *and* a recorded
consent (``consent_given_on``) get one; the others are listed, by alias and reason, so the
organiser reaches them another way. ``X-Unsent: 1`` makes mail clients open a draft to review.
All drafts also go into one ``.mbox`` file that Thunderbird and others import.
"""

from __future__ import annotations

import mailbox
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

from sqlalchemy.orm import Session

from app.exports.press.eml import draft_headers, file_name, one_line
from app.exports.runsheet import data
from app.i18n import _, ngettext, ui

# Mail files on disk use CRLF line ends, as RFC 5322 and the press drafts do.
CRLF = policy.default.clone(linesep="\r\n")
NO_EMAIL = "no-email"
NO_CONSENT = "no-consent"


@dataclass
class Draft:
    alias: str
    address: str
    sheet: data.PersonalSheet
    ics: bytes


@dataclass
class Unreachable:
    alias: str
    reason: str  # NO_EMAIL or NO_CONSENT

    def describe(self) -> str:
        if self.reason == NO_EMAIL:
            return _("{alias}: no e-mail address").format(alias=self.alias)
        return _("{alias}: no consent to be contacted recorded").format(alias=self.alias)


@dataclass
class PackPlan:
    """Who gets a draft and who must be reached another way: what the window shows first."""

    slug: str
    title: str
    drafts: list[Draft] = field(default_factory=list)
    unreachable: list[Unreachable] = field(default_factory=list)
    from_name: str = ""


@dataclass
class PackResult:
    drafts: list[Path]
    mbox: Path | None
    summary: Path
    #: drafts of an earlier pack left in the folder (a person who since withdrew consent or
    #: lost their role): named so the organiser does not send them by mistake
    stale: list[str] = field(default_factory=list)


def plan_pack(session: Session, action_id: int, *, now: datetime | None = None) -> PackPlan:
    """Gather every reader's sheet (by alias, no personal data on it) and calendar; split them
    into those who get a draft and those who do not."""
    from app.domain import models as m
    from app.domain.timeutil import utcnow
    from app.exports.calendar.export import participant_calendar

    now = now or utcnow()
    index = data.load(session, action_id)
    action = index.action
    paper = data.paper_for(action.country)
    settings = session.get(m.Settings, 1)
    plan = PackPlan(
        slug=action.slug, title=action.title, from_name=settings.name if settings else ""
    )
    for person in index.readers():
        address = (person.email or "").strip()
        if not address or "@" not in address:
            plan.unreachable.append(Unreachable(person.alias, NO_EMAIL))
            continue
        if person.consent_given_on is None:
            plan.unreachable.append(Unreachable(person.alias, NO_CONSENT))
            continue
        lang = data.reader_language(person, action, None)
        sheet = data.personal_sheet(index, person, lang=lang, paper=paper, now=now)
        ics = participant_calendar(session, action_id, person.id, now=now)
        plan.drafts.append(Draft(person.alias, address, sheet, ics))
    return plan


def subject(sheet: data.PersonalSheet) -> str:
    tr = data.translator(sheet.header.lang)
    when = " ".join(x for x in (sheet.day, sheet.call_time) if x)
    return one_line(
        tr.gettext("{action} — your sheet and call time ({when})").format(
            action=sheet.header.title, when=when
        )
    )


def body(sheet: data.PersonalSheet) -> str:
    from app.exports.pack.message import render_message

    tr = data.translator(sheet.header.lang)
    return (
        render_message(sheet)
        + "\n"
        + tr.gettext(
            "Attached: your sheet to print (PDF), the same sheet for your phone (HTML, works "
            "offline) and your call time for your calendar (.ics)."
        )
        + "\n"
        + tr.gettext("Please do not forward: it contains the plan.")
        + "\n"
    )


def attachment_stem(sheet: data.PersonalSheet) -> str:
    """``2024-05-28 Funeral for privacy — Crow``: the day, the action and the reader."""
    header = sheet.header
    day = header.starts_at
    if day is not None:
        from app.domain.timeutil import zone

        day = day.astimezone(zone(header.timezone))
    name = file_name(day, f"{header.title} — {sheet.alias}", fallback=sheet.alias, ext="")
    return name


def build_draft(draft: Draft, *, from_name: str = "", now: datetime | None = None) -> EmailMessage:
    from app.exports.runsheet import render_personal, render_phone

    sheet = draft.sheet
    msg = EmailMessage(policy=policy.default)
    msg["Subject"] = subject(sheet)
    local, _at, domain = draft.address.rpartition("@")
    msg["To"] = Address(display_name=one_line(draft.alias), username=local, domain=domain)
    draft_headers(msg, address="", name=from_name, now=now)
    msg["X-Unsent"] = "1"
    msg.set_content(body(sheet))
    stem = attachment_stem(sheet)
    msg.add_attachment(
        render_personal(sheet), maintype="application", subtype="pdf", filename=f"{stem}.pdf"
    )
    msg.add_attachment(
        render_phone(sheet),
        maintype="text",
        subtype="html",
        filename=f"{stem}.html",
        params={"charset": "utf-8"},
    )
    msg.add_attachment(
        draft.ics,
        maintype="text",
        subtype="calendar",
        filename=f"{stem}.ics",
        params={"method": "PUBLISH", "charset": "utf-8"},
    )
    msg["Content-Language"] = sheet.header.lang.replace("_", "-")
    return msg


def summary_text(plan: PackPlan, stale: list[str] = ()) -> str:
    """For the organiser, in the UI language: how many drafts, who needs another way, and
    older drafts in the folder that are not part of this pack."""
    lines = [
        ngettext(
            "{n} e-mail draft for {title}.",
            "{n} e-mail drafts for {title}.",
            len(plan.drafts),
        ).format(n=len(plan.drafts), title=plan.title)
    ]
    if plan.unreachable:
        lines.append(
            ngettext(
                "{n} person has no draft; reach them another way:",
                "{n} people have no draft; reach them another way:",
                len(plan.unreachable),
            ).format(n=len(plan.unreachable))
        )
        lines += [f"- {u.describe()}" for u in plan.unreachable]
    if stale:
        lines.append(stale_warning(stale))
    return "\n".join(lines) + "\n"


def stale_warning(stale: list[str]) -> str:
    return _(
        "Not part of this pack, left from an earlier one — do not send, delete them: {names}"
    ).format(names=ui().comma_list(stale))


def write_pack(
    plan: PackPlan,
    folder: str | os.PathLike,
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PackResult:
    """``folder/<alias>.eml`` per draft, ``folder/<slug>.mbox`` with all of them and
    ``folder/summary.txt``; every file written atomically (temporary name, then rename)."""
    from app.storage.files import atomic_path, atomic_write

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    messages: list[EmailMessage] = []
    written: list[Path] = []
    total = len(plan.drafts)
    for done, draft in enumerate(plan.drafts, 1):
        if cancelled and cancelled():
            break
        msg = build_draft(draft, from_name=plan.from_name, now=now)
        messages.append(msg)
        name = f"{data.safe_filename(draft.alias, taken)}.eml"
        written.append(atomic_write(target / name, msg.as_bytes(policy=CRLF)))
        if progress:
            progress(done, total)
    box_path = None
    if messages:
        box_path = target / f"{data.safe_filename(plan.slug, set())}.mbox"
        with atomic_path(box_path) as tmp:
            box = mailbox.mbox(str(tmp), create=True)
            try:
                for msg in messages:
                    box.add(mailbox.mboxMessage(msg))
                box.flush()
            finally:
                box.close()
    # Never deleted here (they are the user's files now), but never silently left either.
    fresh = {p.name for p in written}
    stale = sorted(p.name for p in target.glob("*.eml") if p.name not in fresh)
    summary = atomic_write(target / "summary.txt", summary_text(plan, stale))
    return PackResult(written, box_path, summary, stale)
