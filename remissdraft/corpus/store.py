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
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .. import cachedb, collector
from ..errors import CorpusError, os_message, shown_path
from ..fileio import YAML_LIMIT, atomic_write, load_yaml, os_errors, read_bytes, yaml_reason
from ..locations import data_dir
from ..model import STANCES, Snippet, Source
from . import fastyaml, stored
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


_IDENTITY_WORD = re.compile(r"[\w{}]+|\x00")
_BETWEEN = "\n\x00\n"  # no word, and no Unicode composition, reaches over it


def normalized_texts(texts: list[str]) -> list[str]:
    """`normalized_text` of each text, the texts normalised and split in one go."""
    if not texts:
        return []
    words = _IDENTITY_WORD.findall(unicodedata.normalize("NFC", _BETWEEN.join(texts)).casefold())
    return [part.strip() for part in " ".join(words).split("\x00")]


def snippet_id(text: str) -> str:
    """Stable id derived from the normalised text."""
    return hashlib.sha1(normalized_text(text).encode("utf-8")).hexdigest()[:12]


def bundled_corpus_dir() -> Path:
    return data_dir("corpus")


def load_corpus(user_dir: Path | None = None, bundled: bool = True, progress: Progress | None = None,
                analysis: stored.Analysis | None = None) -> Corpus:
    """The bundled corpus (unless `bundled` is false) plus the user's corpus folder (none there yet: empty).
    Files parsed before come from the cache database, and the snippets are fetched from there when asked for
    (`stored.StoredSnippets`); without a usable database they are read from the files and held in memory.
    `progress(done, total)` is told, in snippets (the total estimated), how reading new or changed files goes.
    `analysis` (the ranking's text analysis, e.g. `match.settings.TERMS`) is run on the texts as they are parsed
    and kept with them. Raises CorpusError when the user's folder is a file or cannot be reached."""
    if user_dir:
        check_corpus_dir(user_dir)
    folders = ([bundled_corpus_dir()] if bundled else []) + ([user_dir] if user_dir else [])
    try:
        return _load_stored(folders, progress, analysis=analysis)
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


def _load_stored(folders: list[Path], progress: Progress | None, unique: bool = True,
                 analysis: stored.Analysis | None = None) -> Corpus:
    """The corpus through the cache database: files not seen in this form are read, parsed (and analysed, when
    `analysis` is given) – on two worker processes when there is much to do – and recorded batch by batch,
    then the snippets are served from there."""
    db = stored.database()
    wanted = analysis.signature if analysis else None
    outcome: dict[str, str] = {}  # the problem reading a file met, by path ("" when usable)
    written = stored.Written()  # the rows written now
    order: dict[str, list[tuple[int, int]]] = {}  # and per file: (number, identity key)
    files: list[str] = []  # every file, and every folder that could not be read, in order
    with collector.paused():  # the rows parsed and written are kept, and make no cycles
        for folder in folders:
            if not folder.is_dir():
                continue
            state = stored.FolderState(db, folder)
            problems: list[str] = []
            names = _yaml_names(folder, problems)
            for problem in problems:
                files.append(f"\x00{problem}")
            files += names
            jobs = _jobs(state, names, wanted, outcome)
            walked = set(names)
            state.drop([name for name in state.known if name not in walked])
            for batch in _read_all(jobs, analysis, progress):
                state.store(batch, wanted or "", written)
                outcome.update((item.path, item.problem) for item in batch)
            order.update(state.order)
    usable = [name for name in files if not name.startswith("\x00") and not outcome.get(name)]
    recorded = stored.problems_of(db, usable)
    corpus = Corpus()
    for name in files:
        if name.startswith("\x00"):
            corpus.problems.append(name[1:])
        elif outcome.get(name):
            corpus.problems.append(outcome[name])
        else:
            corpus.problems += [f"{name}: {item}" for item in recorded.get(name, [])]
    key = stored.view_key(usable, db, unique)
    rows = stored.live_rows(db, key, usable, unique, order)
    reload = lambda: _load_in_memory(folders, [], None, unique)  # noqa: E731
    corpus.snippets = stored.StoredSnippets(db, key, rows, reload, wanted, written)
    return corpus


def _jobs(state: stored.FolderState, names: list[str], wanted: str | None, outcome: dict[str, str]) -> list[tuple]:
    """The files to read (path, size, recorded hash, whether only its hash is to be checked): those the database
    has not recorded as they are now (with the analysis `wanted`) – among them those recorded with this very
    size and time, but so soon after a change that the hash must say whether they changed again; the others
    are marked usable in `outcome`."""
    jobs = []
    for name in names:
        disk = stored.disk_file(name)
        if disk is not None and disk.size <= YAML_LIMIT and state.unchanged(disk, wanted):
            outcome[name] = ""
        else:
            digest = state.digest_of(name, wanted) if disk else None
            jobs.append((name, disk.size if disk else 0, digest, disk is not None and digest is not None and state.as_recorded(disk)))
    return jobs


def pending_bytes(user_dir: Path | None, bundled: bool = True, analysis: stored.Analysis | None = None) -> int:
    """How many bytes of corpus files `load_corpus` would read and parse now (new or changed since the cache
    database recorded them; not those it only hashes again); without a usable database, every file's."""
    folders = ([bundled_corpus_dir()] if bundled else []) + ([user_dir] if user_dir else [])
    wanted = analysis.signature if analysis else None
    total = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        names = _yaml_names(folder, [])
        try:
            jobs = _jobs(stored.FolderState(stored.database(), folder), names, wanted, {})
        except cachedb.CacheError:
            return sum(disk.size for name in names if (disk := stored.disk_file(name)) is not None)
        total += _to_parse(jobs)
    return total


def _load_in_memory(folders: list[Path], problems: list[str], progress: Progress | None, unique: bool = True) -> list[Snippet]:
    """Every file read and parsed now, the snippets held in memory (when the cache database cannot be used);
    duplicates only once when `unique`."""
    snippets: list[Snippet] = []
    seen: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        names = _yaml_names(folder, problems)
        for batch in _read_all([(name, 0, None, False) for name in names], None, progress):
            for item in batch:
                if item.problem:
                    problems.append(item.problem)
                    continue
                for row in item.rows:
                    snippet = stored.row_snippet(row)
                    key = normalized_text(snippet.text)
                    if key not in seen or not unique:
                        seen.add(key)
                        snippets.append(snippet)
                problems += [f"{item.path}: {problem}" for problem in item.problems]
    return snippets


_PARALLEL_BYTES = 4 * 2**20  # below this, starting worker processes costs more than it saves
_PARALLEL_BYTES_IN_THREAD = 2**19  # off the main thread files are read with PyYAML only (see fastyaml): workers sooner
_BATCH_BYTES = 2**20
_BYTES_PER_SNIPPET = 650  # as the importer writes them: what the progress counts with until it knows better


def _read_all(jobs: list[tuple], analysis: stored.Analysis | None, progress: Progress | None) -> Iterator[list[stored.Read]]:
    """Read, hash, parse (and analyse) these files (path, size seen, recorded hash) batch by batch, in order: in
    this process, or on two worker processes when there is much. `progress(done, total)` counts snippets,
    the total estimated from the files' sizes."""
    if not jobs:
        return
    from .. import parallel

    target = analysis.target if analysis else ""
    batches: list[list[tuple]] = [[]]
    weight = 0
    for name, size, digest, _ in jobs:
        if weight > _BATCH_BYTES:
            batches.append([])
            weight = 0
        batches[-1].append((name, digest, target))
        weight += size
    total_bytes = sum(size for _, size, _, _ in jobs)
    to_parse = _to_parse(jobs)
    threshold = _PARALLEL_BYTES if threading.current_thread() is threading.main_thread() else _PARALLEL_BYTES_IN_THREAD
    count = parallel.workers() if to_parse >= threshold else 0
    results = parallel.map_batches(read_batch, batches, count) if count else map(read_batch, batches)
    done_bytes = done = 0
    if progress:
        progress(0, max(1, total_bytes // _BYTES_PER_SNIPPET))
    for batch in results:
        yield batch
        done += sum(len(item.rows) for item in batch)
        done_bytes += sum(item.size for item in batch)
        if progress:
            per_snippet = done_bytes / done if done else _BYTES_PER_SNIPPET
            progress(done, done + int(max(0, total_bytes - done_bytes) / max(per_snippet, 1)))


def _to_parse(jobs: list[tuple]) -> int:
    """The bytes of these jobs that will be parsed: not those only hashed again (quick), nor a file too large to
    be read at all (it is refused unread, and must not make every start look like a big one)."""
    return sum(size for _, size, _, hash_only in jobs if not hash_only and size <= YAML_LIMIT)


def read_batch(jobs: list[tuple]) -> list[stored.Read]:
    """Files read, hashed and parsed for the cache database, and their texts analysed when asked (what a worker
    process does with its share): each job is (path, the hash recorded for it or None, analysis target). The
    analysis is handed the texts' identity keys too (see `stored.Analysis`)."""
    read = [_read_one(name, digest) for name, digest, _ in jobs]
    found = [item for item, _ in read]
    target = jobs[0][2] if jobs else ""
    if target:
        from ..parallel import resolve

        texts = [row[2] for item in found for row in item.rows]
        terms = iter(resolve(target)(texts, [key for _, keys in read for key in keys]))
        for item in found:
            item.terms = [next(terms) for _ in item.rows]
    return found


def _read_one(name: str, recorded: str | None) -> tuple[stored.Read, list[str]]:
    """One file: read (its size and time as seen before reading), hashed, and parsed unless its hash is the one
    recorded; and the identity keys of its snippets' texts (`normalized_text`)."""
    disk = stored.disk_file(name)
    try:
        data = read_bytes(Path(name), YAML_LIMIT, CorpusError)
    except CorpusError as error:
        return stored.Read(name, 0, 0, "", problem=f"{error} – filen hoppas över"), []
    mtime_ns = disk.mtime_ns if disk else 0
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if digest == recorded:
        return stored.Read(name, len(data), mtime_ns, digest, unchanged=True), []
    rows, problems, keys = _parse_rows(name, data)
    return stored.Read(name, len(data), mtime_ns, digest, rows=rows, problems=problems), keys


def _parse_rows(name: str, data: bytes) -> tuple[list[tuple], list[str], list[str]]:
    """A file's valid snippets as stored (`stored.snippet_row`), the problems met and the identity keys of their
    texts: the fast way when every snippet is plainly valid, else through `_parse_file`."""
    fields = _plainly_valid(data)
    if fields is not None:
        keys = normalized_texts([values[1] for values in fields])
        return [(stored.norm_key(key), *values) for key, values in zip(keys, fields)], [], keys
    snippets, problems = _parse_file(Path(name), data)
    keys = normalized_texts([snippet.text for snippet in snippets])
    return [stored.snippet_row(snippet, key) for snippet, key in zip(snippets, keys)], problems, keys


_ENTRY_KEYS = frozenset(("id", "text", "original", "stance", "topics", "kind", "section_key", "source"))
_SOURCE_FIELDS = tuple(Source.__dataclass_fields__)
_STANCE_SET, _KIND_SET = frozenset(STANCES), frozenset(KINDS)


def _plainly_valid(data: bytes) -> list[tuple] | None:
    """A corpus file's snippets as stored (`stored.snippet_row` without the identity key), when the fast YAML
    path reads the file as PyYAML would and every snippet is plainly valid – its fields texts of the kinds
    `_problem` accepts, no others; else None, and the file is read the slow way (which also names what is wrong).
    One pass over each snippet checks it, and what the fast path must see quoted, and makes its row."""
    parsed = fastyaml.parse(data)
    if parsed is None:
        return None
    document, text = parsed
    quoted: set[str] = set()
    if not fastyaml.top_level_checked(document, text, quoted):
        return None
    ambiguous, first = fastyaml.ambiguous, fastyaml.FIRST
    plain: set[str] = set()  # texts seen and found read alike unquoted
    rows = []
    for entry in document["snippets"]:
        if type(entry) is not dict or not entry.keys() <= _ENTRY_KEYS:
            return None
        get = entry.get
        id_, body, stance, topics, source = get("id"), get("text"), get("stance"), get("topics"), get("source")
        kind, section_key, original = get("kind", "synpunkt"), get("section_key"), get("original")
        if (type(id_) is not str or not id_ or type(body) is not str or not body or type(stance) is not str
                or stance not in _STANCE_SET or type(kind) is not str or kind not in _KIND_SET or "topics" not in entry
                or type(source) is not dict or not (section_key is None or type(section_key) is str)
                or not (original is None or type(original) is str)):
            return None
        if topics is None:
            topics = []
        elif type(topics) is not list or not all(type(topic) is str for topic in topics):
            return None
        values = [source.get(field) for field in _SOURCE_FIELDS]
        if not all(type(key) is str for key in source) or not all(value is None or type(value) is str for value in source.values()):
            return None
        for value in (id_, body, stance, kind, section_key, original, *topics, *source, *source.values()):
            if value and value[0] in first and value not in plain and value not in quoted:
                (quoted if ambiguous(value) else plain).add(value)
        rows.append((id_, body, stance, stored.topics_json(topics), kind, section_key or "",
                     original or "", *(value or "" for value in values)))
    return rows if fastyaml.all_quoted(data, quoted) else None


def _yaml_files(folder: Path, problems: list[str]) -> list[Path]:
    """The *.yaml files under `folder`, in order; a subfolder that cannot be read is reported. Folders named
    *.yaml are searched like any other, and linked folders are not followed."""
    return [Path(name) for name in _yaml_names(folder, problems)]


def _yaml_names(folder: Path, problems: list[str]) -> list[str]:
    """`_yaml_files` as strings, in the same order (as paths sort: folder by folder), without making a Path each."""
    def unreadable(error: OSError) -> None:
        problems.append(f"{os_message(error, error.filename, 'kunde inte läsas')} – mappen hoppas över")

    top = str(folder)
    found: list[tuple[tuple[str, ...], str]] = []
    for root, _, files in os.walk(top, onerror=unreadable):
        parts = tuple(part for part in root[len(top) :].split(os.sep) if part)
        found += [((*parts, name), os.path.join(root, name)) for name in files if name.endswith(".yaml")]
    found.sort()
    return [name for _, name in found]


def _parse_file(path: Path, data: bytes) -> tuple[list[Snippet], list[str]]:
    document: object
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
        for key, value in root.value if root is not None else ():
            if key.value == "snippets":
                return [node.start_mark.line + 1 for node in value.value]
    except (yaml.YAMLError, AttributeError, TypeError):
        pass
    return []


def dump_snippets(snippets: list[Snippet]) -> bytes:
    """The YAML text of one corpus file."""
    entries = []
    for snippet in snippets:
        entry: dict[str, object] = {"id": snippet.id, "text": snippet.text}
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
