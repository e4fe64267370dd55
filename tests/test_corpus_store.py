"""The YAML corpus: validation that names file and line, duplicates once, cache, bundled + user corpus."""

from __future__ import annotations

from pathlib import Path

from remissdraft.cli import main
from remissdraft.corpus import load_corpus, snippet_id
from remissdraft.corpus.store import dump_snippets, load_folder, save_snippets
from remissdraft.model import Snippet, Source

SOURCE = Source(organisation="Nacka kommun", namnd="Socialnämnden", dnr="SOCN 2021/132", datum="2021-04-27")


def _snippet(text: str, stance: str = "positiv") -> Snippet:
    return Snippet(snippet_id(text), text, stance, ["Styrande nivå"], SOURCE)


def test_round_trip(tmp_path: Path):
    snippets = [_snippet("{namnd} välkomnar en utökad samverkan med regionen."), _snippet("Begreppet behöver förtydligas.", "fortydligande")]
    save_snippets(tmp_path / "a.yaml", snippets)
    loaded, problems = load_folder(tmp_path)
    assert problems == []
    assert loaded == snippets


def test_id_is_stable_and_ignores_case_and_spacing():
    assert snippet_id("Nämnden  välkomnar förslaget.") == snippet_id("nämnden välkomnar förslaget")
    assert snippet_id("Nämnden välkomnar förslaget.") != snippet_id("Nämnden avstyrker förslaget.")


def test_broken_file_is_reported_with_file_and_line_and_the_rest_loads(tmp_path: Path):
    save_snippets(tmp_path / "bra.yaml", [_snippet("{namnd} välkomnar en utökad samverkan.")])
    (tmp_path / "trasig.yaml").write_text("schema: 1\nsnippets:\n- id: x\n  text: 'ej avslutad\n  stance: positiv\n", encoding="utf-8")
    snippets, problems = load_folder(tmp_path)
    assert [s.text for s in snippets] == ["{namnd} välkomnar en utökad samverkan."]
    assert len(problems) == 1
    assert "trasig.yaml" in problems[0] and "rad " in problems[0] and "YAML-fel" in problems[0]


def test_missing_field_names_the_line(tmp_path: Path):
    text = dump_snippets([_snippet("{namnd} välkomnar samverkan."), _snippet("{namnd} saknar en analys.", "kritisk")]).decode()
    broken = text.replace("  stance: kritisk\n", "")
    (tmp_path / "saknar.yaml").write_text(broken, encoding="utf-8")
    snippets, problems = load_folder(tmp_path)
    assert len(snippets) == 1
    line = broken.splitlines().index(f"- id: {snippet_id('{namnd} saknar en analys.')}") + 1  # where the snippet starts
    assert problems == [f"{tmp_path / 'saknar.yaml'}: rad {line}: saknar fältet 'stance' – snippeten hoppas över"]


def test_unknown_stance_is_reported(tmp_path: Path):
    text = dump_snippets([_snippet("{namnd} välkomnar samverkan.")]).decode().replace("stance: positiv", "stance: jubel")
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    snippets, problems = load_folder(tmp_path)
    assert snippets == [] and "okänd ställning 'jubel'" in problems[0]


def test_identical_snippets_appear_once(tmp_path: Path):
    save_snippets(tmp_path / "a.yaml", [_snippet("{namnd} välkomnar samverkan.")])
    save_snippets(tmp_path / "b.yaml", [_snippet("{NAMND} välkomnar  samverkan")])
    corpus = load_corpus(tmp_path, bundled=False)
    assert len(corpus.snippets) == 1


def test_cache_is_used_and_follows_content(tmp_path: Path, monkeypatch):
    folder = tmp_path / "korpus"
    save_snippets(folder / "a.yaml", [_snippet("{namnd} välkomnar samverkan.")])
    assert len(load_folder(folder)[0]) == 1
    import remissdraft.corpus.store as store

    calls = []
    original = store._parse_rows
    monkeypatch.setattr(store, "_parse_rows", lambda *args: calls.append(args) or original(*args))
    assert len(load_folder(folder)[0]) == 1 and calls == []  # served from the cache
    save_snippets(folder / "a.yaml", [_snippet("{namnd} välkomnar samverkan."), _snippet("Ny text om barn.")])
    assert len(load_folder(folder)[0]) == 2 and len(calls) == 1  # the changed file is parsed again


def test_bundled_corpus_is_always_read(tmp_path: Path):
    corpus = load_corpus(tmp_path / "tom")
    assert corpus.problems == []
    dnrs = {s.source.dnr for s in corpus.snippets}
    assert {"SOCN 2021/132", "SOCN 2021/133"} <= dnrs
    assert all(s.source.organisation == "Nacka kommun" and s.source.datum for s in corpus.snippets)
    kinds = {s.section_key for s in corpus.snippets if s.kind == "standardtext"}
    assert kinds == {"ekonomiska_konsekvenser", "konsekvenser_for_barn"}
    assert load_corpus(tmp_path / "tom", bundled=False).snippets == []


def test_list_warns_about_broken_files_and_goes_on(tmp_path: Path, capsys):
    (tmp_path / "trasig.yaml").write_text("snippets: [", encoding="utf-8")
    assert main(["corpus", "list", "--corpus", str(tmp_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "trasig.yaml" in captured.err and "Varning:" in captured.err
    assert '"SOCN 2021/132"' in captured.out
