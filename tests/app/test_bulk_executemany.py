"""``bulk.executemany`` writes what SQLAlchemy's Core insert writes: same values read back, the
columns' defaults filled, any text at its limits (issue #17: the driver's own executemany)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain import models as m
from app.services import edits
from app.services.bulk import insert_cues, insert_participants

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)
SCRIPTS = st.sampled_from(["وقفة احتجاجية", "शांति मार्च", "Πορεία σιωπής", "✊🏽🕯️", "Crow"])
TITLES = st.one_of(
    SCRIPTS,
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300),
    SCRIPTS.map(lambda s: (s * 300)[:300]),
).filter(lambda t: t.strip())


def _action(store) -> int:
    with store.session() as s:
        return edits.create(
            s,
            "action",
            title="Vigil",
            timezone="Europe/Paris",
            starts_at=START,
            ends_at=START + timedelta(hours=2),
            country="",
        )


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(titles=st.lists(TITLES, min_size=1, max_size=8), minutes=st.integers(1, 600))
@example(titles=["0 ", " Speech"], minutes=1)  # spaces kept: nothing saved other than typed
def test_cues_read_back_as_written_with_their_defaults(store, titles, minutes):
    action_id = _action(store)
    rows = [
        {"title": t, "starts_at": START + timedelta(minutes=15 * i), "minutes": minutes}
        for i, t in enumerate(titles)
    ]
    with store.session() as s:
        ids = insert_cues(s, action_id, rows)
    with store.read() as s:
        cues = {c.id: c for c in s.scalars(select(m.Cue).where(m.Cue.id.in_(ids)))}
        for cue_id, row in zip(ids, rows, strict=True):
            cue = cues[cue_id]
            assert cue.title == row["title"]  # as typed, like the single-cue editor saves it
            assert cue.starts_at == row["starts_at"] and cue.starts_at.tzinfo is not None
            assert cue.minutes == minutes
            assert (cue.version, cue.place, cue.chained) == (1, "", False)
            assert cue.photo_opportunity is False and cue.uid


def test_participants_get_their_defaults_and_keys(store):
    with store.session() as s:
        ids = insert_participants(s, [{"alias": " Heron "}, {"alias": "شمس", "phone": "+33 6"}])
    with store.read() as s:
        people = [s.get(m.Participant, i) for i in ids]
        assert [p.alias for p in people] == ["Heron", "شمس"]
        assert [p.phone for p in people] == ["", "+33 6"]
        assert all(p.version == 1 and p.consent_photos is False for p in people)
        assert people[0].alias_key == m.alias_key("Heron")


def _old_slugify(title: str) -> str:
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    slug = re.sub(r"-{2,}", "-", slug)[:64].strip("-")
    return slug or "action"


@settings(max_examples=300, deadline=None)
@given(st.one_of(TITLES, st.text(max_size=80), st.from_regex(r"[A-Za-z -]{0,90}", fullmatch=True)))
def test_the_one_pass_slug_is_the_slug_it_always_was(title):
    from app.services.validation import slugify

    assert slugify(title) == _old_slugify(title)
