"""Drafts are written by libyaml's dumper when PyYAML has it (autosave runs every quarter second): on real drafts it
writes exactly what the pure-Python dumper writes, and any text reads back as it was. Two differences, both
harmless to the data: a text with a character outside the Basic Multilingual Plane (an emoji) is written
double-quoted with an escape instead of as a block, and U+2028 / U+0085 read back as written, which the
pure-Python dumper gets wrong."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from conftest import REALDOCS

from remissdraft import fileio
from remissdraft.corpus import load_corpus
from remissdraft.draft import load_draft, load_template, new_draft, save_draft
from remissdraft.draft.edit import insert_snippet
from remissdraft.draft.proposals import propose
from remissdraft.draft.store import draft_to_dict
from remissdraft.locations import example_remiss
from remissdraft.match import Matcher
from remissdraft.model import Profile
from remissdraft.remiss import read_remiss

PAPERS = REALDOCS / "kommunhandlingar"
REMISSER = [
    example_remiss(),
    [PAPERS / "2024" / "rsg_handlingsprogram_lso_2024.txt"],
    [PAPERS / "2024" / "lansstyrelsen_halland_lilla_askhult_remiss.txt"],
    [PAPERS / "remiss-lst-halland_regional-strategi-storskalig-utrymning.txt"],
]
AWKWARD = [
    "  indragen första rad\nrad två  \n\n\ttab först\n", "rad\r\nmed CRLF\r\n", "slutar med radbrytning\n\n\n",
    "# inte en kommentar\n- inte en lista\nnyckel: värde", "”citat” och 'apostrof' och \"dubbla\"\nrad två",
    "\n börjar med radbrytning", "ja", "null", "3.14", "", "a" * 5000 + "\n" + "b" * 5000,
]
OTHERWISE_WRITTEN = ["rad\u2028med radavgränsare\u0085och NEL", "emoji 🙂\nrad två"]
PROFILE = Profile(name="Therese Råckle", namnd="Socialnämnden", organisation="Nacka kommun")


def real_drafts() -> list[dict]:
    """Drafts as a user leaves them: a first draft proposed, two suggestions inserted in every section, and here
    and there text with odd whitespace; on the bundled example and the real remisser there are."""
    snippets = load_corpus(None).snippets
    matcher = Matcher(snippets, use_disk=False)
    template = load_template("nacka-tjansteskrivelse")
    drafts = []
    for files in REMISSER:
        if not all(Path(path).exists() for path in files):
            continue
        remiss = read_remiss(list(files))
        draft = new_draft(remiss, template, PROFILE)
        propose(draft, remiss, matcher)
        for number, (synpunkt, section) in enumerate(zip(draft.synpunkter, remiss.walk())):
            for hit in matcher.suggest(remiss, section, top=2, include_weak=True):
                insert_snippet(draft, synpunkt.key, hit.snippet, PROFILE)
            if number % 3 == 0:
                synpunkt.text += "\n\n" + AWKWARD[number % len(AWKWARD)]
        drafts.append(draft_to_dict(draft))
    return drafts


def python_dump(data: object) -> str:
    return yaml.dump(data, Dumper=fileio._PythonDumper, **fileio._DUMP_OPTIONS)


@pytest.fixture(scope="module")
def drafts() -> list[dict]:
    return real_drafts()


def test_libyaml_is_used_when_there():
    assert issubclass(fileio._Dumper, getattr(yaml, "CSafeDumper", fileio._PythonDumper))


def test_real_drafts_are_written_the_same_and_read_back_the_same(drafts):
    assert drafts, "at least the bundled example"
    for data in drafts:
        text = fileio.dump_yaml(data)
        assert text == python_dump(data)
        assert fileio.load_yaml(text) == data


@pytest.mark.parametrize("value", AWKWARD + OTHERWISE_WRITTEN)
def test_awkward_text_round_trips(value):
    data = {"text": value, "list": [value, {"nested": value}]}
    text = fileio.dump_yaml(data)
    assert fileio.load_yaml(text) == data
    assert (text == python_dump(data)) == (value not in OTHERWISE_WRITTEN)


def test_a_saved_draft_loads_as_it_was(tmp_path):
    remiss = read_remiss(example_remiss())
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), PROFILE)
    draft.synpunkter[0].text = AWKWARD[0] + AWKWARD[1]
    path = save_draft(draft, tmp_path / "utkast.yaml")
    assert draft_to_dict(load_draft(path)) == draft_to_dict(draft)


def test_writing_a_large_draft_is_quick(drafts):
    """The largest draft (the LSO handlingsprogram when ../shared is there) in a few ms, not tens."""
    data = max(drafts, key=lambda d: len(python_dump(d)))
    best = min(_timed(fileio.dump_yaml, data) for _ in range(5))
    assert best < 0.25 * min(_timed(python_dump, data) for _ in range(3))


def _timed(dump, data) -> float:
    start = time.perf_counter()
    dump(data)
    return time.perf_counter() - start


def test_a_file_just_over_the_limit_is_not_said_to_be_as_large_as_the_limit(tmp_path):
    """8 MiB and a byte is too large, but rounds to the limit: the message names the limit alone, not "8 MB,
    högst 8 MB"; a clearly larger file is named by its size."""
    from remissdraft.errors import RemissdraftError

    limit = 8 * 2**20
    for size, shown in ((limit + 1, "(högst 8 MB)"), (12 * 2**20, "(12 MB, högst 8 MB)")):
        path = tmp_path / f"{size}.yaml"
        with open(path, "wb") as stream:
            stream.truncate(size)
        with pytest.raises(RemissdraftError) as raised:
            fileio.read_bytes(path, limit)
        assert str(raised.value).endswith(f"filen är för stor {shown}")
