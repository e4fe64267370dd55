"""A remiss read before is opened from the cache: the same Remiss and the same warnings, without reading the
files; a changed file, a changed reader or a damaged cache file is read anew."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REALDOCS, needs_realdocs

from remissdraft.errors import RemissdraftError
from remissdraft.locations import example_remiss
from remissdraft.remiss import cache, read
from remissdraft.remiss.cache import read_remiss_again

DAMAGED = FIXTURES / "damaged" / "page_not_a_dictionary.pdf"


def test_a_remiss_read_before_comes_back_the_same_without_reading(monkeypatch):
    first = read.read_remiss(example_remiss())
    assert read_remiss_again(example_remiss()) == first  # read, and kept
    assert len(list(cache.folder().glob("*.json"))) == 1
    monkeypatch.setattr(read, "read_remiss", lambda *a, **k: pytest.fail("read again"))
    again = read_remiss_again(example_remiss())
    assert again == first and again.files == example_remiss()
    assert [s.footnotes for s in again.walk()] == [s.footnotes for s in first.walk()]


def test_the_warnings_of_the_first_reading_are_given_again(tmp_path, monkeypatch):
    heard: list[str] = []
    first = read_remiss_again([DAMAGED], warn=heard.append)
    assert heard == ["page_not_a_dictionary.pdf: sidan 2 kunde inte läsas och hoppas över"]
    monkeypatch.setattr(read, "read_remiss", lambda *a, **k: pytest.fail("read again"))
    again: list[str] = []
    assert read_remiss_again([DAMAGED], warn=again.append) == first and again == heard


def test_a_changed_file_is_read_anew(tmp_path):
    remiss = tmp_path / "remiss.txt"
    remiss.write_text("1 Inledning\n\nFörsta texten.\n\n2 Syfte\n\nAndra texten.\n", encoding="utf-8")
    assert [s.title for s in read_remiss_again([remiss]).walk()] == ["Inledning", "Syfte"]
    remiss.write_text("1 Inledning\n\nFörsta texten.\n\n2 Mål\n\nAndra texten.\n", encoding="utf-8")
    os.utime(remiss, ns=(1, 1))  # an older time than before: the content decides, not the time
    assert [s.title for s in read_remiss_again([remiss]).walk()] == ["Inledning", "Mål"]


def test_a_changed_reader_reads_every_remiss_anew(monkeypatch, tmp_path):
    read_remiss_again(example_remiss())
    readers = tmp_path / "remiss"
    shutil.copytree(Path(cache.__file__).parent, readers, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_READERS", readers)
    key = cache._key(example_remiss())
    (readers / "structure.py").write_text((readers / "structure.py").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cache._key(example_remiss()) != key


@pytest.mark.parametrize("damage", [b"", b"{", b'{"title": 1}', b"[]", b'{"sections": [{"number": 1}]}', b"\xff\xfe"])
def test_a_damaged_cache_file_is_read_anew_and_replaced(damage):
    first = read_remiss_again(example_remiss())
    (kept,) = cache.folder().glob("*.json")
    kept.write_bytes(damage)
    assert read_remiss_again(example_remiss()) == first
    assert kept.read_bytes() != damage  # written anew


def test_a_file_that_cannot_be_read_says_so_as_before(tmp_path):
    with pytest.raises(RemissdraftError, match="saknas|finns inte|kunde inte"):
        read_remiss_again([tmp_path / "borta.pdf"])
    (tmp_path / "tom.txt").write_bytes(b"")
    with pytest.raises(RemissdraftError, match="tom"):
        read_remiss_again([tmp_path / "tom.txt"])
    assert not cache.folder().exists() or not list(cache.folder().glob("*.json"))  # nothing kept


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "cache-fil"
    blocked.write_text("inte en mapp")
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(blocked))
    assert read_remiss_again(example_remiss()) == read.read_remiss(example_remiss())


def test_only_the_last_remisser_are_kept(tmp_path):
    for number in range(cache._KEPT + 3):
        remiss = tmp_path / f"remiss-{number}.txt"
        remiss.write_text(f"1 Inledning\n\nRemiss nummer {number}.\n", encoding="utf-8")
        read_remiss_again([remiss])
    assert len(list(cache.folder().glob("*.json"))) == cache._KEPT


@needs_realdocs()
@pytest.mark.parametrize("name", ["marks_detaljplan_melltorp_planbeskrivning.pdf", "marks_detaljplan_ubbhult_planbeskrivning_samrad.pdf"])
def test_a_real_pdf_comes_back_as_it_was_read(name, monkeypatch):
    paths = [REALDOCS / name]
    fresh = read.read_remiss(paths)
    assert read_remiss_again(paths) == fresh
    monkeypatch.setattr(read, "read_remiss", lambda *a, **k: pytest.fail("read again"))
    again = read_remiss_again(paths)
    assert again == fresh and sum(1 for _ in again.walk()) > 5


def test_a_changed_pdf_or_docx_library_reads_every_remiss_anew(monkeypatch, tmp_path):
    assert [folder.name for folder in cache._library_folders()] == ["pypdfium2_raw", "docx"]
    library = tmp_path / "lib" / "pdflib"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("")
    (library / "libpdf.so").write_bytes(b"version 1")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    monkeypatch.setattr(cache, "_LIBRARIES", ("pdflib",))
    key = cache._key(example_remiss())
    (library / "libpdf.so").write_bytes(b"version 2, longer")
    assert cache._key(example_remiss()) != key
