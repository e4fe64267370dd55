"""The cyclic collector paused while many long-lived objects are made (collector.py): off for the while, then
as it was; a pause inside another leaves it to the outer one; parsing a corpus pauses it."""

from __future__ import annotations

import gc

import pytest

from remissdraft import collector
from remissdraft.corpus import load_corpus, stored
from remissdraft.corpus.store import save_snippets
from remissdraft.model import Snippet, Source


def test_a_pause_turns_the_collector_off_until_it_is_resumed_once():
    assert gc.isenabled()
    pause = collector.Pause()
    assert not gc.isenabled()
    pause.resume()
    assert gc.isenabled()
    gc.disable()
    try:
        pause.resume()  # resumed already: nothing
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pause_within_a_pause_leaves_the_collector_to_the_outer_one():
    outer = collector.Pause()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    outer.resume()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), collector.paused():
        raise ZeroDivisionError
    assert gc.isenabled()


def test_a_corpus_is_parsed_and_stored_with_the_collector_paused(tmp_path, monkeypatch):
    folder = tmp_path / "korpus"
    folder.mkdir()
    save_snippets(folder / "a.yaml", [Snippet(f"s{number}", f"Nämnden ställer sig bakom förslag {number}.", "positiv",
                                              ["Styrande nivå"], Source(organisation="Testkommun", namnd="Socialnämnden"))
                                      for number in range(5)])
    seen: list[bool] = []
    store = stored.FolderState.store
    monkeypatch.setattr(stored.FolderState, "store", lambda self, *args: seen.append(gc.isenabled()) or store(self, *args))
    corpus = load_corpus(folder, bundled=False)
    assert len(corpus.snippets) == 5
    assert seen == [False] and gc.isenabled()
