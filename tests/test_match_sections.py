"""`--section` by number or title prefix, and the Swedish error for a section that is not there."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from remissdraft.errors import RemissdraftError, UnknownSectionError
from remissdraft.match import find_section
from remissdraft.model import Remiss, Section
from remissdraft.remiss import read_remiss


@pytest.fixture(scope="module")
def strategi() -> Remiss:
    return read_remiss([FIXTURES / "strategi.txt"])


@pytest.mark.parametrize(
    ("spec", "label"),
    [
        ("3.1", "3.1 Två huvudinriktningar"),
        ("7", "7 Uppdrag styr tillvägagångssätt"),
        ("7.1.", "7.1 Rekommenderade tillvägagångssätt"),
        ("Styrande nivå", "Styrande nivå: Utveckla hälsofrämjande politik och strategisk resursfördelning inom alla sektorer"),
        ("  styrande   NIVÅ ", "Styrande nivå: Utveckla hälsofrämjande politik och strategisk resursfördelning inom alla sektorer"),
        ("vardagsmiljö", "Vardagsmiljö: Utveckla hälsofrämjande miljöer"),
        ("Målbild", "4 Målbild"),
        ("5 strategins", "5 Strategins angreppssätt"),  # a prefix of the label
    ],
)
def test_sections_by_number_or_title_prefix(strategi, spec, label):
    assert find_section(strategi, spec).label == label


def test_an_exact_title_wins_over_longer_titles_it_starts(strategi):
    # "Inledning" is exact for 1, even if another title started with it
    assert find_section(strategi, "inledning").number == "1"


def test_an_unknown_title_lists_the_closest_sections(strategi):
    with pytest.raises(UnknownSectionError) as caught:
        find_section(strategi, "Styrande nivåer i regionen")
    message = str(caught.value)
    assert isinstance(caught.value, RemissdraftError)
    assert "finns inte i remissen" in message and "Närmast:" in message
    assert "Styrande nivå" in message
    assert "\n" not in message


def test_an_unknown_number_lists_the_nearest_numbers(strategi):
    with pytest.raises(UnknownSectionError, match=r"Avsnitt 9 finns inte i remissen\. Närmast: 8 Implementering"):
        find_section(strategi, "9")
    with pytest.raises(UnknownSectionError, match=r"Närmast: 6\.3 Lärande .*; 6\.2 Långsiktig"):
        find_section(strategi, "6.7")


def test_a_prefix_of_several_titles_asks_for_more(strategi):
    with pytest.raises(UnknownSectionError, match="passar flera avsnitt"):
        find_section(strategi, "Psykisk hälsa")


@pytest.mark.parametrize("spec", ["", "   ", None])
def test_no_section_named(strategi, spec):
    with pytest.raises(UnknownSectionError, match="Ange ett avsnitt"):
        find_section(strategi, spec)


def test_a_remiss_without_sections():
    with pytest.raises(UnknownSectionError, match="inga avsnitt"):
        find_section(Remiss(title="Tom"), "1")
    lone = Remiss(sections=[Section("", "Bakgrund", 1)])
    assert find_section(lone, "bak").title == "Bakgrund"
    with pytest.raises(UnknownSectionError, match="Närmast: Bakgrund"):
        find_section(lone, "3")
