"""Each press format for the demo in French and English, as a journalist would read it."""

from __future__ import annotations

import email
import io
import shutil
from dataclasses import replace
from email import policy

import pytest

FR_EMBARGO = "SOUS EMBARGO jusqu'au 28 mai 2024 à 09:30 (heure de Paris)"
EN_EMBARGO = "EMBARGOED UNTIL 28 May 2024, 09:30 (Paris time)"
FR_HEADLINE = "Funérailles de la vie privée au Père-Lachaise"
EN_HEADLINE = "Funeral for privacy at Père-Lachaise"
FR_QUOTE = "« Nous n'enterrerons pas la vie privée sans nous battre. »"
EN_QUOTE = "“We will not let privacy be buried without a fight.”"
ORG = "Observatoire des libertés numériques"


def flat(text: str) -> str:
    """Whitespace (line breaks of the PDF, no-break spaces) as single spaces."""
    return " ".join(text.split())


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (120, 60), (164, 22, 26)).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def press(_demo_template, tmp_path_factory):
    """The demo with an organisation name, logo and boilerplate; releases by language."""
    from app.services.actions import action_by_slug
    from app.services.press_docs import find_release, load_release
    from app.services.settings import update_settings
    from app.storage.engine import open_store

    path = tmp_path_factory.mktemp("press") / "demo.sqlite3"
    shutil.copy(_demo_template, path)
    store = open_store(str(path))
    with store.session() as session:
        update_settings(
            session,
            name=ORG,
            logo=_png(),
            boilerplate="We defend **privacy** online. See [our site](https://example.org).",
        )
    with store.read() as session:
        action = action_by_slug(session, "funeral-for-privacy")
        docs = {
            lang: load_release(session, find_release(session, action.id, lang=lang).id)
            for lang in ("fr", "en")
        }
    store.close()
    return docs


@pytest.fixture(scope="module")
def pdf_text(press):
    from pypdf import PdfReader

    from app.exports.press import render

    out = {}
    for lang, doc in press.items():
        reader = PdfReader(io.BytesIO(render(doc, "pdf")))
        out[lang] = (len(reader.pages), flat(reader.pages[0].extract_text()), reader)
    return out


EXPECT = {
    "fr": (FR_EMBARGO, "PARIS, 28 mai 2024 —", FR_HEADLINE, FR_QUOTE, "— Owl, porte-parole"),
    "en": (EN_EMBARGO, "PARIS, 28 May 2024 —", EN_HEADLINE, EN_QUOTE, "— Owl, spokesperson"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pdf_is_one_page_on_the_letterhead_with_every_convention(pdf_text, lang):
    pages, text, reader = pdf_text[lang]
    assert pages == 1
    for expected in EXPECT[lang]:
        assert expected in text
    assert text.startswith(ORG)
    assert "###" in text
    assert reader.pages[0].images, "the logo is on the letterhead"
    assert reader.metadata.title == EXPECT[lang][2]


def test_pdf_labels_follow_the_release_language(pdf_text):
    fr, en = pdf_text["fr"][1], pdf_text["en"][1]
    assert "COMMUNIQUÉ DE PRESSE" in fr and "Contact presse" in fr
    assert "À propos d'Observatoire des libertés numériques" in fr
    assert "PRESS RELEASE" in en and "Media contact" in en
    assert f"About {ORG}" in en
    assert "We defend privacy online. See our site." in en


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plain_text(press, lang):
    from app.exports.press import render

    text = render(press[lang], "txt").decode("utf-8")
    for expected in EXPECT[lang]:
        assert expected in flat(text)
    lines = text.splitlines()
    assert lines[1] == EXPECT[lang][0]
    assert "###" in lines
    assert "See our site (https://example.org)." in text
    assert "**" not in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_html(press, lang):
    from app.exports.press import render

    page = render(press[lang], "html").decode("utf-8")
    assert f'<html lang="{lang}" dir="ltr">' in page
    for expected in EXPECT[lang]:
        assert expected in flat(page)
    assert "<strong>" in page  # the body's **bold**
    assert "###" in page


def test_html_arabic_release_is_right_to_left_and_each_block_finds_its_direction(press):
    from app.exports.press import render

    doc = replace(
        press["en"], language="ar", headline="جنازة الخصوصية", body="لا لدفن الخصوصية\n\nEnglish"
    )
    page = render(doc, "html").decode("utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert '<h1 dir="auto"' in page and page.count('<p dir="auto"') >= 2
    assert "border-right:3px" in page  # the quote's rule on the reading side
    assert "بيان صحفي" in page and "«" in page  # the Arabic newsroom's own words and quotes


@pytest.mark.parametrize("fmt", ["txt", "html", "pdf", "eml"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_notes_to_editors_in_every_format(press, fmt, lang):
    from app.exports.press import render

    heading = "Notes aux rédactions" if lang == "fr" else "Notes to editors"
    doc = replace(press[lang], notes_to_editors="Photos libres de droits : https://example.org/p")
    data = render(doc, fmt)
    if fmt == "pdf":
        from pypdf import PdfReader

        text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    elif fmt == "eml":
        msg = email.message_from_bytes(data, policy=policy.default)
        text = flat(msg.get_body(preferencelist=("plain",)).get_content())
    else:
        text = flat(data.decode("utf-8"))
    assert heading in text and "Photos libres de droits" in text
    assert text.index("###") < text.index(heading)  # after the end mark, as newsrooms expect


def test_html_escapes_the_headline_and_body(press):
    from app.exports.press import render

    doc = replace(
        press["en"], headline="Cameras < rights & freedoms", body="<img src=x onerror=alert(1)>"
    )
    page = render(doc, "html").decode("utf-8")
    assert "Cameras &lt; rights &amp; freedoms" in page
    assert "<title>Cameras &lt; rights &amp; freedoms</title>" in page
    assert "<img" not in page
    assert "Cameras < rights" not in page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_eml_is_a_draft_with_pdf_and_bcc_only(press, lang):
    from app.exports.press import render

    raw = render(press[lang], "eml", bcc=["desk@example.net", "redaction@example.com"])
    msg = email.message_from_bytes(raw, policy=policy.default)
    embargo = FR_EMBARGO if lang == "fr" else EN_EMBARGO
    assert msg["Subject"] == f"{embargo} — {EXPECT[lang][2]}"
    assert msg["Date"].datetime.tzinfo is not None
    assert msg["Message-ID"].startswith("<") and msg["Message-ID"].endswith("@example.org>")
    assert msg["To"] is None and msg["Cc"] is None
    assert "desk@example.net" in msg["Bcc"] and "redaction@example.com" in msg["Bcc"]
    assert msg["X-Unsent"] == "1"
    assert msg["Content-Language"] == lang
    sender = "presse@example.org" if lang == "fr" else "press@example.org"
    assert sender in msg["From"] and ORG in msg["From"]
    text = msg.get_body(preferencelist=("plain",)).get_content()
    html = msg.get_body(preferencelist=("html",)).get_content()
    for expected in EXPECT[lang]:
        assert expected in flat(text)
        assert expected in flat(html)
    [pdf] = list(msg.iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == f"2024-05-28 {EXPECT[lang][2]}.pdf"
    assert pdf.get_content().startswith(b"%PDF")
    assert b"\r\n" in raw


def test_eml_without_embargo_has_the_bare_headline_and_a_chosen_sender(press):
    from app.exports.press import render

    doc = replace(press["fr"], embargo_until=None, headline="Le cercueil / la « vie privée »?")
    msg = email.message_from_bytes(
        render(doc, "eml", from_name="Collectif Vie Privée"), policy=policy.default
    )
    assert msg["Subject"] == "Le cercueil / la « vie privée »?"
    assert msg["From"].addresses[0].display_name == "Collectif Vie Privée"
    [pdf] = list(msg.iter_attachments())
    assert pdf.get_filename() == "2024-05-28 Le cercueil la « vie privée ».pdf"


def test_no_embargo_means_immediate_release(press):
    from app.exports.press import render

    fr = render(replace(press["fr"], embargo_until=None), "txt").decode()
    en = render(replace(press["en"], embargo_until=None), "txt").decode()
    assert fr.splitlines()[1] == "POUR DIFFUSION IMMÉDIATE"
    assert en.splitlines()[1] == "FOR IMMEDIATE RELEASE"


def test_end_mark_from_the_settings(press):
    from app.exports.press import render

    text = render(replace(press["en"], end_mark="-30-"), "txt").decode()
    assert "-30-" in text.splitlines()
    assert "###" not in text


def test_other_languages_from_the_table_and_fallback(press):
    from app.exports.press import render

    de = render(replace(press["en"], language="de"), "txt").decode()
    assert "SPERRFRIST: 28. Mai 2024, 09:30 Uhr (Ortszeit Paris)" in de
    assert "PARIS, 28. Mai 2024 —" in de
    es = render(replace(press["en"], language="es"), "txt").decode()
    assert "EMBARGADO HASTA el 28 de mayo de 2024 a las 9:30 (hora de París)" in es
    it = render(replace(press["en"], language="it"), "txt").decode()
    assert "SOTTO EMBARGO FINO AL 28 maggio 2024, 09:30 (ora di Parigi)" in it
    assert "PARIS, 28 maggio 2024 —" in it
    nl = render(replace(press["en"], language="nl"), "txt").decode()  # no Dutch catalogue
    assert "EMBARGOED UNTIL 28 mei 2024, 09:30 (Parijs time)" in nl
    assert "PARIS, 28 mei 2024 —" in nl


def test_a_long_release_shrinks_then_numbers_its_pages(press):
    from pypdf import PdfReader

    from app.exports.press import render

    body = "\n\n".join(["Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 8] * 6)
    reader = PdfReader(io.BytesIO(render(replace(press["en"], body=body), "pdf")))
    assert len(reader.pages) == 1
    reader = PdfReader(io.BytesIO(render(replace(press["en"], body=body * 3), "pdf")))
    assert len(reader.pages) >= 2
    assert f"1 / {len(reader.pages)}" in reader.pages[0].extract_text()


def test_unreadable_logo_leaves_the_name_on_the_letterhead(press):
    from pypdf import PdfReader

    from app.exports.press import render

    reader = PdfReader(io.BytesIO(render(replace(press["fr"], org_logo=b"not an image"), "pdf")))
    assert len(reader.pages) == 1
    assert not reader.pages[0].images
    assert flat(reader.pages[0].extract_text()).startswith(ORG)


def test_us_action_prints_on_letter_with_us_dates(press):
    from pypdf import PdfReader

    from app.exports.press import render

    doc = replace(press["en"], country="US")
    page = PdfReader(io.BytesIO(render(doc, "pdf"))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    text = flat(page.extract_text())
    assert "EMBARGOED UNTIL May 28, 2024, 9:30 AM (Paris time)" in text
    assert "PARIS, May 28, 2024 —" in text


def test_the_first_of_the_month_is_an_ordinal_in_a_french_dateline(press):
    from datetime import UTC, datetime

    from app.exports.press import render

    doc = replace(
        press["fr"], release_at=datetime(2024, 6, 1, 8, 0, tzinfo=UTC), embargo_until=None
    )
    assert "PARIS, 1er juin 2024 —" in render(doc, "txt").decode("utf-8")
    en = replace(press["en"], release_at=datetime(2024, 6, 1, 8, 0, tzinfo=UTC))
    assert "PARIS, 1 June 2024 —" in render(en, "txt").decode("utf-8")


def test_an_embargo_in_the_hour_that_happens_twice_says_which():
    """25 October 2026, 02:30 in Paris happens twice (the clocks go back at 03:00): the line
    read "à 02:30 (heure de Paris)" for either; it names the offset on that night only."""
    from datetime import UTC, datetime

    from app.exports.press.conventions import embargo_line

    first, second = (
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    )
    assert embargo_line(first, zone="Europe/Paris", lang="fr") == (
        "SOUS EMBARGO jusqu'au 25 octobre 2026 à 02:30 (heure de Paris, UTC+02:00)"
    )
    assert embargo_line(second, zone="Europe/Paris", lang="de") == (
        "SPERRFRIST: 25. Oktober 2026, 02:30 Uhr (Ortszeit Paris, GMT+01:00)"
    )
    assert embargo_line(
        datetime(2026, 10, 25, 8, 30, tzinfo=UTC), zone="Europe/Paris", lang="fr"
    ) == ("SOUS EMBARGO jusqu'au 25 octobre 2026 à 09:30 (heure de Paris)")


@pytest.mark.parametrize(
    ("typed", "lang", "printed"),
    [
        (
            "„Wir lassen die Privatsphäre nicht begraben.“",
            "de",
            "„Wir lassen die Privatsphäre nicht begraben.“",
        ),
        (
            "« On n’enterre pas la vie privée. »",
            "fr",
            "«\u00a0On n’enterre pas la vie privée.\u00a0»",
        ),
        ("“We will not bury it.”", "fr", "«\u00a0We will not bury it.\u00a0»"),
        ("“Privacy” is not dead, they say “no”", "en", "““Privacy” is not dead, they say “no””"),
    ],
)
def test_a_quote_typed_with_its_marks_gets_no_second_pair(press, typed, lang, printed):
    """A quote pasted with its quotation marks printed „„Wir lassen …““ in every format; marks
    that do not wrap the whole quote are the speaker's own and stay."""
    from app.exports.press import render
    from app.services.press_docs import QuoteView

    doc = replace(press["en"], language=lang, quotes=(QuoteView("Owl", typed),))
    assert printed in render(doc, "txt").decode("utf-8")
