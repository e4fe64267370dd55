"""`sections` in its plain form is read without building the parser, to the same arguments the parser gives;
every other form still goes through the parser (its errors and help included)."""

from __future__ import annotations

import pytest

from remissdraft import cli

SAME = [
    ["sections", "a.pdf"],
    ["sections", "a.pdf", "b.docx"],
    ["sections", "a.pdf", "--json"],
    ["sections", "--json", "a.pdf", "b.pdf"],
    ["sections", "--json", "a.pdf", "--json"],
    ["sections", "mapp med mellanslag/remiss.pdf"],
]
LEFT_TO_THE_PARSER = [
    ["sections"],
    ["sections", "--json"],
    ["sections", "a.pdf", "--json", "b.pdf"],  # the parser refuses the second file
    ["sections", "a.pdf", "--jso"],  # an abbreviation
    ["sections", "--", "-a.pdf"],
    ["sections", "-h"],
    ["sections", ""],
    ["suggest", "a.pdf"],
    ["a.pdf"],
]


@pytest.mark.parametrize("argv", SAME)
def test_plain_form_reads_as_the_parser_does(argv):
    assert cli._plain_sections_args(argv) == cli._build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", LEFT_TO_THE_PARSER)
def test_other_forms_are_left_to_the_parser(argv):
    assert cli._plain_sections_args(argv) is None


def test_plain_form_still_turns_errors_into_one_line(capsys, tmp_path):
    assert cli.main(["sections", str(tmp_path / "saknas.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: ") and err.count("\n") == 1
