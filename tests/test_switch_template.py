"""Switching a draft to another template keeps everything the user wrote."""

from conftest import FIXTURES

from remissdraft.draft import load_template, new_draft, set_text, switch_template
from remissdraft.model import Profile
from remissdraft.remiss import read_remiss


def test_switch_keeps_synpunkter_shared_sections_and_orphans():
    remiss = read_remiss([FIXTURES / "strategi.txt", FIXTURES / "remissbrev.txt"])
    profile = Profile(name="Therese Råckle", namnd="Socialnämnden", organisation="Nacka kommun")
    draft = new_draft(remiss, load_template("nacka-tjansteskrivelse"), profile, dnr="SOCN 2021/132")
    set_text(draft, draft.synpunkter[0].key, "Nämnden välkomnar inledningen.")
    set_text(draft, "forslag_till_beslut", "Egen formulering av beslutet.")
    set_text(draft, "konsekvenser_for_barn", "Inga konsekvenser för barn.")

    switched = switch_template(draft, remiss, load_template("stockholm-tjansteutlatande"), profile)

    assert switched.template == "stockholm-tjansteutlatande" and switched.dnr == "SOCN 2021/132"
    assert switched.synpunkter[0].text == "Nämnden välkomnar inledningen."
    assert switched.section("forslag_till_beslut").text == "Egen formulering av beslutet."
    assert switched.section("bakgrund") is not None  # the new template's own sections
    assert switched.section("konsekvenser_for_barn").text == "Inga konsekvenser för barn."  # kept, last
    assert switched.sections[-1].key == "konsekvenser_for_barn"
