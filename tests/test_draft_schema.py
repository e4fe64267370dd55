"""The draft file's schema: version 2 adds the general part, where the user left off, the last export and the
signers' roles; drafts written as version 1 keep loading."""

from __future__ import annotations

from remissdraft.draft import load_draft, save_draft
from remissdraft.model import GENERAL_KEY, Draft, Signature

SCHEMA_1 = """\
schema: 1
template: nacka-tjansteskrivelse
title: Remiss – Folkhälsopolicy
namnd: Socialnämnden
signatures:
- {name: Karin Kollberg, title: Social- och äldredirektör, unit: Stadsledningskontoret}
- {name: '', title: Enhetschef, unit: ''}
sections:
- key: synpunkter
  heading: Socialnämndens synpunkter på remissen
  kind: synpunkter
  required: true
  text: Socialnämnden ser positivt på folkhälsopolicyn.
  uses:
  - {id: abc, text: Socialnämnden ser positivt på folkhälsopolicyn., source: {dnr: SOCN 2021/133}}
synpunkter:
  '1.1': {number: '1.1', title: Inledning, text: Bra.}
"""


def test_a_schema_1_draft_loads_with_its_text_where_the_app_shows_it(tmp_path):
    path = tmp_path / "gammalt.yaml"
    path.write_text(SCHEMA_1, encoding="utf-8")
    draft = load_draft(path)
    assert draft.general.text == "Socialnämnden ser positivt på folkhälsopolicyn."
    assert draft.general.uses[0].source.dnr == "SOCN 2021/133"
    assert draft.section("synpunkter").text == "" and draft.section(GENERAL_KEY) is draft.general
    assert draft.synpunkt("1.1").text == "Bra."
    # no roles recorded: the named signer was written for this draft and stays; the empty one follows the profile
    assert [(s.name, s.role, s.edited) for s in draft.signatures] == [("Karin Kollberg", "", True), ("", "", False)]


def test_schema_2_round_trip(tmp_path):
    draft = Draft("nacka-tjansteskrivelse", title="Remiss Folkhälsopolicy", current="2.1",
                  last_export="/tmp/yttrande.docx",
                  signatures=[Signature("Karin Kollberg", "Social- och äldredirektör", "Stadsledningskontoret", "chef", True)])
    draft.general.text = "Socialnämnden ser positivt på Region Stockholms roll som en samlande kraft."
    path = save_draft(draft, tmp_path / "utkast.yaml")
    assert path.read_text(encoding="utf-8").startswith("schema: 2\n")
    loaded = load_draft(path)
    loaded.path = draft.path = None
    assert loaded == draft


def test_the_profile_keeps_a_keymap(tmp_path):
    import pytest

    from remissdraft.draft import load_profile, save_profile
    from remissdraft.errors import ProfileError
    from remissdraft.locations import profile_path
    from remissdraft.model import Profile

    save_profile(Profile(name="Sofie Stener", keymap={"export": "f9", "next-section": "ctrl+down"}))
    assert load_profile().keymap == {"export": "f9", "next-section": "ctrl+down"}
    profile_path().write_text("name: x\nkeymap: [f9]\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="keymap"):
        load_profile()


def test_a_template_says_where_general_synpunkter_go(tmp_path):
    import pytest
    import yaml

    from remissdraft.draft import read_template
    from remissdraft.errors import TemplateError
    from remissdraft.locations import data_dir

    data = yaml.safe_load((data_dir("templates") / "nacka-tjansteskrivelse.yaml").read_text(encoding="utf-8"))
    assert read_template(data_dir("templates") / "nacka-tjansteskrivelse.yaml").general_synpunkter == ""
    data["synpunkter"]["general"] = "arendet"
    (tmp_path / "egen.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert read_template(tmp_path / "egen.yaml").general_synpunkter == "arendet"
    data["synpunkter"]["general"] = "handlingar"  # not a text section
    (tmp_path / "egen.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TemplateError, match="synpunkter.general"):
        read_template(tmp_path / "egen.yaml")
