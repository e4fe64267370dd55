"""The judged sets on real documents (benchmarks/relevance_real.yaml) and the corpus they are measured in.

A judged position is named by excerpts of its text, not by a snippet id, so that it is found among imported
snippets whatever their boundaries: a snippet is the position when it shares a run of at least `RUN`
consecutive words with one of its excerpts, or, being shorter, lies wholly inside one (at least `SHORTEST`
words). Words are compared casefolded, letters only, placeholders left out.

The corpus is every yttrande and case paper of the development set (../shared/realdocs), each imported with
the project's importer into a folder of its own (so that two files the importer names alike do not overwrite
each other), plus the bundled corpus.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL = Path(__file__).with_name("relevance_real.yaml")
RUN = 8
SHORTEST = 5

from remissdraft.match.normalize import iter_words
from remissdraft.model import Remiss, Snippet


def words(text: str) -> tuple[str, ...]:
    return tuple(folded for _, folded in iter_words(text))


class Position:
    """One judged position: the excerpts that name it (the same position, written in more than one place)."""

    def __init__(self, excerpts: str | list[str]):
        self.excerpts = [excerpts] if isinstance(excerpts, str) else list(excerpts)
        self.forms = [words(excerpt) for excerpt in self.excerpts]
        self.runs = {form[i : i + RUN] for form in self.forms for i in range(len(form) - RUN + 1)}

    def answered_by(self, text: str) -> bool:
        have = words(text)
        if any(have[i : i + RUN] in self.runs for i in range(len(have) - RUN + 1)):
            return True
        if SHORTEST <= len(have) < RUN:
            return any(_contains(form, have) for form in self.forms)
        return False

    def __repr__(self) -> str:
        return f"Position({self.excerpts[0][:50]!r})"


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


@dataclass
class Judgment:
    section: str  # number or title, as find_section takes it
    relevant: list[Position]


@dataclass
class RealRemiss:
    name: str
    remiss: Remiss
    organisation: str
    namnd: str
    answered: list[str]
    general: list[Position]
    judgments: list[Judgment]


@dataclass
class RealSet:
    remisser: dict[str, RealRemiss]
    snippets: list[Snippet]  # the imported yttranden and the bundled corpus
    bundled: list[Snippet]
    noise: list[tuple[str, str]]  # (remiss, corpus): "bundled" or "all"
    imported: list[str] = field(default_factory=list)  # files imported
    failed: list[str] = field(default_factory=list)  # files the importer refused, with why


def available() -> bool:
    return (SHARED / "realdocs" / "kommunhandlingar").is_dir()


def load(path: Path = REAL) -> RealSet | None:
    """The judged real sets with their corpus; None when ../shared/realdocs is not there."""
    if not available():
        return None
    from remissdraft.corpus import load_corpus
    from remissdraft.remiss import read_remiss

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    remisser = {}
    for name, spec in data["remisser"].items():
        files = [_path(f) for f in spec["files"]]
        user = spec.get("user") or {}
        remisser[name] = RealRemiss(
            name=name,
            remiss=read_remiss(files),
            organisation=user.get("organisation", ""),
            namnd=user.get("namnd", ""),
            answered=[str(s) for s in spec.get("answered") or []],
            general=[Position(p) for p in spec.get("general") or []],
            judgments=[Judgment(str(j["section"]), [Position(p) for p in j["relevant"]]) for j in spec["judgments"]],
        )
    bundled = load_corpus(None, bundled=True).snippets
    imported, failed, snippets = import_corpus(data["corpus"])
    noise = [(entry["remiss"], entry["corpus"]) for entry in data.get("noise") or []]
    return RealSet(remisser, _unique(bundled + snippets), bundled, noise, imported, failed)


def corpus_files(spec: dict) -> list[Path]:
    from remissdraft.corpus.importer import expand

    excluded = {_path(p).resolve() for p in spec.get("exclude") or []}
    files = expand([_path(f) for f in spec.get("folders") or []]) + [_path(f) for f in spec.get("files") or []]
    return [f for f in files if f.resolve() not in excluded and f.exists()]


def import_corpus(spec: dict) -> tuple[list[str], list[str], list[Snippet]]:
    """Import every file of the corpus with the project's importer into a temporary folder; (files imported,
    files refused, snippets as stored)."""
    from remissdraft.corpus.importer import import_files
    from remissdraft.corpus.store import load_folder
    from remissdraft.errors import RemissdraftError

    imported, failed = [], []
    with tempfile.TemporaryDirectory(prefix="remissdraft-real-") as folder:
        for number, path in enumerate(corpus_files(spec)):
            try:
                import_files([path], Path(folder) / f"{number:03d}")
                imported.append(path.name)
            except RemissdraftError as error:
                failed.append(f"{path.name}: {error}")
        snippets, _ = load_folder(Path(folder))
    return imported, failed, snippets


def _unique(snippets: list[Snippet]) -> list[Snippet]:
    seen: set[str] = set()
    kept = []
    for snippet in snippets:
        if snippet.id not in seen:
            seen.add(snippet.id)
            kept.append(snippet)
    return kept


def _path(name: str) -> Path:
    """A path of the YAML: under ../shared, or (tests/…) in the repo."""
    return ROOT / name if name.startswith("tests/") else SHARED / name
