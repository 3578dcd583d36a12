"""Press documents and the declaration letter never fail to print: every text field at its limit,
in every script, with many lines and long words, gives every format, and pypdf reads the text
back. Plus the logical string of Arabic, Hebrew and Devanagari read back from each PDF.

The property keeps the fields whose limits are thousands of characters (a release's body,
boilerplate, notes to editors at 3,000; the advisory's sections at 1,500) shorter so that it
stays fast;
``test_a_release_with_its_longest_fields_at_their_limit`` prints them once at their full limit.
"""

from __future__ import annotations

import email
import io
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from email import policy

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.services.fields import ENTITY_FIELDS

PIECES = [
    "Vie privée, liberté ; ",
    "Ιδιωτικότητα ",
    "Приватность ",
    "الخصوصية ",
    "פרטיות ",
    "निगरानी ",
    "🕯 ",
    "Überwachungsgesamtrechnungsverordnung" * 3 + " ",
    "<b>&amp;</b> **x** [l](javascript:x) ",
]
ARABIC, HEBREW, DEVANAGARI = "لا للمراقبة الجماعية", "שלום עולם", "निगरानी स्वतंत्रता"
FAST_CAP = 3000
FIXTURE = HealthCheck.function_scoped_fixture  # the module's documents are read-only

texts = st.tuples(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map("".join),
    st.sampled_from([0, 1, 7, 60]),  # a line break every N pieces' worth of characters (0: none)
)


def fill(sample: tuple[str, int], limit: int, marker: str, *, lines: bool = True) -> str:
    """``marker`` then ``sample`` repeated up to exactly ``limit`` characters."""
    piece, every = sample
    text = marker + " "
    while len(text) < limit:
        text += piece
        if lines and every and len(text) % (every * 3 + 1) < len(piece):
            text += "\n"
    return text[:limit].rstrip("\n") or marker


def limit(entity: str, name: str, cap: int | None = None) -> int:
    n = ENTITY_FIELDS[entity][name].max_len
    return min(n, cap) if cap else n


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(p.extract_text() for p in reader.pages)


def check_formats(render, doc, markers: list[str]) -> None:
    for fmt in ("pdf", "txt", "html", "eml"):
        data = render(doc, fmt)
        assert data, fmt
        if fmt == "pdf":
            pages, text = pdf_text(data)
            assert pages >= 1
            for m in markers:
                assert m in text, m
        elif fmt == "eml":
            msg = email.message_from_bytes(data, policy=policy.default)
            assert "\n" not in msg["Subject"]
            [pdf] = list(msg.iter_attachments())
            assert pdf_text(pdf.get_content())[0] >= 1
        else:
            text = data.decode("utf-8")
            for m in markers:
                assert m in text, m


@pytest.fixture(scope="module")
def docs(_demo_template, tmp_path_factory):
    """The demo's English release and French advisory, read once."""
    import shutil

    from app.services.actions import action_by_slug
    from app.services.press_docs import find_release, load_advisory, load_release
    from app.storage.engine import open_store

    path = tmp_path_factory.mktemp("limits") / "demo.sqlite3"
    shutil.copy(_demo_template, path)
    store = open_store(str(path))
    with store.read() as session:
        action = action_by_slug(session, "funeral-for-privacy")
        release = load_release(session, find_release(session, action.id, lang="en").id)
        advisory = load_advisory(session, action.id, "fr")
    store.close()
    return release, advisory


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sample=texts, lang=st.sampled_from(["en", "fr", "ar", "he", "hi"]))
def test_every_release_format_with_every_field_at_its_limit(docs, sample, lang):
    from app.exports.press import render
    from app.exports.press.document import ContactView, QuoteView

    base = docs[0]
    doc = replace(
        base,
        language=lang,
        headline=fill(sample, limit("release", "headline"), "Hmark", lines=False),
        subheadline=fill(sample, limit("release", "subheadline"), "Smark"),
        dateline=fill(sample, limit("release", "dateline"), "Dmark", lines=False),
        body=fill(sample, limit("release", "body", FAST_CAP), "Bmark"),
        boilerplate=fill(sample, limit("release", "boilerplate", FAST_CAP), "Amark"),
        notes_to_editors=fill(sample, limit("release", "notes_to_editors", FAST_CAP), "Nmark"),
        quotes=tuple(QuoteView(fill(sample, 200, "Qs"), fill(sample, 1000, "Qmark")) for _ in "12"),
        contacts=(ContactView(fill(sample, 200, "Cmark", lines=False), "+33 1", "a@b.org"),),
        org_name=fill(sample, 200, "Omark", lines=False),
    )
    check_formats(render, doc, ["Hmark", "Bmark", "Nmark", "Amark", "Qmark"])


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sample=texts, lang=st.sampled_from(["fr", "en", "ar", "de"]))
def test_every_advisory_format_with_every_section_at_its_limit(docs, sample, lang):
    from app.exports.press import render_advisory
    from app.services.fields import ENTITY_FIELDS as F

    names = ("what", "when_text", "where_text", "who", "photo", "contact")
    sections = {
        n: fill(sample, min(F["advisory"][n].max_len, FAST_CAP // 2), f"{n[:2].upper()}mark")
        for n in names
    }
    doc = replace(
        docs[1],
        language=lang,
        headline=fill(sample, limit("advisory", "headline"), "Hmark", lines=False),
        sections=sections,
    )
    check_formats(render_advisory, doc, ["Hmark", "WHmark", "PHmark", "COmark"])


def _action(sample, *, country: str = "FR"):
    """A transient plan (no database) with every field the letter prints at its limit."""
    from app.domain import models as m

    start = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)
    action = m.Action(
        slug="x",
        title=fill(sample, limit("action", "title"), "Tmark", lines=False),
        message=fill(sample, limit("action", "message"), "Mmark"),
        timezone="Europe/Paris" if country == "FR" else "Europe/London",
        country=country,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        location_name=fill(sample, limit("action", "location_name"), "Lmark", lines=False),
        address=fill(sample, limit("action", "address"), "Xmark"),
        meeting_point=fill(sample, limit("action", "meeting_point"), "Pmark"),
        route=[fill(sample, 300, f"R{i}mark", lines=False) for i in range(4)],
        languages=["fr"],
        decl_authority=fill(sample, limit("action", "decl_authority"), "Umark", lines=False),
    )
    action.roles = [m.Role(key="r", name="r", needed=12)]
    action.props = [
        m.Prop(key=f"p{i}", name=fill(sample, 300, f"Prop{i}", lines=False), quantity=i + 1)
        for i in range(6)
    ]
    return action


@settings(max_examples=4, deadline=None)
@given(sample=texts, country=st.sampled_from(["FR", "GB"]), n=st.integers(1, 5))
# A sender's address of ~60 lines made the letter's heading a table row taller than a page:
# the whole letter was printed flat and the signatures spread over two pages.
@example(sample=("פרטיות ", 1), country="FR", n=5)
def test_the_declaration_letter_with_every_field_at_its_limit(sample, country, n):
    from app.exports.declaration import Organiser, build_pdf

    organisers = [
        Organiser(fill(sample, 200, f"Org{i}", lines=False), fill(sample, 400, f"Addr{i}"))
        for i in range(n)
    ]
    purpose = fill(sample, 4000, "Wmark")
    data = build_pdf(
        _action(sample, country=country), organisers, purpose=purpose, today=date(2024, 12, 1)
    )
    pages, text = pdf_text(data)
    assert pages >= 1
    for marker in ["Wmark", "Lmark", "R3mark", "Prop5", *(f"Org{i}" for i in range(n))]:
        assert marker in text, marker
    last = PdfReader(io.BytesIO(data)).pages[-1].extract_text()
    assert all(f"Org{i}" in last for i in range(n))  # every signature on the last page


def test_a_release_with_its_longest_fields_at_their_limit(docs):
    from app.exports.press import render

    latin = ("Vie privée, liberté ; " * 3 + "\n", 0)
    doc = replace(
        docs[0],
        body=fill(latin, limit("release", "body"), "Bmark"),
        boilerplate=fill(latin, limit("release", "boilerplate"), "Amark"),
        notes_to_editors=fill(latin, limit("release", "notes_to_editors"), "Nmark"),
    )
    pages, text = pdf_text(render(doc, "pdf"))
    assert pages > 10 and "Bmark" in text and "Nmark" in text and "Amark" in text
    assert f"{pages} / {pages}" in text


@pytest.mark.parametrize("sample", [ARABIC, HEBREW, DEVANAGARI])
def test_every_pdf_reads_back_the_logical_string(docs, sample):
    from app.exports.declaration import Organiser, build_pdf
    from app.exports.press import render, render_advisory

    release = replace(docs[0], headline=sample, subheadline="", body=sample)
    advisory = replace(docs[1], headline=sample)
    letter = build_pdf(_action(("x", 0)), [Organiser(sample, "1 rue X, Paris")], purpose=sample)
    for data in (render(release, "pdf"), render_advisory(advisory, "pdf"), letter):
        lines = [ln.strip() for ln in pdf_text(data)[1].splitlines()]
        text = "\n".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines())
        assert sample in text.splitlines() or sample in lines, text[:300]
