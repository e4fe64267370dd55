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


# The layer order of ARCHITECTURE.md: what each package of remissdraft may import from the others. The ground
# floor (errors, fileio with its YAML half yamlio, locations, the cache database, worker processes and the pause of
# the cyclic collector) may be imported by every layer and imports none of them.
GROUND = {"errors", "fileio", "yamlio", "locations", "cachedb", "parallel", "collector"}
LAYERS = {
    "model": set(),
    "errors": set(),
    "fileio": {"errors", "yamlio"},  # bounded reads raise the Swedish errors; YAML is imported on first use
    "yamlio": set(),
    "locations": {"fileio"},
    "cachedb": {"locations"},  # the cache database lives in the cache dir
    "parallel": set(),
    "collector": set(),
    "remiss": {"model"},
    "corpus": {"model", "remiss"},
    "match": {"model"},
    "draft": {"model"},
    "export": {"model", "draft"},
    "tui": {"model", "remiss", "corpus", "match", "draft", "export"},
    "treetext": set(),  # the CLI's tree drawn as plain text, as rich draws it without colour
    "cli": {"model", "remiss", "corpus", "match", "draft", "export", "tui", "treetext"},
}


def _internal_imports(source: str, here: list[str]) -> set[str]:
    """The top-level parts of remissdraft ("draft", "model") that a module in package `here` (["draft"], [] for
    remissdraft itself) imports, absolutely or relatively."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith("remissdraft."))
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                parts = (node.module or "").split(".")
                if parts[0] == "remissdraft" and len(parts) > 1:
                    names.add(parts[1])
                continue
            base = here[: len(here) - (node.level - 1)]
            target = base + (node.module.split(".") if node.module else [])
            if target:
                names.add(target[0])
            else:  # "from . import x" in remissdraft itself: a module, or an attribute such as __version__
                names.update(alias.name for alias in node.names if not alias.name.startswith("__"))
    return names


def _layer(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def test_each_layer_imports_only_the_layers_below_it():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = _layer(path)
        if layer not in LAYERS:
            continue  # __init__.py of the package itself
        allowed = {layer} | LAYERS[layer] | (set() if layer in GROUND else GROUND)
        wrong = _internal_imports(path.read_text(encoding="utf-8"), list(path.relative_to(PACKAGE).parts[:-1])) - allowed
        if wrong:
            offenders.append(f"{path.relative_to(PACKAGE)} imports {', '.join(sorted(wrong))}")
    assert offenders == []


def test_the_layer_check_sees_a_wrong_import():
    """The check itself: a draft module importing the TUI, relatively or absolutely, is caught."""
    source = "from ..tui import app\nfrom .edit import target\nimport remissdraft.export.body\nfrom ..model import Draft\n"
    assert _internal_imports(source, ["draft"]) == {"tui", "draft", "export", "model"}
    assert _internal_imports("from . import __version__\nfrom .locations import x\n", []) == {"locations"}
