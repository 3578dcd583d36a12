"""Every edit the window makes says which version it was based on (team mode): a check of the
source, so a path no test drives cannot forget it either."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _is_ctx(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "ctx") or (
        isinstance(node, ast.Attribute) and node.attr == "ctx"
    )


def test_every_update_and_delete_of_the_window_passes_the_version_it_showed():
    forgot = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr not in ("update", "delete") or not _is_ctx(node.func.value):
                continue
            if "expected_version" not in {k.arg for k in node.keywords}:
                forgot.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert forgot == []


def test_the_context_refuses_an_update_without_a_version(qtbot, demo_store):
    import pytest

    from ui.context import AppContext

    ctx = AppContext(demo_store)
    with pytest.raises(TypeError):
        ctx.update("action", 1, "Rename", title="No version")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ctx.delete("action", 1, "Delete")  # type: ignore[call-arg]
