"""Documents speak their reader's language, whatever the UI's: the demo's German volunteer gets a
German sheet from a French organiser; a Greek one gets Greek dates even without a Greek
catalogue."""

from __future__ import annotations

import pytest

from app.i18n import set_ui_language


def _sheet_text(cli, demo_db, tmp_path, *extra: str) -> str:
    from pypdf import PdfReader

    out = tmp_path / "sheet.pdf"
    result = cli(
        "--db",
        demo_db,
        "export",
        "runsheet",
        "funeral-for-privacy",
        "--participant",
        "Starling",
        "-o",
        out,
        *extra,
    )
    assert result.code == 0, result.err
    return "\n".join(page.extract_text() for page in PdfReader(out).pages)


@pytest.fixture
def french_ui():
    assert set_ui_language("fr") == "fr"
    yield
    set_ui_language("en")


def test_german_participant_gets_german_sheet_while_the_ui_is_french(
    french_ui, cli, demo_db, tmp_path
):
    text = _sheet_text(cli, demo_db, tmp_path)

    assert "Dienstag, 28. Mai 2024" in text
    for label in ("Treffzeit", "Treffpunkt", "Deine Programmpunkte", "Wichtige Nummern"):
        assert label in text
    for other in ("Heure de rendez-vous", "Point de rendez-vous", "Call time", "Meeting point"):
        assert other not in text
    assert "mardi" not in text and "Tuesday" not in text


def test_lang_option_overrides_the_reader(cli, demo_db, tmp_path):
    text = _sheet_text(cli, demo_db, tmp_path, "--lang", "fr")

    assert "mardi 28 mai 2024" in text
    assert "Heure de rendez-vous" in text and "Point de rendez-vous" in text
    assert "Treffzeit" not in text


def test_greek_volunteer_reads_greek_dates_and_greek_labels(french_ui, cli, demo_db, tmp_path):
    text = _sheet_text(cli, demo_db, tmp_path, "--lang", "el")

    assert "28 Μαΐου 2024" in text
    assert "Ώρα προσέλευσης" in text and "Σημείο συνάντησης" in text
    assert "Call time" not in text and "Meeting point" not in text
    assert "Heure de rendez-vous" not in text  # never the organiser's French


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("it", ("Orario di ritrovo", "Punto d'incontro", "I tuoi momenti")),
        ("pt", ("Horário de chegada", "Ponto de encontro", "Seus momentos")),
        ("pl", ("Godzina zbiórki", "Miejsce zbiórki", "Twoje punkty")),
        ("uk", ("Час збору", "Місце збору", "Твої пункти")),
        ("tr", ("Toplanma saati", "Buluşma noktası", "Bölümlerin")),
    ],
)
def test_every_readers_language_prints_its_own_labels(cli, demo_db, tmp_path, lang, labels):
    """The eight readers' languages beyond fr/de/es print their own labels on a volunteer's
    sheet (Arabic is read back in tests/app/test_shaping.py: its glyphs are shaped)."""
    text = _sheet_text(cli, demo_db, tmp_path, "--lang", lang)

    for label in labels:
        assert label in text
    assert "Call time" not in text and "Meeting point" not in text
