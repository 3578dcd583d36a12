"""The volunteer pack's sheets: the phone HTML sheet and the QR codes on the printed sheet."""

from __future__ import annotations

import re
import subprocess

import html5lib
import pytest
import zxingcpp
from PIL import Image

SLUG = "funeral-for-privacy"
NS = {"h": "http://www.w3.org/1999/xhtml"}


def parse(text: str):
    """Strict HTML5 parse: any parse error fails the test."""
    from xml.etree.ElementTree import ElementTree

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return ElementTree(parser.parse(text))


def _html(cli, demo_db, tmp_path, *extra) -> str:
    out = tmp_path / "sheet.html"
    r = cli("--db", demo_db, "export", "runsheet", SLUG, "-o", out, "--format", "html", *extra)
    assert r.code == 0, r.err
    return out.read_text(encoding="utf-8")


def test_phone_sheet_is_valid_html_in_the_readers_language_with_nothing_external(
    cli, demo_db, tmp_path
):
    text = _html(cli, demo_db, tmp_path, "--participant", "Crow")
    doc = parse(text)
    root = doc.getroot()
    assert root.get("lang") == "fr" and root.get("dir") == "ltr"
    assert doc.find(".//h:main", NS) is not None and doc.find(".//h:header", NS) is not None
    assert doc.find(".//h:h1", NS) is not None and doc.findall(".//h:h2", NS)
    assert "mardi 28 mai" in text and "Heure de rendez-vous" in text
    # Call time and meeting point come before the cues.
    assert text.index("09:15") < text.index("Boulevard de Ménilmontant") < text.index("Vos étapes")
    assert "prefers-color-scheme:dark" in text and "default-src 'none'" in text
    assert doc.find(".//h:script", NS) is None and doc.find(".//h:img", NS) is None
    for el in doc.iter():
        for name in ("src", "href", "action"):
            value = el.get(name)
            assert value is None or value.startswith("tel:"), (el.tag, value)
    assert not re.search(r"https?://|url\(", text)
    links = [a.get("href") for a in doc.findall(".//h:a", NS)]
    assert "tel:+33140000000" in links  # legal support, dialable
    assert "Coffin marked PRIVACY" in text  # what Crow carries
    assert "Plan B" in text and "Stay on the pavement" in text


def test_phone_sheet_has_no_personal_data_unless_asked_then_marked_confidential(
    cli, demo_db, tmp_path
):
    plain = _html(cli, demo_db, tmp_path, "--participant", "Crow")
    assert "Camille Martin" not in plain and "@example.org" not in plain
    assert "+33 6 00 00 10 00" not in plain
    private = _html(cli, demo_db, tmp_path, "--participant", "Crow", "--include-personal-data")
    parse(private)
    assert "Camille Martin" in private and "crow@example.org" in private
    assert "CONFIDENTIAL" in private or "CONFIDENTIEL" in private


def test_each_html_writes_one_file_per_person(cli, demo_db, tmp_path):
    folder = tmp_path / "phones"
    r = cli("--db", demo_db, "export", "runsheet", SLUG, "-o", folder, "--each", "--format", "html")
    assert r.code == 0, r.err
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 15 and "Magpie.html" in names and "Crow.html" in names
    magpie = (folder / "Magpie.html").read_text(encoding="utf-8")
    assert parse(magpie).getroot().get("lang") == "en-GB"
    assert "Tuesday 28 May" in magpie or "Tuesday, 28 May" in magpie


def test_html_master_is_refused_naming_the_option(cli, demo_db, tmp_path):
    r = cli(
        "--db", demo_db, "export", "runsheet", SLUG, "-o", tmp_path / "m.html", "--format", "html"
    )
    assert r.code == 2 and "--format" in r.err and "--participant" in r.err
    assert not (tmp_path / "m.html").exists()


def test_arabic_reader_with_a_catalogue_gets_a_right_to_left_sheet(
    cli, demo_db, tmp_path, monkeypatch
):
    from app.exports.runsheet import data
    from app.i18n import Translator

    monkeypatch.setattr(Translator, "has_catalogue", property(lambda self: True))
    data.translator.cache_clear()
    try:
        text = _html(cli, demo_db, tmp_path, "--participant", "Crow", "--lang", "ar")
    finally:
        data.translator.cache_clear()
    root = parse(text).getroot()
    assert root.get("lang") == "ar" and root.get("dir") == "rtl"
    assert 'dir="auto"' in text  # typed text keeps its own direction


def test_arabic_reader_reads_arabic_right_to_left(cli, demo_db, tmp_path):
    root = parse(_html(cli, demo_db, tmp_path, "--participant", "Crow", "--lang", "ar")).getroot()
    assert root.get("dir") == "rtl" and root.get("lang").startswith("ar")
    assert "موعد الحضور" in "".join(root.itertext())


def test_a_reader_without_a_catalogue_reads_english_left_to_right(cli, demo_db, tmp_path):
    root = parse(_html(cli, demo_db, tmp_path, "--participant", "Crow", "--lang", "he")).getroot()
    assert root.get("dir") == "ltr" and root.get("lang").startswith("en")


# --- QR codes on the printed sheet ------------------------------------------------------------
def _codes(pdf, tmp_path) -> list[str]:
    """Rasterise page 1 as a printer would and read every QR code on it with ZXing."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    return [b.text for b in zxingcpp.read_barcodes(Image.open(png)) if b.format.name == "QRCode"]


@pytest.fixture
def crow_pdf(cli, demo_db, tmp_path):
    out = tmp_path / "crow.pdf"
    r = cli("--db", demo_db, "export", "runsheet", SLUG, "-o", out, "--participant", "Crow")
    assert r.code == 0, r.err
    return out


def test_printed_sheet_qr_codes_decode_to_the_call_time_event_and_the_legal_number(
    crow_pdf, tmp_path
):
    import icalendar

    codes = _codes(crow_pdf, tmp_path)
    assert "tel:+33140000000" in codes
    (event_text,) = [c for c in codes if c.startswith("BEGIN:VEVENT")]
    event = icalendar.Event.from_ical(event_text)
    from datetime import UTC, datetime

    # Crow's call: 09:15 in Paris on 28 May 2024 = 07:15 UTC; until the action ends (11:30).
    assert event.decoded("DTSTART") == datetime(2024, 5, 28, 7, 15, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2024, 5, 28, 9, 30, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Boulevard de Ménilmontant, main gate"
    assert "Europe/Paris" in str(event["DESCRIPTION"]) and "09:15" in str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == "Funeral for privacy at Père-Lachaise"
    assert "Crow" not in event_text and "Heron" not in event_text  # nobody's name in it


def test_no_legal_contact_means_no_second_code(cli, demo_store, demo_db, tmp_path):
    from sqlalchemy import select

    from app.domain import models as m

    with demo_store.session() as s:
        for c in s.scalars(select(m.KeyContact)):
            if "Legal" in c.label:
                s.delete(c)
    demo_store.close()
    out = tmp_path / "crow.pdf"
    r = cli("--db", demo_db, "export", "runsheet", SLUG, "-o", out, "--participant", "Crow")
    assert r.code == 0, r.err
    codes = _codes(out, tmp_path)
    assert len(codes) == 1 and codes[0].startswith("BEGIN:VEVENT")


def test_a_batch_makes_each_distinct_code_once_and_every_sheet_still_carries_its_own(
    cli, demo_db, tmp_path, monkeypatch
):
    """Everyone's sheet prints the same legal number, and a role shares its call-time event:
    ``--each`` makes each distinct code once (choosing a code's mask cost more than laying out
    the rest of the sheet), and each sheet still decodes to its reader's own call time."""
    import segno

    from app.exports.pack import qr

    qr.matrix.cache_clear()
    made = []
    real_make = segno.make

    def counting_make(payload, *args, **kwargs):
        made.append(payload)
        return real_make(payload, *args, **kwargs)

    monkeypatch.setattr(segno, "make", counting_make)
    folder = tmp_path / "each"
    r = cli("--db", demo_db, "export", "runsheet", SLUG, "-o", folder, "--each")
    assert r.code == 0, r.err
    sheets = sorted(folder.glob("*.pdf"))
    assert len(sheets) > 10
    assert made and len(made) == len(set(made))  # each code once
    assert made.count("tel:+33140000000") == 1  # not once per sheet
    assert len(made) < 2 * len(sheets)
    crow = next(p for p in sheets if "crow" in p.name.lower())
    texts = _codes(crow, tmp_path)
    assert "tel:+33140000000" in texts
    assert any("BEGIN:VEVENT" in t and "DTSTART:20240528T0715" in t for t in texts)
