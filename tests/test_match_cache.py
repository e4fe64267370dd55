"""The index is built once per corpus content and kept in the cache database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from remissdraft import cachedb
from remissdraft.match import Matcher, cache_dir, find_section, storage, suggest
from remissdraft.match import index as index_module
from remissdraft.match.compounds import Vocabulary
from remissdraft.match.index import IndexSettings, SnippetIndex, fingerprint, forget_memory, get_index
from remissdraft.model import Remiss, Section, Snippet, Source

SNIPPETS = [
    Snippet(id="a", text="{namnd} välkomnar samverkansformer på styrande nivå.", stance="positiv", topics=["Styrande nivå"]),
    Snippet(id="b", text="Konsekvensanalyser behövs i beslutsprocesser.", stance="forbehall"),
    Snippet(id="c", text="Upphandlingen av HVB genomförs med förenklat förfarande.", source=Source(dnr="SOCN 2020/337")),
]
REMISS = Remiss(title="Strategi", sections=[Section("1", "Styrande nivå", 1, ["Samverkan och konsekvensanalyser på styrande nivå."])])


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(tmp_path / "cache"))
    forget_memory()
    yield tmp_path / "cache" / "match"
    forget_memory()
    cachedb.forget()


def _no_build(*args, **kwargs):
    raise AssertionError("the index was built again")


def test_cache_dir_comes_from_the_environment(cache):
    assert cache_dir() == cache


def test_cache_dir_defaults_to_the_platform_cache(monkeypatch):
    monkeypatch.delenv("REMISSDRAFT_CACHE_DIR")
    import remissdraft.locations as locations

    monkeypatch.setattr(locations.platformdirs, "user_cache_dir", lambda name: f"/somewhere/{name}")
    assert str(cache_dir()) == "/somewhere/remissdraft/match"


def test_a_second_suggest_reuses_the_stored_index(cache, monkeypatch):
    section = find_section(REMISS, "1")
    first = [hit.snippet.id for hit in suggest(REMISS, section, SNIPPETS)]
    stored = storage.stored_keys()
    assert len(stored) == 1 and cachedb.path().is_file()
    forget_memory()  # as a new process would start
    monkeypatch.setattr(SnippetIndex, "build", classmethod(_no_build))
    assert [hit.snippet.id for hit in suggest(REMISS, section, SNIPPETS)] == first
    assert Matcher(SNIPPETS).index.key == stored[0]


def test_a_stored_index_is_the_index_that_was_built(cache):
    built = get_index(SNIPPETS)
    forget_memory()
    loaded = storage.load(built.key)
    assert loaded is not None and loaded is not built
    for name in ("data", "indices", "indptr", "stance", "kind", "document", "heading"):
        assert np.array_equal(getattr(loaded, name), getattr(built, name)) and getattr(loaded, name).dtype == getattr(built, name).dtype
    assert loaded.vocab == built.vocab and loaded.label_heads == built.label_heads and loaded.n_docs == built.n_docs
    plain = Vocabulary(built.vocab)  # what the index's lean vocabulary stands for
    for vocabulary in (built.vocabulary, loaded.vocabulary):
        assert list(vocabulary.forward) == plain.forward and list(vocabulary.backward) == plain.backward
        assert set(vocabulary.known) == plain.known and "samverkansform" in vocabulary
        assert list(vocabulary.ending_with("form")) == list(plain.ending_with("form"))
        assert list(vocabulary.starting_with("samverk")) == list(plain.starting_with("samverk"))
    for name in ("indptr", "targets", "kinds"):
        assert np.array_equal(getattr(loaded.compounds, name), getattr(built.compounds, name))
    for name in ("labels", "titles", "title_words", "remiss_dnrs", "sections", "series", "organisations", "namnder"):
        table, again = getattr(built, name), getattr(loaded, name)
        assert table.values == again.values and np.array_equal(table.docs, again.docs) and np.array_equal(table.ids, again.ids)


def test_the_same_process_keeps_the_index_in_memory(cache, monkeypatch):
    get_index(SNIPPETS)
    cachedb.forget()
    cachedb.discard(cachedb.path())
    monkeypatch.setattr(SnippetIndex, "build", classmethod(_no_build))
    assert get_index(SNIPPETS).n_docs == 3


def test_changed_content_builds_a_new_index(cache):
    before = fingerprint(SNIPPETS, IndexSettings())
    get_index(SNIPPETS)
    changed = [replace(SNIPPETS[0], text="{namnd} avstyrker förslaget."), *SNIPPETS[1:]]
    assert fingerprint(changed, IndexSettings()) != before
    restanced = [replace(SNIPPETS[0], stance="kritisk"), *SNIPPETS[1:]]
    assert fingerprint(restanced, IndexSettings()) != before
    assert fingerprint(SNIPPETS, IndexSettings(stemming=False)) != before
    assert get_index(changed).key != before
    assert len(storage.stored_keys()) == 2


@pytest.mark.parametrize("damage", ["garbage", "truncated", "rows"])
def test_a_damaged_cache_database_is_rebuilt_quietly(cache, damage):
    key = get_index(SNIPPETS).key
    forget_memory()
    cachedb.forget()
    path = cachedb.path()
    if damage == "garbage":
        path.write_bytes(b"not a database" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:1500])
    else:  # a valid database holding an index that is not whole
        connection = sqlite3.connect(path)
        connection.execute("UPDATE index_parts SET data = x'00' WHERE name = 'indices'")
        connection.commit()
        connection.close()
    assert storage.load(key) is None
    assert get_index(SNIPPETS).key == key
    forget_memory()
    assert storage.load(key) is not None  # written again


def test_an_index_from_another_version_is_not_used(cache, monkeypatch):
    key = get_index(SNIPPETS).key
    forget_memory()
    cachedb.forget()
    monkeypatch.setattr(storage._INDEXES, "version", storage.VERSION + "-next")  # as a newer remissdraft keeps them
    assert storage.load(key) is None


def test_an_unwritable_cache_dir_costs_time_only(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache dir should be")
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(blocked))
    assert next(hit.snippet.id for hit in suggest(REMISS, REMISS.sections[0], SNIPPETS)) == "a"


def test_old_indexes_are_pruned(cache):
    for number in range(index_module._KEEP_ON_DISK + 3):
        get_index([Snippet(id="x", text=f"text nummer {number} om samverkan")])
    assert len(storage.stored_keys()) == index_module._KEEP_ON_DISK


def test_an_index_built_on_a_daemon_thread_is_stored_before_the_process_ends(cache):
    """The app builds the index on a daemon thread, and a thread takes its creator's daemon flag: the thread
    that writes the index must not, or a user who quits soon after the first start finds it unwritten."""
    script = textwrap.dedent("""
        import random, sys, threading
        sys.path.insert(0, sys.argv[1])
        from synthetic import synthetic_corpus
        from remissdraft.match.index import get_index
        snippets = synthetic_corpus(4000, random.Random(3))
        thread = threading.Thread(target=lambda: print(get_index(snippets).key), daemon=True)
        thread.start()
        thread.join()  # and the process ends at once, while the index is being written
    """)
    benchmarks = str(Path(__file__).resolve().parents[1] / "benchmarks")
    run = subprocess.run([sys.executable, "-c", script, benchmarks], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "REMISSDRAFT_CACHE_DIR": str(cache.parent)}, check=False)
    assert run.returncode == 0, run.stderr
    cachedb.forget()
    assert storage.load(run.stdout.strip()) is not None
