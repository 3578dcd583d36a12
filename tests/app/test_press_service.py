"""Warnings while typing a release, and language versions."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy

import pytest

from app.domain.errors import DomainError

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)  # 09:30 in Paris


def _ctx(langs=("fr", "en"), have=("fr", "en")):
    from app.services.press import ReleaseContext

    return ReleaseContext(1, "Europe/Paris", START, tuple(langs), tuple(have))


def test_no_warning_for_a_good_release():
    from app.services.press import draft_warnings

    assert draft_warnings(_ctx(), headline="Short", release_at=START, embargo_until=START) == []


def test_headline_over_100_characters():
    from app.services.press import draft_warnings

    [w] = draft_warnings(_ctx(), headline="x" * 101)
    assert (w.field, w.kind) == ("headline", "headline-long")
    assert "101 characters" in w.message
    assert draft_warnings(_ctx(), headline="x" * 100) == []


def test_embargo_after_start_and_release_after_embargo():
    from app.services.press import draft_warnings

    late = START.replace(hour=8, minute=0)  # 10:00 in Paris
    warnings = draft_warnings(_ctx(), headline="h", release_at=late, embargo_until=START)
    assert [(w.field, w.kind) for w in warnings] == [("release_at", "release-after-embargo")]
    assert "10:00" in warnings[0].message and "09:30" in warnings[0].message
    [w] = draft_warnings(_ctx(), headline="h", embargo_until=late)
    assert (w.field, w.kind) == ("embargo_until", "embargo-late")
    assert "after the action starts" in w.message


def test_missing_language_version():
    from app.services.press import draft_warnings, missing_languages

    ctx = _ctx(langs=("fr", "en", "de"), have=("fr", "en_GB"))
    assert missing_languages(ctx) == ["de"]
    [w] = draft_warnings(ctx, headline="h")
    assert w.kind == "language-missing" and "German" in w.message


def test_demo_release_warnings_from_the_database(demo_store, demo_id):
    from app.services.press import list_releases, release_warnings

    with demo_store.read() as session:
        rows = list_releases(session, demo_id)
        assert [(r.key, r.language, r.status) for r in rows] == [
            ("pr-fr", "fr", "approved"),
            ("pr-en", "en", "draft"),
        ]
        assert release_warnings(session, rows[0].id) == []


def test_create_translation_copies_and_links_as_draft(demo_store, demo_id):
    from app.services import edits
    from app.services.press import create_translation, frozen_by, list_releases

    with demo_store.read() as session:
        fr = next(r for r in list_releases(session, demo_id) if r.language == "fr")
    with demo_store.session() as session:
        new_id = create_translation(session, fr.id, "de")
    with demo_store.read() as session:
        de = edits.get(session, "release", new_id)
        src = edits.get(session, "release", fr.id)
        assert (de.language, de.status, de.translation_of_id, de.key) == (
            "de",
            "draft",
            fr.id,
            "pr-de",
        )
        assert de.body == src.body and de.embargo_until == src.embargo_until
        assert [q.text for q in de.quotes] == [q.text for q in src.quotes]
        assert [c.email for c in de.press_contacts] == ["presse@example.org"]
        assert sorted(frozen_by(session, fr.id)) == ["de", "en"]


def test_translation_refuses_a_language_already_there(demo_store, demo_id):
    from app.services.press import create_translation, list_releases

    with demo_store.read() as session:
        fr = list_releases(session, demo_id)[0]
    with pytest.raises(DomainError) as err, demo_store.session() as session:
        create_translation(session, fr.id, "en")
    assert err.value.field == "language"
    assert "already has a release in English" in str(err.value)
    with pytest.raises(DomainError) as err, demo_store.session() as session:
        create_translation(session, fr.id, "not a language")
    assert err.value.field == "language"


@pytest.mark.parametrize("field", ["headline", "dateline"])
@pytest.mark.parametrize("brk", ["\n", "\r\n", "\u2028", "\x85"])
def test_single_line_fields_refuse_line_breaks(demo_store, demo_id, field, brk):
    from app.domain.errors import DomainError
    from app.exports.press import render
    from app.services import edits
    from app.services.press_docs import find_release, load_release

    with demo_store.read() as session:
        rel_id = find_release(session, demo_id, lang="fr").id
    with pytest.raises(DomainError) as info:
        with demo_store.session() as session:
            edits.update(session, "release", rel_id, **{field: f"Paris{brk}Bcc: x@example.com"})
    assert info.value.problems[0].path == field
    assert "must be on one line" in info.value.problems[0].message
    with demo_store.read() as session:  # nothing changed, and every format still exports
        doc = load_release(session, rel_id)
        assert "Bcc" not in doc.headline + doc.dateline
        msg = email.message_from_bytes(render(doc, "eml"), policy=policy.default)
        assert msg["Subject"].endswith(doc.headline) and msg["Bcc"] is None
