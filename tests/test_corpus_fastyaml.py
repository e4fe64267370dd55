"""The fast path for corpus files (yaml-rs) gives exactly what PyYAML gives, or declines and PyYAML reads the file:
on the bundled corpus, files the importer writes, hand-edited files and a few hundred damaged ones."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from test_fuzz import _yaml as mutated

from remissdraft.corpus import store
from remissdraft.corpus.fastyaml import load_corpus_document, rust_loads
from remissdraft.fileio import load_yaml
from remissdraft.locations import data_dir

pytestmark = pytest.mark.skipif(rust_loads() is None, reason="yaml-rs is not installed")

HEAD = "schema: 1\nsnippets:\n"
ENTRY = ("- id: {id}\n  text: {text}\n  stance: {stance}\n  topics: {topics}\n  kind: synpunkt\n"
         "  source:\n    organisation: Nacka kommun\n    dnr: {dnr}\n    datum: {datum}\n")


def _pyyaml(data: bytes):
    try:
        return load_yaml(data)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError) as error:
        return type(error)


def _same_as_pyyaml(data: bytes) -> bool:
    """The fast path declines, or gives PyYAML's document; and the snippets, problems and stored rows read are
    those of PyYAML and the validation one snippet at a time."""
    fast = load_corpus_document(data)
    if fast is not None and fast != _pyyaml(data):
        return False
    fast_read = store._parse_file(Path("x.yaml"), data), store._parse_rows("x.yaml", data)
    return fast_read == _read_with_pyyaml(data)


def _read_with_pyyaml(data: bytes):
    original = store.load_corpus_document, store._plainly_valid
    store.load_corpus_document = store._plainly_valid = lambda _: None
    try:
        return store._parse_file(Path("x.yaml"), data), store._parse_rows("x.yaml", data)
    finally:
        store.load_corpus_document, store._plainly_valid = original


def _entry(**values) -> str:
    fields = {"id": "a1", "text": "Nämnden välkomnar samverkan.", "stance": "positiv", "topics": "[Styrande nivå]",
              "dnr": "SOCN 2021/132", "datum": "'2021-04-27'"} | values
    return ENTRY.format(**fields)


def test_the_bundled_corpus_is_read_fast_and_alike():
    files = sorted(data_dir("corpus").glob("*.yaml"))
    assert files
    for path in files:
        data = path.read_bytes()
        assert load_corpus_document(data) is not None, path.name  # quoted dates, plain texts: nothing to decline
        assert store._plainly_valid(data) is not None, path.name
        assert _same_as_pyyaml(data), path.name


def test_files_the_importer_writes_are_read_fast_and_alike(tmp_path):
    from remissdraft.corpus import import_files

    results = import_files([FIXTURES / "yttrande_socn_2021_132.txt", FIXTURES / "yttrande_socn_2021_132.docx"], tmp_path)
    written = sorted(tmp_path.rglob("*.yaml"))
    assert any(result.snippets for result in results) and written
    for path in written:
        data = path.read_bytes()
        assert load_corpus_document(data) is not None and store._plainly_valid(data) is not None, path.name
        assert _same_as_pyyaml(data), path.name


@pytest.mark.parametrize(
    "values",
    [
        {"datum": "2021-04-27"},  # a date PyYAML reads as a date (and then refuses as a text)
        {"datum": "2021-02-30"},  # a date that does not exist: a YAML error for PyYAML
        {"id": "0777"}, {"id": "1_000"}, {"id": "12:30"}, {"id": "1e3"}, {"id": "0o17"}, {"id": "+12"}, {"id": "0x1F"},
        {"stance": "yes"}, {"stance": "on"}, {"stance": "~"}, {"stance": "null"}, {"stance": "''"},
        {"topics": "[yes, 'no', 3]"}, {"topics": "[]"}, {"topics": ""}, {"topics": "\n  - Styrande nivå\n  - 2021-01-01"},
        {"text": "'Nämnden: ja'"}, {"text": '"Tab\\there"'}, {"text": "|\n    Två\n    rader"}, {"text": ">-\n    Ett\n\n    stycke"},
        {"text": "!!str 12"}, {"text": "!egen text"}, {"text": "&ankare Nämnden"}, {"text": "Nämnden # en kommentar"},
        {"text": "'2021-04-27'"}, {"text": "Beslut 2021-04-27 i nämnden"}, {"text": "'yes'"}, {"text": "\"on\""},
        {"dnr": "{a: 1}"}, {"dnr": "[x]"}, {"dnr": "<<"}, {"dnr": "="}, {"dnr": ".inf"}, {"dnr": "-.5"},
    ],
)
def test_hand_edited_values_read_as_pyyaml_reads_them(values):
    assert _same_as_pyyaml((HEAD + _entry(**values)).encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        HEAD + _entry() + _entry(id="a1"),  # the same key twice in a document is fine; duplicate snippets
        "schema: 1\nsnippets: []\nsnippets: []\n",  # a duplicate key: PyYAML takes the last
        "%YAML 1.1\n---\n" + HEAD + _entry(),
        HEAD + _entry() + "---\n" + HEAD,  # two documents
        "schema: 1\nbas: &b {organisation: Nacka}\nsnippets:\n- id: x\n  text: y\n  stance: positiv\n  topics: []\n  source: *b\n",
        (HEAD + _entry()).replace("\n", "\r\n"),
        "\ufeff" + HEAD + _entry(),
        HEAD + _entry().replace("  stance", "\tstance"),
        HEAD + _entry(text="Radbrytning\u2028i texten"),
        "schema: 0777\n" + HEAD.removeprefix("schema: 1\n") + _entry(),
        "schema: 1\ndatum: 2021-02-30\nsnippets: []\n",
        "schema: 1\n? [a]\n: b\nsnippets: []\n",
        "schema: 1\nyes: 1\nsnippets: []\n",
        "snippets:\n- [a, b]\n- text\n- {id: x, text: y, stance: positiv, topics: [], source: {}}\n",
        "snippets: 12\n",
        "- a\n- b\n",
    ],
)
def test_hand_edited_files_read_as_pyyaml_reads_them(text):
    assert _same_as_pyyaml(text.encode("utf-8"))


def test_damaged_files_read_as_pyyaml_reads_them():
    text = next(data_dir("corpus").glob("nacka-kommun-socn-2021-132-*.yaml")).read_text(encoding="utf-8")
    rnd = random.Random(13)
    declined = 0
    for _ in range(300):
        data = mutated(text, rnd)
        assert _same_as_pyyaml(data), data[:200]
        declined += load_corpus_document(data) is None
    assert 0 < declined < 300  # both paths taken
