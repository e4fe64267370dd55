"""What the corpus records about the remiss being answered: which snippets answered it (by dnr or by a title that
names it in other words) and which of its sections each answered (recorded, a heading it stood under, or the
same position written elsewhere); and the query's length normalisation."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from remissdraft.match import Matcher
from remissdraft.match.identity import TitleMatcher
from remissdraft.match.index import title_key
from remissdraft.match.normalize import Analyzer
from remissdraft.match.query import QuerySettings, section_terms
from remissdraft.model import Remiss, Section, Snippet, Source


def _same(remiss_title: str, stored: list[str], sender: str = "") -> list[bool]:
    flags = TitleMatcher(Analyzer(), sender).same(title_key(remiss_title), [title_key(t) for t in stored])
    return [bool(flag) for flag in flags]


def test_a_title_in_other_words_names_the_same_remiss():
    assert _same("Naturvårdsverkets föreskrifter om miljörapport", [
        "Yttrande över förslag till ändring av föreskrifter (NFS 2016:8) om miljörapport",
        "Naturvårdverkets förslag till ändring av föreskrifter om miljörapport",  # the sender misspelt
        "Naturvårdsverkets skrivelse om förslag till författningsändringar till följd av EU:s reviderade förordningar "
        "om fluorerade växthusgaser och ozonnedbrytande ämnen",
    ], sender="Naturvårdsverket") == [True, True, False]


def test_a_title_read_too_long_still_names_its_remiss():
    """The reader took the first line of the missive's text into the title; the yttrande names it its own way."""
    read = ("Förslag till beslut och skötselplan för det blivande kulturreservatet Lilla Äskhult i Kungsbacka kommun "
            "Länsstyrelsen har upprättat ett förslag till beslut om bildande av kulturreservatet Lilla")
    assert _same(read, [
        "Förslag till beslut och skötselplan för Lilla Äskhults kulturreservat i Kungsbacka kommun",
        "Förslag till fördjupad översiktsplan för Väröbacka",
    ], sender="Länsstyrelsen i Hallands län") == [True, False]


def test_titles_sharing_a_word_or_two_are_other_remisser():
    assert _same("Regional strategi för storskalig utrymning och mottagning i Hallands län", [
        "Regional utvecklingsstrategi för Västra Götaland",
        "Energi- och klimatstrategi för Hallands län",
        "Samrådsversion av regional fysisk plan Halland 2050",
        "Regional strategi för storskalig utrymning och mottagning i Hallands län",
    ], sender="Länsstyrelsen i Hallands län") == [False, False, False, True]


REMISS = Remiss(
    title="Handlingsprogram 2024 enligt lag (2003:778) om skydd mot olyckor (LSO)",
    dnr="RSG 2023/699",
    sections=[
        Section("4.5", "Olycka med farliga ämnen", 1, ["Farliga ämnen transporteras på väg och järnväg."]),
        Section("8.1.8", "Varning och information till allmänheten (VMA)", 1, ["Utomhusvarningssystemet testas."]),
        Section("9.2", "Lärande från räddningsinsatser", 1, ["Erfarenheter från insatser återförs."]),
    ],
)
NAMND = Source(organisation="Kungsbacka kommun", namnd="Kommunstyrelsen", dnr="KS-2024-00231", remiss_dnr="RSG 2023/699",
               title=REMISS.title)
FORVALTNING = replace(NAMND, remiss_dnr="", file="tjänsteskrivelse.txt")
ERFARENHETER = "om och hur erfarenheter vid olyckor andra än brand delges till kommunen, för planering och utveckling"


def _matcher(snippets: list[Snippet]) -> Matcher:
    return Matcher(snippets, use_disk=False)


def test_the_same_position_unrecorded_takes_the_section_of_its_recorded_twin():
    """The nämnd's yttrande names 9.2; the förvaltning's tjänsteskrivelse writes the same position without it:
    it answered 9.2 too, so it is no position for 8.1.8."""
    recorded = Snippet("namnd", f"Kommunen önskar få ett förtydligande {ERFARENHETER}.", source=replace(NAMND, section="9.2 Lärande från räddningsinsatser"))
    twin = Snippet("forvaltning", f"Avslutningsvis behövs ett förtydligande {ERFARENHETER} av förebyggande arbete.", source=FORVALTNING)
    other = Snippet("other", "Kommunen önskar att utomhusvarningssystemet testas oftare.", source=FORVALTNING)
    matcher = _matcher([recorded, twin, other])
    facts = matcher._answered(REMISS)
    assert facts.same.tolist() == [True, True, True]
    assert sorted((doc, ref) for doc, ref in facts.references) == [(0, "9.2 Lärande från räddningsinsatser"), (1, "9.2 Lärande från räddningsinsatser")]
    _, _, elsewhere = matcher._scores(REMISS, REMISS.sections[1])
    assert elsewhere.tolist() == [True, True, False]
    here = {hit.snippet.id: hit for hit in matcher.suggest(REMISS, REMISS.sections[2], include_weak=True)}
    assert here["forvaltning"].grounded and here["forvaltning"].this_remiss


def test_a_heading_the_position_stood_under_names_its_section():
    """An yttrande that answers under the remiss's own headings, without numbers."""
    under = Snippet("vma", "Kommunen önskar förtydligande om underhållet av systemet.", topics=["Varning och information till allmänheten (VMA)"],
                    source=FORVALTNING)
    matcher = _matcher([under, Snippet("x", "Något annat om farliga ämnen.", source=FORVALTNING)])
    assert matcher._answered(REMISS).references == [(0, "Varning och information till allmänheten (VMA)")]
    hit = next(h for h in matcher.suggest(REMISS, REMISS.sections[1], include_weak=True) if h.snippet.id == "vma")
    assert hit.grounded and hit.confidence > 0.75
    other = next((h for h in matcher.suggest(REMISS, REMISS.sections[0], include_weak=True) if h.snippet.id == "vma"), None)
    assert other is None or other.elsewhere


def test_own_evidence_leaves_out_what_a_neighbour_lends():
    strong = Snippet("a", "Farliga ämnen transporteras på väg och järnväg; kommunen önskar förtydligande.", source=FORVALTNING)
    weak = Snippet("b", "Kommunen ställer sig positiv till programmet i stort.", source=FORVALTNING)
    hit = next(h for h in _matcher([strong, weak]).suggest(REMISS, REMISS.sections[0], include_weak=True) if h.snippet.id == "b")
    assert hit.parts["context"] > 0
    assert np.isclose(hit.own_score, hit.score - hit.parts["context"], atol=1e-3) and hit.own_confidence < hit.confidence


def test_a_word_among_many_counts_less_than_in_a_short_text():
    analyzer = Analyzer()
    filler = " ".join(f"ord{chr(97 + i)}{chr(97 + j)}" for i in range(20) for j in range(10))
    short = Section("1", "Rubrik", 1, ["Kalkning av ängen."])
    long = Section("2", "Rubrik", 1, [f"Kalkning av ängen. {filler}"])
    remiss = Remiss(title="T", sections=[short, long])
    settings = QuerySettings(specificity=False)
    in_short = section_terms(remiss, short, analyzer, settings)["kalkning"]
    in_long = section_terms(remiss, long, analyzer, settings)["kalkning"]
    assert in_long < 0.5 * in_short
    flat = replace(settings, text_b=0.0)
    assert section_terms(remiss, long, analyzer, flat)["kalkning"] == section_terms(remiss, short, analyzer, flat)["kalkning"]


def test_a_new_version_renumbered_follows_the_title_it_answered():
    """The 2020 programme's answer to "4.5 Olycka med farliga ämnen"; in the 2024 one that section is 4.6 and
    4.5 is another: the title names one section alone, so the title decides. Where two sections share the title
    (4.5 and 8.2.4 of one programme), the number does."""
    earlier = replace(NAMND, remiss_dnr="RSG 2019/500", title="Handlingsprogram 2020 enligt lag (2003:778) om skydd mot olyckor (LSO)")
    snippet = Snippet("karn", "Kommunen önskar förtydligande om transporter av farliga ämnen.", source=replace(earlier, section="4.5 Olycka med farliga ämnen"))
    matcher = _matcher([snippet, Snippet("x", "Något annat.", source=NAMND)])

    def elsewhere(remiss: Remiss) -> dict[str, bool]:
        return {section.number: bool(matcher._scores(remiss, section)[2][0]) for section in remiss.sections}

    renumbered = Remiss(title="Handlingsprogram 2024 enligt lag (2003:778) om skydd mot olyckor (LSO)", sections=[
        Section("4.5", "Naturolycka", 1, ["Skred och översvämning."]),
        Section("4.6", "Olycka med farliga ämnen", 1, ["Farliga ämnen transporteras på väg och järnväg."]),
    ])
    assert elsewhere(renumbered) == {"4.5": True, "4.6": False}
    hit = next(h for h in matcher.suggest(renumbered, renumbered.sections[1], include_weak=True) if h.snippet.id == "karn")
    assert hit.grounded and not hit.elsewhere
    twins = Remiss(title=renumbered.title, sections=[
        Section("4.5", "Olycka med farliga ämnen", 1, ["Farliga ämnen transporteras på väg och järnväg."]),
        Section("8.2.4", "Olycka med farliga ämnen", 1, ["Räddningstjänsten har kemdykare."]),
    ])
    assert elsewhere(twins) == {"4.5": False, "8.2.4": True}
