"""The media advisory: written from the plan, edited per language, exported in every format."""

from __future__ import annotations

import email
import io
from email import policy

import pytest

SLUG = "funeral-for-privacy"


def flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(data: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), flat(" ".join(p.extract_text() for p in reader.pages))


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "fr",
            [
                "INVITATION PRESSE",
                "Funérailles de la vie privée au Père-Lachaise",
                "QUOI",
                "QUAND mardi 28 mai 2024",
                "(heure de Paris)",
                "OÙ Cimetière du Père-Lachaise 16 rue du Repos, 75020 Paris",
                "Point de rendez-vous : Boulevard de Ménilmontant, main gate",
                "QUI Environ 15 participants",
                "MOMENTS PHOTO 09:55 — Banner unrolled (Pavement by the gate) 10:00 — Coffin",
                "10:20 — Wreath laid on the coffin",
                "10:25 — Photo call for the press",
                "CONTACT PRESSE Service de presse · +33 1 00 00 00 00 · presse@example.org",
            ],
        ),
        (
            "en",
            [
                "MEDIA ADVISORY",
                "Funeral for privacy at Père-Lachaise",
                "WHEN Tuesday, 28 May 2024, 09:30–11:30 (Paris time)",
                "Meeting point: Boulevard de Ménilmontant, main gate",
                "PHOTO OPPORTUNITIES 09:55 — Banner unrolled",
                "MEDIA CONTACT Press office",
                "Available for interview: Owl, spokesperson",
            ],
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["txt", "html", "pdf", "eml"])
def test_every_format_from_the_plan(cli, demo_db, tmp_path, fmt, lang, expected):
    out = tmp_path / f"advisory.{fmt}"
    r = cli("--db", demo_db, "export", "advisory", SLUG, "--lang", lang, "--format", fmt, "-o", out)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    data = out.read_bytes()
    if fmt == "pdf":
        pages, text = _pdf_text(data)
        assert pages == 1
    elif fmt == "eml":
        msg = email.message_from_bytes(data, policy=policy.default)
        assert msg["To"] is None and msg["X-Unsent"] == "1" and msg["Message-ID"]
        assert "EMBARGO" not in msg["Subject"].upper()
        text = flat(msg.get_body(preferencelist=("plain",)).get_content())
        [pdf] = list(msg.iter_attachments())
        assert pdf.get_filename().startswith("2024-05-28 ")
        assert _pdf_text(pdf.get_content())[0] == 1
    else:
        text = data.decode("utf-8")
        if fmt == "html":
            import re

            assert f'<html lang="{lang}" dir="ltr">' in text
            text = re.sub(r"<[^>]+>", " ", text.replace("<br>", "\n"))
        text = flat(text)
    for bit in expected:
        assert bit in text, (bit, text)
    assert "EMBARGO" not in text.upper()


def test_typed_sections_replace_the_plan_and_empty_goes_back(demo_store, demo_id):
    from app.services.advisory import save_advisory, undo_save
    from app.services.press_docs import load_advisory

    with demo_store.session() as session:
        assert save_advisory(session, demo_id, "fr", photo="10:00 — le cercueil") is None
    with demo_store.read() as session:
        doc = load_advisory(session, demo_id, "fr")
        assert doc.sections["photo"] == "10:00 — le cercueil"
        assert "Banner unrolled" in doc.defaults["photo"]
        assert doc.sections["when_text"] == doc.defaults["when_text"]
    with demo_store.session() as session:
        previous = save_advisory(session, demo_id, "fr", photo="", headline="Avis")
        assert previous == {"photo": "10:00 — le cercueil", "headline": ""}
    with demo_store.read() as session:
        doc = load_advisory(session, demo_id, "fr")
        assert "Banner unrolled" in doc.sections["photo"] and doc.headline == "Avis"
    with demo_store.session() as session:
        undo_save(session, demo_id, "fr", previous)
    with demo_store.read() as session:
        assert load_advisory(session, demo_id, "fr").sections["photo"] == "10:00 — le cercueil"


def test_the_headline_refuses_line_breaks(demo_store, demo_id):
    from app.domain.errors import DomainError
    from app.services.advisory import save_advisory

    with pytest.raises(DomainError) as info:
        with demo_store.session() as session:
            save_advisory(session, demo_id, "fr", headline="a\nb")
    assert info.value.problems[0].path == "headline"


def test_advisories_flags_and_notes_travel_in_the_bundle(demo_store, demo_id):
    from app.services import edits
    from app.services.advisory import save_advisory
    from app.services.bundle_read import import_bundle
    from app.services.bundle_write import bundle_dict

    with demo_store.session() as session:
        save_advisory(session, demo_id, "en", who="Rights group X", headline="Privacy funeral")
        rel = next(r for r in edits.get(session, "action", demo_id).releases if r.language == "en")
        edits.update(session, "release", rel.id, notes_to_editors="Pictures: example.org/p")
    with demo_store.read() as session:
        data = bundle_dict(session, demo_id)
    assert [c["key"] for c in data["schedule"] if c.get("photo_opportunity")] == [
        "banner",
        "carry",
        "wreath",
        "photo",
    ]
    assert data["media_advisories"][0]["who"] == "Rights group X"
    with demo_store.session() as session:
        new_id = import_bundle(session, data).action_id
    with demo_store.read() as session:
        again = bundle_dict(session, new_id)
    assert again["media_advisories"] == data["media_advisories"]
    assert again["schedule"] == data["schedule"]
    assert [r.get("notes_to_editors") for r in again["press_releases"]] == [
        r.get("notes_to_editors") for r in data["press_releases"]
    ]


def test_a_bundle_headline_with_a_line_break_is_refused(demo_store, demo_id):
    from app.domain.errors import DomainError
    from app.services.bundle_read import import_bundle
    from app.services.bundle_write import bundle_dict

    with demo_store.read() as session:
        data = bundle_dict(session, demo_id)
    data["press_releases"][0]["headline"] = "Two\nlines"
    with pytest.raises(DomainError) as info:
        with demo_store.session() as session:
            import_bundle(session, data)
    assert "press_releases[0].headline: must be on one line" in str(info.value)


def test_an_arabic_advisory_keeps_a_latin_photo_line_in_its_parentheses(demo_store, demo_id):
    """The demo's photo lines, typed in English, read on the Arabic page as "(Wreath laid on the
    coffin (Funeral parlour": the closing parenthesis thrown to the far end, mirrored."""
    from bidi import get_display

    from app.services.press_docs import load_advisory

    with demo_store.read() as session:
        arabic = load_advisory(session, demo_id, "ar").defaults["photo"]
        english = load_advisory(session, demo_id, "en").defaults["photo"]
    line = next(x for x in arabic.splitlines() if "Wreath laid on the coffin" in x)
    seen = get_display(line, base_dir="R")  # left to right, as the eye meets it
    # read from the right: the time, the title, then the place in its parentheses, whole
    assert seen.index("Funeral parlour") < seen.index("Wreath laid on the coffin")
    assert seen.index("Wreath laid on the coffin") < seen.index("10:20"), seen
    assert "\u2068Funeral parlour\u2069)" in line
    assert "\u2068" not in english  # an English page gets no invisible marks
