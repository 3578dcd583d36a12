"""Press releases: the warnings the editor shows as the user types, and language versions.

``draft_warnings`` is pure (no session): the editor reads a ``ReleaseContext`` once and calls
it on every keystroke. ``create_translation`` copies a release into another language, linked to
its source by ``translation_of_id``, as a draft; while such a draft exists the source is
*frozen* (``frozen_by``): the editor shows it read-only so the two stay in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError
from app.i18n import _, ngettext, normalise_language
from app.services import edits
from app.services.readiness import covered

HEADLINE_LIMIT = 100


@dataclass(frozen=True)
class ReleaseWarning:
    field: str  # headline | embargo_until | release_at | language
    kind: str  # headline-long | embargo-late | release-after-embargo | language-missing
    message: str


@dataclass(frozen=True)
class ReleaseContext:
    """What the warnings need to know about the action, read once per release shown."""

    action_id: int
    timezone: str
    starts_at: datetime
    languages: tuple[str, ...]
    release_languages: tuple[str, ...]


def release_context(session: Session, action_id: int) -> ReleaseContext:
    action = edits.get(session, "action", action_id)
    langs = session.scalars(
        select(m.PressRelease.language).where(m.PressRelease.action_id == action_id)
    )
    return ReleaseContext(
        action_id=action.id,
        timezone=action.timezone,
        starts_at=action.starts_at,
        languages=tuple(action.languages or ()),
        release_languages=tuple(langs),
    )


def missing_languages(ctx: ReleaseContext) -> list[str]:
    """The action's languages that have no release yet (the readiness rule)."""
    return [lang for lang in ctx.languages if not covered(lang, list(ctx.release_languages))]


def _hm(value: datetime, zone: str) -> str:
    from app.domain.timeutil import to_local
    from app.domain.timeutil import zone as tz
    from app.i18n import ui

    local = to_local(value, tz(zone))
    return ui().day_and_time(local)


def draft_warnings(
    ctx: ReleaseContext,
    *,
    headline: str = "",
    release_at: datetime | None = None,
    embargo_until: datetime | None = None,
) -> list[ReleaseWarning]:
    """Warnings (not errors: the release can still be saved) for the values being typed."""
    out: list[ReleaseWarning] = []
    n = len((headline or "").strip())
    if n > HEADLINE_LIMIT:
        out.append(
            ReleaseWarning(
                "headline",
                "headline-long",
                ngettext(
                    "{n} character: headlines over {limit} get cut in inboxes and feeds",
                    "{n} characters: headlines over {limit} get cut in inboxes and feeds",
                    n,
                ).format(n=n, limit=HEADLINE_LIMIT),
            )
        )
    if embargo_until is not None and embargo_until > ctx.starts_at:
        out.append(
            ReleaseWarning(
                "embargo_until",
                "embargo-late",
                # Translators: {embargo} and {start} are a date and a time ("28 May, 09:30"),
                # written without a preposition before them.
                _("embargo end ({embargo}) after the action starts ({start})").format(
                    embargo=_hm(embargo_until, ctx.timezone), start=_hm(ctx.starts_at, ctx.timezone)
                ),
            )
        )
    if release_at is not None and embargo_until is not None and release_at > embargo_until:
        out.append(
            ReleaseWarning(
                "release_at",
                "release-after-embargo",
                # Translators: {release} and {embargo} are a date and a time ("28 May, 09:30").
                _("release time ({release}) after its embargo ends ({embargo})").format(
                    release=_hm(release_at, ctx.timezone), embargo=_hm(embargo_until, ctx.timezone)
                ),
            )
        )
    for lang in missing_languages(ctx):
        out.append(
            ReleaseWarning(
                "language",
                "language-missing",
                _("no release in {language} yet: create a translation").format(
                    language=_language_name(lang)
                ),
            )
        )
    return out


def _language_name(code: str) -> str:
    from app.i18n import ui

    return ui().language_name(code)


def release_warnings(session: Session, release_id: int) -> list[ReleaseWarning]:
    rel = edits.get(session, "release", release_id)
    return draft_warnings(
        release_context(session, rel.action_id),
        headline=rel.headline,
        release_at=rel.release_at,
        embargo_until=rel.embargo_until,
    )


def default_headline(session: Session, action_id: int) -> str:
    """What a new release starts with: the action's title."""
    return edits.get(session, "action", action_id).title


# --- language versions ------------------------------------------------------------------------


def frozen_by(session: Session, release_id: int) -> list[str]:
    """Languages of the draft translations of this release: while any exists, it is frozen."""
    return list(
        session.scalars(
            select(m.PressRelease.language).where(
                m.PressRelease.translation_of_id == release_id,
                m.PressRelease.status == "draft",
            )
        )
    )


def create_translation(session: Session, source_id: int, language: str) -> int:
    """A draft copy of ``source_id`` in ``language``, linked to it; returns its id."""
    src = edits.get(session, "release", source_id)
    lang = normalise_language(language) if isinstance(language, str) else None
    if lang is None:
        raise DomainError(
            _("{value!r} is not a language code").format(value=language), field="language"
        )
    taken = set(
        session.scalars(
            select(m.PressRelease.language).where(m.PressRelease.action_id == src.action_id)
        )
    )
    if lang in taken:
        raise DomainError(
            _("this action already has a release in {language}").format(
                language=_language_name(lang)
            ),
            field="language",
        )
    return edits.create(
        session,
        "release",
        action_id=src.action_id,
        language=lang,
        headline=src.headline,
        subheadline=src.subheadline,
        dateline=src.dateline,
        release_at=src.release_at,
        embargo_until=src.embargo_until,
        body=src.body,
        boilerplate=src.boilerplate,
        notes_to_editors=src.notes_to_editors,
        status="draft",
        translation_of_id=src.id,
        quotes=[{"speaker": q.speaker, "text": q.text} for q in src.quotes],
        press_contacts=[
            {"label": c.label, "phone": c.phone, "email": c.email} for c in src.press_contacts
        ],
    )


@dataclass(frozen=True)
class ReleaseRow:
    id: int
    key: str
    language: str
    headline: str
    status: str
    translation_of_id: int | None
    version: int


def list_releases(session: Session, action_id: int) -> list[ReleaseRow]:
    rows = session.scalars(
        select(m.PressRelease)
        .where(m.PressRelease.action_id == action_id)
        .order_by(m.PressRelease.id)
    )
    return [
        ReleaseRow(r.id, r.key, r.language, r.headline, r.status, r.translation_of_id, r.version)
        for r in rows
    ]


@dataclass(frozen=True)
class EditorState:
    """Everything the Press tab's editor shows for one release, read in one go."""

    row: ReleaseRow
    doc: object  # app.exports.press.ReleaseDoc
    context: ReleaseContext
    frozen_by: tuple[str, ...]
    source: object | None  # the source's ReleaseDoc when this is a translation
    source_language: str
    sends: tuple  # app.services.media.SendRow


def editor_state(session: Session, release_id: int) -> EditorState:
    from app.services.media import sent_log
    from app.services.press_docs import load_release

    rel = edits.get(session, "release", release_id)
    row = ReleaseRow(
        rel.id, rel.key, rel.language, rel.headline, rel.status, rel.translation_of_id, rel.version
    )
    source = None
    source_language = ""
    if rel.translation_of_id is not None:
        source = load_release(session, rel.translation_of_id)
        source_language = source.language
    return EditorState(
        row=row,
        doc=load_release(session, release_id),
        context=release_context(session, rel.action_id),
        frozen_by=tuple(frozen_by(session, release_id)),
        source=source,
        source_language=source_language,
        sends=tuple(sent_log(session, release_id)),
    )
