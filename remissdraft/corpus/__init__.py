"""The stance corpus: positions from earlier yttranden with their provenance, stored as YAML.

Exports load on first use (PEP 562): opening the app needs only the store, not the importer and its readers.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Corpus": "store", "bundled_corpus_dir": "store", "load_corpus": "store", "pending_bytes": "store", "snippet_id": "store",
    "ImportResult": "importer", "import_files": "importer", "read_yttrande": "importer",
    "search": "textsearch", "classify": "stance",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
