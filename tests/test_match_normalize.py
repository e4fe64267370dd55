"""Swedish normalisation and compounds in remissdraft/match."""

from __future__ import annotations

import unicodedata

import pytest

from remissdraft.match.compounds import CompoundTable, Vocabulary, expand, parts_in, relation
from remissdraft.match.normalize import STOP_WORDS, Analyzer, fold, iter_words, plain


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_terms_are_casefolded_stemmed_and_without_stop_words(analyzer):
    assert analyzer.terms("Samverkansformer OCH samverkan mellan Kommunerna") == ["samverkansform", "samverkan", "kommun"]
    assert analyzer.terms("och att det som i på") == []


def test_decomposed_letters_give_the_same_terms(analyzer):
    composed = "Närsamhälle och hälsofrämjande miljöer"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert analyzer.terms(decomposed) == analyzer.terms(composed) == ["närsamhäll", "hälsofrämj", "miljö"]


def test_placeholders_digits_and_punctuation_are_not_words(analyzer):
    assert analyzer.terms("{namnd} anser – 2022–2030, § 4.5!") == ["ans"]
    assert [surface for surface, _ in iter_words("{namnd} Välkomnar HVB-hem")] == ["Välkomnar", "HVB", "hem"]


def test_a_stem_that_is_a_stop_word_is_dropped(analyzer):
    assert "för" in STOP_WORDS
    assert analyzer.terms("före") == []


def test_flags_switch_steps_off():
    raw = Analyzer(stop_words=False, stemming=False)
    assert raw.terms("Samverkan och Kommunerna") == ["samverkan", "och", "kommunerna"]
    assert Analyzer(stemming=False).terms("Samverkan och Kommunerna") == ["samverkan", "kommunerna"]


def test_fold_and_plain():
    assert fold("ÅÄÖ") == "åäö"
    assert plain("7.1 – Närsamhälle: Stärka närsamhällens kraft") == "närsamhälle stärka närsamhällens kraft"


# --- compounds ------------------------------------------------------------------------------------------

KNOWN = frozenset({"närsamhäll", "perspektiv", "häls", "främj", "analys", "konsekvensanalys", "barn", "folk", "livsförlopp"})


@pytest.mark.parametrize(
    ("part", "whole", "how"),
    [
        ("närsamhäll", "närsamhällesperspektiv", "modifier"),  # linking -es-
        ("häls", "hälsofrämj", "modifier"),  # hälsa -> hälso-
        ("analys", "konsekvensanalys", "head"),
        ("häls", "folkhäls", "head"),
        ("livsförlopp", "livsförloppet", "variant"),  # an ending the stemmer left
        ("häls", "hälsning", ""),  # "ning" is no word
        ("vård", "vård", ""),
        ("mål", "delmål", ""),  # three letters are too short to trust
    ],
)
def test_relation(part, whole, how):
    assert relation(part, whole, KNOWN) == how


def test_a_query_compound_meets_the_corpus_words_inside_it():
    vocab = {term: number for number, term in enumerate(["barn", "konsekvensanalys", "analys", "hälsofrämj"])}
    found = parts_in("barnkonsekvensanalys", vocab, Vocabulary(vocab))
    assert {list(vocab)[i] for i in found} == {"barn", "konsekvensanalys"}  # the longest at each end
    assert set(found.values()) == {"part"}


def test_a_query_word_meets_corpus_compounds_with_or_without_the_table():
    terms = ["häls", "folkhäls", "hälsofrämj", "hälsning", "folkhälsokonsekvensanalys", "konsekvensanalys"]
    vocab = {term: number for number, term in enumerate(terms)}
    vocabulary = Vocabulary(vocab)
    by_table = {terms[i]: how for i, how in expand("häls", vocab, vocabulary, CompoundTable(vocab)).items()}
    assert by_table == {"folkhäls": "head", "hälsofrämj": "modifier"}
    # a word the corpus lacks is searched in the sorted vocabularies
    by_search = {terms[i]: how for i, how in expand("konsekvens", vocab, vocabulary).items()}
    assert by_search == {"konsekvensanalys": "modifier"}
    by_search = {terms[i]: how for i, how in expand("analys", vocab, vocabulary).items()}
    assert by_search == {"folkhälsokonsekvensanalys": "head", "konsekvensanalys": "head"}
