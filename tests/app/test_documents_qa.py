"""What a reader sees on the documents, found by looking at every page before a release."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

SLUG = "funeral-for-privacy"


def lines_of(path, page: int = 0) -> list[str]:
    return [" ".join(x.split()) for x in PdfReader(path).pages[page].extract_text().splitlines()]


@pytest.mark.parametrize(
    ("lang", "day"),
    [
        ("en", "Wednesday, 30 September"),
        ("es", "miércoles, 30 de septiembre"),
        ("de", "Mittwoch, 30. September"),
    ],
)
def test_the_date_in_the_volunteers_box_is_one_line(cli, tmp_path, lang, day):
    """The date was squeezed into 58 % of the box beside a five-character call time and broke
    ("Saturday, 12 / December"), pushing the key numbers onto an almost empty second page."""
    db = tmp_path / "db.sqlite3"
    assert cli("--db", db, "demo", "--on", "2026-09-30").code == 0
    out = tmp_path / "crow.pdf"
    r = cli(
        "--db", db, "export", "runsheet", SLUG, "-o", out, "--participant", "Crow", "--lang", lang
    )
    assert r.code == 0, r.err
    assert day in lines_of(out)
