"""Damaged input never raises anything but a RemissdraftError with one Swedish line (issue 14).

A seeded mutator (the same 480 cases on every run, about 7 s) damages real fixtures – bytes flipped, cut and
repeated, PDF keywords broken, DOCX XML attributes replaced by "1e9" or ">", YAML given stray colons, brackets,
tabs, anchors and tags – and feeds them to the readers (`remiss.read_document`) and the YAML loaders (corpus,
template, profile, draft). The damaged files that crashed a reader before are kept as regression fixtures."""

from __future__ import annotations

import io
import os
import random
import re
import traceback
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES

from remissdraft.corpus.store import load_folder
from remissdraft.draft import DEFAULT_TEMPLATE, load_draft, load_profile, load_template, new_draft, read_template
from remissdraft.draft.store import draft_to_dict
from remissdraft.errors import RemissdraftError
from remissdraft.fileio import dump_yaml
from remissdraft.locations import data_dir
from remissdraft.model import Profile
from remissdraft.remiss import read_document, read_remiss

DAMAGED = FIXTURES / "damaged"
# The same cases on every run; for a longer hunt: REMISSDRAFT_FUZZ_SEED=7 REMISSDRAFT_FUZZ_SCALE=20 pytest tests/test_fuzz.py
SEED = os.environ.get("REMISSDRAFT_FUZZ_SEED", "14")
SCALE = float(os.environ.get("REMISSDRAFT_FUZZ_SCALE", "1"))


# --- the inputs that crashed a reader ------------------------------------------------------------------------


def test_a_page_pdfium_cannot_load_is_one_warning_and_the_rest_is_kept(capsys):
    warnings: list[str] = []
    document = read_document(DAMAGED / "page_not_a_dictionary.pdf", warn=warnings.append)
    text = " ".join([*document.preamble, *(p for s in document.sections for part in s.walk() for p in [part.title, *part.paragraphs])])
    assert warnings == ["page_not_a_dictionary.pdf: sidan 2 kunde inte läsas och hoppas över"]
    assert "strategi för psykisk hälsa" in text and "Samverkan med kommunerna" in text  # pages 1 and 3
    assert "bakgrunden" not in text
    assert capsys.readouterr() == ("", "")  # the core reports through the callback, never prints


def test_a_bookmark_title_that_is_not_utf16_is_read_with_a_replacement(capsys):
    from remissdraft.remiss import read_raw

    raw = read_raw(DAMAGED / "bookmark_half_surrogate.pdf")
    assert [entry.title for entry in raw.outline] == ["1. Inledning", "\ufffdA", "3. Synpunkter"]
    assert capsys.readouterr() == ("", "")


def test_docx_numbering_with_1e9_and_a_level_named_gt():
    warnings: list[str] = []
    document = read_document(DAMAGED / "numbering_start_1e9.docx", warn=warnings.append)
    assert [(s.number, s.title) for s in document.sections] == [("1", "Inledning"), ("2", "Bakgrund"), ("3", "Synpunkter")]
    assert warnings == []


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*") if p.suffix in {".pdf", ".docx", ".txt"}
                                        and p.stem not in {"empty", "corrupt", "encrypted", "scanned"}))
def test_sound_files_give_no_warnings(name):
    warnings: list[str] = []
    read_document(FIXTURES / name, warn=warnings.append)
    assert warnings == []


# --- the mutator ---------------------------------------------------------------------------------------------


def _bytes(data: bytes, rnd: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        at = rnd.randrange(len(data))
        roll = rnd.random()
        if roll < 0.4:
            data[at] = rnd.randrange(256)
        elif roll < 0.6:
            del data[at : at + rnd.randint(1, 64)]
        elif roll < 0.8:
            data[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16)))
        else:
            start = rnd.randrange(len(data))
            data[at:at] = data[start : start + rnd.randint(1, 200)]
    return bytes(data)


_PDF_KEYS = re.compile(rb"/Type|/Pages?|/Contents|/Kids|/Title|/Outlines|/First|/Next| obj|/Length|/Font|/Count|/Dest")


def _pdf(data: bytes, rnd: random.Random) -> bytes:
    if rnd.random() < 0.5:
        return _bytes(data, rnd)
    keys = [match.start() for match in _PDF_KEYS.finditer(data)]
    damaged = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        damaged[rnd.choice(keys) + 1] = rnd.randrange(256)
    return bytes(damaged)


_XML_VALUES = [b"0", b"1e9", b"-1", b"99999999999999999999", b"", b"x", b"&gt;", b"9", b"Heading1", b"ListBullet", b"Title"]


def _docx(data: bytes, rnd: random.Random) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.endswith(".xml") and rnd.random() < 0.5:
                part = re.sub(rb'(w:(?:val|ilvl|numId|styleId|abstractNumId|w|h|sz)=")([^"]*)"',
                              lambda m: m.group(1) + (rnd.choice(_XML_VALUES) if rnd.random() < 0.05 else m.group(2)) + b'"', part)
                if rnd.random() < 0.05:
                    part = _bytes(part, rnd)  # mostly no longer XML: the file is damaged
            if rnd.random() < 0.01:
                continue  # a part missing
            target.writestr(info.filename, part)
    return out.getvalue()


_YAML_BITS = ["\n", ": ", ":", "- ", "-", "[", "]", "{", "}", "'", '"', "\t", "  ", "&a ", "*a", "!!python/object:os.system ",
              "!x ", "---\n", "? ", "|", ">", "#", "%", "@", "`", "\\", "\x00", "\x07", "\ufeff", "null", "~", "[[[[", "1e9",
              "2021-13-45", "true", "-1", "{a: {b: [c]}}"]


_YAML_VALUES = ["2021-02-30", "2021-13-45", "!!int x", "!!float x", "!!timestamp x", "!!bool x", "!!binary x", "!!set {a}",
                "[1, 2", "{a: 1}", "[]", "{}", "*a", "&a x", "null", "-1", "1e999", ".nan", "12:30:45", "!!python/name:os.system",
                "true", "'", "|", "|\n  a\n b", "[[[[[[[[[[[[]]]]]]]]]]]]"]


def _yaml(text: str, rnd: random.Random) -> bytes:
    if rnd.random() < 0.25:
        return _bytes(text.encode("utf-8"), rnd)
    if rnd.random() < 0.35:  # a value of the wrong kind where a value belongs
        lines = text.split("\n")
        keyed = [number for number, line in enumerate(lines) if ": " in line]
        for number in rnd.sample(keyed, min(len(keyed), rnd.randint(1, 3))):
            key = lines[number].split(": ", 1)[0]
            lines[number] = f"{key}: {rnd.choice(_YAML_VALUES)}"
        return "\n".join(lines).encode("utf-8")
    chars = list(text)
    for _ in range(rnd.randint(1, 6)):
        at = rnd.randrange(len(chars) + 1)
        if rnd.random() < 0.7:
            chars[at:at] = rnd.choice(_YAML_BITS)
        else:
            del chars[at : at + rnd.randint(1, 30)]
    return "".join(chars).encode("utf-8", errors="surrogatepass")


# --- the fuzz runs ---------------------------------------------------------------------------------------------


def _one_line(error: RemissdraftError) -> bool:
    message = str(error)
    return bool(message.strip()) and "\n" not in message and "Traceback" not in message


def _fuzz(cases: int, make, check, tmp_path: Path, suffix: str) -> None:
    """Run `cases` mutated inputs; collect every exception that is not a one-line RemissdraftError."""
    failures = []
    cases = max(1, round(cases * SCALE))
    for number in range(cases):
        rnd = random.Random(f"{SEED}:{suffix}:{number}")
        path = tmp_path / f"fall{number}{suffix}"
        path.write_bytes(make(rnd))
        try:
            check(path)
        except RemissdraftError as error:
            if not _one_line(error):
                failures.append(f"{path.name}: message not one line: {error!r}")
        except Exception as error:
            where = traceback.extract_tb(error.__traceback__)[-1]
            failures.append(f"{path.name}: {type(error).__name__}: {error} at {Path(where.filename).name}:{where.lineno}")
            continue
        path.unlink()
    assert not failures, f"{len(failures)} of {cases} damaged files crashed (kept in {tmp_path}):\n" + "\n".join(failures[:20])


def _read(path: Path) -> None:
    warnings: list[str] = []
    read_document(path, warn=warnings.append)
    assert all(isinstance(w, str) and w.strip() and "\n" not in w for w in warnings), warnings


@pytest.mark.parametrize(
    "seed, cases, mutate",
    [("strategi_styles.pdf", 60, _pdf), ("yttrande_socn_2021_132.pdf", 40, _pdf), ("folkhalsopolicy_bold.pdf", 25, _pdf),
     ("strategi_styles.docx", 50, _docx), ("strategi_bold.docx", 30, _docx), ("remissbrev.docx", 20, _docx),
     ("strategi.txt", 30, lambda d, r: _bytes(d, r)), ("folkhalsopolicy_cp1252.txt", 20, lambda d, r: _bytes(d, r)),
     ("remissbrev.txt", 15, lambda d, r: _yaml(d.decode("utf-8"), r))],
)
def test_readers_survive_damaged_files(tmp_path, capsys, seed, cases, mutate):
    data = (FIXTURES / seed).read_bytes()
    _fuzz(cases, lambda rnd: mutate(data, rnd), _read, tmp_path, Path(seed).suffix)
    assert capsys.readouterr() == ("", "")


def test_corpus_loader_survives_damaged_files(tmp_path):
    text = (next(data_dir("corpus").glob("nacka-kommun-socn-2021-132-*.yaml"))).read_text(encoding="utf-8")
    folder = tmp_path / "korpus"
    folder.mkdir()

    def make(rnd: random.Random) -> bytes:
        return _yaml(text, rnd)

    def check(path: Path) -> None:
        target = folder / "a.yaml"
        target.write_bytes(path.read_bytes())
        snippets, problems = load_folder(folder)
        assert all(isinstance(p, str) and "\n" not in p for p in problems), problems
        assert all(isinstance(s.text, str) and all(isinstance(t, str) for t in s.topics) for s in snippets)

    _fuzz(50, make, check, tmp_path, ".yaml")


def test_template_loader_survives_damaged_files(tmp_path):
    text = (data_dir("templates") / f"{DEFAULT_TEMPLATE}.yaml").read_text(encoding="utf-8")
    _fuzz(50, lambda rnd: _yaml(text, rnd), read_template, tmp_path, ".yaml")


def test_profile_loader_survives_damaged_files(tmp_path, monkeypatch):
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(config))
    text = dump_yaml({"name": "Ann Berg", "title": "Utredare", "unit": "Enheten", "namnd": "Socialnämnden",
                      "organisation": "Nacka kommun", "template": DEFAULT_TEMPLATE,
                      "chef": {"name": "Bo Ek", "title": "Chef", "unit": "Enheten"}})

    def check(path: Path) -> None:
        (config / "profile.yaml").write_bytes(path.read_bytes())
        load_profile()

    _fuzz(40, lambda rnd: _yaml(text, rnd), check, tmp_path, ".yaml")


def test_draft_loader_survives_damaged_files(tmp_path):
    remiss = read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])
    draft = new_draft(remiss, load_template(DEFAULT_TEMPLATE), Profile(name="Ann Berg", namnd="Socialnämnden"), dnr="SOCN 2021/1")
    text = dump_yaml(draft_to_dict(draft))
    _fuzz(50, lambda rnd: _yaml(text, rnd), load_draft, tmp_path, ".yaml")


def test_a_paragraph_with_damaged_formatting_keeps_its_text_with_one_warning(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("1. Inledning")
    document.add_paragraph("Nämnden välkomnar strategin och dess inriktning.").runs[0].font.size = 139700  # 11 pt
    document.add_paragraph("2. Synpunkter")
    document.add_paragraph("Samverkan med kommunerna behöver stärkas.")
    path = tmp_path / "trasig-storlek.docx"
    document.save(path)
    damaged = tmp_path / "skadad.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = re.sub(rb'<w:sz w:val="\d+"/>', b'<w:sz w:val="elva"/>', part)  # a size python-docx cannot read
            target.writestr(info, part)
    warnings: list[str] = []
    found = read_document(damaged, warn=warnings.append)
    text = " ".join(p for s in found.sections for p in [s.title, *s.paragraphs])
    assert "välkomnar strategin" in text and "Samverkan" in text
    assert warnings == ["skadad.docx: en del i Word-filen kunde inte läsas helt – texten i övrigt är med"]
