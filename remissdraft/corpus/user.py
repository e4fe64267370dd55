"""The user's own positions: a synpunkt written in the app, kept in the user's corpus for reuse."""

from __future__ import annotations

from pathlib import Path

from ..errors import CorpusError
from ..locations import user_corpus_dir
from ..model import STANCES, Snippet, Source
from .store import save_snippets, snippet_id

OWN_FOLDER = "egna-synpunkter"


class CorpusWriteError(CorpusError):
    """The user's own position could not be kept (empty text, unknown stance)."""


def add_own_snippet(text: str, stance: str, topics: list[str], source: Source, namnd: str = "",
                    folder: Path | None = None) -> Snippet:
    """Keep `text` as a position of `stance` in the user's corpus (one file per snippet under
    egna-synpunkter/), the nämnd's own name at its start replaced by {namnd} so it reads right when reused."""
    from .importer import with_placeholder

    text = text.strip()
    if not text:
        raise CorpusWriteError("Synpunkten är tom – skriv något först")
    if stance not in STANCES:
        raise CorpusWriteError(f"Okänd ställning ”{stance}” – välj en av {', '.join(STANCES)}")
    reusable = with_placeholder(text, namnd)
    snippet = Snippet(snippet_id(reusable), reusable, stance, [t for t in topics if t], source, original=text)
    path = (folder or user_corpus_dir()) / OWN_FOLDER / f"{snippet.id}.yaml"
    save_snippets(path, [snippet])  # an OS error is one Swedish CorpusError naming the path
    return snippet
