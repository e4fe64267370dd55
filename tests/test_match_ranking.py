"""Ranking on the judged data from the seed (benchmarks/relevance_data.yaml), and `suggest` on any input."""

from __future__ import annotations

import json

import pytest
from benchmark_module import benchmark_module
from conftest import FIXTURES

from remissdraft.errors import MatchError, RemissdraftError
from remissdraft.match import Matcher, find_section, suggest
from remissdraft.model import STANCES, Remiss, Section, Snippet, Source


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def relevance():
    return benchmark_module("relevance")


@pytest.fixture(scope="module")
def judged(relevance):
    return relevance.load(imported=False)  # the bundled corpus belongs to the corpus tests


@pytest.fixture(scope="module")
def strategi(judged) -> Remiss:
    return judged.remisser["strategi"]


@pytest.fixture(scope="module")
def matcher(judged) -> Matcher:
    return Matcher(judged.snippets, use_disk=False)


def test_judged_recall_at_5_and_mrr(relevance, judged):
    from remissdraft.match import MatchSettings

    recorded = relevance.evaluate(judged, MatchSettings())
    assert recorded["recall"] >= 0.9, recorded["ranks"]
    assert recorded["mrr"] >= 0.85, recorded["ranks"]
    # positions taken on other remisser: topics and provenance stripped, the words alone
    alone = relevance.evaluate(judged, MatchSettings(), relevance.text_only(judged.snippets))
    assert alone["recall"] >= 0.75, alone["ranks"]
    assert alone["mrr"] >= 0.8, alone["ranks"]


def test_every_step_of_the_engine_is_measured(relevance, judged):
    rows = relevance.steps()
    assert len(rows) >= 8
    assert rows[-1][1] == __import__("remissdraft.match", fromlist=["DEFAULT_SETTINGS"]).DEFAULT_SETTINGS
    first = relevance.evaluate(judged, rows[0][1])
    last = relevance.evaluate(judged, rows[-1][1])
    assert last["recall"] > first["recall"] + 0.3


def test_a_section_meets_its_compound_in_a_position(matcher, strategi):
    hits = matcher.suggest(strategi, find_section(strategi, "Närsamhälle"), top=5, include_weak=True)
    by_id = {hit.snippet.id: hit for hit in hits}
    assert "s132-nar-1" in by_id  # "Utifrån ett närsamhällesperspektiv …": the word occurs only in the compound
    assert "närsamhällesperspektiv" in by_id["s132-nar-1"].matched_terms


def test_hits_are_ordered_explained_and_serialisable(matcher, strategi):
    hits = matcher.suggest(strategi, find_section(strategi, "Styrande nivå"), top=5)
    assert len(hits) == 5
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    for hit in hits:
        words = hit.snippet.text.casefold()
        assert hit.matched_terms and all(term.casefold() in words for term in hit.matched_terms)
        assert len({term.casefold() for term in hit.matched_terms}) == len(hit.matched_terms)
    shape = json.loads(json.dumps([hit.to_dict() for hit in hits], ensure_ascii=False))
    assert set(shape[0]) == {"id", "text", "stance", "score", "confidence", "matched_terms", "source", "similar"}
    assert set(shape[0]["source"]) == {"organisation", "namnd", "dnr", "datum", "title", "section"}
    assert all(0 < entry["confidence"] <= 1 for entry in shape)
    assert shape[0]["source"]["dnr"] == "SOCN 2021/132"
    assert any("konsekvensanalyser" in entry["matched_terms"] for entry in shape)  # s132-styr-6, as the section words it
    assert any("styrande" in [term.casefold() for term in entry["matched_terms"]] for entry in shape)


@pytest.mark.parametrize("stance", STANCES)
def test_the_stance_filter(matcher, strategi, stance):
    section = find_section(strategi, "Styrande nivå")
    hits = matcher.suggest(strategi, section, top=50, stance=stance)
    assert all(hit.snippet.stance == stance for hit in hits)
    everything = matcher.suggest(strategi, section, top=50)
    assert [h.snippet.id for h in hits] == [h.snippet.id for h in everything if h.snippet.stance == stance]


def test_stances_by_their_swedish_labels(matcher, strategi):
    section = find_section(strategi, "Styrande nivå")
    assert [h.snippet.id for h in matcher.suggest(strategi, section, stance="Förbehåll")] == ["s132-styr-3"]
    assert {h.snippet.stance for h in matcher.suggest(strategi, section, stance="förtydligande")} == {"fortydligande"}
    with pytest.raises(MatchError, match="Okänd ställning ”glad” – välj en av: positiv, kritisk, förbehåll"):
        matcher.suggest(strategi, section, stance="glad")


def test_standard_texts_only_when_asked_for(matcher, strategi, judged):
    section = find_section(strategi, "4")
    kinds = {s.id: s.kind for s in judged.snippets}
    assert all(kinds[h.snippet.id] == "synpunkt" for h in matcher.suggest(strategi, section, top=100))
    standard = matcher.suggest(strategi, section, top=100, kind="standardtext", include_weak=True)
    assert standard and all(kinds[h.snippet.id] == "standardtext" for h in standard)
    assert len(matcher.suggest(strategi, section, top=100, kind=None, include_weak=True)) > len(standard)


def test_top_limits_and_must_be_positive(matcher, strategi):
    section = find_section(strategi, "Styrande nivå")
    assert len(matcher.suggest(strategi, section, top=1)) == 1
    with pytest.raises(MatchError, match="minst 1"):
        matcher.suggest(strategi, section, top=0)


def test_an_empty_corpus_gives_an_empty_list(strategi):
    section = find_section(strategi, "Styrande nivå")
    assert suggest(strategi, section, []) == []
    assert suggest(strategi, section, [], stance="kritisk") == []
    assert Matcher([]).suggest(strategi, section) == []
    with pytest.raises(MatchError):
        suggest(strategi, section, [], stance="okänd")


def test_the_one_shot_form_agrees_with_the_matcher(matcher, judged, strategi):
    section = find_section(strategi, "Vardagsmiljö")
    assert [h.snippet.id for h in suggest(strategi, section, judged.snippets, top=5)] == [
        h.snippet.id for h in matcher.suggest(strategi, section, top=5)
    ]


ODD_TEXTS = ["", "   ", "…!?", "12345 678", "{namnd}", "och att det", "ä" * 5000, "Samverkan " * 2000, "\x00\ud800 bad"]


def test_no_traceback_on_odd_snippets_and_sections():
    snippets = [Snippet(id=f"odd{i}", text=text, stance="okänd" if i % 2 else "neutral") for i, text in enumerate(ODD_TEXTS)]
    snippets.append(Snippet(id="ok", text="Vi välkomnar samverkan kring styrande dokument.", stance="positiv", topics=[""], source=Source(section="§")))
    sections = [
        Section("", "", 1),
        Section("1", "Samverkan", 1, ["Samverkan " * 50]),
        Section("2", "…", 2, ["", "   "]),
        Section("3", "x" * 3000, 1, ["ä" * 10_000]),
    ]
    remiss = Remiss(title="", sections=sections)
    for section in sections:
        for top in (1, 3, 100):
            hits = suggest(remiss, section, snippets, top=top)
            assert len(hits) <= top
            assert all(hit.score > 0 for hit in hits)
    assert suggest(remiss, sections[1], snippets)[0].snippet.id in {"ok", "odd7"}


def test_a_corpus_with_no_words_at_all(strategi):
    snippets = [Snippet(id=str(i), text=text) for i, text in enumerate(["", "123", "–"])]
    assert suggest(strategi, find_section(strategi, "1"), snippets) == []


def test_a_position_on_this_very_section_comes_first():
    remiss = Remiss(
        title="Remiss – Plan för vatten",
        dnr="KS 2024/1",
        sections=[
            Section("1", "Bakgrund", 1, ["Planen beskriver vattenförsörjningen i länet."]),
            Section("2", "Dricksvatten", 1, ["Dricksvatten ska säkras i länet."]),
            Section("3", "Avlopp", 1, ["Avloppsrening i länet ska förbättras."]),
        ],
    )
    answered = Source(title="Plan för vatten", section="3 Avlopp")
    other = Source(title="Helt annan remiss")
    snippets = [
        Snippet(id="generic", text="Dricksvatten i länet är viktigt och dricksvatten ska säkras.", source=other),
        Snippet(id="answered", text="Nämnden instämmer i förslaget.", source=answered),
        Snippet(id="by-dnr", text="Nämnden instämmer.", source=Source(remiss_dnr="ks 2024-1", section="2")),
    ]
    ranked = [hit.snippet.id for hit in suggest(remiss, remiss.sections[2], snippets)]
    assert ranked[0] == "answered"
    ranked = [hit.snippet.id for hit in suggest(remiss, remiss.sections[1], snippets)]
    assert ranked[0] == "by-dnr" and "answered" not in ranked[:1]


def test_errors_are_remissdraft_errors():
    assert issubclass(MatchError, RemissdraftError)


def test_the_fixture_remiss_is_what_the_judgments_assume(strategi):
    assert (FIXTURES / "strategi.txt").exists()
    assert find_section(strategi, "Individnivå").level == 3
