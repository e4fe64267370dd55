"""The user's profile in the config dir ($REMISSDRAFT_CONFIG_DIR in tests, never the real home)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from remissdraft.cli import main
from remissdraft.draft import load_profile, save_profile, update_profile
from remissdraft.errors import ProfileError
from remissdraft.locations import config_dir, profile_path
from remissdraft.model import Person, Profile


@pytest.fixture(autouse=True)
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # anything writing to the real home would land here
    return folder


def test_the_profile_lives_in_the_config_dir(config):
    assert config_dir() == config
    assert profile_path() == config / "profile.yaml"


def test_no_profile_yet_is_an_empty_profile(config):
    assert load_profile() == Profile()
    assert not config.exists()


def test_save_and_load(config):
    profile = Profile("Therese Råckle", "Kvalitetsutvecklare", "Omsorgsenheten", "Socialnämnden", "Nacka kommun",
                      "nacka-tjansteskrivelse", Person("Helena Lindenius", "Enhetschef", "Omsorgsenheten"))
    save_profile(profile)
    assert load_profile() == profile
    assert "namnd: Socialnämnden" in (config / "profile.yaml").read_text(encoding="utf-8")


def test_update_changes_only_the_given_fields(config):
    update_profile(name="Anna", namnd="Äldrenämnden")
    profile = update_profile(title="Utredare", chef_name="Bo", name=None)
    assert (profile.name, profile.title, profile.namnd, profile.chef.name) == ("Anna", "Utredare", "Äldrenämnden", "Bo")
    assert load_profile() == profile
    with pytest.raises(ProfileError, match="inget fält ”skostorlek”"):
        update_profile(skostorlek="42")


def test_a_broken_profile_is_a_swedish_error(config):
    config.mkdir()
    (config / "profile.yaml").write_text("name: [", encoding="utf-8")
    with pytest.raises(ProfileError, match="fel i YAML-syntaxen"):
        load_profile()
    (config / "profile.yaml").write_text("- lista\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="ska vara en YAML-karta"):
        load_profile()


def test_cli_sets_and_shows_the_profile(config, capsys):
    assert main(["profile", "--name", "Therese Råckle", "--namnd", "Socialnämnden", "--chef-name", "Helena Lindenius",
                 "--chef-title", "Enhetschef", "--template", "yttrande-brev"]) == 0
    out = capsys.readouterr().out
    assert f"Profilen sparad: {config / 'profile.yaml'}" in out
    assert "Nämnd:" in out and "Socialnämnden" in out and "Helena Lindenius, Enhetschef" in out
    assert main(["profile", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "Therese Råckle" and data["template"] == "yttrande-brev" and data["chef"]["title"] == "Enhetschef"


def test_cli_refuses_an_unknown_template_without_saving(config, capsys):
    assert main(["profile", "--template", "finns-inte"]) == 1
    assert capsys.readouterr().err.startswith("Fel: Mallen ”finns-inte” finns inte")
    assert not (config / "profile.yaml").exists()
