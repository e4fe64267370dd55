"""The index of a large corpus built with part of the work on a worker process (half the terms numbered, the term
orders and the compound table) is the index built in one process, array for array; a worker that fails costs time only."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys

import numpy as np
from benchmark_module import benchmark_module

from remissdraft import parallel
from remissdraft.match import index as index_module
from remissdraft.match.index import IndexSettings, SnippetIndex


def _same(a: SnippetIndex, b: SnippetIndex) -> None:
    assert list(a.vocab.items()) == list(b.vocab.items())
    assert list(a.vocabulary.forward) == list(b.vocabulary.forward) and list(a.vocabulary.backward) == list(b.vocabulary.backward)
    for name in ("indptr", "targets", "kinds"):
        assert np.array_equal(getattr(a.compounds, name), getattr(b.compounds, name)), name
    for field in dataclasses.fields(SnippetIndex):
        left, right = getattr(a, field.name), getattr(b, field.name)
        if isinstance(left, np.ndarray):
            assert left.dtype == right.dtype and np.array_equal(left, right), field.name
        elif isinstance(left, index_module._Table):
            assert left.values == right.values and np.array_equal(left.docs, right.docs) and np.array_equal(left.ids, right.ids)


def test_the_index_built_with_a_worker_process_is_the_index_built_here(monkeypatch):
    snippets = benchmark_module("synthetic").synthetic_corpus(2000, random.Random(5))
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(index_module, "_PARALLEL_BUILD", 10**9)
    here = SnippetIndex.build(snippets, IndexSettings())
    answered = []
    original = parallel.Worker.result
    monkeypatch.setattr(parallel.Worker, "result", lambda self: answered.append(self._process is not None) or original(self))
    monkeypatch.setattr(index_module, "_PARALLEL_BUILD", 0)
    there = SnippetIndex.build(snippets, IndexSettings())
    assert answered == [True, True]  # half the terms numbered, and the term tables made, by the worker
    _same(here, there)
    assert len(here.compounds.targets) > 100


def test_a_worker_that_cannot_start_leaves_its_jobs_to_this_process(monkeypatch):
    def refused(*args, **kwargs):
        raise OSError("no processes left")

    monkeypatch.setattr(parallel.subprocess, "Popen", refused)
    terms = ["barn", "barnomsorg", "omsorg", "skolbarn"]
    with parallel.Worker(index_module.__name__) as worker:
        worker.submit(index_module.term_tables, terms)
        worker.submit(index_module.number_terms, ["barn omsorg", "omsorg skola"])
        forward, backward, compounds = worker.result()
        assert worker.result()[0] == ["barn", "omsorg", "skola"]
    local = index_module.term_tables(terms)
    assert np.array_equal(forward, local[0]) and np.array_equal(backward, local[1])
    assert np.array_equal(compounds.targets, local[2].targets)


def test_a_worker_that_dies_leaves_what_it_had_not_answered_to_this_process():
    with parallel.Worker(index_module.__name__) as worker:
        worker.submit(index_module.number_terms, ["barn omsorg"])
        assert worker.result()[0] == ["barn", "omsorg"]
        worker._process.kill()
        worker.submit(index_module.number_terms, ["skola barn"])
        assert worker.result()[0] == ["skola", "barn"]


def test_the_collector_is_paused_while_an_index_is_built_and_left_as_it_was(monkeypatch):
    """A build makes millions of objects and no cycles: the collector's full passes over them are spared, and
    afterwards it runs as before (also after a build that fails, and stays off where it was off)."""
    import gc

    import pytest

    snippets = benchmark_module("synthetic").synthetic_corpus(50, random.Random(1))
    seen: list[bool] = []
    build = SnippetIndex._build.__func__
    monkeypatch.setattr(SnippetIndex, "_build", classmethod(lambda cls, *args: seen.append(gc.isenabled()) or build(cls, *args)))
    assert gc.isenabled()
    SnippetIndex.build(snippets, IndexSettings())
    assert seen == [False] and gc.isenabled()
    monkeypatch.setattr(SnippetIndex, "_build", classmethod(lambda cls, *args: 1 / 0))
    with pytest.raises(ZeroDivisionError):
        SnippetIndex.build(snippets, IndexSettings())
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(SnippetIndex, "_build", classmethod(lambda cls, *args: build(cls, *args)))
        SnippetIndex.build(snippets, IndexSettings())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_table_of_one_string_per_snippet_is_the_general_table_mapped():
    """`_Table.single` (numbered and transformed once per distinct string, no sort) gives what `build` of one-string
    lists then `mapped` gives: empty strings left out, strings the transform merges or empties too."""
    values = ["RSG 2023/699", "", "rsg 2023/699", "KS 2021/1", "RSG 2023/699", "—", "KS 2021/1", "", "Ks 2021/1", "x"]
    for transform in (index_module.dnr_key, index_module.series_key, str.strip, lambda v: "" if v == "x" else v.upper()):
        one = index_module._Table.single(values, transform)
        general = index_module._Table.build([[value] for value in values]).mapped(transform)
        assert one.values == general.values
        assert one.docs.dtype == general.docs.dtype and np.array_equal(one.docs, general.docs)
        assert one.ids.dtype == general.ids.dtype and np.array_equal(one.ids, general.ids)
    assert index_module._Table.single(["", ""], str.strip).values == []


def test_distinct_is_numpy_unique():
    rng = np.random.default_rng(5)
    for values in (np.array([], np.int64), np.array([7], np.int64), rng.integers(0, 40, 500).astype(np.int64),
                   (rng.integers(0, 9, 300).astype(np.int64) << 32) | rng.integers(0, 3, 300)):
        found = index_module.distinct(values)
        assert found.dtype == values.dtype and np.array_equal(found, np.unique(values))


_BUILDS = """
import sys
from remissdraft.match.index import IndexSettings, SnippetIndex
from remissdraft.model import Snippet, Source
source = Source(organisation="Testkommun", namnd="Socialnämnden", dnr="SN 2021/77", datum="2021-05-20", title="Strategi")
snippets = [Snippet(f"s{i}", f"Nämnden välkomnar samverkan nummer {i}.", "positiv", ["Samverkan", "Mål"], source) for i in range(30)]
SnippetIndex.build(snippets, IndexSettings(), "key")
print("numpy.ma" in sys.modules)
"""


def test_building_an_index_does_not_import_numpy_ma():
    """numpy 2's `np.unique` imports numpy.ma (7 ms) on its first plain call: a first start does without it."""
    done = subprocess.run([sys.executable, "-c", _BUILDS], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-1] == "False", done.stderr
