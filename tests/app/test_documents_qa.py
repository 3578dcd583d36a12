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


@pytest.fixture
def scripts_db(cli, demo_db, tmp_path):
    """The demo plan with an Arabic title on the first cue a prop is carried at (09:45)."""
    import json

    bundle = tmp_path / "plan.json"
    assert cli("--db", demo_db, "export", "bundle", SLUG, "-o", bundle).code == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["action"]["slug"] = "scripts"
    cue = next(c for c in data["schedule"] if c["props"])
    cue["title"] = "صقر يصل إلى البوابة — arrives"
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "scripts.sqlite3"
    r = cli("--db", db, "import", bundle)
    assert r.code == 0, r.err
    return db, cue["starts_at"][11:16]


def test_props_card_cue_lines_keep_the_time_first_when_the_title_is_arabic(
    cli, scripts_db, tmp_path
):
    """A cue line is the app's "time  title": it follows the card's direction (English, left to
    right). It was set right to left from the Arabic title: the time at the far right."""
    db, start = scripts_db
    out = tmp_path / "card.pdf"
    r = cli("--db", db, "export", "runsheet", "scripts", "-o", out, "--props-card", "--lang", "en")
    assert r.code == 0, r.err
    lines = [x for x in lines_of(out) if "صقر" in x]
    assert lines and all(x.startswith(start) for x in lines), lines


def test_advisory_photo_lines_keep_the_time_first_when_the_title_is_arabic(cli, demo_db, tmp_path):
    """ "10:00 — title (place)" is the advisory's own line: left to right in an English advisory
    even when the organiser's title is Arabic (it was set right to left, the time at the end)."""
    import json

    bundle = tmp_path / "plan.json"
    assert cli("--db", demo_db, "export", "bundle", SLUG, "-o", bundle).code == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["action"]["slug"] = "photo"
    cue = next(c for c in data["schedule"] if c.get("photo_opportunity"))
    cue["title"] = "صقر يرفع اللافتة"
    cue["place"] = "البوابة"
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "photo.sqlite3"
    assert cli("--db", db, "import", bundle).code == 0
    out = tmp_path / "adv.pdf"
    r = cli("--db", db, "export", "advisory", "photo", "--lang", "en", "--format", "pdf", "-o", out)
    assert r.code == 0, r.err
    lines = [x for x in lines_of(out) if "صقر" in x]
    assert lines and all(x.startswith(cue["starts_at"][11:16]) for x in lines), lines
    html = tmp_path / "adv.html"
    r = cli(
        "--db", db, "export", "advisory", "photo", "--lang", "en", "--format", "html", "-o", html
    )
    assert r.code == 0, r.err
    import re

    line = re.search(r'<p dir="(\w+)"[^>]*>([^<]*صقر[^<]*)</p>', html.read_text(encoding="utf-8"))
    assert line and line.group(1) == "ltr" and line.group(2).startswith(cue["starts_at"][11:16])


def _baselines(path, page: int = 0) -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.append((cm[5] + tm[5] * cm[3], text.strip()))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def test_a_shaped_cell_sits_on_the_same_baseline_as_its_row(cli, scripts_db, tmp_path):
    """Arabic, Hebrew and Devanagari cells were drawn 2 pt above the time and place beside them
    (their first baseline came from the font's ascent, not from the size as in reportlab),
    touching the rule above the row."""
    db, start = scripts_db
    out = tmp_path / "crow.pdf"
    r = cli("--db", db, "export", "runsheet", "scripts", "-o", out, "--participant", "Crow")
    assert r.code == 0, r.err
    marks = _baselines(out)
    arabic = [y for y, t in marks if "صقر" in t]
    times = [y for y, t in marks if t.startswith(f"{start}–")]
    assert arabic and times
    row = min(times, key=lambda y: min(abs(y - a) for a in arabic))
    assert min(abs(row - a) for a in arabic) < 0.3


@pytest.mark.parametrize("lang", ["de", "es"])
def test_an_advisory_without_a_release_in_its_language_still_names_the_press_contact(
    cli, demo_db, tmp_path, lang
):
    """The demo has French and English releases only: the German and Spanish advisories had no
    MEDIA CONTACT at all (and their e-mail draft no From), though the plan holds one."""
    txt = tmp_path / "adv.txt"
    r = cli(
        "--db", demo_db, "export", "advisory", SLUG, "--lang", lang, "--format", "txt", "-o", txt
    )
    assert r.code == 0, r.err
    assert "+33 1 00 00 00 00" in txt.read_text(encoding="utf-8")
    eml = tmp_path / "adv.eml"
    r = cli(
        "--db", demo_db, "export", "advisory", SLUG, "--lang", lang, "--format", "eml", "-o", eml
    )
    assert r.code == 0, r.err
    from email import message_from_bytes

    assert "@" in (message_from_bytes(eml.read_bytes())["From"] or "")


def _role_headings_alone(path) -> list[tuple[int, str]]:
    """Roster role headings ("Mourner (10 de 10)") that end a page, their people on the next."""
    import re

    alone = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        lines = page.extract_text().splitlines()
        foot = next((j for j, x in enumerate(lines) if x.startswith("No compartir")), len(lines))
        if foot and re.search(r"\(\d+ de \d+\)$", lines[foot - 1]):
            alone.append((number, lines[foot - 1]))
    return alone


@pytest.mark.parametrize("steps", [37, 38, 39])
def test_a_roster_role_heading_never_ends_a_page_alone(cli, demo_db, tmp_path, steps):
    """With personal data, a long first cue pushed the last role's heading to the foot of a page
    and all its people onto the next one."""
    import json

    bundle = tmp_path / "plan.json"
    assert cli("--db", demo_db, "export", "bundle", SLUG, "-o", bundle).code == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["action"]["slug"] = "roster"
    data["schedule"][0]["instructions"] = "\n".join(f"{i}. step" for i in range(1, steps + 1))
    data["roles"].append({"key": "big", "name": "Mourner", "needed": 10, "instructions": ""})
    call = data["assignments"][0]["call_time"]
    for n in range(10):
        data["participants"].append(
            {
                "key": f"x{n}",
                "alias": f"X{n:02d}",
                "full_name": f"P {n}",
                "phone": "",
                "email": f"x{n}@example.org",
                "language": "fr",
                "notes": "",
            }
        )
        data["assignments"].append(
            {
                "participant": f"x{n}",
                "role": "big",
                "call_time": call,
                "confirmed": True,
                "attended": None,
            }
        )
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "roster.sqlite3"
    r = cli("--db", db, "import", bundle)
    assert r.code == 0, r.err
    out = tmp_path / "master.pdf"
    r = cli(
        "--db",
        db,
        "export",
        "runsheet",
        "roster",
        "-o",
        out,
        "--lang",
        "es",
        "--include-personal-data",
    )
    assert r.code == 0, r.err
    assert _role_headings_alone(out) == []


def test_the_roster_orders_numbered_aliases_as_numbers(cli, demo_db, tmp_path):
    """Sixty people named "Mourner 1" … "Mourner 60" came out 1, 10, 11 … 19, 2, 20."""
    import json

    bundle = tmp_path / "plan.json"
    assert cli("--db", demo_db, "export", "bundle", SLUG, "-o", bundle).code == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["action"]["slug"] = "numbered"
    data["roles"].append({"key": "big", "name": "Candle bearer", "needed": 12, "instructions": ""})
    call = data["assignments"][0]["call_time"]
    for n in range(1, 13):
        data["participants"].append({"key": f"x{n}", "alias": f"Mourner {n}", "language": "fr"})
        data["assignments"].append({"participant": f"x{n}", "role": "big", "call_time": call})
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "numbered.sqlite3"
    r = cli("--db", db, "import", bundle)
    assert r.code == 0, r.err
    out = tmp_path / "master.pdf"
    assert cli("--db", db, "export", "runsheet", "numbered", "-o", out, "--lang", "en").code == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    order = [int(x) for x in __import__("re").findall(r"Mourner (\d+) \d\d:\d\d", text)]
    assert order == list(range(1, 13))


def test_a_cue_with_an_arabic_title_reads_like_its_neighbours_on_the_volunteer_sheet(
    cli, scripts_db, tmp_path
):
    """The cue's title and its "place · 09:30–09:45" are cells of an English sheet: left to right
    like every other cue. The Arabic title was set right to left, pushed against the place."""
    db, _start = scripts_db
    out = tmp_path / "lark.pdf"
    r = cli("--db", db, "export", "runsheet", "scripts", "-o", out, "--participant", "Lark")
    assert r.code == 0, r.err
    lines = [x for x in lines_of(out) if "صقر" in x]
    assert lines and all(x.index("صقر") < x.index("arrives") for x in lines), lines


def test_the_count_after_a_shaped_role_name_is_not_bold(cli, demo_db, tmp_path):
    """ "Скорбящий 🕯 (2 of 2)": the role name is bold, the count regular. Punctuation and digits
    after a shaped bold run kept its bold font: "(2" printed bold, "of 2)" regular."""
    import json

    bundle = tmp_path / "plan.json"
    assert cli("--db", demo_db, "export", "bundle", SLUG, "-o", bundle).code == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["action"]["slug"] = "faces"
    data["roles"].append(
        {"key": "big", "name": "Mourner 🕯 Скорбящий", "needed": 2, "instructions": ""}
    )
    call = data["assignments"][0]["call_time"]
    for n in range(2):
        data["participants"].append({"key": f"x{n}", "alias": f"X{n}", "language": "fr"})
        data["assignments"].append({"participant": f"x{n}", "role": "big", "call_time": call})
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "faces.sqlite3"
    assert cli("--db", db, "import", bundle).code == 0
    out = tmp_path / "master.pdf"
    assert cli("--db", db, "export", "runsheet", "faces", "-o", out, "--lang", "en").code == 0
    faces: list[tuple[str, str]] = []

    def visit(text, _cm, _tm, font, _size):
        if text.strip() and font:
            faces.append((text, str(font.get("/BaseFont", ""))))

    for page in PdfReader(out).pages:
        page.extract_text(visitor_text=visit)
    assert any("Скорбящий" in t for t, _f in faces)
    bold_count = [t for t, f in faces if "Bold" in f and "(2" in t]
    assert bold_count == []
