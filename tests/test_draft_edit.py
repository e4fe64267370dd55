"""draft.edit as the app uses it: the general part, inserting, what the user sees filled, signers that
follow the profile unless edited, and where snippets are used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from remissdraft.draft import load_template, new_draft
from remissdraft.draft.edit import (
    filled,
    follow_profile,
    insert_snippet,
    missing_required,
    refresh_signatures,
    set_signature,
    set_text,
    used_snippets,
)
from remissdraft.errors import DraftError
from remissdraft.model import GENERAL_KEY, Person, Profile, Signature, Snippet, Source
from remissdraft.remiss import read_remiss

FIXTURES = Path(__file__).parent / "fixtures"
NACKA_133 = Source("Nacka kommun", "Socialnämnden", "SOCN 2021/133", "2021-04-27", "Folkhälsopolicy")
SOFIE = Profile(name="Sofie Stener", title="Gruppchef", unit="Äldreenheten", namnd="Socialnämnden",
                organisation="Nacka kommun")
KARIN = Person("Karin Kollberg", "Social- och äldredirektör", "Stadsledningskontoret")


@pytest.fixture(scope="module")
def remiss():
    return read_remiss([FIXTURES / "folkhalsopolicy.txt"])


@pytest.fixture
def template():
    return load_template("nacka-tjansteskrivelse")


@pytest.fixture
def draft(remiss, template):
    return new_draft(remiss, template, SOFIE, dnr="SOCN 2021/133", datum=date(2021, 4, 22))


def test_general_synpunkter_are_a_part_of_the_draft(draft):
    snippet = Snippet("p1", "{namnd} ser positivt på folkhälsopolicyn utifrån dess inriktning.", "positiv", source=NACKA_133)
    assert missing_required(draft)[0] == "Socialnämndens synpunkter på remissen"
    text = insert_snippet(draft, GENERAL_KEY, snippet)
    assert text == "Socialnämnden ser positivt på folkhälsopolicyn utifrån dess inriktning."
    assert draft.general.text == text and draft.general.uses[0].source.dnr == "SOCN 2021/133"
    assert "Socialnämndens synpunkter på remissen" not in missing_required(draft)  # synpunkter i stort count
    before = draft.general.text + "\n\n"  # trailing space is dropped before the new paragraph
    draft.general.text = before
    insert_snippet(draft, GENERAL_KEY, Snippet("p2", "Bra.", source=NACKA_133))
    assert draft.general.text == f"{before.rstrip()}\n\nBra."
    assert draft.general.text[len(before.rstrip()):] == "\n\nBra."  # what an editor appends
    assert used_snippets(draft) == {"p1": ["Synpunkter i stort"], "p2": ["Synpunkter i stort"]}
    set_text(draft, GENERAL_KEY, "Helt omskrivet.")
    assert used_snippets(draft) == {}


def test_used_snippets_name_every_part(draft):
    snippet = Snippet("p1", "Kommunen är en viktig aktör.", source=NACKA_133)
    insert_snippet(draft, "2.4", snippet)
    insert_snippet(draft, GENERAL_KEY, snippet)
    assert used_snippets(draft)["p1"] == ["Synpunkter i stort", "2.4 Region Stockholm är en samlande kraft i länets folkhälsoarbete"]


def test_filled_takes_what_the_draft_lacks_from_the_profile(remiss, template):
    draft = new_draft(remiss, template, Profile())  # made before the profile existed
    assert filled(draft, "{namnd} välkomnar policyn.") == "{namnd} välkomnar policyn."
    assert filled(draft, "{namnd} välkomnar policyn.", SOFIE) == "Socialnämnden välkomnar policyn."
    assert filled(draft, "Som {okand} skriver") == "Som {okand} skriver"


def test_signers_follow_the_profile_unless_edited(draft, template):
    assert [(s.name, s.title, s.role) for s in draft.signatures] == [("", "Enhetschef", "chef"), ("Sofie Stener", "Gruppchef", "handlaggare")]
    with_chef = Profile(**{**SOFIE.__dict__, "chef": KARIN})
    assert follow_profile(draft, template, with_chef)
    assert [(s.name, s.title, s.unit) for s in draft.signatures] == [
        ("Karin Kollberg", "Social- och äldredirektör", "Stadsledningskontoret"), ("Sofie Stener", "Gruppchef", "Äldreenheten")]
    assert not follow_profile(draft, template, with_chef)  # nothing new
    set_signature(draft, 1, title="Handläggare")
    assert draft.signatures[1].edited
    other = Profile(**{**with_chef.__dict__, "title": "Utredare", "chef": Person("Ny Chef", "Direktör")})
    follow_profile(draft, template, other)
    assert [(s.name, s.title) for s in draft.signatures] == [("Ny Chef", "Direktör"), ("Sofie Stener", "Handläggare")]
    with pytest.raises(DraftError):
        set_signature(draft, 5, name="x")


def test_signers_of_an_old_draft_get_their_roles(draft, template):
    draft.signatures = [Signature("Karin Kollberg", "Direktör", edited=True), Signature()]  # as schema 1 loads them
    refresh_signatures(draft, template, SOFIE)
    assert [(s.name, s.role) for s in draft.signatures] == [("Karin Kollberg", "chef"), ("Sofie Stener", "handlaggare")]
