"""The index built with part of the work on a worker process (the term orders and the compound table of a large
vocabulary) is the index built in one process, array for array."""

from __future__ import annotations

import dataclasses
import random

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


def test_the_term_tables_made_on_a_worker_process_are_those_made_here(monkeypatch):
    snippets = benchmark_module("synthetic").synthetic_corpus(2000, random.Random(5))
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(index_module, "_PARALLEL_TERMS", 10**9)
    here = SnippetIndex.build(snippets, IndexSettings())
    started = []
    original = parallel.map_batches
    monkeypatch.setattr(parallel, "map_batches", lambda function, batches, count=2: started.append(function) or original(function, batches, count))
    monkeypatch.setattr(index_module, "_PARALLEL_TERMS", 0)
    there = SnippetIndex.build(snippets, IndexSettings())
    assert index_module.term_tables in started
    _same(here, there)
    assert len(here.compounds.targets) > 100


def test_a_worker_that_cannot_start_leaves_the_work_to_this_process(monkeypatch):
    def refused(*args, **kwargs):
        raise OSError("no processes left")

    monkeypatch.setattr(parallel.subprocess, "Popen", refused)
    terms = ["barn", "barnomsorg", "omsorg", "skolbarn"]
    [(forward, backward, compounds)] = list(parallel.map_batches(index_module.term_tables, [terms], 1))
    local = index_module.term_tables(terms)
    assert np.array_equal(forward, local[0]) and np.array_equal(backward, local[1])
    assert np.array_equal(compounds.targets, local[2].targets)
