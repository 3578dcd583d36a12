"""One version number, from app/version.py, everywhere a user or a file shows it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version as installed_version

from tests.conftest import ROOT


def test_pyproject_takes_the_version_from_app_version():
    from app.version import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert re.fullmatch(r"\d+\.\d+\.\d+([ab]\d+|rc\d+)?", __version__)
    assert installed_version("cortege") == __version__  # the pip metadata says the same


def test_version_on_the_command_line_of_a_real_process():
    from app.version import __version__

    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Cortège {__version__}"
    assert proc.stderr == ""


def test_an_exported_bundle_names_the_version_that_wrote_it(cli, demo_db, tmp_path):
    from app.version import __version__

    out = tmp_path / "b.json"
    assert cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out).code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["generator"] == f"Cortège {__version__}"
    again = cli("--db", tmp_path / "other.sqlite3", "import", out)
    assert again.code == 0, again.err


def test_a_bundle_whose_generator_is_not_text_is_refused_naming_the_field(cli, demo_db, tmp_path):
    out = tmp_path / "b.json"
    cli("--db", demo_db, "export", "bundle", "funeral-for-privacy", "-o", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["generator"] = 7
    out.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "other.sqlite3"
    result = cli("--db", target, "import", out)
    assert result.code == 2
    assert "generator: must be non-empty text" in result.err
    assert cli("--db", target, "list").out == ""


def test_pytest_prints_its_summary_line_even_with_the_q_people_type():
    test = "tests/app/test_version.py::test_pyproject_takes_the_version_from_app_version"
    for extra in ([], ["-q"]):
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *extra, test],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert re.search(r"^1 passed", proc.stdout.splitlines()[-1].strip("= ")), proc.stdout


def test_the_usage_line_names_the_program_people_run(monkeypatch):
    import app.cli

    assert app.cli.build_parser().format_usage().startswith("usage: python main.py ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/Cortege/Cortege")
    assert app.cli.build_parser().format_usage().startswith("usage: Cortege ")
