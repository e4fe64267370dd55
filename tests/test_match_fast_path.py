"""The fast path of `Matcher` (sparse key weights, the query's terms only, parts that are nothing left out, pieces
kept per remiss and per index) ranks exactly as the dense computation did (tests/dense_reference.py): the same
hits in the same order, with the same scores, parts and flags, on the seed corpus and on a synthetic one."""

from __future__ import annotations

import dataclasses
import random

import pytest
from benchmark_module import benchmark_module
from dense_reference import DenseMatcher

from remissdraft.match import Matcher


@pytest.fixture(scope="module")
def judged():
    return benchmark_module("relevance").load(imported=False)


@pytest.fixture(scope="module")
def synthetic():
    return benchmark_module("synthetic").synthetic_corpus(3000, random.Random(11))


def _same(fast, dense) -> None:
    assert [hit.snippet.id for hit in fast] == [hit.snippet.id for hit in dense]
    for a, b in zip(fast, dense):
        assert a.score == pytest.approx(b.score, abs=1e-6)
        assert a.confidence == pytest.approx(b.confidence, abs=1e-6)
        assert a.own_score == pytest.approx(b.own_score, abs=1e-6)
        assert a.own_confidence == pytest.approx(b.own_confidence, abs=1e-6)
        assert a.parts == pytest.approx(b.parts, abs=1e-6)
        assert [s.id for s in a.similar] == [s.id for s in b.similar]
        assert (a.matched_terms, a.terms_shared, a.weak, a.grounded, a.this_remiss, a.elsewhere) == (
            b.matched_terms, b.terms_shared, b.weak, b.grounded, b.this_remiss, b.elsewhere)


def _compare(snippets, remisser, organisation: str = "", namnd: str = "") -> int:
    fast = Matcher(snippets, use_disk=False, organisation=organisation, namnd=namnd)
    dense = DenseMatcher(snippets, use_disk=False, organisation=organisation, namnd=namnd)
    compared = 0
    for remiss in remisser:
        for _ in range(2):  # the second time from what the fast path kept
            for section in remiss.walk():
                for kwargs in ({"top": 15}, {"top": 5, "include_weak": True}, {"top": 8, "stance": "kritisk"},
                               {"top": 10, "kind": None, "include_weak": True}):
                    hits = fast.suggest(remiss, section, **kwargs)
                    _same(hits, dense.suggest(remiss, section, **kwargs))
                    compared += len(hits)
            _same(fast.general(remiss, 5, include_weak=True), dense.general(remiss, 5, include_weak=True))
    return compared


def test_seed_corpus_ranks_as_the_dense_computation(judged):
    remisser = list(judged.remisser.values())
    assert _compare(judged.snippets, remisser) > 100
    assert any(hit.parts["provenance"] > 0 for remiss in remisser for section in remiss.walk()
               for hit in Matcher(judged.snippets, use_disk=False).suggest(remiss, section, 15))  # provenance is tested


def test_seed_corpus_with_the_users_own_organisation(judged):
    organisation = judged.snippets[0].source.organisation
    assert organisation
    assert _compare(judged.snippets, list(judged.remisser.values()), organisation, judged.snippets[0].source.namnd) > 100


def test_synthetic_corpus_ranks_as_the_dense_computation(synthetic, judged):
    remisser = [dataclasses.replace(remiss, sender="Kommun 3", dnr="SOCN 2016/1") for remiss in judged.remisser.values()]
    assert _compare(synthetic, remisser, organisation="Kommun 7", namnd="Socialnämnden") > 100


def test_settings_that_switch_parts_off_rank_as_before(judged):
    from remissdraft.match import MatchSettings

    remiss = next(iter(judged.remisser.values()))
    for settings in (MatchSettings(calibrated=False), MatchSettings(label_weight=0.0, provenance=False, context=0.0),
                     MatchSettings(collapse=0.0, same_series=0.0), MatchSettings(floor=0.0), MatchSettings(floor=0.9)):
        fast = Matcher(judged.snippets, settings, use_disk=False)
        dense = DenseMatcher(judged.snippets, settings, use_disk=False)
        for section in remiss.walk():
            _same(fast.suggest(remiss, section, 10), dense.suggest(remiss, section, 10))


def test_the_compound_table_built_by_search_is_the_table_of_every_prefix_and_suffix(judged, synthetic):
    import numpy as np

    from remissdraft.match.compounds import CompoundTable
    from remissdraft.match.index import IndexSettings, analysed, compound_table

    for snippets in (judged.snippets, synthetic):
        vocab = analysed([s.text for s in snippets], IndexSettings())[0]
        searched, tried = compound_table(vocab), CompoundTable(vocab)
        assert len(tried.targets) > 100
        for name in ("indptr", "targets", "kinds"):
            assert np.array_equal(getattr(searched, name), getattr(tried, name)), name


def test_texts_analysed_in_batches_have_the_terms_the_analyzer_gives(judged, synthetic):
    from remissdraft.match.index import analyse_batch
    from remissdraft.match.normalize import Analyzer

    odd = ["", "a b c", "Å ä Ö x", "e\u0301cole {namnd} och {x y} 2021 – KS-2021/5", "före samverkansformerna\x00inne",
           "ﬁnns ŉ İstanbul ß", "   ", "barn-och-unga", "A" * 3000]
    texts = [s.text for s in judged.snippets] + [s.text for s in synthetic[:800]] + odd
    for stop_words in (True, False):
        for stemming in (True, False):
            analyzer = Analyzer(stop_words=stop_words, stemming=stemming)
            for _ in range(2):  # the second time from what the process kept of the first
                for start in range(0, len(texts), 300):
                    batch = texts[start : start + 300]
                    joined = analyse_batch((batch, stop_words, stemming))
                    assert [terms.split() for terms in joined] == [analyzer.terms(text) for text in batch]


def test_texts_analysed_from_their_identity_keys_have_the_terms_the_analyzer_gives(judged, synthetic):
    """What the corpus's workers run: the terms taken from the identity keys (`normalized_texts`) are those of
    the texts themselves, placeholders, digits, underscores, numerals other than digits and odd Unicode included,
    the first time a word is met and from what the process kept."""
    from remissdraft.corpus.store import normalized_texts
    from remissdraft.match.analysis import default_terms
    from remissdraft.match.normalize import Analyzer

    odd = ["", "a b c", "Å ä Ö x", "e\u0301cole {namnd} och {x y} 2021 – KS-2021/5", "{namnd}s yttrande", "}{", "x² ½ lss9 a_b",
           "ﬁnns ŉ İstanbul ß", "   ", "barn-och-unga", "Före samverkansformerna", "A" * 3000, "Ⅻ kapitlet ٣ ١٢abc"]
    texts = [s.text for s in judged.snippets] + [s.text for s in synthetic[:800]] + odd
    analyzer = Analyzer()
    for _ in range(2):
        for start in range(0, len(texts), 300):
            batch = texts[start : start + 300]
            joined = default_terms(batch, normalized_texts(batch))
            assert [terms.split() for terms in joined] == [analyzer.terms(text) for text in batch]
    assert default_terms(odd, normalized_texts(odd)[:-1]) == default_terms(odd)  # keys that do not fit are not used
