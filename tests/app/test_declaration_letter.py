"""The declaration letter's layout and content: signatures with the text, what forms ask for,
the countries' rules (three signatures in France, no notice for a UK static assembly)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

SLUG = "funeral-for-privacy"
THREE = [
    ("Camille Martin", "12 rue des Lilas\n75011 Paris"),
    ("Lucas Bernard", "3 avenue Parmentier, 75011 Paris"),
    ("Inès Haddad", "8 rue Oberkampf, 75011 Paris"),
]


def _pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _letter(store, action_id, organisers=THREE, **kw) -> tuple[bytes, list[str]]:
    from app.exports.declaration import Organiser, build_pdf, letter_warnings, rule_of_action
    from app.storage.rows import load_action

    orgs = [Organiser(n, a) for n, a in organisers]
    with store.read() as session:
        action = load_action(session, action_id)
        data = build_pdf(action, orgs, today=kw.pop("today", date(2024, 5, 20)), **kw)
        return data, letter_warnings(orgs, rule_of_action(action))


def test_three_organisers_sign_on_the_page_of_the_text(demo_store, demo_id):
    data, warnings = _letter(demo_store, demo_id)
    pages = _pages(data)
    assert len(pages) == 1, "a plain plan with three organisers fits one page"
    assert warnings == []
    text = pages[0]
    for name, _address in THREE:
        assert text.count(name) >= 2  # in the organisers' row and above a signature
    assert text.count("Signature") == 3
    assert "1 / 1" in text


def test_a_long_letter_keeps_the_signatures_with_the_closing_words(demo_store, demo_id):
    purpose = "Nous refusons la reconnaissance faciale. " * 90
    pages = _pages(_letter(demo_store, demo_id, purpose=purpose)[0])
    assert len(pages) == 2
    assert "1 / 2" in pages[0] and "2 / 2" in pages[1]
    last = pages[-1]
    assert "Nous vous prions" in last and "Fait à Paris" in last
    assert all(name in last for name, _a in THREE) and last.count("Signature") == 3
    assert "Signature" not in pages[0]


def test_the_first_of_the_month_is_an_ordinal_in_french(demo_store, demo_id):
    text = " ".join(_pages(_letter(demo_store, demo_id, today=date(2024, 12, 1))[0]))
    assert "Fait à Paris, le 1er décembre 2024" in text


def test_what_prefecture_forms_ask_for_is_printed(demo_store, demo_id):
    text = " ".join(_pages(_letter(demo_store, demo_id)[0]))
    assert "Nombre de participants attendu environ 15 personnes" in text
    assert "Hearse" in text and "Black armbands × 20" in text  # vehicles and equipment
    assert "Boulevard de Ménilmontant → Rue de la Roquette (dispersion : Rue de la Roquette)" in (
        text
    )
    assert "mardi 28 mai 2024, de 09:30 à 11:30" in text


def test_a_static_french_assembly_says_so(demo_store, demo_id):
    from app.services import edits

    with demo_store.session() as session:
        edits.update(session, "action", demo_id, route=[])
    text = " ".join(_pages(_letter(demo_store, demo_id)[0]))
    assert "Rassemblement statique, sans cortège" in text


def test_fewer_than_three_signatures_warn_but_write_the_letter(cli, demo_db, tmp_path):
    out = tmp_path / "d.pdf"
    r = cli("--db", demo_db, "declaration", SLUG, "-o", out, "--organiser", "A B|1 rue X, Paris")
    assert r.code == 0, r.err
    assert out.exists()
    assert "warning: the law asks for the signatures of 3 organisers; this letter has 1" in r.err


def test_the_purpose_can_be_given(cli, demo_db, tmp_path):
    out = tmp_path / "d.pdf"
    r = cli(
        "--db", demo_db, "declaration", SLUG, "-o", out,
        "--organiser", "A B|1 rue X, Paris", "--purpose", "Contre la surveillance biométrique",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert "Contre la surveillance biométrique" in " ".join(_pages(out.read_bytes()))


def _to_london(store, action_id, route):
    from app.services import edits

    with store.session() as session:
        edits.update(
            session,
            "action",
            action_id,
            country="GB",
            timezone="Europe/London",
            address="Parliament Square, London SW1P 3JX",
            decl_authority="",
            decl_received_on=None,
            decl_sent_on=None,
            route=route,
        )


def test_a_uk_static_assembly_needs_no_notice(demo_store, demo_id, cli, demo_db, tmp_path):
    from app.services.readiness import check

    _to_london(demo_store, demo_id, [])
    with demo_store.read() as session:
        now = datetime(2024, 5, 25, 8, 0, tzinfo=UTC)
        assert not [p for p in check(session, demo_id, now=now) if p.kind.startswith("decl")]
    demo_store.close()
    out = tmp_path / "n.pdf"
    r = cli("--db", demo_db, "declaration", SLUG)
    assert r.code == 0 and "needs no advance notice" in r.err and "section 11" in r.err
    r = cli("--db", demo_db, "declaration", SLUG, "-o", out, "--organiser", "Sam|1 High St, Leeds")
    assert r.code == 2 and r.err.startswith("Route: A static assembly needs no advance notice")
    assert not out.exists()


def test_a_uk_procession_gets_a_section_11_notice(demo_store, demo_id):
    _to_london(demo_store, demo_id, ["Parliament Square", "Whitehall", "Trafalgar Square"])
    data, warnings = _letter(demo_store, demo_id, organisers=[("Sam Jones", "1 High St, Leeds")])
    text = " ".join(_pages(data))
    assert warnings == []  # one organiser is enough in England and Wales
    assert "section 11 of the Public Order Act 1986" in text
    assert "Parliament Square → Whitehall → Trafalgar Square" in text
    assert "at least 6 clear days" in text
    assert "Static" not in text


@pytest.mark.parametrize("lang", ["fr", "en_GB"])
def test_the_letter_pdf_declares_its_language(demo_store, demo_id, lang):
    from pypdf import PdfReader

    if lang == "en_GB":
        _to_london(demo_store, demo_id, ["Parliament Square", "Whitehall"])
    reader = PdfReader(io.BytesIO(_letter(demo_store, demo_id)[0]))
    assert reader.trailer["/Root"]["/Lang"] == lang.replace("_", "-")
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
