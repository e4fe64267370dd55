"""Swedish text normalisation for matching: words, stop words, Snowball stems.

A *term* is what the index and the query compare: the casefolded NFC word, without stop words, reduced by
the Snowball Swedish stemmer ("samverkansformer" -> "samverkansform"). Compounds are not split here:
remissdraft/match/compounds.py lets a query term meet the same word inside a compound.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import snowballstemmer

# Snowball's Swedish stop list, plus function words of Swedish official prose that carry no topic.
STOP_WORDS = frozenset(
    ["alla", "allt", "att", "av", "blev", "bli", "blir", "blivit", "de", "dem", "den", "denna", "deras", "dess", "dessa", "det", "detta", "dig", "din", "dina", "ditt", "du", "där", "då", "efter", "ej", "eller", "en", "er", "era", "ert", "ett", "från", "för", "ha", "hade", "han", "hans", "har", "henne", "hennes", "hon", "honom", "hur", "här", "i", "icke", "ingen", "inom", "inte", "jag", "ju", "kan", "kunde", "man", "med", "mellan", "men", "mig", "min", "mina", "mitt", "mot", "mycket", "ni", "nu", "när", "någon", "något", "några", "och", "om", "oss", "på", "samma", "sedan", "sig", "sin", "sina", "sitta", "själv", "skulle", "som", "så", "sådan", "sådana", "sådant", "till", "under", "upp", "ut", "utan", "vad", "var", "vara", "varför", "varit", "varje", "vars", "vart", "vem", "vi", "vid", "vilka", "vilkas", "vilken", "vilket", "vår", "våra", "vårt", "än", "är", "åt", "över", "samt", "även", "ska", "skall", "bör", "också", "dock", "bland", "annat", "exempelvis", "tex", "dvs", "etc", "enligt", "hos", "ur", "därför", "därmed", "utifrån", "avseende", "gällande", "kring", "genom", "kunna", "få", "får", "fått", "måste", "finns", "finnas", "göra", "gör", "gjort", "både", "mer", "mest", "bara", "redan", "ännu", "såväl", "gäller", "gälla", "samtliga", "olika", "andra", "annan", "vissa", "viss", "flera", "många", "övriga", "egna", "egen", "eget", "hela", "helt"]
)

_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")  # {namnd}, {remissinstans}: not part of what a snippet says
_WORD = re.compile(r"[^\W\d_]+")  # runs of letters; digits, hyphens and punctuation separate words


def fold(text: str) -> str:
    """NFC and casefold: the form every comparison starts from."""
    return unicodedata.normalize("NFC", text).casefold()


def iter_words(text: str) -> Iterator[tuple[str, str]]:
    """(surface, folded) for every word of two letters or more; placeholders are skipped."""
    text = unicodedata.normalize("NFC", _PLACEHOLDER.sub(" ", text))
    for match in _WORD.finditer(text):
        surface = match.group()
        if len(surface) > 1:
            yield surface, surface.casefold()


def first_written(text: str) -> dict[str, str]:
    """Each folded word of `iter_words`, as it is first written, in the order first met (one regex pass, no
    generator: the matcher asks for every hit it shows)."""
    first: dict[str, str] = {}
    for surface in _WORD.findall(unicodedata.normalize("NFC", _PLACEHOLDER.sub(" ", text))):
        if len(surface) > 1:
            first.setdefault(surface.casefold(), surface)
    return first


@dataclass
class Analyzer:
    """Turns words into terms. The flags exist so the benchmark can measure what each step buys."""

    stop_words: bool = True
    stemming: bool = True
    _cache: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._stemmer = snowballstemmer.stemmer("swedish")

    @property
    def signature(self) -> str:
        """What the terms depend on, for cache keys."""
        return f"stop={int(self.stop_words)};stem={int(self.stemming)}"

    def term(self, folded: str) -> str:
        """The term of one folded word; "" for a stop word."""
        cached = self._cache.get(folded)
        if cached is None:
            if self.stop_words and folded in STOP_WORDS:
                cached = ""
            elif self.stemming:
                cached = self._stemmer.stemWord(folded)
                if self.stop_words and cached in STOP_WORDS:  # "före" -> "för"
                    cached = ""
            else:
                cached = folded
            if len(self._cache) < 500_000:
                self._cache[folded] = cached
        return cached

    def terms(self, text: str) -> list[str]:
        """The terms of a text in order, stop words left out."""
        folded_text = unicodedata.normalize("NFC", _PLACEHOLDER.sub(" ", text)).casefold()
        cache = self._cache
        found = []
        for word in _WORD.findall(folded_text):
            term = cache.get(word)
            if term is None:
                if len(word) < 2:
                    continue
                term = self.term(word)
            if term:
                found.append(term)
        return found

    def __getstate__(self) -> dict:
        return {"stop_words": self.stop_words, "stemming": self.stemming, "_cache": {}}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()


def plain(text: str) -> str:
    """A label as compared by rapidfuzz: folded words joined by single spaces, numbering and punctuation gone."""
    return " ".join(folded for _, folded in iter_words(text))
