"""A release as the exports see it: plain values, read once, renderable without a session.

``app.services.press_docs.load_release`` reads one from the database; the editor builds the same
object from the values being typed (``dataclasses.replace``), so the live preview is exactly the
HTML export.
``layout`` turns it into the blocks every format writes, in the release's own language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from app.exports.press import conventions as conv
from app.exports.press.markdown import Paragraph, parse


@dataclass(frozen=True)
class QuoteView:
    speaker: str
    text: str


@dataclass(frozen=True)
class ContactView:
    label: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ReleaseDoc:
    key: str
    language: str
    headline: str
    subheadline: str = ""
    dateline: str = ""
    release_at: datetime | None = None
    embargo_until: datetime | None = None
    body: str = ""
    boilerplate: str = ""
    notes_to_editors: str = ""
    quotes: tuple[QuoteView, ...] = ()
    contacts: tuple[ContactView, ...] = ()
    status: str = "draft"
    timezone: str = "UTC"
    country: str = ""
    action_starts_at: datetime | None = None
    org_name: str = ""
    org_logo: bytes | None = field(default=None, repr=False)
    org_boilerplate: str = ""
    end_mark: str = "###"

    @property
    def from_address(self) -> str:
        return next((c.email for c in self.contacts if c.email), "")


@dataclass(frozen=True)
class Layout:
    kicker: str
    embargo: str
    headline: str
    subheadline: str
    dateline: str
    paragraphs: list[Paragraph]
    quotes: list[tuple[str, str]]  # (quoted text, "— speaker" or "")
    end_mark: str
    notes_heading: str
    notes: list[Paragraph]
    about_heading: str
    about: list[Paragraph]
    contact_heading: str
    contacts: list[ContactView]


def release_day(doc: ReleaseDoc) -> datetime | None:
    """The day the dateline carries: release time, else embargo, else the action's start."""
    when = doc.release_at or doc.embargo_until or doc.action_starts_at
    return when.astimezone(ZoneInfo(doc.timezone)) if when else None


def layout(doc: ReleaseDoc) -> Layout:
    lang = doc.language
    c = conv.convention(lang)
    day = release_day(doc)
    dateline = ""
    if day is not None:
        dateline = conv.dateline(doc.dateline, day, lang=lang, country=doc.country)
    elif doc.dateline.strip():
        dateline = f"{conv.dateline_place(doc.dateline, lang)} {c.dash}"
    boilerplate = doc.boilerplate.strip() or doc.org_boilerplate.strip()
    contacts = [x for x in doc.contacts if x.label or x.phone or x.email]
    return Layout(
        kicker=c.press_release,
        embargo=conv.embargo_line(
            doc.embargo_until, zone=doc.timezone, lang=lang, country=doc.country
        ),
        headline=doc.headline.strip(),
        subheadline=doc.subheadline.strip(),
        dateline=dateline,
        paragraphs=parse(doc.body),
        quotes=[
            (
                conv.quoted(q.text, lang),
                f"{c.dash} {q.speaker.strip()}" if q.speaker.strip() else "",
            )
            for q in doc.quotes
            if q.text.strip()
        ],
        end_mark=doc.end_mark.strip() or "###",
        notes_heading=c.notes_to_editors,
        notes=parse(doc.notes_to_editors),
        about_heading=conv.about_heading(doc.org_name, lang) if boilerplate else "",
        about=parse(boilerplate),
        contact_heading=(c.contacts if len(contacts) > 1 else c.contact) if contacts else "",
        contacts=contacts,
    )
