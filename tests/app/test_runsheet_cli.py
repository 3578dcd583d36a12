"""``export runsheet`` on the command line, per the CLI contract in DESIGN.md."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

SLUG = "funeral-for-privacy"


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.fixture(scope="module")
def each(_demo_template, tmp_path_factory):
    """``--each`` run once for the module: (result, folder)."""
    import io

    from app.cli import run

    folder = tmp_path_factory.mktemp("each") / "sheets"
    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["--db", str(_demo_template), "export", "runsheet", SLUG, "-o", str(folder), "--each"],
        out=out,
        err=err,
    )
    return code, out.getvalue(), err.getvalue(), folder


def test_each_writes_one_sheet_per_assigned_participant_and_prints_the_paths(each):
    code, out, err, folder = each
    assert code == 0, err
    printed = out.split()
    assert len(printed) == 15
    assert str(folder / "Crow.pdf") in printed and str(folder / "Starling.pdf") in printed
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{a}.pdf"
        for a in "Crow Heron Raven Starling Wren Lark Finch Kestrel Robin Owl Magpie Swift Jay "
        "Sparrow Nightjar".split()
    )
    for path in folder.iterdir():
        assert len(PdfReader(path).pages) <= 2
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_each_sheet_is_in_its_readers_language_without_personal_data(each):
    _code, _out, _err, folder = each
    assert "mardi 28 mai 2024" in text_of(folder / "Crow.pdf")
    assert "Tuesday, 28 May 2024" in text_of(folder / "Magpie.pdf")  # en_GB in Paris
    assert "28 Μαΐου 2024" in text_of(folder / "Kestrel.pdf")
    assert "Dienstag, 28. Mai 2024" in text_of(folder / "Starling.pdf")
    for path in folder.iterdir():
        text = text_of(path)
        assert "@example.org" not in text and "Camille Martin" not in text


def test_master_is_the_default_in_the_main_language(cli, demo_db, tmp_path):
    out = tmp_path / "master.pdf"
    r = cli("--db", demo_db, "export", "runsheet", SLUG, "-o", out)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    text = text_of(out)
    assert "mardi 28 mai 2024" in text and "Liste de contrôle des accessoires" in text
    assert "Effectifs" in text  # French labels: the action's main language
    assert "Camille Martin" not in text


def test_participant_sheet_with_lang_override_and_letter_paper(cli, demo_db, tmp_path):
    out = tmp_path / "magpie.pdf"
    r = cli(
        "--db",
        demo_db,
        "export",
        "runsheet",
        SLUG,
        "-o",
        out,
        "--participant",
        "magpie",
        "--lang",
        "fr",
        "--paper",
        "letter",
    )
    assert r.code == 0, r.err
    text = text_of(out)
    assert "Magpie — Press officer" in text and "mardi 28 mai 2024" in text
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_personal_data_only_when_asked_and_then_confidential(cli, demo_db, tmp_path):
    out = tmp_path / "crow.pdf"
    r = cli(
        "--db",
        demo_db,
        "export",
        "runsheet",
        SLUG,
        "-o",
        out,
        "--participant",
        "Crow",
        "--include-personal-data",
    )
    assert r.code == 0, r.err
    text = text_of(out)
    assert "Camille Martin" in text and "CONFIDENTIEL" in text  # Crow reads French


def test_props_card(cli, demo_db, tmp_path):
    out = tmp_path / "props.pdf"
    r = cli("--db", demo_db, "export", "runsheet", SLUG, "-o", out, "--props-card")
    assert r.code == 0, r.err
    text = text_of(out)
    assert "Qui porte quoi, et quand" in text and "Sparrow Hearse" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "--participant", "Crow"], "SLUG: no action with slug 'nope'"),
        ([SLUG, "--participant", "Nobody"], "participant: no participant with alias 'Nobody'"),
        ([SLUG, "--lang", "xx-nope"], "lang: unknown language 'xx-nope'"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_leaves_the_file_alone(
    cli, demo_db, tmp_path, args, message
):
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"previous")
    r = cli("--db", demo_db, "export", "runsheet", *args[:1], "-o", out, *args[1:])
    assert r.code == 2
    assert message in r.err
    assert "Traceback" not in r.err
    assert out.read_bytes() == b"previous"


def test_one_of_participant_each_props_card(cli, demo_db, tmp_path, capsys):
    r = cli(
        "--db", demo_db, "export", "runsheet", SLUG, "-o", tmp_path / "x", "--each", "--props-card"
    )
    assert r.code == 2
    assert "argument --props-card: not allowed with argument --each" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_each_on_several_processes_writes_the_same_sheets(demo_db, tmp_path):
    """Large batches are laid out by a process pool; run it in a fresh interpreter, as the CLI
    runs (a pytest process may hold threads that a fork must not inherit)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "pooled"
    code = (
        "import sys; import app.exports.runsheet as r; r.POOL_THRESHOLD = 2; "
        "from app.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    argv = ["--db", str(demo_db), "export", "runsheet", SLUG, "-o", str(folder), "--each"]
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.split()) == 15
    assert "Crow — Pallbearer" in text_of(folder / "Crow.pdf")
    assert "28 Μαΐου 2024" in text_of(folder / "Kestrel.pdf")


def test_write_each_reports_progress_and_stops_when_cancelled(demo_store, demo_id, tmp_path):
    from app.exports.runsheet import write_each
    from app.exports.runsheet.data import personal_sheets

    with demo_store.read() as session:
        sheets = personal_sheets(session, demo_id)
    seen: list[tuple[int, int]] = []
    written = write_each(
        sheets,
        tmp_path / "some",
        progress=lambda done, total: seen.append((done, total)),
        cancelled=lambda: len(seen) >= 3,
        processes=1,
    )
    assert len(written) == 3 and seen == [(1, 15), (2, 15), (3, 15)]
    assert sorted(p.name for p in (tmp_path / "some").iterdir()) == sorted(p.name for p in written)


def test_each_on_an_action_with_nobody_says_so(cli, tmp_path):
    """It printed nothing and exited 0, as if the sheets were written somewhere."""
    db = tmp_path / "empty.sqlite3"
    bundle = tmp_path / "empty.json"
    bundle.write_text(
        '{"format": "cortege.bundle", "version": 1, "action": {"slug": "vigil", "title": "Vigil",'
        ' "timezone": "Europe/Paris", "starts_at": "2027-03-06T20:00",'
        ' "ends_at": "2027-03-06T21:00"}}',
        encoding="utf-8",
    )
    assert cli("--db", db, "import", bundle).code == 0
    r = cli("--db", db, "export", "runsheet", "vigil", "-o", tmp_path / "sheets", "--each")
    assert r.code == 0 and r.out == ""
    assert "nobody has a role or a cue in 'vigil' yet" in r.err
