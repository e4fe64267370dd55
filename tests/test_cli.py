"""The main job and the package data, as a user on a fresh machine meets them."""

import pytest

from remissdraft.cli import main
from remissdraft.locations import data_dir, example_remiss


def test_main_job_opens_the_bundled_example_in_the_tui(monkeypatch):
    import remissdraft.tui as tui

    opened = []
    monkeypatch.setattr(tui, "run", lambda files, draft, corpus: opened.append((files, draft, corpus)) or 0)  # the exit code
    assert main([]) == 0
    assert opened == [(example_remiss(), None, None)]
    assert main(["--draft", "mitt.yaml", str(example_remiss()[0])]) == 0
    assert [str(p) for p in opened[1][0]] == [str(example_remiss()[0])] and str(opened[1][1]) == "mitt.yaml"


def test_main_job_with_a_missing_file_is_one_line(capsys):
    assert main(["finns-inte.pdf"]) == 1
    assert capsys.readouterr().err == "Fel: finns-inte.pdf: filen finns inte\n"


def test_example_remiss_reads_completely():
    from remissdraft.remiss import read_remiss

    remiss = read_remiss(example_remiss())
    assert remiss.title.startswith("Strategi för främjande av psykisk hälsa")
    assert (remiss.dnr, remiss.sender, remiss.reply_dnr) == ("HSN 2020-1753", "Region Stockholm", "RS 2020-0457")
    assert remiss.deadline.isoformat() == "2021-06-17"
    assert len(list(remiss.walk())) == 19


def test_example_and_data_folders_ship_with_the_package():
    assert all(path.is_file() for path in example_remiss())
    assert data_dir("templates").is_dir() and data_dir("corpus").is_dir()


def test_help_is_swedish(capsys):
    try:
        main(["--help"])
    except SystemExit as done:
        assert done.code == 0
    out = capsys.readouterr().out
    assert "användning:" in out and "kommandon" in out and "visa remissens avsnitt" in out


@pytest.mark.parametrize(("typed", "meant"), [("sektioner", "sections"), ("sugest", "suggest"), ("korpus", "corpus")])
def test_a_mistyped_command_is_named(typed: str, meant: str, capsys):
    assert main([typed, "remiss.pdf"]) == 1
    err = capsys.readouterr().err
    assert err == f"Fel: {typed}: varken en fil eller ett kommando – menade du ”remissdraft {meant}”?\n"


def test_a_missing_file_that_looks_like_no_command_is_a_missing_file(capsys):
    assert main(["hej"]) == 1
    assert capsys.readouterr().err == "Fel: hej: filen finns inte\n"
