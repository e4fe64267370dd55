"""`remissdraft suggest` as the command-line contract describes it."""

from __future__ import annotations

import json

from conftest import FIXTURES

from remissdraft.cli import main

STRATEGY = str(FIXTURES / "strategi.txt")


def test_json_shape_and_best_first(capsys):
    assert main(["suggest", STRATEGY, "--section", "Styrande nivå", "--top", "3", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert 1 <= len(hits) <= 3
    assert set(hits[0]) >= {"id", "text", "stance", "score", "matched_terms", "source"}
    assert set(hits[0]["source"]) >= {"organisation", "namnd", "dnr", "datum", "title"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert any("styrande nivå" in h["text"].casefold() for h in hits)


def test_section_by_number_and_stance_filter(capsys):
    assert main(["suggest", STRATEGY, "--section", "7.1", "--stance", "förtydligande", "--all", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and {h["stance"] for h in hits} == {"fortydligande"}


def test_unknown_section_lists_the_closest(capsys):
    assert main(["suggest", STRATEGY, "--section", "Styrnade nivå x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel:") and "Styrande nivå" in err and len(err.strip().splitlines()) == 1


def test_empty_corpus_gives_an_empty_list(capsys, tmp_path):
    assert main(["suggest", STRATEGY, "--section", "1", "--no-bundled", "--corpus", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
