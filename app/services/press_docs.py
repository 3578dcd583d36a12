"""The press documents read from the database: a release (``load_release``, ``find_release``)
and a media advisory (``load_advisory``) as the plain values ``app.exports.press`` renders.

Reading belongs here, in the services; the renderers below take the documents and never a
session's service (the layer rule, tests/app/test_architecture.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import NotFoundError
from app.exports.press import conventions as conv
from app.exports.press.advisory import SECTIONS, AdvisoryDoc, contacts_of, plan_sections
from app.exports.press.document import ContactView, QuoteView, ReleaseDoc
from app.i18n import _, normalise_language, ui
from app.services import edits
from app.services.settings import read_settings


def load_release(session: Session, release_id: int) -> ReleaseDoc:
    """The release as the exports see it: plain values, renderable without a session."""
    rel = edits.get(session, "release", release_id)
    action = rel.action
    settings = read_settings(session)
    return ReleaseDoc(
        key=rel.key,
        language=rel.language,
        headline=rel.headline,
        subheadline=rel.subheadline or "",
        dateline=rel.dateline or "",
        release_at=rel.release_at,
        embargo_until=rel.embargo_until,
        body=rel.body or "",
        boilerplate=rel.boilerplate or "",
        notes_to_editors=rel.notes_to_editors or "",
        quotes=tuple(QuoteView(q.speaker or "", q.text or "") for q in rel.quotes),
        contacts=tuple(
            ContactView(c.label or "", c.phone or "", c.email or "") for c in rel.press_contacts
        ),
        status=rel.status,
        timezone=action.timezone,
        country=action.country or "",
        action_starts_at=action.starts_at,
        org_name=settings.name or "",
        org_logo=settings.logo,
        org_boilerplate=settings.boilerplate or "",
        end_mark=settings.end_mark or "###",
    )


def find_release(
    session: Session, action_id: int, *, lang: str | None = None, key: str | None = None
):
    """The release of an action by key, or by language (the source before a translation)."""
    q = select(m.PressRelease).where(m.PressRelease.action_id == action_id)
    if key is not None:
        rel = session.scalar(q.where(m.PressRelease.key == key))
        if rel is None:
            raise NotFoundError(
                _("no press release with key {key!r}").format(key=key), field="--release"
            )
        return rel
    code = normalise_language(lang or "")
    rels = list(session.scalars(q.order_by(m.PressRelease.id)))
    found = [r for r in rels if code and r.language == code]
    if not found and code:
        found = [r for r in rels if conv.base_language(r.language) == conv.base_language(code)]
    if not found:
        have = ui().comma_list(sorted({r.language for r in rels})) or _("none")
        raise NotFoundError(
            _("no press release in {lang!r} (releases: {have})").format(lang=lang, have=have),
            field="--lang",
        )
    found.sort(key=lambda r: (r.translation_of_id is not None, r.id))
    return found[0]


def load_advisory(session: Session, action_id: int, lang: str) -> AdvisoryDoc:
    """The advisory of an action in ``lang``: what was typed, else what the plan says."""
    action = edits.get(session, "action", action_id)
    code = normalise_language(lang) or lang
    settings = read_settings(session)
    headline, defaults = plan_sections(action, code, org_name=settings.name or "")
    row = session.scalar(
        select(m.MediaAdvisory).where(
            m.MediaAdvisory.action_id == action_id, m.MediaAdvisory.language == code
        )
    )
    typed = {name: (getattr(row, name) or "") if row else "" for name in SECTIONS}
    sender = next((c.email for c in contacts_of(action, code) if c.email), "")
    return AdvisoryDoc(
        action_id=action_id,
        language=code,
        headline=(row.headline if row and row.headline.strip() else headline),
        sections={n: typed[n] if typed[n].strip() else defaults[n] for n in SECTIONS},
        defaults=defaults,
        default_headline=headline,
        advisory_id=row.id if row else None,
        version=row.version if row else None,
        timezone=action.timezone,
        country=action.country or "",
        starts_at=action.starts_at,
        org_name=settings.name or "",
        org_logo=settings.logo,
        from_address=sender,
        key=f"advisory-{code}",
    )
