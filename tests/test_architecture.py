"""Layer rules from ARCHITECTURE.md that code review alone would not keep."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "remissdraft"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_tui_imports_textual():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts and "textual" in _imports(path)
    ]
    assert offenders == []


def test_model_uses_the_standard_library_only():
    assert _imports(PACKAGE / "model.py") <= {"__future__", "collections", "dataclasses", "datetime", "pathlib", "typing"}


def test_only_cli_and_tui_print():
    printing = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in ("cli.py", "tui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "print" for n in ast.walk(tree)):
            printing.append(str(path))
    assert printing == []
