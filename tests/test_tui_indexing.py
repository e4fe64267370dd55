"""The first start on a big corpus: the workspace is shown before the corpus is indexed, says how indexing goes
where the suggestions will be, and is in use meanwhile; then the suggestions come."""

from __future__ import annotations

import threading

import yaml

from remissdraft.locations import example_remiss, profile_path
from remissdraft.tui import app as app_module
from remissdraft.tui import indexing as indexing_module
from remissdraft.tui.app import RemissdraftApp
from remissdraft.tui.widgets.suggestions import Suggestions

PROFILE = {"name": "Therese Råckle", "namnd": "Socialnämnden", "organisation": "Nacka kommun", "template": "nacka-tjansteskrivelse"}


def _message(app: RemissdraftApp) -> str:
    suggestions = app.workspace.query_one(Suggestions)
    return " ".join(str(suggestions.get_option_at_index(index).prompt) for index in range(suggestions.option_count))


async def test_the_workspace_is_in_use_while_the_corpus_is_indexed(monkeypatch):
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(PROFILE, allow_unicode=True), encoding="utf-8")
    told, release = threading.Event(), threading.Event()
    load = indexing_module.load_corpus_and_index

    def slow_load(corpus_dir=None, progress=None):
        progress(1240, 20000)
        told.set()
        assert release.wait(30)
        return load(corpus_dir, progress)

    monkeypatch.setattr(app_module, "load_corpus_and_index", slow_load)
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=(150, 40)) as pilot:
        while app.workspace is None or not told.is_set():
            await pilot.pause(0.05)
        await pilot.pause()
        assert "Indexerar 1\u00a0240 av 20\u00a0000 ställningstaganden …" in _message(app)
        assert not app.session.ranking_ready
        workspace = app.workspace
        workspace.editor.focus()
        await pilot.press("N", "ä", "m", "n", "d", "e", "n")  # writing goes on meanwhile
        await pilot.press("ctrl+n")  # and so does moving about
        assert app.session.draft.synpunkter and any("Nämnden" in s.text for s in app.session.draft.synpunkter)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session.ranking_ready and "Indexerar" not in _message(app)


async def test_indexing_tells_the_workspace_a_few_times_a_second_and_always_the_end(monkeypatch):
    """A load reports after every batch; the workspace draws a few of them (each one is waited for), the last
    one always."""
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(PROFILE, allow_unicode=True), encoding="utf-8")
    shown_up, release = threading.Event(), threading.Event()
    load = indexing_module.load_corpus_and_index
    told: list[tuple[int, int]] = []

    def many_reports(corpus_dir=None, progress=None):
        assert shown_up.wait(30)
        for done in range(0, 20_001, 50):  # 401 reports within a fraction of a second
            progress(done, 20_000)
        assert release.wait(30)
        return load(corpus_dir)

    monkeypatch.setattr(app_module, "load_corpus_and_index", many_reports)
    app = RemissdraftApp(example_remiss())
    async with app.run_test(size=(150, 40)) as pilot:
        while app.workspace is None or not app.workspace.is_mounted:
            await pilot.pause(0.05)
        indexing = app.workspace.indexing
        monkeypatch.setattr(app.workspace, "indexing", lambda done, total: told.append((done, total)) or indexing(done, total))
        shown_up.set()
        for _ in range(200):  # ten seconds at most
            if told and told[-1] == (20_000, 20_000):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert told and told[-1] == (20_000, 20_000)  # the end is told
        assert len(told) < 20
        assert "Indexerar 20\u00a0000 av 20\u00a0000 ställningstaganden …" in _message(app)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session.ranking_ready and "Indexerar" not in _message(app)


# --- a big new corpus is indexed in a process of its own --------------------------------------------------


def _big_corpus(tmp_path, monkeypatch, size: int = 1500):
    from benchmark_module import benchmark_module

    folder = tmp_path / "korpus"
    benchmark_module("synthetic").write_corpus(folder, size)
    monkeypatch.setattr(indexing_module, "APART_BYTES", 1)  # as if it were large: the process is the point here
    return folder


def _no_build(*args, **kwargs):
    raise AssertionError("the index was built in the app's process")


def test_a_big_new_corpus_is_indexed_in_a_process_of_its_own_and_handed_over(tmp_path, monkeypatch):
    from remissdraft.match import storage
    from remissdraft.match.index import IndexSettings, SnippetIndex, fingerprint, forget_memory

    folder = _big_corpus(tmp_path, monkeypatch)
    forget_memory()
    heard: list[tuple[int, int]] = []
    monkeypatch.setattr(SnippetIndex, "build", classmethod(_no_build))  # in this process; the other builds
    corpus = indexing_module.load_corpus_and_index(folder, lambda done, total: heard.append((done, total)))
    assert len(corpus.snippets) > 1000 and corpus.snippets.stored
    assert len(heard) >= 2 and heard[-1] == (1500, 1500)  # its progress, relayed, ending with the end
    from remissdraft.match.index import get_index

    index = get_index(corpus.snippets)  # the one handed over, kept in memory
    assert index.key == fingerprint(corpus.snippets, IndexSettings()) and index.n_docs == len(corpus.snippets)
    forget_memory()
    for _ in range(300):  # the other process stores it after handing it over
        if index.key in storage.stored_keys():
            break
        threading.Event().wait(0.1)
    assert storage.load(index.key) is not None
    assert indexing_module.load_corpus_and_index(folder).snippets == corpus.snippets  # a later start: nothing to do apart
    key = storage.words_key(corpus.snippets)  # and after it the palette's word index, for the app's first search
    for _ in range(300):
        if key and storage.load_words(key) is not None:
            break
        threading.Event().wait(0.1)
    from remissdraft.match import Matcher, wordsearch

    monkeypatch.setattr(wordsearch.WordIndex, "__init__", _no_build)
    assert Matcher(corpus.snippets).search("samverkan", 3)


def test_indexing_apart_that_fails_is_done_here(tmp_path, monkeypatch):
    import sys

    from remissdraft.match.index import forget_memory

    folder = _big_corpus(tmp_path, monkeypatch, size=400)
    forget_memory()
    monkeypatch.setattr(indexing_module, "command", lambda folder: [sys.executable, "-c", "import sys; print('1 2'); sys.exit(3)"])
    assert indexing_module.index_apart(folder) is None
    corpus = indexing_module.load_corpus_and_index(folder)
    assert len(corpus.snippets) > 300


def test_what_is_not_an_index_is_refused():
    import random

    import pytest
    from benchmark_module import benchmark_module

    from remissdraft.match import storage
    from remissdraft.match.index import get_index

    key, meta, parts = storage.packed(get_index(benchmark_module("synthetic").synthetic_corpus(200, random.Random(2)), use_disk=False))
    assert storage.unpacked((key, meta, parts)).key == key
    damaged = {**parts, "indptr": ("<f8", parts["indptr"][1])}  # what the stored index checks, when read back
    for value in (b"", "garbage", None, ("key", {}, {}), (key, meta, damaged), (key, meta)):
        with pytest.raises(ValueError):
            storage.unpacked(value)


def test_an_indexing_process_that_hangs_is_ended_and_the_work_done_here(tmp_path, monkeypatch):
    import sys
    import time

    monkeypatch.setattr(indexing_module, "SILENCE", 0.5)
    hanging = "import sys, time; print('1 2', flush=True); time.sleep(60)"
    monkeypatch.setattr(indexing_module, "command", lambda folder: [sys.executable, "-c", hanging])
    begun = time.monotonic()
    assert indexing_module.index_apart(tmp_path) is None
    assert time.monotonic() - begun < 10  # not the minute it would sleep


_STARTS_FIRST = """
import sys
from pathlib import Path
from remissdraft.tui import indexing
seen = []
def index_apart(folder, progress=None, stored=None):
    seen.append("numpy" in sys.modules)
    return None  # as if it failed: the work is done here, which needs numpy
indexing.APART_BYTES = 1
indexing.index_apart = index_apart
corpus = indexing.load_corpus_and_index(Path(sys.argv[1]))
print(seen, len(corpus.snippets) > 0, "numpy" in sys.modules)
"""


def test_the_indexing_process_is_started_before_the_ranking_is_imported(tmp_path):
    """The process apart is what a first start waits for: the app starts it before importing numpy (some 0.1 s
    at 100 000 snippets), and imports the ranking only for what it does itself. In a fresh interpreter, since
    the test session has imported everything."""
    import subprocess
    import sys

    from benchmark_module import benchmark_module

    folder = tmp_path / "korpus"
    benchmark_module("synthetic").write_corpus(folder, 50)
    done = subprocess.run([sys.executable, "-c", _STARTS_FIRST, str(folder)], capture_output=True, text=True, check=True,
                          timeout=120)
    assert done.stdout.split() == ["[False]", "True", "True"]


# --- one indexing process at a time -----------------------------------------------------------------------


def test_an_indexing_process_waits_for_one_already_at_work(tmp_path, monkeypatch):
    """The app started again while the first start's process still reads and stores a new corpus: the second
    process waits (saying so, for the app's watch) instead of reading the same files beside it, then finds the
    corpus stored and hands over its index."""
    import select
    import subprocess

    from remissdraft import parallel

    folder = _big_corpus(tmp_path, monkeypatch, size=300)
    with indexing_module.one_at_a_time():  # as a first indexing process at work holds it
        process = subprocess.Popen(indexing_module.command(folder), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            assert parallel.receive(process.stdout) == (indexing_module._WAITING,)
            assert select.select([process.stdout], [], [], 1.5)[0] == []  # nothing read, nothing stored meanwhile
        except BaseException:
            process.kill()
            raise
    told = []
    while (message := parallel.receive(process.stdout))[0] != indexing_module._INDEX:
        told.append(message[0])
    assert indexing_module._CORPUS in told
    assert process.wait(timeout=120) == 0
    with indexing_module.one_at_a_time(lambda: (_ for _ in ()).throw(AssertionError("waited"))):
        pass  # free again once it is done


def test_a_large_corpus_read_before_but_not_indexed_is_indexed_apart(tmp_path, monkeypatch):
    """Its files are in the cache (an earlier start's process read them and is still building the index when the
    app starts again, or the index was removed): the index is not built in the app's process either."""
    from remissdraft.corpus import load_corpus
    from remissdraft.match.index import SnippetIndex, forget_memory
    from remissdraft.match.settings import TERMS

    folder = _big_corpus(tmp_path, monkeypatch, size=400)
    assert len(load_corpus(folder, analysis=TERMS).snippets) > 300  # read and stored; no index made
    forget_memory()
    monkeypatch.setattr(indexing_module, "APART_SNIPPETS", 300)
    monkeypatch.setattr(SnippetIndex, "build", classmethod(_no_build))
    corpus = indexing_module.load_corpus_and_index(folder)
    from remissdraft.match.index import get_index

    assert get_index(corpus.snippets).n_docs == len(corpus.snippets)
