"""Importing real yttranden and tjänsteskrivelser, measured against the stance marks in tests/data/stance_marks/.

Per file and in total:

* recall – marked position paragraphs kept whole: one snippet holds the paragraph from its first words
  (`excerpt`) to its last (`ends`) and is at most 1.5 times the paragraph's length (target ≥ 0.95);
* stance – recalled paragraphs whose snippet has the stance of the mark (strict), or one on the same side
  (lenient: agreeing = positiv/förbehåll, objecting or asking = förbehåll/förtydligande/kritisk; neutral only
  itself — a förbehåll agrees on a condition, so it sits on both sides);
* section – recalled paragraphs under a remiss section the yttrande names whose snippet records it (≥ 0.95);
* provenance – documents whose organisation, nämnd, dnr, remiss dnr, date and remiss title are all right
  (≥ 95 % of the documents), and per field;
* nothing lost – snippets stored when every file is imported into a corpus of its own, against those
  stored when all files are imported into one corpus (equal when nothing is lost).

    .venv/bin/python benchmarks/realdocs_import.py [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from remissdraft.corpus.importer import import_files
from remissdraft.corpus.store import load_folder, normalized_text
from remissdraft.model import Snippet, Source
from remissdraft.remiss import read_raw

SHARED = ROOT.parent / "shared"
MARKS = ROOT / "tests" / "data" / "stance_marks"
FIELDS = ("organisation", "namnd", "dnr", "remiss_dnr", "datum", "title")
MAX_LENGTH = 1.5  # a snippet "not much longer than the paragraph"
SIDES = ({"positiv", "forbehall"}, {"forbehall", "fortydligande", "kritisk"})


def lenient(found: str, marked: str) -> bool:
    """The same stance, or one on the same side of agreeing or not."""
    return found == marked or any({found, marked} <= side for side in SIDES)


@dataclass
class Mark:
    excerpt: str
    ends: str
    stance: str
    section: str


@dataclass
class MarkedDocument:
    kind: str
    provenance: dict
    paragraphs: list[Mark] | None  # None: provenance only
    remiss: bool = True


@dataclass
class MarkedFile:
    name: str
    path: Path
    documents: list[MarkedDocument]

    @property
    def stance_marked(self) -> bool:
        return any(d.paragraphs is not None for d in self.documents)


@dataclass
class FileScore:
    name: str
    marked: int = 0
    recalled: int = 0
    stance_right: int = 0
    stance_lenient: int = 0
    sectioned: int = 0
    section_right: int = 0
    documents: int = 0
    provenance_right: int = 0
    fields_right: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)


def load_marks(folder: Path = MARKS) -> list[MarkedFile]:
    files = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        documents = [
            MarkedDocument(
                document["kind"], {key: str(document["provenance"].get(key) or "") for key in FIELDS},
                None if "paragraphs" not in document else [Mark(**{k: str(v or "") for k, v in p.items()}) for p in document["paragraphs"]],
                document.get("remiss", True),
            )
            for document in data["documents"]
        ]
        files.append(MarkedFile(path.stem, SHARED / data["file"], documents))
    return files


# --- comparing -------------------------------------------------------------------------------------


def letters(text: str) -> str:
    """Only the letters, casefolded: line breaks, hyphenation, spacing and footnote digits do not count."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text).casefold() if ch.isalpha())


def _title_key(title: str) -> str:
    return normalized_text(re.sub(r"\s*\([^)]*\)\s*$", "", title.strip()))


def same_field(name: str, expected: str, found: str) -> bool:
    if name in ("dnr", "remiss_dnr"):
        return re.sub(r"[\s\-–]", "", expected).casefold() == re.sub(r"[\s\-–]", "", found).casefold()
    if name == "title":
        a, b = _title_key(expected), _title_key(found)
        if a == b or (a and b and fuzz.ratio(a, b) >= 90):
            return True
        short, long = sorted((a, b), key=len)
        return bool(short) and f" {short} " in f" {long} " and len(long.split()) - len(short.split()) <= 3
    if name == "namnd":
        expected, found = expected.replace("&", " och "), found.replace("&", " och ")
    return normalized_text(expected) == normalized_text(found)


def same_section(expected: str, found: str) -> bool:
    found = re.sub(r"^avsnitt\s+", "", found.strip(), flags=re.IGNORECASE)
    number = re.match(r"\d{1,2}(?:\.\d{1,2})*", expected)
    if number:
        return re.match(r"\d{1,2}(?:\.\d{1,2})*", found) is not None and re.match(r"\d{1,2}(?:\.\d{1,2})*", found).group(0) == number.group(0)
    a, b = normalized_text(expected), normalized_text(found)
    return bool(b) and (a == b or fuzz.ratio(a, b) >= 90)


def source_text(path: Path) -> str:
    return "\n".join(line.text for line in read_raw(path).lines())


def paragraph_length(text: str, mark: Mark) -> int | None:
    """The marked paragraph's length in letters, found in the document itself."""
    start = text.find(letters(mark.excerpt))
    if start < 0:
        return None
    end = text.find(letters(mark.ends), start)
    return None if end < 0 else end + len(letters(mark.ends)) - start


def holding(snippets: list[Snippet], mark: Mark, length: int) -> Snippet | None:
    excerpt, ends = letters(mark.excerpt), letters(mark.ends)
    for snippet in snippets:
        text = letters(snippet.original or snippet.text)
        start = text.find(excerpt)
        if start >= 0 and text.find(ends, start) >= 0 and len(text) <= MAX_LENGTH * length:
            return snippet
    return None


# --- importing and scoring -----------------------------------------------------------------------


def imported_documents(path: Path, corpus: Path) -> list[tuple[Source, list[Snippet]]]:
    """Each document the importer took from the file, with its snippets."""
    documents: list[tuple[Source, list[Snippet]]] = []
    for result in import_files([path], corpus):
        for document in result.documents:
            documents.append((document.source, document.snippets))
    return documents


def _agreement(marked: MarkedDocument, source: Source) -> int:
    return sum(same_field(name, marked.provenance[name], getattr(source, name)) for name in FIELDS)


def score_file(marked: MarkedFile, documents: list[tuple[Source, list[Snippet]]]) -> FileScore:
    score = FileScore(marked.name)
    text = letters(source_text(marked.path))
    free = list(range(len(documents)))
    for document in marked.documents:
        score.documents += 1
        best = max(free, key=lambda i: _agreement(document, documents[i][0]), default=None)
        source, snippets = documents[best] if best is not None else (Source(), [])
        if best is not None:
            free.remove(best)
        right = [name for name in FIELDS if same_field(name, document.provenance[name], getattr(source, name))]
        for name in right:
            score.fields_right[name] += 1
        if len(right) == len(FIELDS):
            score.provenance_right += 1
        else:
            score.misses += [f"{name}: {getattr(source, name)!r} ≠ {document.provenance[name]!r}" for name in FIELDS if name not in right]
        for mark in document.paragraphs or []:
            length = paragraph_length(text, mark)
            if length is None:
                raise SystemExit(f"{marked.name}: finns inte i dokumentet: {mark.excerpt!r} … {mark.ends!r}")
            score.marked += 1
            snippet = holding([s for s in snippets if s.kind == "synpunkt"], mark, length)
            if snippet is None:
                score.misses.append(f"saknas: {mark.excerpt[:60]}")
                continue
            score.recalled += 1
            score.stance_right += snippet.stance == mark.stance
            score.stance_lenient += lenient(snippet.stance, mark.stance)
            if snippet.stance != mark.stance:
                score.misses.append(f"ställning {snippet.stance} ≠ {mark.stance}: {mark.excerpt[:50]}")
            if mark.section:
                score.sectioned += 1
                if same_section(mark.section, snippet.source.section):
                    score.section_right += 1
                else:
                    score.misses.append(f"avsnitt {snippet.source.section!r} ≠ {mark.section[:40]!r}")
    return score


def nothing_lost(paths: list[Path]) -> tuple[int, int, int]:
    """(snippets stored importing each file alone, snippets stored importing all into one corpus, corpus files)."""
    alone = 0
    for path in paths:
        with tempfile.TemporaryDirectory() as folder:
            import_files([path], Path(folder))
            alone += len(load_folder(Path(folder))[0])
    with tempfile.TemporaryDirectory() as folder:
        import_files(paths, Path(folder))
        together = len(load_folder(Path(folder))[0])
        files = len(list(Path(folder).glob("*.yaml")))
    return alone, together, files


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print what each file missed")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"saknas: {SHARED}")
    report(args.show)


def report(show: bool = False) -> None:
    """Print the per-file table and the totals (benchmarks/realdocs.py prints this after the section table)."""
    marks = load_marks()
    scores = []
    for marked in marks:
        with tempfile.TemporaryDirectory() as folder:
            scores.append(score_file(marked, imported_documents(marked.path, Path(folder))))
    print(f"{'file':<66} {'paras':>5} {'recall':>6} {'stance':>6} {'~':>5} {'sect':>9} {'prov':>5}")
    for score in scores:
        section = f"{ratio(score.section_right, score.sectioned)} ({score.sectioned})" if score.sectioned else "–"
        paras = str(score.marked) if score.marked else "–"
        print(
            f"{score.name[:66]:<66} {paras:>5} {ratio(score.recalled, score.marked):>6} "
            f"{ratio(score.stance_right, score.recalled):>6} {ratio(score.stance_lenient, score.recalled):>5} {section:>9} "
            f"{score.provenance_right}/{score.documents}"
        )
        if show:
            for miss in score.misses:
                print(f"    {miss}")
    total = lambda name: sum(getattr(s, name) for s in scores)  # noqa: E731
    print()
    print(f"position paragraphs recalled      {total('recalled')}/{total('marked')} = {ratio(total('recalled'), total('marked'))}")
    print(f"stance agreement (recalled)       {total('stance_right')}/{total('recalled')} = {ratio(total('stance_right'), total('recalled'))}")
    print(f"stance on the same side (lenient) {total('stance_lenient')}/{total('recalled')} = {ratio(total('stance_lenient'), total('recalled'))}")
    print(f"section where the yttrande names  {total('section_right')}/{total('sectioned')} = {ratio(total('section_right'), total('sectioned'))}")
    print(f"provenance right (documents)      {total('provenance_right')}/{total('documents')} = {ratio(total('provenance_right'), total('documents'))}"
          f" in {len(scores)} files")
    for name in FIELDS:
        right = sum(s.fields_right[name] for s in scores)
        print(f"    {name:<12} {right}/{total('documents')}")
    everything = sorted({m.path for m in marks} | {p for p in (SHARED / "realdocs" / "kommunhandlingar").rglob("*.txt")})
    alone, together, files = nothing_lost(everything)
    print(f"nothing lost: {len(everything)} files imported one by one store {alone} snippets; into one corpus "
          f"{together} snippets in {files} corpus files")


if __name__ == "__main__":
    main()
