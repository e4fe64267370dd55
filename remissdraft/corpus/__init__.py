"""The stance corpus: positions from earlier yttranden with their provenance, stored as YAML."""

from .importer import ImportResult, import_files, read_yttrande
from .search import search
from .stance import classify
from .store import Corpus, bundled_corpus_dir, load_corpus, snippet_id

__all__ = [
    "Corpus", "ImportResult", "bundled_corpus_dir", "classify", "import_files", "load_corpus", "read_yttrande",
    "search", "snippet_id", "snippet_dict",
]


def snippet_dict(snippet) -> dict:
    """A snippet as the command line's JSON shows it."""
    return {
        "id": snippet.id,
        "text": snippet.text,
        "stance": snippet.stance,
        "topics": snippet.topics,
        "kind": snippet.kind,
        "source": snippet.source.to_dict(),
    }
