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


# --- the layer rule -----------------------------------------------------------------------------
# Lowest first; a module imports only from its own layer or below, inside functions too.
LAYERS = ("shared", "domain", "storage", "exports", "services", "commands", "ui")
# The shared utilities at the bottom, below the domain.
SHARED = {
    "app",
    "app.i18n",
    "app.numbers",
    "app.paths",
    "app.logs",
    "app.version",
    "app.formatting",
}
# ``app.i18n_tools`` (the catalogue commands' helpers) raises ``DomainError``: it is not a
# bottom utility but sits with the domain (only app/commands uses it).
PLACED = {"app.i18n_tools": "domain", "app.cli": "commands"}
# Calls that import a module named by a string: importlib.import_module("m"), optional("m", …).
STRING_IMPORTS = {"import_module", "optional", "__import__"}


def layer_of(module: str) -> str | None:
    if module in PLACED:
        return PLACED[module]
    if module in SHARED or module.startswith("app.i18n_"):
        return "shared"
    parts = module.split(".")
    if parts[0] == "ui":
        return "ui"
    if parts[0] == "app" and len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    return None


def project_modules() -> dict[str, tuple[Path, bool]]:
    """Every module of app/ and ui/: dotted name -> (file, is a package)."""
    found = {}
    for folder in ("app", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            package = parts[-1] == "__init__"
            found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def _owner(name: str, modules) -> str | None:
    """The project module an imported name lives in (``app.x.y.func`` -> ``app.x.y``)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str, path: Path, package: bool, modules) -> set[tuple[str, int]]:
    """(imported project module, line) for every import in the file: top-level, inside
    functions, relative, and string imports through ``STRING_IMPORTS`` calls."""
    out: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if package else module.split(".")[:-1]
                here = here[: len(here) - (node.level - 1)]
                base = ".".join([*here, base] if base else here)
            # ``from pkg import sub`` imports the submodule when there is one
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0] if node.args else None
            if called in STRING_IMPORTS and isinstance(first, ast.Constant):
                if isinstance(first.value, str):
                    names = [first.value]
        for name in names:
            owner = _owner(name, modules)
            if owner is not None and owner != module:
                out.add((owner, node.lineno))
    return out


def import_graph() -> dict[str, set[tuple[str, int]]]:
    modules = project_modules()
    return {name: imports_of(name, *where, modules) for name, where in modules.items()}


def upward_imports(graph) -> list[str]:
    rank = {name: i for i, name in enumerate(LAYERS)}
    found = []
    for module, targets in sorted(graph.items()):
        low = layer_of(module)
        for target, line in sorted(targets):
            high = layer_of(target)
            if low and high and rank[high] > rank[low]:
                found.append(f"{module} (layer {low}) imports {target} (layer {high}), line {line}")
    return found


def import_cycles(graph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    edges = {m: sorted({t for t, _line in targets}) for m, targets in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:  # iterative: no recursion limit on long chains
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    group.append(top)
                    if top == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return sorted(groups)


def test_every_module_has_a_layer():
    assert [m for m in project_modules() if layer_of(m) is None] == []


def test_no_module_imports_from_a_layer_above_its_own():
    """domain < storage < exports < services < commands, ui; the shared utilities below all.
    Imports inside functions count: a late import is still a dependency."""
    assert upward_imports(import_graph()) == []


def test_there_is_no_import_cycle_between_modules():
    """Not even through imports inside functions: a module that needs another one's importer
    has code in the wrong place (move the shared piece down instead)."""
    assert import_cycles(import_graph()) == []


def test_the_checks_see_late_relative_and_string_imports(tmp_path):
    """The scanner itself: an upward import inside a function, a relative one, and one by name
    through ``optional(...)`` are all found, and a two-module loop is a cycle."""
    modules = {
        "app.storage.x": (tmp_path / "x.py", False),
        "app.services.y": (tmp_path / "y.py", False),
        "app.exports.press": (tmp_path / "press.py", True),
        "app.exports.press.doc": (tmp_path / "doc.py", False),
        "ui.z": (tmp_path / "z.py", False),
    }
    (tmp_path / "x.py").write_text("def f():\n    from app.services.y import g\n")
    (tmp_path / "y.py").write_text("import app.storage.x\n")
    (tmp_path / "press.py").write_text("from . import doc\n")
    (tmp_path / "doc.py").write_text("def f():\n    optional('ui.z', 'w')\n")
    (tmp_path / "z.py").write_text("")
    graph = {name: imports_of(name, *where, modules) for name, where in modules.items()}
    assert graph["app.exports.press"] == {("app.exports.press.doc", 1)}
    assert upward_imports(graph) == [
        "app.exports.press.doc (layer exports) imports ui.z (layer ui), line 2",
        "app.storage.x (layer storage) imports app.services.y (layer services), line 2",
    ]
    assert import_cycles(graph) == [["app.services.y", "app.storage.x"]]
