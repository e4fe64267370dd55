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
import os
import pickle
import re
import stat
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..errors import CorpusError, os_message, shown_path
from ..fileio import YAML_LIMIT, atomic_write, load_yaml, os_errors, read_bytes, yaml_reason
from ..locations import cache_dir, data_dir
from ..model import STANCES, Snippet, Source

SCHEMA = 1
REQUIRED = ("id", "text", "stance", "topics", "source")
KINDS = ("synpunkt", "standardtext")
_CACHE_VERSION = 1  # bump when Snippet or the parsing changes
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PROBLEMS_SHOWN = 10  # per file; the rest are counted


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
    """The bundled corpus (unless `bundled` is false) plus the user's corpus folder (none there yet: empty).
    Raises CorpusError when the user's folder is a file or cannot be reached."""
    if user_dir:
        check_corpus_dir(user_dir)
    folders = ([bundled_corpus_dir()] if bundled else []) + ([user_dir] if user_dir else [])
    corpus = Corpus()
    seen: set[str] = set()
    for folder in folders:
        for snippet, key in _load_keyed(folder, corpus.problems):
            if key not in seen:
                seen.add(key)
                corpus.snippets.append(snippet)
    return corpus


def check_corpus_dir(folder: Path) -> None:
    """A corpus folder must be a folder or not exist yet; anything else is one Swedish line (CorpusError)."""
    try:
        status = os.stat(folder)
    except FileNotFoundError:
        return
    except OSError as error:
        raise CorpusError(f"Korpusmappen {os_message(error, folder, 'kan inte användas')}") from None
    except ValueError:
        raise CorpusError(f"Korpusmappen {shown_path(folder)}: ogiltigt namn") from None
    if not stat.S_ISDIR(status.st_mode):
        raise CorpusError(f"Korpusmappen {shown_path(folder)} är en fil, inte en mapp – ange en mapp")


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
    for path in _yaml_files(folder, problems):
        try:
            data = read_bytes(path, YAML_LIMIT, CorpusError)
        except CorpusError as error:
            problems.append(f"{error} – filen hoppas över")
            continue
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


def _yaml_files(folder: Path, problems: list[str]) -> list[Path]:
    """The *.yaml files under `folder`, in order; a subfolder that cannot be read is reported. Folders named
    *.yaml are searched like any other, and linked folders are not followed."""
    def unreadable(error: OSError) -> None:
        problems.append(f"{os_message(error, error.filename, 'kunde inte läsas')} – mappen hoppas över")

    found = []
    for root, _, files in os.walk(folder, onerror=unreadable):
        found += [Path(root) / name for name in files if name.endswith(".yaml")]
    return sorted(found)


def _parse_file(path: Path, data: bytes) -> tuple[list[Snippet], list[str]]:
    try:
        document = load_yaml(data)
    except yaml.reader.ReaderError as error:
        if isinstance(error.character, bytes):
            return [], ["filen är inte UTF-8 – den hoppas över"]
        return [], [f"YAML-fel ({yaml_reason(error) or 'ogiltig syntax'}) – filen hoppas över"]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f"rad {mark.line + 1}: " if mark else ""
        return [], [f"{where}YAML-fel ({yaml_reason(error) or 'ogiltig syntax'}) – filen hoppas över"]
    except UnicodeDecodeError:
        return [], ["filen är inte UTF-8 – den hoppas över"]
    entries = document.get("snippets") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return [], ["saknar listan 'snippets' – filen hoppas över"]
    snippets, problems = [], []
    lines: list[int] | None = None
    skipped = 0
    for number, entry in enumerate(entries):
        problem = _problem(entry)
        if problem:
            skipped += 1
            if skipped <= _PROBLEMS_SHOWN:
                lines = _snippet_lines(data) if lines is None else lines
                line = lines[number] if number < len(lines) else 0
                problems.append(f"rad {line}: {problem} – snippeten hoppas över")
            continue
        source = entry["source"]
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
    if skipped > _PROBLEMS_SHOWN:
        problems.append(f"ytterligare {skipped - _PROBLEMS_SHOWN} snippetar med fel hoppas över")
    return snippets, problems


def _problem(entry: object) -> str:
    if not isinstance(entry, dict):
        return "posten är inte en snippet"
    missing = [name for name in REQUIRED if name not in entry or _blank(entry[name])]
    missing = [name for name in missing if name != "topics" or "topics" not in entry]
    if missing:
        return "saknar fältet " + ", ".join(f"'{name}'" for name in missing)
    for name in ("id", "text", "section_key", "original"):
        if entry.get(name) is not None and not _scalar(entry[name]):
            return f"fältet '{name}' ska vara en text"
    if entry["stance"] not in STANCES:
        return f"okänd ställning '{_shown(entry['stance'])}' (tillåtna: {', '.join(STANCES)})"
    if entry.get("kind", "synpunkt") not in KINDS:
        return f"okänd sort '{_shown(entry.get('kind'))}'"
    topics = entry["topics"]
    if topics is not None and not (isinstance(topics, list) and all(_scalar(topic) for topic in topics)):
        return "fältet 'topics' ska vara en lista med ämnen, t.ex. [Styrande nivå]"
    source = entry["source"]
    if not isinstance(source, dict) or not all(value is None or _scalar(value) for value in source.values()):
        return "fältet 'source' ska vara en karta med texter (organisation, namnd, dnr, datum …)"
    return ""


def _scalar(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _blank(value: object) -> bool:
    return value is None or value == ""


def _shown(value: object) -> str:
    """A value from the file as it goes into a one-line message."""
    text = value if isinstance(value, str) else type(value).__name__ if isinstance(value, (list, dict)) else str(value)
    text = "".join(char if char.isprintable() else " " for char in text)
    return text if len(text) <= 40 else text[:39] + "…"


def _snippet_lines(data: bytes) -> list[int]:
    """The line where each snippet starts (composing nodes, once per file, only on this rare error path)."""
    try:
        root = yaml.compose(data, Loader=_COMPOSER)
        for key, value in root.value:
            if key.value == "snippets":
                return [node.start_mark.line + 1 for node in value.value]
    except (yaml.YAMLError, AttributeError, TypeError):
        pass
    return []


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
                entries = pickle.load(handle)
        except Exception:  # never trusted: a cache that does not load is rebuilt
            entries = {}
        if isinstance(entries, dict):
            self.entries = entries

    def get(self, digest: str):
        """The parsed file, when the cache holds it in the shape this version writes; else None (parse again)."""
        self.used.add(digest)
        cached = self.entries.get(digest)
        return cached if _well_formed(cached) else None

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


_SNIPPET_FIELDS = tuple(Snippet.__dataclass_fields__)


def _well_formed(cached: object) -> bool:
    """True for ([(Snippet, str), ...], [str, ...]) with every Snippet complete."""
    if not (isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], list) and isinstance(cached[1], list)):
        return False
    pairs, problems = cached
    return all(isinstance(problem, str) for problem in problems) and all(
        isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], Snippet) and isinstance(pair[1], str)
        and isinstance(getattr(pair[0], "__dict__", None), dict) and all(name in pair[0].__dict__ for name in _SNIPPET_FIELDS)
        and isinstance(pair[0].source, Source)
        for pair in pairs
    )


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
    """What saving one imported document did: "ny" (written), "oförändrad" (already there, byte for byte, or the
    same texts imported from another file) or "konflikt" (another version of it is there: nothing written,
    `conflict` names the file)."""

    path: Path
    status: str
    conflict: Path | None = None
    elsewhere: bool = False  # "oförändrad" because another file already brought the same texts into the corpus


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
        if path.read_bytes() == data:
            return SaveResult(path, "oförändrad")
        if _without_file(file_snippets(path)) == _without_file(snippets):
            return SaveResult(path, "oförändrad", elsewhere=True)  # the same document, read from another file
        return SaveResult(path, "konflikt", path)
    earlier = _earlier_import(corpus_dir, path.name.rsplit("-", 1)[0], snippets[0].source)
    if earlier is not None:
        return SaveResult(path, "konflikt", earlier)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data, backup=False)
    return SaveResult(path, "ny")


def _without_file(snippets: list[Snippet]) -> bytes:
    """A document as stored, whichever file it was read from (a meeting's papers, the yttrande on its own)."""
    return dump_snippets([replace(s, source=replace(s.source, file="")) for s in snippets])


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
    with os_errors(CorpusError, path, "kunde inte sparas", writing=True):
        if path.exists() and path.read_bytes() == data:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, backup=False)
    return True
