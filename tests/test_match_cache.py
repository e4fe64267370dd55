"""The index is built once per corpus content and kept in the cache dir."""

from __future__ import annotations

from dataclasses import replace

import pytest

from remissdraft.match import Matcher, cache_dir, find_section, suggest
from remissdraft.match import index as index_module
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
    stored = list(cache.glob("*.pickle"))
    assert len(stored) == 1
    forget_memory()  # as a new process would start
    monkeypatch.setattr(SnippetIndex, "build", classmethod(_no_build))
    assert [hit.snippet.id for hit in suggest(REMISS, section, SNIPPETS)] == first
    assert Matcher(SNIPPETS).index.key == stored[0].stem


def test_the_same_process_keeps_the_index_in_memory(cache, monkeypatch):
    get_index(SNIPPETS)
    for path in cache.glob("*.pickle"):
        path.unlink()
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
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_damaged_cache_file_is_rebuilt_quietly(cache):
    key = get_index(SNIPPETS).key
    (cache / f"{key}.pickle").write_bytes(b"not a pickle")
    forget_memory()
    assert get_index(SNIPPETS).key == key
    forget_memory()
    assert index_module._load(key) is not None  # written again


def test_an_unwritable_cache_dir_costs_time_only(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache dir should be")
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(blocked))
    assert [hit.snippet.id for hit in suggest(REMISS, REMISS.sections[0], SNIPPETS)][0] == "a"


def test_old_index_files_are_pruned(cache):
    for number in range(index_module._KEEP_ON_DISK + 3):
        get_index([Snippet(id="x", text=f"text nummer {number} om samverkan")])
    assert len(list(cache.glob("*.pickle"))) == index_module._KEEP_ON_DISK
