"""app/ is the Qt-free core: it never imports PySide6 or ui (STYLE.md rule 1)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_app_never_imports_qt_or_ui():
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        bad = _imports(path) & {"PySide6", "ui", "shiboken6"}
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(bad))}")
    assert offenders == []


def test_no_python_file_over_800_lines():
    big = []
    for folder in ("app", "ui", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            n = len(path.read_text(encoding="utf-8").splitlines())
            if n > 800:
                big.append(f"{path.relative_to(ROOT)}: {n} lines")
    assert big == []
