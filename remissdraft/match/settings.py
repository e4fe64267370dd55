"""What an index is built with (`IndexSettings`) and the text analysis the corpus runs for it as it parses
(`TERMS`), apart from the index itself: no numpy here, so the corpus can be read – and the indexing process
started – before the ranking is imported."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from . import analysis
from .analysis import STEMMING_ON, STOP_WORDS_ON, TOKEN
from .normalize import _PLACEHOLDER, STOP_WORDS, Analyzer

ENGINE_VERSION = 2  # bump when the stored index changes shape or meaning


@dataclass
class IndexSettings:
    """What the stored index depends on besides the snippets."""

    stop_words: bool = STOP_WORDS_ON
    stemming: bool = STEMMING_ON
    k1: float = 1.2
    b: float = 0.75

    def analyzer(self) -> Analyzer:
        return Analyzer(stop_words=self.stop_words, stemming=self.stemming)

    @property
    def signature(self) -> str:
        return f"v{ENGINE_VERSION};{self.analyzer().signature};k1={self.k1};b={self.b}"


def analysis_signature(settings: IndexSettings) -> str:
    """What a text's terms depend on: the settings, the stop words, the stemmer and the way texts are split."""
    import snowballstemmer

    parts = [f"v{ENGINE_VERSION}", settings.analyzer().signature, " ".join(sorted(STOP_WORDS)), TOKEN.pattern,
             _PLACEHOLDER.pattern, getattr(snowballstemmer, "__version__", ""), _stemmer_version(),
             "nul-as-space"]  # a text holding "\x00" no longer shifts the terms of the texts after it in a batch
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest()


def _stemmer_version() -> str:
    try:
        import Stemmer  # PyStemmer, which snowballstemmer uses when present

        return str(getattr(Stemmer, "__version__", "c"))
    except ImportError:
        return "python"


@dataclass(frozen=True)
class TextAnalysis:
    """A text analysis for the corpus to run on its texts as it parses them and keep (`corpus.load_corpus`)."""

    signature: str
    target: str


TERMS = TextAnalysis(analysis_signature(IndexSettings()), f"{analysis.__name__}:default_terms")
