"""The corpus through the cache database: files parsed once and brought up to date file by file, snippets fetched
when asked for, and a database that is damaged, stale or gone never trusted – the files are the corpus."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import numpy as np
import pytest

from remissdraft import cachedb
from remissdraft.corpus import load_corpus, snippet_id, store
from remissdraft.corpus.store import save_snippets
from remissdraft.corpus.stored import StoredSnippets
from remissdraft.match import Matcher
from remissdraft.match.index import forget_memory
from remissdraft.model import Remiss, Section, Snippet, Source

SOURCE = Source(organisation="Nacka kommun", namnd="Socialnämnden", dnr="SOCN 2021/132", datum="2021-04-27")


def _snippet(text: str, stance: str = "positiv", topics: tuple[str, ...] = ("Styrande nivå",)) -> Snippet:
    return Snippet(snippet_id(text), text, stance, list(topics), SOURCE)


@pytest.fixture(autouse=True)
def _fresh():
    forget_memory()
    yield
    forget_memory()
    cachedb.forget()


@pytest.fixture
def parsed(monkeypatch) -> list[Path]:
    """The files parsed, as they are parsed."""
    calls: list[Path] = []
    original = store._parse_rows
    monkeypatch.setattr(store, "_parse_rows", lambda name, data: calls.append(Path(name)) or original(name, data))
    return calls


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "korpus"
    save_snippets(folder / "a.yaml", [_snippet("{namnd} välkomnar samverkan med regionen."), _snippet("Barnrättsperspektivet saknas.", "kritisk")])
    save_snippets(folder / "b.yaml", [_snippet("Uppföljningen behöver förtydligas.", "fortydligande")])
    return folder


def _texts(corpus) -> list[str]:
    return [snippet.text for snippet in corpus.snippets]


def test_snippets_are_served_from_the_database_and_equal_what_the_files_say(tmp_path):
    folder = _folder(tmp_path)
    corpus = load_corpus(folder, bundled=False)
    assert isinstance(corpus.snippets, StoredSnippets) and corpus.snippets.stored
    expected = [*store.file_snippets(folder / "a.yaml"), *store.file_snippets(folder / "b.yaml")]
    assert list(corpus.snippets) == expected and corpus.snippets == expected
    assert corpus.snippets[-1] == expected[-1] and corpus.snippets[1:] == expected[1:] and len(corpus.snippets) == 3


def test_columns_read_back_are_one_tuple_per_snippet_whether_just_written_or_from_the_database(tmp_path):
    folder = _folder(tmp_path)
    expected = [(s.text,) for s in [*store.file_snippets(folder / "a.yaml"), *store.file_snippets(folder / "b.yaml")]]
    assert load_corpus(folder, bundled=False).snippets.columns(("text",)) == expected  # the rows just written
    assert load_corpus(folder, bundled=False).snippets.columns(("text",)) == expected  # read from the database
    assert load_corpus(folder, bundled=False).snippets.columns(("text", "stance"))[1] == (expected[1][0], "kritisk")


def test_an_unchanged_folder_is_not_parsed_again_and_a_new_file_costs_its_own_parse(tmp_path, parsed):
    folder = _folder(tmp_path)
    load_corpus(folder, bundled=False)
    assert sorted(path.name for path in parsed) == ["a.yaml", "b.yaml"]
    parsed.clear()
    assert len(load_corpus(folder, bundled=False).snippets) == 3 and parsed == []
    save_snippets(folder / "c.yaml", [_snippet("Finansieringen är oklar.", "kritisk")])
    assert _texts(load_corpus(folder, bundled=False))[-1] == "Finansieringen är oklar." and [p.name for p in parsed] == ["c.yaml"]


def test_a_file_edited_by_hand_is_read_again_even_at_the_same_size_and_time(tmp_path, parsed):
    folder = _folder(tmp_path)
    load_corpus(folder, bundled=False)
    path = folder / "b.yaml"
    status = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("förtydligas", "förtydligar"), encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # same size, same modification time
    parsed.clear()
    assert "Uppföljningen behöver förtydligar." in _texts(load_corpus(folder, bundled=False))  # recorded too soon after a change: hashed again
    assert [p.name for p in parsed] == ["b.yaml"]


def test_a_file_edited_long_after_it_was_recorded_is_seen_by_its_time(tmp_path, parsed):
    folder = _folder(tmp_path)
    path = folder / "b.yaml"
    old = time.time_ns() - 3600 * 10**9
    os.utime(path, ns=(old, old))
    load_corpus(folder, bundled=False)
    load_corpus(folder, bundled=False)
    parsed.clear()
    assert len(load_corpus(folder, bundled=False).snippets) == 3 and parsed == []  # neither read nor hashed
    path.write_text(path.read_text(encoding="utf-8").replace("Uppföljningen", "Utvärderingen"), encoding="utf-8")
    assert "Utvärderingen behöver förtydligas." in _texts(load_corpus(folder, bundled=False))


def test_a_touched_file_with_the_same_content_is_not_parsed(tmp_path, parsed):
    folder = _folder(tmp_path)
    load_corpus(folder, bundled=False)
    os.utime(folder / "a.yaml")
    parsed.clear()
    assert len(load_corpus(folder, bundled=False).snippets) == 3 and parsed == []


def test_a_deleted_file_is_gone_from_the_corpus_and_from_the_ranking(tmp_path):
    folder = _folder(tmp_path)
    remiss = Remiss(title="Strategi", sections=[Section("1", "Uppföljning", 1, ["Uppföljningen av strategin."])])
    corpus = load_corpus(folder, bundled=False)
    assert next(hit.snippet.text for hit in Matcher(corpus.snippets).suggest(remiss, remiss.sections[0], include_weak=True)) == \
        "Uppföljningen behöver förtydligas."
    (folder / "b.yaml").unlink()
    corpus = load_corpus(folder, bundled=False)
    assert "Uppföljningen behöver förtydligas." not in _texts(corpus) and len(corpus.snippets) == 2
    hits = Matcher(corpus.snippets).suggest(remiss, remiss.sections[0], include_weak=True)
    assert all(hit.snippet.text != "Uppföljningen behöver förtydligas." for hit in hits)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign", "rows"])
def test_a_damaged_cache_database_is_made_anew_and_the_corpus_is_whole(tmp_path, damage):
    folder = _folder(tmp_path)
    first = load_corpus(folder, bundled=False)
    expected, problems = list(first.snippets), first.problems
    cachedb.forget()
    path = cachedb.path()
    for leftover in path.parent.glob(f"{path.name}-*"):
        leftover.unlink()
    if damage == "garbage":
        path.write_bytes(os.urandom(8192))
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:3000])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        connection = sqlite3.connect(path)
        if damage == "foreign":  # another program's database, or another version's
            connection.execute("UPDATE meta SET value = 'corpus-0' WHERE key = 'corpus'")
        else:  # rows that are not what was written
            connection.execute("UPDATE corpus_snippets SET topics = 'inte json'")
        connection.commit()
        connection.close()
    again = load_corpus(folder, bundled=False)
    assert list(again.snippets) == expected and again.problems == problems


def test_a_database_lost_while_in_use_falls_back_to_the_files(tmp_path):
    folder = _folder(tmp_path)
    corpus = load_corpus(folder, bundled=False)
    expected = store.file_snippets(folder / "a.yaml") + store.file_snippets(folder / "b.yaml")
    cachedb.forget()
    cachedb.discard(cachedb.path())
    cachedb.path().write_bytes(b"broken")
    assert list(corpus.snippets) == expected and not corpus.snippets.stored


def test_an_unusable_cache_dir_costs_time_only(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    blocked = tmp_path / "fil"
    blocked.write_text("a file where the cache dir should be")
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(blocked))
    corpus = load_corpus(folder, bundled=False)
    assert isinstance(corpus.snippets, list) and len(corpus.snippets) == 3


def test_problems_are_kept_with_the_files_and_told_each_time(tmp_path, parsed):
    folder = _folder(tmp_path)
    (folder / "trasig.yaml").write_text("schema: 1\nsnippets:\n- id: x\n  text: 'ej avslutad\n", encoding="utf-8")
    first = load_corpus(folder, bundled=False).problems
    parsed.clear()
    assert load_corpus(folder, bundled=False).problems == first and len(first) == 1 and parsed == []


def test_snippets_added_in_the_process_come_after_the_stored_ones_and_change_the_key(tmp_path):
    corpus = load_corpus(_folder(tmp_path), bundled=False)
    key = corpus.snippets.key
    added = _snippet("Egen synpunkt om barn.")
    corpus.snippets.append(added)
    assert corpus.snippets[-1] == added and len(corpus.snippets) == 4 and corpus.snippets.key != key


def test_a_large_parse_on_worker_processes_gives_what_one_process_gives(tmp_path, monkeypatch):
    folder = tmp_path / "stor"
    for number in range(12):
        save_snippets(folder / f"f{number:02d}.yaml", [_snippet(f"Position {number} nummer {word} om samverkan.") for word in range(40)])
    monkeypatch.setattr(store, "_PARALLEL_BYTES", 1)
    monkeypatch.setattr(store, "_BATCH_BYTES", 2000)
    in_workers = list(load_corpus(folder, bundled=False).snippets)
    cachedb.forget()
    cachedb.discard(cachedb.path())
    monkeypatch.setenv("REMISSDRAFT_NO_WORKERS", "1")
    assert list(load_corpus(folder, bundled=False).snippets) == in_workers and len(in_workers) == 480


def test_the_terms_kept_with_the_corpus_are_what_the_index_would_work_out(tmp_path, monkeypatch):
    from remissdraft.match import index as index_module

    folder = _folder(tmp_path)
    save_snippets(folder / "c.yaml", [_snippet("{namnd} anser att samverkansformerna på styrande nivå behöver utvecklas.")])
    corpus = load_corpus(folder, bundled=False, analysis=index_module.TERMS)
    assert corpus.snippets.analysis == index_module.TERMS.signature
    monkeypatch.setattr(index_module, "analyse_batch", lambda job: pytest.fail("texts analysed again"))
    kept = index_module.SnippetIndex.build(corpus.snippets)
    monkeypatch.undo()
    worked_out = index_module.SnippetIndex.build(list(corpus.snippets))
    assert kept.vocab == worked_out.vocab and np.array_equal(kept.data, worked_out.data)
    assert np.array_equal(kept.indices, worked_out.indices) and np.array_equal(kept.indptr, worked_out.indptr)


def test_a_corpus_first_read_without_terms_gets_them_when_asked(tmp_path, parsed):
    from remissdraft.match.index import TERMS

    folder = _folder(tmp_path)
    load_corpus(folder, bundled=False)  # corpus list: no terms
    parsed.clear()
    assert load_corpus(folder, bundled=False, analysis=TERMS).snippets.analysis == TERMS.signature
    assert sorted(path.name for path in parsed) == ["a.yaml", "b.yaml"]
    parsed.clear()
    load_corpus(folder, bundled=False, analysis=TERMS)
    load_corpus(folder, bundled=False)
    assert parsed == []


@pytest.mark.parametrize("topics", [[], ["Styrande nivå"], ["a", "b c"], ['citat "x"'], ["bak\\snedstreck"], ["tab\there"],
                                    ["rad\u2028brytning"], ["hårt\u00a0mellanslag"], ["ß", "é"]])
def test_topics_are_kept_as_json_would_write_them(topics):
    import json

    from remissdraft.corpus.stored import topics_json

    assert topics_json(topics) == json.dumps(topics, ensure_ascii=False)


def test_files_recorded_as_they_are_but_just_written_are_only_hashed_and_here(tmp_path, monkeypatch):
    """Written a moment before they were recorded, files are hashed again on the next load (they may have changed
    within the time's resolution). That is quick: no worker processes for it, and `pending_bytes` counts none of
    it – unless the hash shows a change, which is then read as any change."""
    folder = tmp_path / "nyss"
    for number in range(12):
        save_snippets(folder / f"f{number:02d}.yaml", [_snippet(f"Position {number} nummer {word} om samverkan.") for word in range(40)])
    monkeypatch.setattr(store, "_PARALLEL_BYTES", 1)
    monkeypatch.setattr(store, "_PARALLEL_BYTES_IN_THREAD", 1)
    first = list(load_corpus(folder, bundled=False).snippets)  # recorded at once: every file is "just written"
    assert store.pending_bytes(folder, bundled=False) == 0
    from remissdraft import parallel

    monkeypatch.setattr(parallel, "map_batches", lambda *a, **k: pytest.fail("worker processes to hash files"))
    assert list(load_corpus(folder, bundled=False).snippets) == first
    changed = folder / "f03.yaml"
    stat = changed.stat()
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Position 3 nummer 0", "Position 3 nummer X"), encoding="utf-8")
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same size and time: only the hash tells
    assert changed.stat().st_size == stat.st_size
    texts = [snippet.text for snippet in load_corpus(folder, bundled=False).snippets]
    assert any("Position 3 nummer X" in text for text in texts) and not any("Position 3 nummer 0 " in text for text in texts)


def test_a_file_too_large_to_read_is_told_each_time_but_is_no_work_to_index(tmp_path, monkeypatch):
    """A corpus file over the size limit is refused unread (one line, each start): it must not count as bytes to
    parse – else every start would take the corpus for a big new one (the indexing process, worker processes)."""
    from remissdraft import parallel
    from remissdraft.fileio import YAML_LIMIT

    folder = _folder(tmp_path)
    with open(folder / "enorm.yaml", "wb") as stream:
        stream.truncate(YAML_LIMIT + 1)  # sparse: nothing is written, and nothing is read
    monkeypatch.setattr(store, "_PARALLEL_BYTES", YAML_LIMIT)
    monkeypatch.setattr(store, "_PARALLEL_BYTES_IN_THREAD", YAML_LIMIT)
    monkeypatch.setattr(parallel, "map_batches", lambda *a, **k: pytest.fail("worker processes for a file read unread"))
    small = store.pending_bytes(folder, bundled=False)
    assert 0 < small < 10_000  # the two small files, not the large one
    for _ in range(2):
        corpus = load_corpus(folder, bundled=False)
        assert len(corpus.snippets) == 3
        assert len(corpus.problems) == 1 and "enorm.yaml" in corpus.problems[0] and "hoppas över" in corpus.problems[0]
    assert store.pending_bytes(folder, bundled=False) == 0
