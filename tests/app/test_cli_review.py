"""Findings of a script author's review of the command line: each bad input gets exit 2 and a
message naming what is wrong, nothing is written, and what `list` prints keeps its columns."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def _count_actions(cli, db) -> int:
    return len(cli("--db", db, "list").out.splitlines())


@pytest.mark.parametrize("top", ["[1, 2]", "null", "42", '"x"', "true"])
def test_a_bundle_that_is_not_an_object_is_refused_by_name(cli, db_path, tmp_path, top):
    """[1,2], null and 42 gave "internal error: TypeError" and exit 1; "x" said "not valid
    JSON" of valid JSON."""
    cli("--db", db_path, "init")
    bundle = tmp_path / "odd.json"
    bundle.write_text(top, encoding="utf-8")
    r = cli("--db", db_path, "import", bundle)
    assert r.code == 2, r.err
    assert "a bundle must be a JSON object" in r.err and "internal error" not in r.err
    assert _count_actions(cli, db_path) == 0


def test_a_bundle_written_as_a_json_string_is_not_read_twice(cli, demo_db, db_path, tmp_path):
    out = tmp_path / "plan.json"
    cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out)
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(out.read_text(encoding="utf-8")), encoding="utf-8")
    cli("--db", db_path, "init")
    r = cli("--db", db_path, "import", twice)
    assert r.code == 2 and "a bundle must be a JSON object" in r.err
    assert _count_actions(cli, db_path) == 0


def test_an_empty_db_option_is_refused_not_the_default_database(cli, demo_db, monkeypatch):
    """`--db "$DB"` with DB unset imported into the user's own database."""
    monkeypatch.setenv("CORTEGE_DB", str(demo_db))
    r = cli("--db", "", "list")
    assert r.code == 2
    assert "--db" in r.err and "empty" in r.err
    assert r.out == ""


def test_a_database_url_of_another_kind_says_which_are_read(cli):
    r = cli("--db", "mysql://alice:s3cretPW@127.0.0.1/x", "list")
    assert r.code == 2, r.err
    assert "internal error" not in r.err and "s3cretPW" not in r.err
    assert "SQLite" in r.err and "PostgreSQL" in r.err


@pytest.mark.parametrize("language", ["pl_PL.UTF-8", "tr_TR.UTF-8", "uk_UA.UTF-8", "el_GR.UTF-8"])
def test_a_language_only_documents_speak_gets_english_messages(cli, demo_db, monkeypatch, language):
    """Polish printed "The angielski release … is still a draft": English with Polish bits."""
    from app.i18n import set_ui_language

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "CORTEGE_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", language)
    set_ui_language(None)  # as a new process starts
    try:
        r = cli("--db", demo_db, "check", "funeral-for-privacy")
    finally:
        monkeypatch.setenv("CORTEGE_LANG", "en")
        set_ui_language(None)
    assert r.code == 3
    draft = next(line for line in r.out.splitlines() if line.startswith("release-unapproved"))
    assert "The English release" in draft, draft


@pytest.mark.parametrize(
    "command", [("list",), ("check", "funeral-for-privacy"), ("export", "bundle", "x", "-o", "o")]
)
def test_a_mistyped_database_is_not_created_by_a_command_that_reads(cli, tmp_path, command):
    typo = tmp_path / "plna.cortege"
    r = cli("--db", typo, *command)
    assert r.code == 2
    assert f"{typo}: no such database" in r.err
    assert not typo.exists()
    url = f"sqlite:///{tmp_path / 'nonexist.db'}"
    assert cli("--db", url, *command).code == 2
    assert not (tmp_path / "nonexist.db").exists()


def test_init_demo_import_and_upgrade_still_create_the_database(cli, tmp_path):
    assert cli("--db", tmp_path / "a.cortege", "init").code == 0
    assert cli("--db", tmp_path / "b.cortege", "demo").code == 0
    made = cli("--db", tmp_path / "c.cortege", "upgrade")
    assert made.code == 0 and "schema created at revision" in made.out, made.err
    assert all((tmp_path / f"{n}.cortege").exists() for n in "abc")


def test_a_server_driver_that_is_not_installed_is_named(cli):
    r = cli("--db", "postgresql+asyncpg://alice:pw@127.0.0.1/x", "list")
    assert r.code == 2 and "asyncpg" in r.err and "internal error" not in r.err


def _bundle_with(cli, demo_db, tmp_path, **changes) -> object:
    out = tmp_path / "plan.json"
    cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for path, value in changes.items():
        where, key = path.split("__")
        (data["action"] if where == "action" else data[where][0])[key] = value
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        ("action__title", "Tab\there", "action.title: must not contain a tab"),
        ("action__title", "Bell\x07\x1b[31mred", "action.title: contains a control character"),
        ("participants__alias", "tab\there", "participants[0].alias: must not contain a tab"),
        ("action__description", "Line\x1b[2Jcleared", "contains a control character (U+001B)"),
    ],
)
def test_control_characters_in_a_bundle_are_refused_by_field(
    cli, demo_db, tmp_path, path, value, problem
):
    """A tab split `list`'s four columns; an escape from someone else's bundle went raw to the
    organiser's terminal."""
    bundle = _bundle_with(cli, demo_db, tmp_path, **{path: value})
    before = cli("--db", demo_db, "list").out
    r = cli("--db", demo_db, "import", bundle)
    assert r.code == 2 and problem in r.err, r.err
    assert cli("--db", demo_db, "list").out == before


def test_a_multi_line_text_keeps_its_tabs_and_line_breaks(cli, demo_db, tmp_path):
    bundle = _bundle_with(cli, demo_db, tmp_path, action__description="Route:\n\t1. gate\r\n")
    assert cli("--db", demo_db, "import", bundle).code == 0


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_what_a_one_line_field_keeps_prints_on_one_line_of_one_column(text):
    from app.services.fields import Field, check_value

    value, problem = check_value(Field("line", False, 200), text)
    if problem is None:
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in value), repr(value)
    else:
        assert problem.startswith(("must", "contains", "is longer")), problem


@pytest.mark.parametrize(("kind", "suffix"), [("runsheet", ".pdf"), ("ics", ".ics")])
def test_a_batch_names_the_files_of_an_earlier_one_left_in_its_folder(
    cli, demo_db, tmp_path, kind, suffix
):
    """Re-exported without personal data, the folder still held Wren's sheet marked
    CONFIDENTIEL with a phone and an e-mail, Wren no longer having a part; nothing said so."""
    folder = tmp_path / "sheets"
    first = cli("--db", demo_db, "export", kind, "funeral-for-privacy", "-o", folder, "--each")
    assert first.code == 0 and "Also in the folder" not in first.err
    (folder / f"Withdrawn{suffix}").write_bytes(b"an earlier export's sheet")
    (folder / "notes.txt").write_text("the organiser's own file", encoding="utf-8")
    again = cli("--db", demo_db, "export", kind, "funeral-for-privacy", "-o", folder, "--each")
    assert again.code == 0
    assert f"Also in the folder, not written by this export: Withdrawn{suffix}." in again.err
    assert "notes.txt" not in again.err and "Crow" not in again.err
    assert (folder / f"Withdrawn{suffix}").exists()  # named, never deleted: it may be theirs


def test_an_export_onto_a_folder_names_the_folder_not_a_hidden_part(cli, demo_db, tmp_path):
    folder = tmp_path / "adir"
    folder.mkdir()
    r = cli("--db", demo_db, "export", "runsheet", "funeral-for-privacy", "-o", folder)
    assert r.code == 2
    assert r.err.startswith(f"{folder}: "), r.err
    assert ".part" not in r.err
    assert list(tmp_path.glob(".*part")) == []


def test_a_closed_pipe_ends_list_quietly(tmp_path):
    """`list | head -1` printed ": Broken pipe"."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "p.cortege"
    env = {
        "CORTEGE_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
        "CORTEGE_LANG": "en",
    }
    main = [sys.executable, str(root / "main.py"), "--db", str(db)]
    for day in ("2024-05-28", "2024-06-01", "2024-06-02"):
        subprocess.run([*main, "demo", "--on", day], env=env, check=True, capture_output=True)
    proc = subprocess.Popen(
        [*main, "list"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # the reader went away before the first line
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Broken pipe" not in err and "Traceback" not in err, err


def test_interrupted_while_starting_prints_no_traceback(tmp_path):
    """Ctrl+C in the first half second printed a traceback of the imports."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        "CORTEGE_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
        "CORTEGE_LANG": "en",
    }
    for delay in (0.2, 0.35):  # while the modules load (Python itself is up by then)
        proc = subprocess.Popen(
            [sys.executable, str(root / "main.py"), "--db", str(tmp_path / "x.cortege"), "list"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err, (delay, err.decode())
        assert proc.returncode in (0, 2, 130, -signal.SIGINT), (delay, proc.returncode)


@pytest.mark.parametrize(
    "export",
    [
        ("ics", "funeral-for-privacy"),
        ("bundle", "funeral-for-privacy"),
        ("runsheet", "funeral-for-privacy"),
        ("press", "funeral-for-privacy", "--lang", "fr", "--format", "txt"),
    ],
)
@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_an_export_never_goes_over_the_open_database(cli, demo_db, export, suffix):
    """`export ics -o plan.cortege` (a tab completion too far) renamed the calendar over the
    whole database; the next `list` said it was not a SQLite database (hostile-input review)."""
    target = f"{demo_db}{suffix}"
    kind, *rest = export
    r = cli("--db", demo_db, "export", kind, *rest, "-o", target)
    assert r.code == 2, r.err
    assert "it is the open database" in r.err
    assert cli("--db", demo_db, "list").out.startswith("funeral-for-privacy\t")


def test_an_invisible_character_does_not_make_a_second_crow(cli, demo_db, tmp_path):
    """ "Cr\\u200bow" imported as a second Crow with another phone: the same alias on every
    list and sheet (hostile-input review)."""
    out = tmp_path / "plan.json"
    cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    twin = dict(data["participants"][0], key="twin", alias="Cr\u200bow")
    data["participants"].append(twin)
    out.write_text(json.dumps(data), encoding="utf-8")
    r = cli("--db", demo_db, "import", out)
    assert r.code == 2 and "participants[15].alias" in r.err, r.err


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        ("participants__alias", "\u200b", "participants[0].alias: is required"),
        (
            "participants__phone",
            "\u200f+33 6 00 00 00 01",
            "participants[0].phone: contains an invisible character (U+200F)",
        ),
    ],
)
def test_invisible_characters_where_they_mislead_are_refused(
    cli, demo_db, tmp_path, path, value, problem
):
    bundle = _bundle_with(cli, demo_db, tmp_path, **{path: value})
    r = cli("--db", demo_db, "import", bundle)
    assert r.code == 2 and problem in r.err, r.err


def test_a_name_joined_as_its_script_wants_is_kept(cli, demo_db, tmp_path):
    """ZWNJ and ZWJ are letters' business in Persian, Devanagari and emoji: not refused."""
    bundle = _bundle_with(
        cli, demo_db, tmp_path, participants__alias="می\u200cخواهم", action__title="👩\u200d🔧 crew"
    )
    r = cli("--db", demo_db, "import", bundle)
    assert r.code == 0, r.err


@pytest.mark.parametrize(
    "command",
    [
        ("import",),
        ("import-ics", "funeral-for-privacy"),
        ("media", "import", "funeral-for-privacy"),
    ],
)
def test_a_device_given_as_a_file_is_refused_before_it_is_read(cli, demo_db, command):
    """`import /dev/zero` grew to the memory's limit, then "internal error: MemoryError"."""
    r = cli("--db", demo_db, *command, "/dev/zero")
    assert r.code == 2, r.err
    assert "/dev/zero is not a file but a device or a pipe" in r.err


def test_a_file_far_too_big_to_be_a_bundle_is_refused(cli, demo_db, tmp_path, monkeypatch):
    from app.storage import files

    monkeypatch.setattr(files, "MAX_IMPORT_BYTES", 1000)
    big = tmp_path / "video.json"
    big.write_bytes(b" " * 5000)
    r = cli("--db", demo_db, "import", big)
    assert r.code == 2 and "is larger than" in r.err, r.err


def test_a_title_saved_before_control_characters_were_refused_prints_escaped(cli, demo_db):
    import sqlite3

    with sqlite3.connect(demo_db) as db:
        db.execute("UPDATE action SET title = ?", ("Old\ttitle\x1b[2J\x07",))
    db.close()
    r = cli("--db", demo_db, "list")
    (line,) = r.out.splitlines()
    assert line.count("\t") == 3  # still four columns
    assert line.endswith(r"Old\x09title\x1b[2J\x07"), repr(line)
    assert "\x1b" not in r.out and "\x07" not in r.out


def test_field_names_stay_english_in_every_language(cli, demo_db, monkeypatch):
    """French printed "Identifiant : aucune action…", German "Kurzname:" (the contract: paths
    and field names stay English; the message follows the language)."""
    from app.i18n import set_ui_language

    set_ui_language("fr")
    try:
        r = cli("--db", demo_db, "check", "nope")
    finally:
        set_ui_language(None)
    assert r.code == 2
    assert r.err.startswith("SLUG\u00a0: ") or r.err.startswith("SLUG : "), r.err
    assert "Identifiant" not in r.err and "aucune action" in r.err


def test_every_bad_language_code_is_named_with_its_index(cli, demo_db, tmp_path):
    bundle = _bundle_with(cli, demo_db, tmp_path, action__languages=["fr", "zz", "en", "qq"])
    r = cli("--db", demo_db, "import", bundle)
    assert r.code == 2
    assert "action.languages[1]: 'zz' is not a language code" in r.err, r.err
    assert "action.languages[3]: 'qq' is not a language code" in r.err, r.err


def test_reading_commands_run_while_another_program_writes(cli, demo_db):
    """`list` and `check` waited 15 s, then failed, while another program held a write: every
    open wrote (the settings row, the erasure of deletions) though WAL lets readers through."""
    import sqlite3

    writer = sqlite3.connect(demo_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE action SET title = title")
    try:
        listed = cli("--db", demo_db, "list")
        checked = cli("--db", demo_db, "check", "funeral-for-privacy")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert listed.code == 0 and listed.out.startswith("funeral-for-privacy\t"), listed.err
    assert checked.code in (0, 3), checked.err  # not "is busy: another program…" (exit 2)


def test_a_calendar_that_cannot_be_written_is_named_and_the_others_are(cli, demo_db, tmp_path):
    """On a full disk `ics --each` stopped at the first failure: 5 of 15 files in the folder,
    none of them named (runsheet --each goes on and names each person it could not write)."""
    folder = tmp_path / "cals"
    (folder / "Crow.ics").mkdir(parents=True)  # something in the way of Crow's calendar
    r = cli("--db", demo_db, "export", "ics", "funeral-for-privacy", "-o", folder, "--each")
    assert r.code == 1
    assert "could not write the calendar of Crow" in r.err, r.err
    written = r.out.splitlines()
    assert len(written) == 14 and str(folder / "Heron.ics") in written


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (("check",), ["the action's slug, as `list` prints it"]),
        (("import",), ["the file to read"]),
        (("export", "bundle"), ["the action's slug", "the file to write: written whole"]),
        (("export", "pack"), ["the folder to write the drafts into"]),
    ],
)
def test_every_argument_says_what_it_is_in_help(command, said, capsys):
    """`--help` listed SLUG, FILE and -o with no word about them."""
    from app.cli import run

    assert run([*command, "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert all(words in shown for words in said), shown
