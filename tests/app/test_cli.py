"""The command line of DESIGN.md: outputs, exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_list_check(cli, db_path):
    r = cli("--db", db_path, "demo", "--on", "2024-05-28")
    assert (r.code, r.out) == (0, "funeral-for-privacy\n")
    r = cli("--db", db_path, "list")
    assert r.code == 0
    assert r.out == (
        "funeral-for-privacy\t2024-05-28T09:30+02:00\tconfirmed\t"
        "Funeral for privacy at Père-Lachaise\n"
    )
    r = cli("--db", db_path, "check", "funeral-for-privacy")
    assert r.code == 3
    kinds = [line.split(":")[0] for line in r.out.splitlines()]
    assert "prop-uncarried" in kinds and "release-unapproved" in kinds


def test_demo_defaults_to_ten_days_from_today(cli, db_path):
    from datetime import date, timedelta

    cli("--db", db_path, "demo")
    start = cli("--db", db_path, "list").out.split("\t")[1]
    assert start.startswith((date.today() + timedelta(days=10)).isoformat())


def test_import_prints_only_the_slug_and_notes_go_to_stderr(cli, demo_db, tmp_path):
    out = tmp_path / "plan.json"
    assert cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out).code == 0
    r = cli("--db", demo_db, "import", out)
    assert (r.code, r.out) == (0, "funeral-for-privacy-2\n")
    assert "slug 'funeral-for-privacy' is taken; using 'funeral-for-privacy-2'" in r.err
    assert "alias 'Crow' is an existing participant" in r.err


def test_export_bundle_leaves_personal_data_out_unless_asked(cli, demo_db, tmp_path):
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", plain)
    cli(
        "--db",
        demo_db,
        "export",
        "bundle",
        "funeral-for-privacy",
        "-o",
        full,
        "--include-personal-data",
    )
    assert "Camille Martin" not in plain.read_text(encoding="utf-8")
    assert "Camille Martin" in full.read_text(encoding="utf-8")
    assert json.loads(plain.read_text(encoding="utf-8"))["format"] == "cortege.bundle"


def test_bad_bundle_exit_2_every_problem_on_stderr_nothing_written(cli, db_path, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "cortege.bundle",
                "version": 1,
                "action": {
                    "title": "Vigil",
                    "timezone": "Europe/Paris",
                    "starts_at": "2024-03-31T02:30",
                    "ends_at": "2024-03-31T04:00",
                },
                "roles": [{"key": "r", "name": "Mourner", "needed": -2}],
            }
        ),
        encoding="utf-8",
    )
    r = cli("--db", db_path, "import", bad)
    assert r.code == 2 and r.out == ""
    assert r.err.splitlines() == [
        "action.starts_at: 2024-03-31T02:30 does not exist in Europe/Paris",
        "roles[0].needed: must not be negative",
    ]
    assert cli("--db", db_path, "list").out == ""


def test_unknown_slug_and_missing_file_are_exit_2(cli, db_path, tmp_path):
    cli("--db", db_path, "init")
    r = cli("--db", db_path, "check", "nope")
    assert (r.code, r.err) == (2, "SLUG: no action with slug 'nope'\n")
    r = cli("--db", db_path, "import", tmp_path / "missing.json")
    assert r.code == 2 and "no such file" in r.err
    r = cli("--db", db_path, "demo", "--on", "28/05/2024")
    assert r.code == 2 and "--on: '28/05/2024' is not a date like 2024-05-28" in r.err


def test_not_a_cortege_database_is_exit_2(cli, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello" * 100)
    r = cli("--db", path, "list")
    assert r.code == 2 and "not a Cortège database" in r.err


def test_db_wins_over_environment_which_wins_over_default(
    cli, tmp_path, monkeypatch, _isolated_data_dir
):
    env_db, flag_db = tmp_path / "env.sqlite3", tmp_path / "flag.sqlite3"
    monkeypatch.setenv("CORTEGE_DB", str(env_db))
    cli("demo", "--on", "2024-05-28")
    assert env_db.exists() and not (_isolated_data_dir / "cortege.sqlite3").exists()
    cli("--db", flag_db, "demo", "--on", "2024-06-01")
    assert "2024-06-01" in cli("--db", flag_db, "list").out
    assert "2024-05-28" in cli("list").out
    monkeypatch.delenv("CORTEGE_DB")
    cli("demo", "--on", "2024-07-01")
    assert (_isolated_data_dir / "cortege.sqlite3").exists()


def test_backup_writes_a_database_the_app_opens(cli, demo_db, tmp_path):
    dest = tmp_path / "backup.sqlite3"
    r = cli("--db", demo_db, "backup", "-o", dest)
    assert r.code == 0
    assert cli("--db", dest, "list").out.startswith("funeral-for-privacy\t")


def test_a_real_process_never_prints_a_traceback(tmp_path):
    """Exit codes and stderr as a script sees them, from a separate Python process."""
    db = tmp_path / "p.sqlite3"
    env = {
        "CORTEGE_DATA_DIR": str(tmp_path / "data"),
        "PATH": "/usr/bin:/bin",
        "CORTEGE_LANG": "en",
    }
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "import", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("not valid JSON: line 1, column 2")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "frobnicate"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_an_unexpected_error_is_logged_not_shown(cli, db_path, monkeypatch, _isolated_data_dir):
    import app.commands.cmd_core as core

    def broken(args, ctx):
        value = "Crow, +33 6 12 34 56 78"
        raise RuntimeError(f"cannot list {value}")

    monkeypatch.setattr(core, "cmd_list", broken)
    r = cli("--db", db_path, "list")
    assert r.code == 1
    log = _isolated_data_dir / "logs" / "cortege.log"
    assert r.err == f"internal error: RuntimeError (details in {log})\n"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError" in text
    assert "Crow" not in text  # an error's message may quote field values: never logged
