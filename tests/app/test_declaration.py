"""The declaration assistant: jours francs, the authority, readiness warnings, the letter."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from app.domain.declaration import (
    RULES,
    city_of,
    clear_days,
    in_time,
    suggest_authority,
    window,
)

FR, GB = RULES["FR"], RULES["GB"]
SLUG = "funeral-for-privacy"
ORGANISERS = (
    "--organiser",
    "Camille Martin|12 rue des Lilas\n75011 Paris",
    "--organiser",
    "Lucas Bernard|3 avenue Parmentier, 75011 Paris",
)


@pytest.mark.parametrize(
    "event, first, last",
    [
        # DESIGN.md: for Tuesday 28 May 2024, received from 12 to 24 May inclusive.
        (date(2024, 5, 28), date(2024, 5, 12), date(2024, 5, 24)),
        # Across a month end.
        (date(2024, 6, 1), date(2024, 5, 16), date(2024, 5, 28)),
        (date(2024, 7, 2), date(2024, 6, 16), date(2024, 6, 28)),
        # Across the year end.
        (date(2025, 1, 2), date(2024, 12, 17), date(2024, 12, 29)),
        (date(2025, 1, 1), date(2024, 12, 16), date(2024, 12, 28)),
        (date(2025, 1, 10), date(2024, 12, 25), date(2025, 1, 6)),
        # 29 February 2024 as the last day, and as the first day.
        (date(2024, 3, 4), date(2024, 2, 17), date(2024, 2, 29)),
        (date(2024, 3, 16), date(2024, 2, 29), date(2024, 3, 12)),
        # The same dates in a common year: no 29 February to land on.
        (date(2025, 3, 4), date(2025, 2, 16), date(2025, 2, 28)),
    ],
)
def test_french_window_in_jours_francs(event, first, last):
    assert window(FR, event) == (first, last)
    assert clear_days(last, event) == 3
    assert clear_days(first, event) == 15
    assert in_time(FR, last, event) and in_time(FR, first, event)
    assert not in_time(FR, date.fromordinal(last.toordinal() + 1), event)
    assert not in_time(FR, date.fromordinal(first.toordinal() - 1), event)


def test_neither_the_day_of_receipt_nor_the_event_day_counts():
    assert clear_days(date(2024, 5, 24), date(2024, 5, 28)) == 3  # 25, 26, 27 May
    assert clear_days(date(2024, 2, 28), date(2024, 3, 1)) == 1  # 29 February only
    assert clear_days(date(2023, 2, 28), date(2023, 3, 1)) == 0


def test_uk_procession_needs_six_clear_days_and_has_no_earliest_day():
    assert window(GB, date(2024, 5, 28)) == (None, date(2024, 5, 21))
    assert window(GB, date(2025, 1, 3)) == (None, date(2024, 12, 27))
    assert window(GB, date(2024, 3, 7)) == (None, date(2024, 2, 29))
    assert in_time(GB, date(2024, 1, 1), date(2024, 5, 28))
    assert not in_time(GB, date(2024, 5, 22), date(2024, 5, 28))


@pytest.mark.parametrize(
    "country, address, authority",
    [
        ("FR", "16 rue du Repos, 75020 Paris", "Préfecture de police"),
        ("FR", "Place de la République, Paris", "Préfecture de police"),
        ("FR", "Quai du Port, 13002 Marseille", "Préfecture de police des Bouches-du-Rhône"),
        ("FR", "Place Bellecour, 69002 Lyon", FR.authority_default),
        ("GB", "Parliament Square, London SW1P 3JX", "Metropolitan Police Service"),
        ("GB", "Albert Square, Manchester M2 5DB", GB.authority_default),
    ],
)
def test_authority_suggestion(country, address, authority):
    assert suggest_authority(RULES[country], address) == authority


def test_city_of_reads_the_postcode():
    assert city_of(FR, "16 rue du Repos, 75020 Paris") == "paris"
    assert city_of(FR, "1 place de la Mairie, 35000 Rennes") == "rennes"
    assert city_of(FR, "") == ""


def _kinds(session, action_id, day: date) -> list[str]:
    from app.services.readiness import check

    now = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    return [p.kind for p in check(session, action_id, now=now) if p.kind.startswith("decl")]


def test_readiness_warns_from_the_first_day_of_the_window(demo_store, demo_id):
    with demo_store.read() as session:
        assert _kinds(session, demo_id, date(2024, 5, 11)) == []
        assert _kinds(session, demo_id, date(2024, 5, 12)) == ["declaration-missing"]
        assert _kinds(session, demo_id, date(2024, 5, 25)) == ["declaration-missing"]


@pytest.mark.parametrize(
    "received, kinds",
    [
        (date(2024, 5, 24), []),
        (date(2024, 5, 12), []),
        (date(2024, 5, 25), ["declaration-late"]),
        (date(2024, 5, 11), ["declaration-early"]),
    ],
)
def test_readiness_judges_the_receipt_date(demo_store, demo_id, received, kinds):
    from app.services import edits

    with demo_store.session() as session:
        edits.update(session, "action", demo_id, decl_received_on=received)
    with demo_store.read() as session:
        assert _kinds(session, demo_id, date(2024, 5, 26)) == kinds


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    # Lines wrap where the layout needs: compare with single spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_letter_holds_what_the_law_asks_for(cli, demo_db, tmp_path):
    out = tmp_path / "declaration.pdf"
    r = cli("--db", demo_db, "declaration", SLUG, "-o", out, *ORGANISERS)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    text = _pdf_text(out)
    assert "Déclaration préalable de manifestation" in text
    assert "Préfecture de police" in text
    # The purpose in French: the French release's headline, not the plan's English title.
    assert "Funérailles de la vie privée au Père-Lachaise" in text
    assert "Funeral for privacy" not in text
    assert "Cimetière du Père-Lachaise" in text and "16 rue du Repos, 75020 Paris" in text
    assert "mardi 28 mai 2024, de 09:30 à 11:30" in text
    assert "Boulevard de Ménilmontant → Rue de la Roquette" in text
    assert "Camille Martin" in text and "12 rue des Lilas" in text
    assert "Lucas Bernard" in text and "3 avenue Parmentier" in text
    assert text.count("Signature") >= 2
    assert "entre le 12 mai 2024 et le 24 mai 2024" in text
    assert "Fait à Paris" in text
    assert "authority: Préfecture de police" in r.err


def test_organisers_are_not_stored(cli, demo_db, tmp_path):
    out = tmp_path / "declaration.pdf"
    assert cli("--db", demo_db, "declaration", SLUG, "-o", out, *ORGANISERS).code == 0
    raw = demo_db.read_bytes()
    wal = demo_db.with_name(demo_db.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    assert b"Lilas" not in raw and b"Parmentier" not in raw


@pytest.mark.parametrize(
    "extra, message",
    [
        ((), "--organiser: at least one --organiser"),
        (("--organiser", "Camille Martin"), "--organiser[0]: 'Camille Martin' must be \"Full"),
        (("--organiser", "|12 rue des Lilas"), "--organiser[0]"),
    ],
)
def test_the_letter_needs_a_named_organiser_with_an_address(cli, demo_db, tmp_path, extra, message):
    out = tmp_path / "declaration.pdf"
    r = cli("--db", demo_db, "declaration", SLUG, "-o", out, *extra)
    assert r.code == 2 and message in r.err, r.err
    assert not out.exists()


def test_recording_sent_received_and_reference(cli, demo_db):
    r = cli(
        "--db",
        demo_db,
        "declaration",
        SLUG,
        "--sent-on",
        "2024-05-20",
        "--received-on",
        "2024-05-21",
        "--reference",
        "DM-2024-0142",
    )
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "authority: Préfecture de police",
        "to be received from May 12, 2024 to May 24, 2024 (event May 28, 2024)",
        "sent on May 20, 2024",
        "received on May 21, 2024: in time",
        "reference: DM-2024-0142",
    ]
    r = cli(
        "--db",
        demo_db,
        "declaration",
        SLUG,
        "--received-on",
        "2024-05-19",
        "--sent-on",
        "2024-05-20",
    )
    assert r.code == 2 and "Declaration received on: received before it was sent" in r.err
    r = cli("--db", demo_db, "declaration", SLUG, "--received-on", "21/05/2024")
    assert r.code == 2 and r.err.startswith("--received-on:")


def test_a_late_receipt_is_flagged(cli, demo_db):
    r = cli("--db", demo_db, "declaration", SLUG, "--received-on", "2024-05-25")
    assert "received on May 25, 2024: NOT in the legal window" in r.out


def test_uk_letter_is_in_english(demo_store, demo_id, tmp_path):
    from app.exports.declaration import Organiser
    from app.services import edits
    from app.services.declaration import write_declaration

    with demo_store.session() as session:
        edits.update(
            session,
            "action",
            demo_id,
            country="GB",
            timezone="Europe/London",
            address="Parliament Square, London SW1P 3JX",
            decl_authority="",
        )
    out = tmp_path / "notice.pdf"
    with demo_store.read() as session:
        write_declaration(
            session,
            demo_id,
            out,
            organisers=[Organiser("Sam Jones", "1 High Street, Leeds")],
            today=date(2024, 5, 1),
        )
    text = _pdf_text(out)
    assert "Notice of a proposed public procession" in text
    assert "England and Wales" in text
    assert "Metropolitan Police Service" in text
    assert "at least 6 clear days" in text and "21 May 2024" in text
    assert "Sam Jones" in text


def test_a_country_without_rules_is_explained(cli, demo_db, tmp_path):
    from app.services import edits
    from app.storage.engine import open_store

    store = open_store(str(demo_db))
    with store.session() as session:
        from app.services.actions import action_by_slug

        edits.update(session, "action", action_by_slug(session, SLUG).id, country="DE")
    store.close()
    out = tmp_path / "d.pdf"
    r = cli("--db", demo_db, "declaration", SLUG, "-o", out, *ORGANISERS)
    assert r.code == 2 and "no declaration rules for country 'DE'" in r.err
    assert not out.exists()


def test_an_unknown_authority_must_be_named(cli, demo_db, tmp_path):
    from app.services import edits
    from app.services.actions import action_by_slug
    from app.storage.engine import open_store

    store = open_store(str(demo_db))
    with store.session() as session:
        action_id = action_by_slug(session, SLUG).id
        edits.update(
            session, "action", action_id, address="Place Bellecour, 69002 Lyon", decl_authority=""
        )
    store.close()
    out = tmp_path / "d.pdf"
    r = cli("--db", demo_db, "declaration", SLUG, "-o", out, *ORGANISERS)
    assert r.code == 2 and r.err.startswith("--authority: say which authority receives")
    assert "Mairie (or the préfecture where the State runs the police)" in r.err
    assert not out.exists()
    r = cli(
        "--db",
        demo_db,
        "declaration",
        SLUG,
        "-o",
        out,
        *ORGANISERS,
        "--authority",
        "Mairie de Lyon",
    )
    assert r.code == 0, r.err
    assert "À l’attention de : Mairie de Lyon" in _pdf_text(out)
    r = cli("--db", demo_db, "declaration", SLUG)
    assert r.out.splitlines()[0] == "authority: Mairie de Lyon"  # recorded
