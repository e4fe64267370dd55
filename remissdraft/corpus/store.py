"""The corpus on disk: YAML files of stance snippets, one file per imported yttrande.

A file looks like this (human-editable, diff-friendly; every snippet carries its full provenance):

    schema: 1
    snippets:
    - id: 5f0c2a1e9b7d
      text: '{namnd} välkomnar en utökad samverkan med regionen för att främja psykisk hälsa.'
      original: Socialnämnden välkomnar en utökad samverkan med regionen för att främja psykisk hälsa.
      stance: positiv
      topics: [Styrande nivå]
      kind: synpunkt
      source: {organisation: Nacka kommun, namnd: Socialnämnden, dnr: SOCN 2021/132, datum: '2021-04-27', ...}
"""

from __future__ import annotations

import hashlib
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..fileio import atomic_write
from ..locations import cache_dir, data_dir
from ..model import STANCES, Snippet, Source

SCHEMA = 1
REQUIRED = ("id", "text", "stance", "topics", "source")
KINDS = ("synpunkt", "standardtext")
_CACHE_VERSION = 1  # bump when Snippet or the parsing changes
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Corpus:
    """All snippets read, without duplicates, and the problems found on the way (one Swedish line each)."""

    snippets: list[Snippet] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def normalized_text(text: str) -> str:
    """The text as compared for identity: NFC, casefolded, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(re.findall(r"[\w{}]+", text))


def snippet_id(text: str) -> str:
    """Stable id derived from the normalised text."""
    return hashlib.sha1(normalized_text(text).encode("utf-8")).hexdigest()[:12]


def bundled_corpus_dir() -> Path:
    return data_dir("corpus")


def load_corpus(user_dir: Path | None = None, bundled: bool = True) -> Corpus:
    """The bundled corpus (unless `bundled` is false) plus the user's corpus folder."""
    folders = ([bundled_corpus_dir()] if bundled else []) + ([user_dir] if user_dir else [])
    corpus = Corpus()
    seen: set[str] = set()
    for folder in folders:
        for snippet, key in _load_keyed(folder, corpus.problems):
            if key not in seen:
                seen.add(key)
                corpus.snippets.append(snippet)
    return corpus


def load_folder(folder: Path) -> tuple[list[Snippet], list[str]]:
    """Every *.yaml file under `folder`; a broken file is reported and skipped, the others still load."""
    problems: list[str] = []
    return [snippet for snippet, _ in _load_keyed(folder, problems)], problems


def _load_keyed(folder: Path, problems: list[str]) -> list[tuple[Snippet, str]]:
    """(snippet, normalised text) pairs of a folder; parsed files come from the content-keyed cache."""
    if not folder.is_dir():
        return []
    cache = _Cache(folder)
    found: list[tuple[Snippet, str]] = []
    for path in sorted(folder.rglob("*.yaml")):
        data = path.read_bytes()
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        cached = cache.get(digest)
        if cached is None:
            snippets, file_problems = _parse_file(path, data)
            cached = (list(zip(snippets, (normalized_text(s.text) for s in snippets))), file_problems)
            cache.put(digest, cached)
        found += cached[0]
        problems += [f"{path}: {problem}" for problem in cached[1]]
    cache.save()
    return found


def _parse_file(path: Path, data: bytes) -> tuple[list[Snippet], list[str]]:
    try:
        document = yaml.load(data, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"rad {mark.line + 1}: " if mark else ""
        return [], [f"{where}YAML-fel ({getattr(error, 'problem', None) or 'ogiltig syntax'}) – filen hoppas över"]
    except UnicodeDecodeError:
        return [], ["filen är inte UTF-8 – den hoppas över"]
    entries = document.get("snippets") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return [], ["saknar listan 'snippets' – filen hoppas över"]
    snippets, problems = [], []
    for number, entry in enumerate(entries):
        problem = _problem(entry)
        if problem:
            problems.append(f"rad {_line_of(data, number)}: {problem} – snippeten hoppas över")
            continue
        source = entry["source"] if isinstance(entry["source"], dict) else {}
        snippets.append(
            Snippet(
                id=str(entry["id"]),
                text=str(entry["text"]),
                stance=entry["stance"],
                topics=[str(topic) for topic in entry.get("topics") or []],
                source=Source(**{key: str(source.get(key) or "") for key in Source.__dataclass_fields__}),
                kind=entry.get("kind", "synpunkt"),
                section_key=str(entry.get("section_key") or ""),
                original=str(entry.get("original") or ""),
            )
        )
    return snippets, problems


def _problem(entry: object) -> str:
    if not isinstance(entry, dict):
        return "posten är inte en snippet"
    missing = [name for name in REQUIRED if name not in entry or entry[name] in (None, "")]
    missing = [name for name in missing if name != "topics" or "topics" not in entry]
    if missing:
        return "saknar fältet " + ", ".join(f"'{name}'" for name in missing)
    if entry["stance"] not in STANCES:
        return f"okänd ställning '{entry['stance']}' (tillåtna: {', '.join(STANCES)})"
    if entry.get("kind", "synpunkt") not in KINDS:
        return f"okänd sort '{entry.get('kind')}'"
    return ""


def _line_of(data: bytes, number: int) -> int:
    """The line where the `number`th snippet starts (composing nodes only on this rare error path)."""
    try:
        root = yaml.compose(data, Loader=yaml.SafeLoader)
        for key, value in root.value:
            if key.value == "snippets":
                return value.value[number].start_mark.line + 1
    except (yaml.YAMLError, AttributeError, IndexError):
        pass
    return 0


class _Cache:
    """Parsed files keyed by their content hash, so a large corpus loads without parsing YAML again."""

    def __init__(self, folder: Path):
        key = hashlib.blake2b(f"{_CACHE_VERSION}:{folder.resolve()}".encode(), digest_size=8).hexdigest()
        self.path = cache_dir() / "corpus" / f"{key}.pickle"
        self.entries: dict[str, tuple[list[tuple[Snippet, str]], list[str]]] = {}
        self.used: set[str] = set()
        self.changed = False
        try:
            with self.path.open("rb") as handle:
                self.entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.entries = {}

    def get(self, digest: str):
        self.used.add(digest)
        return self.entries.get(digest)

    def put(self, digest: str, parsed) -> None:
        self.entries[digest] = parsed
        self.changed = True

    def save(self) -> None:
        if not self.changed and self.used == set(self.entries):
            return
        entries = {digest: self.entries[digest] for digest in self.used if digest in self.entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL), backup=False)
        except OSError:
            pass  # a cache that cannot be written only costs time


def dump_snippets(snippets: list[Snippet]) -> bytes:
    """The YAML text of one corpus file."""
    entries = []
    for snippet in snippets:
        entry = {"id": snippet.id, "text": snippet.text}
        if snippet.original and snippet.original != snippet.text:
            entry["original"] = snippet.original
        entry.update(stance=snippet.stance, topics=list(snippet.topics), kind=snippet.kind)
        if snippet.section_key:
            entry["section_key"] = snippet.section_key
        entry["source"] = {key: value for key, value in snippet.source.to_dict().items() if value}
        entries.append(entry)
    text = yaml.dump({"schema": SCHEMA, "snippets": entries}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return text.encode("utf-8")


@dataclass
class SaveResult:
    """What saving one imported document did: "ny" (written), "oförändrad" (already there, byte for byte) or
    "konflikt" (another version of it is there: nothing written, `conflict` names the file)."""

    path: Path
    status: str
    conflict: Path | None = None


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold().translate(str.maketrans("åäöé–", "aaoe-")))
    return re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode()).strip("-")


def document_file_name(snippets: list[Snippet]) -> str:
    """A name no other document shares: organisation, dnr, date and a short hash of the document's texts.
    The same document always gets the same name."""
    source = snippets[0].source
    content = "\n".join(f"{s.kind}:{s.section_key}:{normalized_text(s.text)}" for s in snippets)
    digest = hashlib.sha1(content.encode("utf-8")).hexdigest()[:8]
    stem = "-".join(part for part in (slug(source.organisation), slug(source.dnr), source.datum) if part)
    return f"{stem or slug(Path(source.file.split(',')[0]).stem) or 'yttrande'}-{digest}.yaml"


def save_document(corpus_dir: Path, snippets: list[Snippet]) -> SaveResult:
    """Save one imported document in a file of its own. Nothing in the corpus is overwritten: a file of the same
    name with other bytes, or an earlier import of the same document (same source file, organisation, dnr and
    date) with other texts, is a conflict and nothing is written."""
    path = corpus_dir / document_file_name(snippets)
    data = dump_snippets(snippets)
    if path.exists():
        return SaveResult(path, "oförändrad") if path.read_bytes() == data else SaveResult(path, "konflikt", path)
    earlier = _earlier_import(corpus_dir, path.name.rsplit("-", 1)[0], snippets[0].source)
    if earlier is not None:
        return SaveResult(path, "konflikt", earlier)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data, backup=False)
    return SaveResult(path, "ny")


def _earlier_import(corpus_dir: Path, stem: str, source: Source) -> Path | None:
    for other in sorted(corpus_dir.glob(f"{stem}-*.yaml")) if corpus_dir.is_dir() else []:
        if other.name.rsplit("-", 1)[0] != stem:
            continue
        snippets = file_snippets(other)
        if snippets and snippets[0].source.file == source.file:
            return other
    return None


def file_snippets(path: Path) -> list[Snippet]:
    """The valid snippets of one corpus file."""
    return _parse_file(path, path.read_bytes())[0]


def save_snippets(path: Path, snippets: list[Snippet]) -> bool:
    """Write a corpus file; returns False when the file already holds exactly this content."""
    data = dump_snippets(snippets)
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data, backup=False)
    return True
