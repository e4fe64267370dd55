"""`remissdraft sections` on a PDF loads only what it needs: no YAML, numpy, Textual, python-docx, pypdfium2's
Python bindings (the reader calls the library directly), platformdirs or package-metadata scans. Run in a fresh
interpreter, since the test session itself has imported everything."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, REALDOCS, needs_realdocs

NEVER = ["yaml", "numpy", "textual", "docx", "lxml", "pypdfium2", "pypdfium2_raw", "platformdirs", "bm25s",
         "importlib.metadata", "pkg_resources", "remissdraft.corpus", "remissdraft.match", "remissdraft.tui"]
_PROBE = """
import io, sys, contextlib
from remissdraft.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
modules = sorted(sys.modules)
import json
print(json.dumps([code, modules]))
"""


def _modules(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=True)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    return code, set(modules)


@pytest.mark.parametrize("argv", [["sections"], ["sections", "--json"]], ids=["tree", "json"])
def test_sections_on_a_pdf_loads_nothing_heavy(argv):
    code, modules = _modules(*argv, str(FIXTURES / "strategi_bold.pdf"))
    assert code == 0
    assert "remissdraft.remiss.pdfium" in modules  # the PDF was read
    assert [name for name in NEVER if name in modules] == []
    assert "rich" not in modules  # JSON needs none of it, and a tree printed to no terminal is drawn without it


@needs_realdocs()
def test_a_pdf_with_a_table_of_contents_is_read_without_rapidfuzz():
    """Its entries are compared with the headings by `structure.likeness` (rapidfuzz costs 5 ms to import)."""
    path = REALDOCS / "marks_detaljplan_melltorp_planbeskrivning.pdf"
    code, modules = _modules("sections", str(path))
    assert code == 0
    assert "remissdraft.remiss.toc" in modules and "rapidfuzz" not in modules


@pytest.mark.parametrize("path", [FIXTURES / "strategi_bold.pdf", FIXTURES / "strategi_bold.docx", FIXTURES / "strategi.txt"],
                         ids=["pdf", "docx", "text"])
def test_sections_loads_no_logging_statistics_or_json(path):
    """The CLI sets logging's last resort aside only when a library that logs is loaded; `sections` loads none
    (if one comes in, its English could reach the user: give the plain path the NullHandler back)."""
    code, modules = _modules("sections", str(path))
    assert code == 0
    assert [name for name in ("logging", "statistics", "json", "difflib") if name in modules] == []
