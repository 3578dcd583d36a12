"""Run-sheets for a 500-person action: ``export runsheet --each`` against a bare reportlab script.

    .venv/bin/python benchmarks/runsheets.py [--people 500] [--processes N] [--no-accel]

Builds the demo action scaled to N participants in a temporary database, gathers their sheets,
then lays out every sheet twice, each time with the same number of processes:

- **ours**: ``app.exports.runsheet.write_each`` (the code behind ``--each``);
- **anchor**: a bare reportlab script drawing the same pages (same text, same fonts, the same
  tables and paragraphs, the same two QR codes from modules made beforehand, one document per
  person, written to disk atomically as every export is: temporary file, fsync, rename), with
  nothing of Cortège.

It prints both times (CPU, which a shared machine does not distort, and wall), their ratio
and a verdict against the goals of issues #15/#17: ours within 1.25x the anchor's CPU time;
shaping costs at most 20 % on a Latin-only plan (ours against ours with the shaping checks
switched off). Gathering the sheets and the whole command (``run(--each)``) are timed too.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LANGS = ("fr", "en", "de", "el", "es", "it")
GOAL_RATIO = 1.25
GOAL_SHAPING = 1.20


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


# --- the anchor: the same pages with nothing but reportlab ------------------------------------
_BARE: dict = {}


def _bare_styles() -> dict:
    if _BARE:
        return _BARE
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = ROOT / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont("BareSans", str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("BareSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))

    def st(name, size, bold=False):
        font = "BareSans-Bold" if bold else "BareSans"
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.22)

    _BARE.update(
        title=st("title", 17, True), body=st("body", 10.5), h2=st("h2", 12.5, True),
        big=st("big", 22, True), alias=st("alias", 20, True), label=st("label", 9),
        meet=st("meet", 14, True), cue=st("cue", 12, True), small=st("small", 9),
        sched=st("sched", 9), sched_bold=st("sched_bold", 9, True),
    )  # fmt: skip
    return _BARE


def bare_one(job) -> str:
    """One sheet as a bare reportlab script would lay it out: the yardstick."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    s, target, payloads = job
    S = _bare_styles()
    h = s.header
    grid = TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, (0.5, 0.5, 0.5))])
    story = [
        Paragraph(h.title, S["title"]),
        Paragraph(h.message, S["body"]),
        Paragraph(f"{h.date} · {h.hours} · {h.place}", S["body"]),
        Table(
            [
                [
                    Paragraph(f"{s.alias} — {', '.join(r.name for r in s.roles)}", S["alias"]),
                    "",
                    Table([[_bare_qr(c) for c in payloads]]),  # beside, as on ours
                ],
                [
                    [Paragraph("Date", S["label"]), Paragraph(h.day, S["big"])],
                    [Paragraph("Call time", S["label"]), Paragraph(s.call_time, S["big"])],
                    "",
                ],
            ],
            style=[
                ("SPAN", (0, 0), (1, 0)),
                ("SPAN", (2, 0), (2, 1)),
                ("BOX", (0, 0), (-1, -1), 1.6, (0, 0, 0)),
            ],
        ),
        Paragraph("Meeting point", S["label"]),
        Paragraph(h.meeting_point, S["meet"]),
        Paragraph(h.address, S["body"]),
    ]
    story += [Paragraph(f"<b>{r.name}:</b> {r.instructions}", S["body"]) for r in s.roles]
    story.append(Paragraph("Your cues", S["h2"]))
    for c in s.cues:
        story.append(
            Table(
                [[c.start, Paragraph(c.title, S["cue"]), Paragraph(c.place, S["small"])]],
                style=grid,
            )
        )
        story.append(Paragraph(c.instructions, S["body"]))
        if c.bring:
            story.append(Paragraph(f"<b>Bring:</b> {c.bring}", S["body"]))
    story.append(Paragraph("What you carry", S["h2"]))
    story += [Paragraph(f"☐ <b>{c.name}</b> {', '.join(c.times)}", S["body"]) for c in s.carries]
    story.append(Paragraph("Whole schedule", S["h2"]))
    sched = [
        [
            f"{c.start}–{c.end}",
            Paragraph(c.title, S["sched_bold" if c.mine else "sched"]),
            Paragraph(c.place, S["sched_bold" if c.mine else "sched"]),
        ]
        for c in s.schedule
    ]
    story.append(Table(sched, style=grid))
    contacts = Table(
        [[Paragraph(label, S["body"]), Paragraph(ph, S["cue"])] for label, ph in h.contacts]
    )
    notes = [Paragraph(h.fallback, S["body"]), Paragraph(h.safety, S["body"])]
    story.append(Table([[contacts, notes]]))
    buf = io.BytesIO()
    mm = 72 / 25.4
    margins = {"leftMargin": 14 * mm, "rightMargin": 14 * mm, "topMargin": 14 * mm}
    SimpleDocTemplate(buf, pagesize=A4, bottomMargin=16 * mm, **margins).build(story)
    # Written as every export must be: a temporary file, flushed to disk, renamed into place.
    part = f"{target}.part"
    with open(part, "wb") as fh:
        fh.write(buf.getvalue())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, target)
    return target


def _bare_qr(rows):
    """A QR code as a bare script draws it: one rectangle per run of dark modules."""
    from reportlab.platypus import Flowable

    class Code(Flowable):
        def wrap(self, *_args):
            return 64, 64

        def draw(self):
            step = 64 / len(rows)
            for y, row in enumerate(rows):
                x = 0
                while x < len(rows):
                    if not row[x]:
                        x += 1
                        continue
                    run = x
                    while run < len(rows) and row[run]:
                        run += 1
                    self.canv.rect(x * step, 64 - (y + 1) * step, (run - x) * step, step, 0, 1)
                    x = run

    return Code()


def _payloads(sheet) -> list[list[list[bool]]]:
    """The modules of the sheet's two QR codes, made with segno before the clock starts: data,
    like the sheet's texts. (Ours makes each distinct code once a batch; a bare script making
    every code again would be ~10 ms a sheet slower, which is no yardstick.)"""
    import segno

    from app.exports.pack.qr import event_payload, tel_uri

    payloads = [p for p in (event_payload(sheet), tel_uri(sheet.header.legal_phone)) if p]
    return [
        [list(r) for r in segno.make(p, error="l").matrix_iter(scale=1, border=4)]
        for p in payloads or [" "]
    ]


def bare_each(sheets, folder: Path, processes: int, codes: list) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(s, str(folder / f"{n}.pdf"), codes[n]) for n, s in enumerate(sheets)]
    if processes > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ctx.Pool(processes) as pool:
            chunk = max(1, len(jobs) // (processes * 8))
            list(pool.imap(bare_one, jobs, chunksize=chunk))
    else:
        for job in jobs:
            bare_one(job)


def count_pages(folder: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in folder.glob("*.pdf"))


def timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and of the pool workers it ended)."""

    def cpu() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    start, start_cpu = time.perf_counter(), cpu()
    fn()
    return time.perf_counter() - start, cpu() - start_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--processes", type=int, default=min(os.cpu_count() or 1, 8))
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs each")
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
    from app.cli import run
    from app.exports import pdfkit
    from app.exports.runsheet import render_personal, write_each
    from app.exports.runsheet.data import personal_sheets
    from app.services.actions import action_by_slug
    from app.storage.engine import open_store

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = make_db(tmp, args.people)
        store = open_store(str(db))
        with store.read() as session:
            action_id = action_by_slug(session, "funeral-for-privacy").id
            gather_start = time.process_time()
            sheets = personal_sheets(session, action_id, now=datetime(2024, 5, 26, tzinfo=UTC))
            gather = time.process_time() - gather_start
        store.close()
        render_personal(sheets[0])  # fonts registered, caches warm, as in a real batch
        bare_one((sheets[0], str(tmp / "warm.pdf"), _payloads(sheets[0])))
        procs = args.processes
        codes = [_payloads(s) for s in sheets]
        ours_t, bare_t, plain_t = [], [], []
        for r in range(args.rounds):
            ours_t.append(timed(lambda r=r: write_each(sheets, tmp / f"ours{r}", processes=procs)))
            bare_t.append(timed(lambda r=r: bare_each(sheets, tmp / f"bare{r}", procs, codes)))
            # Ours with the shaping checks off: what shaping costs a Latin-only plan.
            real = pdfkit.needs_shaping
            pdfkit.needs_shaping = lambda text: False
            try:
                plain_t.append(
                    timed(lambda r=r: write_each(sheets, tmp / f"plain{r}", processes=procs))
                )
            finally:
                pdfkit.needs_shaping = real
        pages, bare_pages = count_pages(tmp / "ours0"), count_pages(tmp / "bare0")
        out = tmp / "cli"
        argv = ["--db", str(db), "export", "runsheet", "funeral-for-privacy", "-o", str(out)]
        cli = timed(lambda: run([*argv, "--each"], out=io.StringIO()))

    n = len(sheets)
    ours, bare, plain = (min(t[1] for t in ts) for ts in (ours_t, bare_t, plain_t))
    wall_ours, wall_bare = min(t[0] for t in ours_t), min(t[0] for t in bare_t)
    ratio, shaping = ours / bare, ours / plain
    rounds = args.rounds
    print(f"reportlab {accel}; {n} participants; {procs} process(es) for both; best of {rounds}")
    print(f"gathering the sheets:  {gather * 1000 / n:.2f} ms CPU a person (once, in process)")
    per, wall = ours * 1000 / n, wall_ours
    print(f"ours   (write_each):   {pages} pages, {per:.1f} ms CPU a sheet, {wall:.2f} s wall")
    per, wall = bare * 1000 / n, wall_bare
    print(f"anchor (bare script):  {bare_pages} pages, {per:.1f} ms CPU a sheet, {wall:.2f} s wall")
    walls = wall_ours / wall_bare
    print(f"ours / anchor (CPU):   {ratio:.2f}x (goal <= {GOAL_RATIO}x); wall {walls:.2f}x")
    print(f"shaping on Latin text: {shaping:.2f}x of ours without it (goal <= {GOAL_SHAPING}x)")
    print(f"whole CLI --each:      {cli[0]:.2f} s wall, gathering included")
    ok = ratio <= GOAL_RATIO and shaping <= GOAL_SHAPING
    print("verdict:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
