"""The main job and the package data, as a user on a fresh machine meets them."""

from remissdraft.cli import main
from remissdraft.locations import data_dir, example_remiss


def test_main_job_opens_the_bundled_example(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "Strategi för främjande av psykisk hälsa" in out
    assert "HSN 2020-1753" in out and "2021-06-17" in out and "RS 2020-0457" in out
    assert "Avsnitt (19)" in out
    assert "Styrande nivå: Utveckla hälsofrämjande politik" in out


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
