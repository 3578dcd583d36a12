"""The README keeps its promises: Download first, exactly two set-up commands, and CI runs the
second one word for word."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _sections() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_readme_starts_with_download_for_people_without_python():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^##? .+$", text, flags=re.MULTILINE)
    assert headings[:2] == ["# Cortège", "## Download"]
    download = _sections()["Download"]
    assert "linux-x86_64.tar.gz" in download and "install.sh" in download
    for mentioned in ("CHANGELOG.md", "docs/building.md", "build/freeze.py"):
        assert (ROOT / mentioned).exists(), mentioned


def test_exactly_two_set_up_commands_and_ci_runs_the_test_one():
    commands = [
        line.strip()
        for line in _sections()["Set up"].splitlines()
        if line.startswith("    ") and line.strip()
    ]
    assert len(commands) == 2, commands
    opens, tests = commands
    assert opens.startswith("python3 -m venv .venv && ") and opens.endswith("main.py")
    assert tests.startswith("python3 -m venv .venv && ") and tests.endswith("-m pytest")
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
