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
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import cachedb
from ..errors import CorpusError, os_message, shown_path
from ..fileio import YAML_LIMIT, atomic_write, load_yaml, os_errors, read_bytes, yaml_reason
from ..locations import data_dir
from ..model import STANCES, Snippet, Source
from . import stored
from .fastyaml import load_corpus_document

SCHEMA = 1
REQUIRED = ("id", "text", "stance", "topics", "source")
KINDS = ("synpunkt", "standardtext")
Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PROBLEMS_SHOWN = 10  # per file; the rest are counted


@dataclass
class Corpus:
    """All snippets read, without duplicates, and the problems found on the way (one Swedish line each)."""

    snippets: Sequence[Snippet] = field(default_factory=list)  # a list, or fetched from the cache database
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


def load_corpus(user_dir: Path | None = None, bundled: bool = True, progress: Progress | None = None) -> Corpus:
    """The bundled corpus (unless `bundled` is false) plus the user's corpus folder (none there yet: empty).
    Files parsed before come from the cache database, and the snippets are fetched from there when asked for
    (`stored.StoredSnippets`); without a usable database they are read from the files and held in memory.
    `progress(done, total)` is told, in snippets (estimated), how parsing new or changed files goes.
    Raises CorpusError when the user's folder is a file or cannot be reached."""
    if user_dir:
        check_corpus_dir(user_dir)
    folders = ([bundled_corpus_dir()] if bundled else []) + ([user_dir] if user_dir else [])
    try:
        return _load_stored(folders, progress)
    except cachedb.CacheError as error:  # never trusted: a database that fails is made anew, the files read now
        cachedb.failed(error)
    corpus = Corpus()
    corpus.snippets = _load_in_memory(folders, corpus.problems, progress)
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
    """Every snippet of every *.yaml file under `folder`, duplicates too; a broken file is reported and skipped,
    the others still load."""
    if not folder.is_dir():
        return [], []
    try:
        corpus = _load_stored([folder], None, unique=False)
        return list(corpus.snippets), corpus.problems
    except cachedb.CacheError as error:
        cachedb.failed(error)
    problems: list[str] = []
    return _load_in_memory([folder], problems, None, unique=False), problems


def _load_stored(folders: list[Path], progress: Progress | None, unique: bool = True) -> Corpus:
    """The corpus through the cache database: files not seen in this form are parsed (in parallel when there
    is much to do) and recorded, then the snippets are served from there."""
    db = stored.database()
    found: list[tuple[str, str]] = []  # every file in order: (path, "" when usable, else the problem)
    for folder in folders:
        if not folder.is_dir():
            continue
        state = stored.FolderState(db, folder)
        problems: list[str] = []
        names = _yaml_names(folder, lambda error: problems.append(
            f"{os_message(error, error.filename, 'kunde inte läsas')} – mappen hoppas över"))
        found += [("", problem) for problem in problems]
        todo: list[tuple[stored.DiskFile, bytes, str]] = []
        touched: list[stored.DiskFile] = []
        for name in names:
            disk = stored.disk_file(name)
            if disk is not None and disk.size <= YAML_LIMIT and state.unchanged(disk):
                found.append((name, ""))
                continue
            try:
                data = read_bytes(Path(name), YAML_LIMIT, CorpusError)
            except CorpusError as error:
                found.append((name, f"{error} – filen hoppas över"))
                continue
            disk = stored.DiskFile(name, len(data), disk.mtime_ns if disk else 0)
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            if digest == state.digest_of(name):
                touched.append(disk)
            else:
                todo.append((disk, data, digest))
            found.append((name, ""))
        walked = set(names)
        gone = [name for name in state.known if name not in walked]
        state.store(parse_files(todo, progress), gone, touched)
    usable = [name for name, problem in found if not problem]
    recorded = stored.problems_of(db, usable)
    corpus = Corpus()
    for name, problem in found:
        if problem:
            corpus.problems.append(problem)
        else:
            corpus.problems += [f"{name}: {item}" for item in recorded.get(name, [])]
    key = stored.view_key(usable, db, unique)
    rows = stored.live_rows(db, key, usable, unique)
    corpus.snippets = stored.StoredSnippets(db, key, rows, lambda: _load_in_memory(folders, [], None, unique))
    return corpus


def _load_in_memory(folders: list[Path], problems: list[str], progress: Progress | None, unique: bool = True) -> list[Snippet]:
    """Every file read and parsed now, the snippets held in memory (when the cache database cannot be used);
    duplicates only once when `unique`."""
    snippets: list[Snippet] = []
    seen: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        todo = []
        for path in _yaml_files(folder, problems):
            try:
                data = read_bytes(path, YAML_LIMIT, CorpusError)
            except CorpusError as error:
                problems.append(f"{error} – filen hoppas över")
                continue
            todo.append((stored.DiskFile(str(path), len(data), 0), data, ""))
        for parsed in parse_files(todo, progress):
            for row in parsed.rows:
                snippet = stored.row_snippet(row)
                key = normalized_text(snippet.text)
                if key not in seen or not unique:
                    seen.add(key)
                    snippets.append(snippet)
            problems += [f"{parsed.path}: {problem}" for problem in parsed.problems]
    return snippets


def parse_files(todo: list[tuple[stored.DiskFile, bytes, str]], progress: Progress | None = None) -> list[stored.Parsed]:
    """Parse these files (path and stat, content, content hash), in the order given; on several processes when
    there is much to parse. `progress(done, total)` counts snippets, estimated from the file's lines."""
    if not todo:
        return []
    estimates = [max(1, data.count(b"\n- ")) for _, data, _ in todo]
    total = sum(estimates)
    if progress:
        progress(0, total)
    jobs = [(str(disk.path), disk.size, disk.mtime_ns, data, digest) for disk, data, digest in todo]
    results: list[stored.Parsed] = []
    done = 0
    for parsed, estimate in zip(_parsed(jobs, sum(len(data) for _, data, _ in todo)), estimates):
        results.append(parsed)
        done += estimate
        if progress:
            progress(done, total)
    return results


_PARALLEL_BYTES = 4 * 2**20  # below this, starting worker processes costs more than it saves
_BATCH_BYTES = 2**20


def _parsed(jobs: list[tuple], size: int) -> Iterator[stored.Parsed]:
    """Parsed files in the order of `jobs`: in this process, or in two worker processes for a large job."""
    from .. import parallel

    count = parallel.workers()
    if size < _PARALLEL_BYTES or not count:
        for job in jobs:
            yield _parse_job(job)
        return

    batches: list[list[tuple]] = [[]]
    weight = 0
    for job in jobs:
        if weight > _BATCH_BYTES:
            batches.append([])
            weight = 0
        batches[-1].append(job)
        weight += len(job[3])
    for batch in parallel.map_batches(parse_batch, batches, count):
        yield from batch


def parse_batch(jobs: list[tuple]) -> list[stored.Parsed]:
    """Files parsed for the cache database (what a worker process does with its share)."""
    return [_parse_job(job) for job in jobs]


def _parse_job(job: tuple) -> stored.Parsed:
    """One file parsed for the cache database (run in a worker process too)."""
    name, size, mtime_ns, data, digest = job
    snippets, problems = _parse_file(Path(name), data)
    rows = [stored.snippet_row(snippet, normalized_text(snippet.text)) for snippet in snippets]
    return stored.Parsed(name, size, mtime_ns, digest, rows, problems)


def _yaml_files(folder: Path, problems: list[str]) -> list[Path]:
    """The *.yaml files under `folder`, in order; a subfolder that cannot be read is reported. Folders named
    *.yaml are searched like any other, and linked folders are not followed."""
    def unreadable(error: OSError) -> None:
        problems.append(f"{os_message(error, error.filename, 'kunde inte läsas')} – mappen hoppas över")

    return [Path(name) for name in _yaml_names(folder, unreadable)]


def _yaml_names(folder: Path, unreadable: Callable[[OSError], None]) -> list[str]:
    """`_yaml_files` as strings, in the same order (as paths sort: folder by folder), without making a Path each."""
    top = str(folder)
    found: list[tuple[tuple[str, ...], str]] = []
    for root, _, files in os.walk(top, onerror=unreadable):
        parts = tuple(part for part in root[len(top) :].split(os.sep) if part)
        found += [((*parts, name), os.path.join(root, name)) for name in files if name.endswith(".yaml")]
    found.sort()
    return [name for _, name in found]


def _parse_file(path: Path, data: bytes) -> tuple[list[Snippet], list[str]]:
    try:
        document = load_corpus_document(data)
        if document is None:  # not sure to be read as PyYAML reads it: PyYAML it is
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
    with os_errors(CorpusError, path, "kunde inte sparas", writing=True):
        if path.exists() and path.read_bytes() == data:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, backup=False)
    return True
