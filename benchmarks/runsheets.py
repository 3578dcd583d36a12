"""Run-sheets for a 500-person action: ``export runsheet --each`` against a bare reportlab script.

    /work/venv/bin/python benchmarks/runsheets.py [--people 500] [--no-accel]

Builds the demo action scaled to N participants in a temporary database, times the CLI's
``--each`` (pages per second, counted back with pypdf), then times a bare reportlab script that
lays out the same text (same fonts, same tables, one document per person) in one process, and
prints both figures and their ratio. The target: at least 150 pages/s, within 2x of the bare
script.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LANGS = ("fr", "en", "de", "el", "es", "it")


def big_bundle(people: int) -> dict:
    from app.services.demo import ASSIGN, demo_bundle

    bundle = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))
    roles = [r for _p, r, _c in ASSIGN]
    calls = {r: c for _p, r, c in ASSIGN}
    bundle["participants"] = [
        {
            "key": f"p{i}",
            "alias": f"Bird {i:03d}",
            "full_name": f"Person Number {i}",
            "phone": f"+33 6 00 {i:06d}",
            "email": f"p{i}@example.org",
            "language": LANGS[i % len(LANGS)],
            "notes": "",
            "consent": {"given_on": "2024-05-01", "scope": "this action", "photos": i % 7 != 0},
        }
        for i in range(people)
    ]
    bundle["assignments"] = [
        {
            "participant": f"p{i}",
            "role": roles[i % len(roles)],
            "call_time": f"2024-05-28T{calls[roles[i % len(roles)]]}",
            "confirmed": True,
            "attended": None,
        }
        for i in range(people)
    ]
    for n, prop in enumerate(bundle["props"]):
        prop["carried_by"] = [f"p{n * 3}", f"p{n * 3 + 1}"]
    for role in bundle["roles"]:
        role["needed"] = people
    bundle["tasks"] = [dict(t, assignee=None) for t in bundle["tasks"]]
    return bundle


def make_db(folder: Path, people: int) -> Path:
    from app.services.bundle_read import import_bundle
    from app.storage.engine import open_store

    path = folder / "big.sqlite3"
    store = open_store(str(path))
    with store.session() as session:
        import_bundle(session, big_bundle(people))
    store.close()
    return path


def count_pages(folder: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in folder.glob("*.pdf"))


def bare_reportlab(sheets, folder: Path) -> int:
    """The same text, laid out with nothing but reportlab: the yardstick."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    fonts = ROOT / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont("BareSans", str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("BareSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
    body = ParagraphStyle("b", fontName="BareSans", fontSize=10.5, leading=13)
    big = ParagraphStyle("c", fontName="BareSans-Bold", fontSize=34, leading=36)
    bold = ParagraphStyle("t", fontName="BareSans-Bold", fontSize=12, leading=15)
    tiny = ParagraphStyle("s", fontName="BareSans", fontSize=8, leading=10)
    grid = TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, (0.5, 0.5, 0.5))])
    pages = 0
    for n, s in enumerate(sheets):
        h = s.header
        story = [
            Paragraph(h.title, bold),
            Paragraph(h.message, body),
            Paragraph(f"{h.date} · {h.hours} · {h.place}", body),
            Paragraph(f"{s.alias} — {', '.join(r.name for r in s.roles)}", bold),
            Table([[Paragraph(s.call_time, big), Paragraph(h.meeting_point, bold)]]),
        ]
        story += [Paragraph(r.instructions, body) for r in s.roles]
        rows = [
            [
                Paragraph(c.start, bold),
                [
                    Paragraph(c.title, bold),
                    Paragraph(c.place, tiny),
                    Paragraph(c.instructions, body),
                ],
            ]
            for c in s.cues
        ]
        story.append(Table(rows, style=grid))
        story += [Paragraph(f"☐ {c.name} {', '.join(c.times)}", body) for c in s.carries]
        sched = [
            [f"{c.start}–{c.end}", Paragraph(c.title, tiny), Paragraph(c.place, tiny)]
            for c in s.schedule
        ]
        story.append(Table(sched, style=grid))
        story.append(
            Table([[Paragraph(label, body), Paragraph(ph, bold)] for label, ph in h.contacts])
        )
        story += [Paragraph(h.fallback, body), Paragraph(h.safety, body)]
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4)
        doc.build(story)
        (folder / f"{n}.pdf").write_bytes(buf.getvalue())
        pages += doc.page
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument(
        "--no-accel", action="store_true", help="measure without rl-accel even if installed"
    )
    args = parser.parse_args()
    if args.no_accel:
        sys.modules["_rl_accel"] = None  # makes reportlab fall back to its pure-Python code
    try:
        import _rl_accel  # noqa: F401

        accel = "with rl-accel"
    except ImportError:
        accel = "without rl-accel"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = make_db(tmp, args.people)
        from app.cli import run
        from app.exports.runsheet.data import personal_sheets
        from app.services.actions import action_by_slug
        from app.storage.engine import open_store

        out = tmp / "each"
        argv = ["--db", str(db), "export", "runsheet", "funeral-for-privacy", "-o", str(out)]
        start = time.perf_counter()
        code = run([*argv, "--each"], out=io.StringIO())
        ours = time.perf_counter() - start
        if code != 0:
            print(f"export runsheet --each failed with exit code {code}")
            return 1
        pages = count_pages(out)

        store = open_store(str(db))
        with store.read() as session:
            action_id = action_by_slug(session, "funeral-for-privacy").id
            sheets = personal_sheets(session, action_id, now=datetime(2024, 5, 26, tzinfo=UTC))
        store.close()
        bare_dir = tmp / "bare"
        bare_dir.mkdir()
        start = time.perf_counter()
        bare_pages = bare_reportlab(sheets, bare_dir)
        bare = time.perf_counter() - start

    print(f"reportlab {accel}; {args.people} participants")
    print(f"export runsheet --each: {pages} pages in {ours:.2f} s = {pages / ours:.0f} pages/s")
    print(
        f"bare reportlab script:  {bare_pages} pages in {bare:.2f} s = {bare_pages / bare:.0f} "
        "pages/s (one process)"
    )
    print(f"ratio bare/ours: {(bare_pages / bare) / (pages / ours):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
