"""remissdraft new / export from the command line, as a user runs them."""

from __future__ import annotations

import shutil
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
    remiss = [shutil.copy(path, workdir) for path in REMISS]  # the user's own folder: the export goes next to it
    assert main(["new", *remiss, "--dnr", "SOCN 2021/132", "--datum", "2021-04-22"]) == 0
    out = capsys.readouterr().out
    draft_path = default_draft_path([Path(p) for p in remiss])  # the draft the app opens for the same remiss
    assert f"Utkast skapat: {draft_path}" in out and "19 remissavsnitt" in out

    assert main(["new", *remiss, "--dnr", "SOCN 2021/132"]) == 1
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
    docx_path = workdir / "SOCN-2021-132_Remiss-Strategi-for-framjande-av-psykisk-halsa.docx"
    assert f"Exporterat: {docx_path} (1 kommentarer om återanvänd text)" in out
    document = docx.Document(str(docx_path))
    assert "Socialnämnden är positiva till strategins angreppssätt." in [p.text for p in document.paragraphs]
    assert len(document.comments) == 1

    assert main(["export", str(draft_path)]) == 1
    assert "finns redan – välj ett annat namn med -o eller skriv över med --overwrite" in capsys.readouterr().err
    assert main(["export", str(draft_path), "--overwrite", "--no-comments", "-o", str(workdir / "slutlig.docx")]) == 0
    assert len(docx.Document(str(workdir / "slutlig.docx")).comments) == 0


def test_overwrite_and_ignore_required_are_separate(workdir, capsys):
    """Re-exporting to the same file does not drop the check of required sections, nor the other way round."""
    _profile()
    assert main(["new", *REMISS, "--dnr", "SOCN 2021/132", "-o", "u.yaml"]) == 0
    target = workdir / "u.docx"
    assert main(["export", "u.yaml", "-o", "u.docx", "--ignore-required"]) == 0
    first = target.read_bytes()
    capsys.readouterr()

    assert main(["export", "u.yaml", "-o", "u.docx", "--overwrite"]) == 1
    assert capsys.readouterr().err.startswith("Fel: Obligatoriska avsnitt är tomma: Socialnämndens synpunkter på remissen")
    assert main(["export", "u.yaml", "-o", "u.docx", "--ignore-required"]) == 1
    assert "finns redan" in capsys.readouterr().err
    assert target.read_bytes() == first
    assert main(["export", "u.yaml", "-o", "u.docx", "--ignore-required", "--overwrite"]) == 0
    capsys.readouterr()
    assert main(["export", "u.yaml", "-o", "u.docx", "--force"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("Obs: --force är föråldrad och tas bort – använd --overwrite och/eller --ignore-required\n")


def test_a_new_users_first_export(workdir, capsys):
    """No profile when the draft is made; the nämnd given afterwards is in the document, and the export's refusal
    names the sections as the document will head them."""
    assert main(["new", *REMISS, "-o", "u.yaml"]) == 0
    capsys.readouterr()
    assert main(["export", "u.yaml"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: Obligatoriska avsnitt är tomma: {namnd}s synpunkter på remissen") and err.count("\n") == 1
    assert "ange den med ”remissdraft profile --namnd …”" in err
    assert main(["profile", "--namnd", "Socialnämnden", "--organisation", "Nacka kommun", "--name", "Therese Råckle"]) == 0
    capsys.readouterr()
    assert main(["export", "u.yaml"]) == 1
    assert capsys.readouterr().err.startswith("Fel: Obligatoriska avsnitt är tomma: Socialnämndens synpunkter på remissen, ")
    draft = load_draft(workdir / "u.yaml")
    insert_snippet(draft, "5", Snippet("s1", "{namnd} är positiva till strategins angreppssätt.", source=Source("Nacka kommun")))
    set_text(draft, "ekonomiska_konsekvenser", "Inga.")
    set_text(draft, "konsekvenser_for_barn", "Inga.")
    save_draft(draft)
    assert main(["export", "u.yaml", "-o", "u.docx"]) == 0
    texts = [p.text for p in docx.Document(str(workdir / "u.docx")).paragraphs]
    assert "Socialnämndens synpunkter på remissen" in texts and "Socialnämnden är positiva till strategins angreppssätt." in texts
    assert not [t for t in texts if "{" in t]


def test_control_characters_at_export_are_one_warning_not_a_crash(workdir, capsys):
    assert main(["profile", "--name", "Therese\x07 Råckle", "--namnd", "Social\x01nämnden"]) == 0
    assert main(["new", *REMISS, "-o", "u.yaml"]) == 0
    draft = load_draft(workdir / "u.yaml")
    set_text(draft, "ekonomiska_konsekvenser", "Inga\x00 kostnader.\x1f")
    save_draft(draft)
    capsys.readouterr()
    assert main(["export", "u.yaml", "-o", "u.docx", "--ignore-required"]) == 0
    captured = capsys.readouterr()
    assert "Obs: Tecken som inte kan stå i ett Word-dokument (styrtecken) togs bort ur: " in captured.err
    assert "Traceback" not in captured.err and "Exporterat:" in captured.out
    texts = [p.text for p in docx.Document(str(workdir / "u.docx")).paragraphs]
    assert "Inga kostnader." in texts and "Socialnämndens synpunkter på remissen" in texts


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


def test_export_without_o_goes_where_the_app_puts_it(workdir, tmp_path, capsys):
    """Next to the user's own remiss; for the bundled example (inside the program) the Documents folder – made if
    missing ($REMISSDRAFT_DOCUMENTS_DIR, set by conftest) – never the hidden data dir of the draft."""
    from remissdraft.locations import example_remiss

    _profile()
    assert main(["new", *map(str, example_remiss()), "--dnr", "SOCN 2021/132", "-o", "exempel.yaml"]) == 0
    assert main(["export", "exempel.yaml", "--ignore-required"]) == 0
    documents = tmp_path / "Dokument"
    exported = documents / "SOCN-2021-132_Remiss-Strategi-for-framjande-av-psykisk-halsa.docx"
    assert f"Exporterat: {exported}" in capsys.readouterr().out and exported.exists()
    assert not list(workdir.glob("*.docx"))

    own = workdir / "remisser"
    own.mkdir()
    remiss = [shutil.copy(path, own) for path in REMISS]
    assert main(["new", *remiss, "--dnr", "SOCN 2021/133", "-o", "egen.yaml"]) == 0
    assert main(["export", "egen.yaml", "--ignore-required"]) == 0
    assert [p.name for p in own.glob("*.docx")] == ["SOCN-2021-133_Remiss-Strategi-for-framjande-av-psykisk-halsa.docx"]
