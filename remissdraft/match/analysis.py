"""The terms of many texts at once, exactly as `Analyzer.terms` gives them text by text: what the index is built
from and what the corpus keeps of each snippet as it parses it (its worker processes run `default_terms`). No
numpy here: a worker that only analyses does not import the ranking."""

from __future__ import annotations

import re
import unicodedata

from .normalize import _PLACEHOLDER, _WORD, Analyzer

STOP_WORDS_ON = True  # the index's default analysis (`IndexSettings`): stop words left out …
STEMMING_ON = True  # … and words stemmed
TOKEN = re.compile(rf"{_WORD.pattern}|\x00")  # normalize._WORD, and the mark between two texts
_BETWEEN = "\n\x00\n"  # no word, placeholder or Unicode composition reaches over it
_ANALYZERS: dict[tuple[bool, bool], tuple[Analyzer, dict[str, str]]] = {}  # per process and settings: each word's
# term found once (the mark between texts stays itself, a single letter is no term)
_WORDS_KEPT = 500_000


def analyse_batch(job: tuple[list[str], bool, bool]) -> list[str]:
    """The terms of each text of a batch, exactly as `Analyzer.terms` gives them, joined by spaces (run by worker
    processes too): the texts are normalised and split in one go, and each distinct word is looked up once."""
    texts, stop_words, stemming = job
    analyzer, terms = _analyzer(stop_words, stemming)
    joined_texts = _BETWEEN.join(texts)
    if joined_texts.count("\x00") != len(texts) - 1:  # a text holding the mark itself: not a word, so a space there
        joined_texts = _BETWEEN.join(text.replace("\x00", " ") for text in texts)
    folded = unicodedata.normalize("NFC", _PLACEHOLDER.sub(" ", joined_texts)).casefold()
    return _split(_joined(TOKEN.findall(folded), analyzer, terms)) if texts else []


def default_terms(texts: list[str], keys: list[str] | None = None) -> list[str]:
    """`analyse_batch` with the index's default settings. `keys`: the texts' identity keys when the caller has
    them (the corpus's `normalized_texts`: NFC, casefolded `[\\w{}]+` words joined by single spaces): the letter
    runs of a text without braces are those of its key's words, so they are taken from there – split at spaces,
    not searched for again – and only a text with a placeholder is analysed from the text itself."""
    if keys is None or len(keys) != len(texts) or not texts:
        return analyse_batch((texts, STOP_WORDS_ON, STEMMING_ON))
    result = _split(_joined(" \x00 ".join(keys).split(" "), *_analyzer(STOP_WORDS_ON, STEMMING_ON)))
    braced = [number for number, key in enumerate(keys) if "{" in key or "}" in key]
    if braced:  # a placeholder ({namnd}) is no part of what a text says: those texts from the text itself
        for number, joined in zip(braced, analyse_batch(([texts[number] for number in braced], STOP_WORDS_ON, STEMMING_ON))):
            result[number] = joined
    return result


def _joined(words: list[str], analyzer: Analyzer, terms: dict[str, str]) -> str:
    """The terms of these words (letter runs, or a key's words with digits in them: "2021", "lss9"), joined by
    spaces; each word new to `terms` is looked up once and kept there."""
    for word in set(words).difference(terms):
        runs = [word] if word.isalpha() else _WORD.findall(word)
        terms[word] = " ".join(filter(None, (analyzer.term(run) for run in runs if len(run) > 1)))
    return " ".join(filter(None, map(terms.__getitem__, words)))


def _analyzer(stop_words: bool, stemming: bool) -> tuple[Analyzer, dict[str, str]]:
    """This process's analyzer for these settings and the term it found for each word so far."""
    known = _ANALYZERS.get((stop_words, stemming))
    if known is None or len(known[1]) > _WORDS_KEPT:
        known = _ANALYZERS[(stop_words, stemming)] = (Analyzer(stop_words=stop_words, stemming=stemming), {"\x00": "\x00", "": ""})
    return known


def _split(joined: str) -> list[str]:
    """Terms of several texts joined by spaces, the mark between texts among them: one string per text."""
    return [part.strip() for part in joined.split("\x00")]
