"""The stance corpus: positions from earlier yttranden with their provenance, stored as YAML."""

from .importer import ImportResult, import_files, read_yttrande
from .search import search
from .stance import classify
from .store import Corpus, bundled_corpus_dir, load_corpus, snippet_id

__all__ = [
    "Corpus", "ImportResult", "bundled_corpus_dir", "classify", "import_files", "load_corpus", "read_yttrande",
    "search", "snippet_id",
]

