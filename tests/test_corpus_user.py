"""corpus.user: a synpunkt written in the app kept in the user's corpus and found again."""

from __future__ import annotations

import pytest

from remissdraft.corpus import load_corpus
from remissdraft.corpus.user import CorpusWriteError, add_own_snippet
from remissdraft.errors import CorpusError
from remissdraft.model import Source

SOURCE = Source("Nacka kommun", "Socialnämnden", "SOCN 2021/133", "2021-04-22", "Folkhälsopolicy", "2.4 Samlande kraft")


def test_an_own_snippet_is_saved_and_loaded_with_the_placeholder(tmp_path):
    text = "Socialnämnden ser positivt på Region Stockholms roll som en samlande kraft i länets folkhälsoarbete."
    snippet = add_own_snippet(text, "positiv", ["Samlande kraft"], SOURCE, "Socialnämnden", tmp_path)
    assert snippet.text.startswith("{namnd} ser positivt") and snippet.original == text
    assert (tmp_path / "egna-synpunkter" / f"{snippet.id}.yaml").is_file()
    loaded = load_corpus(tmp_path, bundled=False)
    assert [s.id for s in loaded.snippets] == [snippet.id] and loaded.snippets[0].stance == "positiv"
    assert loaded.snippets[0].source.section == "2.4 Samlande kraft"


def test_empty_text_unknown_stance_and_an_unwritable_corpus_are_swedish_errors(tmp_path):
    with pytest.raises(CorpusWriteError, match="tom"):
        add_own_snippet("  ", "positiv", [], SOURCE, folder=tmp_path)
    with pytest.raises(CorpusWriteError, match="Okänd ställning"):
        add_own_snippet("Text.", "glad", [], SOURCE, folder=tmp_path)
    blocker = tmp_path / "fil"
    blocker.write_text("inte en mapp", encoding="utf-8")
    with pytest.raises(CorpusError, match="kunde inte sparas .en del av sökvägen är en fil"):
        add_own_snippet("Text.", "neutral", [], SOURCE, folder=blocker)
