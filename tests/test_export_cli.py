"""remissdraft new / export from the command line, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from remissdraft.cli import main
from remissdraft.draft import insert_snippet, load_draft, save_draft, set_text
from remissdraft.locations import default_draft_path
from remissdraft.model import Snippet, Source

FIXTURES = Path(__file__).parent / "fixtures"
REMISS = [str(FIXTURES / "strategi.txt"), str(FIXTURES / "remissbrev.txt")]


@pytest.fixture(autouse=True)
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))
    work = tmp_path / "arbete"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def _profile() -> None:
    assert main(["profile", "--name", "Therese Råckle", "--title", "Kvalitetsutvecklare", "--unit", "Omsorgsenheten",
                 "--namnd", "Socialnämnden", "--organisation", "Nacka kommun", "--chef-name", "Helena Lindenius",
                 "--chef-title", "Enhetschef", "--chef-unit", "Omsorgsenheten"]) == 0


def test_new_then_export(workdir, capsys):
    _profile()
    capsys.readouterr()
    assert main(["new", *REMISS, "--dnr", "SOCN 2021/132", "--datum", "2021-04-22"]) == 0
    out = capsys.readouterr().out
    draft_path = default_draft_path([Path(p) for p in REMISS])  # the draft the app opens for the same remiss
    assert f"Utkast skapat: {draft_path}" in out and "19 remissavsnitt" in out

    assert main(["new", *REMISS, "--dnr", "SOCN 2021/132"]) == 1
    assert "finns redan" in capsys.readouterr().err

    assert main(["export", str(draft_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: Obligatoriska avsnitt är tomma: Socialnämndens synpunkter på remissen, Ekonomiska konsekvenser, Konsekvenser för barn")
    assert not list(workdir.glob("*.docx"))

    draft = load_draft(draft_path)
    insert_snippet(draft, "5", Snippet("s1", "{namnd} är positiva till strategins angreppssätt.",
                                       source=Source("Nacka kommun", "Socialnämnden", "SOCN 2021/132", "2021-04-27")))
    set_text(draft, "ekonomiska_konsekvenser", "Förslaget förväntas inte medföra några ekonomiska konsekvenser för kommunen.")
    set_text(draft, "konsekvenser_for_barn", "Konsekvenserna av strategins förslag bör bli positiva för barn.")
    save_draft(draft)

    assert main(["export", str(draft_path)]) == 0
    out = capsys.readouterr().out
    docx_path = draft_path.parent / "SOCN-2021-132_Remiss-Strategi-for-framjande-av-psykisk-halsa.docx"
    assert f"Exporterat: {docx_path} (1 kommentarer om återanvänd text)" in out
    document = docx.Document(str(docx_path))
    assert "Socialnämnden är positiva till strategins angreppssätt." in [p.text for p in document.paragraphs]
    assert len(document.comments) == 1

    assert main(["export", str(draft_path)]) == 1
    assert "finns redan" in capsys.readouterr().err
    assert main(["export", str(draft_path), "--force", "--no-comments", "-o", str(workdir / "slutlig.docx")]) == 0
    assert len(docx.Document(str(workdir / "slutlig.docx")).comments) == 0


def test_new_with_another_template_and_output(workdir, capsys):
    assert main(["new", *REMISS, "--template", "yttrande-brev", "-o", "brev.yaml"]) == 0
    captured = capsys.readouterr()
    assert "Obs: profilen saknar nämnd eller namn" in captured.err
    assert "Obs: inget diarienummer angivet" in captured.err
    assert load_draft(workdir / "brev.yaml").template == "yttrande-brev"


def test_export_of_a_broken_draft_is_one_swedish_line(workdir, capsys):
    (workdir / "trasig.yaml").write_text("schema: 1\ntemplate: [\n", encoding="utf-8")
    assert main(["export", "trasig.yaml"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: trasig.yaml: fel i YAML-syntaxen på rad") and err.count("\n") == 1


def test_export_of_a_draft_whose_template_is_gone(workdir, capsys):
    (workdir / "u.yaml").write_text("schema: 1\ntemplate: borttagen\n", encoding="utf-8")
    assert main(["export", "u.yaml"]) == 1
    assert capsys.readouterr().err.startswith("Fel: Mallen ”borttagen” finns inte")
