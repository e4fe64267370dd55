"""`Matcher.search` (the palette's snippet search, from a word index) finds what `corpus.search` finds, in the same
order, on the seed corpus, a synthetic one, a corpus served from the cache database and odd texts."""

from __future__ import annotations

import random
import re

import pytest
from benchmark_module import benchmark_module

from remissdraft.corpus import load_corpus, search
from remissdraft.match import Matcher
from remissdraft.model import Snippet, Source


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(tmp_path / "cache"))


def _queries(snippets, count: int, seed: int = 3) -> list[str]:
    """Parts of words the corpus has (also across its provenance), pairs of them, and words it lacks."""
    rng = random.Random(seed)
    queries = ["", "  ", "–", "xyzqv", "Kommun", "SOCN 2016", "barn och unga", "ÅÄÖ", "2021", "s"]
    for _ in range(count):
        snippet = snippets[rng.randrange(len(snippets))]
        words = re.findall(r"\w+", " ".join([snippet.text, *snippet.topics, snippet.source.dnr, snippet.source.title]))
        word = rng.choice(words)
        start = rng.randrange(max(1, len(word) - 2))
        part = word[start : start + rng.randint(3, 8)]
        queries.append(part.upper() if rng.random() < 0.2 else part)
        if rng.random() < 0.4:
            queries.append(f"{part} {rng.choice(words)}")
    return queries


def _same_as_corpus_search(matcher: Matcher, snippets, queries: list[str]) -> int:
    found = 0
    for query in queries:
        for limit in (1, 8, 50):
            expected = [s.id for s in search(snippets, query, limit=limit)]
            assert [s.id for s in matcher.search(query, limit)] == expected, (query, limit)
            found += len(expected)
    return found


def test_seed_corpus():
    judged = benchmark_module("relevance").load(imported=False)
    assert _same_as_corpus_search(Matcher(judged.snippets, use_disk=False), judged.snippets, _queries(judged.snippets, 80)) > 200


def test_synthetic_corpus():
    snippets = benchmark_module("synthetic").synthetic_corpus(2500, random.Random(5))
    assert _same_as_corpus_search(Matcher(snippets, use_disk=False), snippets, _queries(snippets, 60)) > 200


def test_a_corpus_served_from_the_cache_database_and_a_snippet_added_later(tmp_path):
    folder = tmp_path / "korpus"
    benchmark_module("synthetic").write_corpus(folder, 600)
    snippets = load_corpus(folder, bundled=False).snippets
    assert getattr(snippets, "stored", False)
    matcher = Matcher(snippets)
    assert _same_as_corpus_search(matcher, snippets, _queries(list(snippets), 40)) > 100
    snippets.append(Snippet(id="ny", text="Ett alldeles nytt ställningstagande om zebrafinkar.", stance="positiv",
                            source=Source(organisation="Kommun X")))
    assert [s.id for s in matcher.search("zebrafink", 5)] == ["ny"] == [s.id for s in search(snippets, "zebrafink", 5)]


def test_odd_texts():
    texts = ["Samverkan\x00samverkansformer samverkan", "e\u0301cole och École", "ß och SS och ss", "", "{namnd} anser 2021:14",
             "samsam samsamsam", "Tjänsteskrivelse – Dnr KS 2021/5"]
    snippets = [Snippet(id=f"s{n}", text=text, stance="neutral", topics=["Ämne"] if n % 2 else [],
                        source=Source(organisation="Nacka kommun", dnr=f"KS {2020 + n}/1", title="Remiss om samverkan"))
                for n, text in enumerate(texts)]
    queries = ["samverkan", "sam", "école", "ecole", "ss", "ß", "namnd", "2021", "ks 2021", "ämne", "nacka", "samsam",
               "remiss samverkan", "tjänst dnr"]
    assert _same_as_corpus_search(Matcher(snippets, use_disk=False), snippets, queries) > 20


def test_counts_past_what_a_small_counter_holds():
    for most in (200, 40_000, 70_000):  # the counts kept in 8, 16 and 32 bits
        texts = [" ".join(["vård"] * most + ["vårdande"] * most), " ".join(["vård"] * (most - 1) + ["omsorg"]),
                 "vård omsorg", " ".join(["omsorg"] * 3)]
        snippets = [Snippet(id=f"s{n}", text=text, stance="neutral") for n, text in enumerate(texts)]
        matcher = Matcher(snippets, use_disk=False)
        for query in ("vård", "vård omsorg", "omsorg", "vårda"):
            assert [s.id for s in matcher.search(query, 5)] == [s.id for s in search(snippets, query, 5)], (most, query)
        assert [s.id for s in matcher.search("vård", 5)] == ["s0", "s1", "s2"]


def test_the_word_index_is_kept_in_the_cache_database_and_read_back_only_when_whole(tmp_path, monkeypatch):
    """Made on a corpus's first search, the palette's word index is stored with the corpus's content key: a later
    start reads it (none is made) and finds the same; a damaged one is made anew; a changed corpus has its own."""
    import sqlite3

    from remissdraft import cachedb
    from remissdraft.match import storage, wordsearch

    folder = tmp_path / "korpus"
    benchmark_module("synthetic").write_corpus(folder, 600)
    snippets = load_corpus(folder, bundled=False).snippets
    queries = _queries(list(snippets), 25)
    expected = {query: [s.id for s in search(snippets, query, 8)] for query in queries}
    assert [s.id for s in Matcher(snippets).search(queries[-1], 8)] == expected[queries[-1]]
    storage.wait()
    made: list[int] = []
    build = wordsearch.WordIndex.__init__
    monkeypatch.setattr(wordsearch.WordIndex, "__init__", lambda self, batches: made.append(1) or build(self, batches))

    def answers() -> dict[str, list[str]]:
        matcher = Matcher(load_corpus(folder, bundled=False).snippets)  # a later start
        return {query: [s.id for s in matcher.search(query, 8)] for query in queries}

    assert answers() == expected and made == []
    damages = [("words", "data", b"\xff\xff\xff\x7f" * 8), ("counts", "kind", "<f8"), ("indptr", "data", b"\x00" * 8),
               ("lexicon", "data", b"bara ett ord"), ("counts", "data", b"")]
    for name, column, value in damages:
        storage.wait()
        cachedb.forget()
        with sqlite3.connect(cachedb.path()) as connection:
            connection.execute(f"UPDATE word_parts SET {column} = ? WHERE name = ?", (value, name))
        made.clear()
        assert answers() == expected and made == [1], name  # made anew, and stored again
    storage.wait()
    made.clear()
    assert answers() == expected and made == []
    (folder / "ny.yaml").write_text("schema: 1\nsnippets:\n- id: ny\n  text: Zebrafinkar i parken.\n  stance: positiv\n"
                                    "  topics: []\n  source: {organisation: Kommun X}\n", encoding="utf-8")
    changed = Matcher(load_corpus(folder, bundled=False).snippets)
    assert [s.id for s in changed.search("zebrafink", 5)] == ["ny"] and made == [1]
