"""Relevance of `suggest` on judged data from the seed: recall@5 and MRR, per step of the engine.

The judged corpus (benchmarks/relevance_data.yaml) holds Nacka's positions on two Region Stockholm remisser
and distractors from the same meeting. Every row adds one step to the row above; each is measured twice:

* recorded – snippets as the corpus stores them (some with the remiss section they answered and topics);
* text only – topics, source title and section stripped, as for positions taken on *other* remisser:
  the text engine alone has to find them. This is the case the product meets most.

recall@5 is capped: hits in the top 5 / min(5, number relevant), so a section with eight relevant
snippets can reach 1. The plain form (hits / number relevant) is printed too.

    .venv/bin/python benchmarks/relevance.py [--data benchmarks/relevance_data.yaml] [--show]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from remissdraft.match import Matcher, MatchSettings, find_section  # noqa: E402
from remissdraft.match.index import IndexSettings  # noqa: E402
from remissdraft.match.query import QuerySettings  # noqa: E402
from remissdraft.model import Remiss, Snippet, Source  # noqa: E402
from remissdraft.remiss import read_remiss  # noqa: E402

DATA = Path(__file__).with_name("relevance_data.yaml")
SEED = ROOT.parent / "shared" / "seeds" / "000_c8ec6e676693ffa4.txt"
K = 5


@dataclass
class Judged:
    snippets: list[Snippet]
    remisser: dict[str, Remiss]
    judgments: list[dict]  # {"remiss", "section", "relevant"}
    imported: Judged | None = None  # the same yttranden as the corpus importer stored them (corpus/)


def load(path: Path = DATA, imported: bool = True) -> Judged:
    """The judged corpus, the remisser it is judged against and the judgments; with `imported`, also the
    bundled corpus as the importer stored the same yttranden (read through the corpus store and its cache)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    snippets = []
    for entry in data["snippets"]:
        source = {key: str(value) for key, value in (entry.get("source") or {}).items() if key in Source.__dataclass_fields__}
        snippets.append(
            Snippet(
                id=entry["id"],
                text=entry["text"],
                stance=entry["stance"],
                topics=list(entry.get("topics") or []),
                source=Source(**source),
                kind=entry.get("kind", "synpunkt"),
                section_key=entry.get("section_key", ""),
            )
        )
    remisser = {name: _read(spec) for name, spec in data["remisser"].items()}
    judged_imports = _imported(remisser, data.get("imported_judgments") or []) if imported else None
    return Judged(snippets, remisser, data["judgments"], judged_imports)


def _imported(remisser: dict[str, Remiss], judgments: list[dict]) -> Judged | None:
    """The bundled corpus with the judgments' phrases turned into its snippet ids; None without it."""
    try:
        from remissdraft.corpus import load_corpus

        loaded = load_corpus(None, bundled=True)
    except Exception:  # no bundled corpus (yet): nothing to measure
        return None
    snippets = getattr(loaded, "snippets", loaded)
    texts = {snippet.id: " ".join(snippet.text.split()).casefold() for snippet in snippets}
    resolved = []
    for judgment in judgments:
        relevant = [id_ for phrase in judgment["relevant"] for id_, text in texts.items() if phrase.casefold() in text]
        if relevant:
            resolved.append({**judgment, "relevant": list(dict.fromkeys(relevant))})
    return Judged(snippets, remisser, resolved) if resolved else None


def _read(spec: dict) -> Remiss:
    fixture = ROOT / spec["fixture"]
    if fixture.exists():
        return read_remiss([fixture])
    first, last = spec["seed_lines"]  # the fixture not there: cut the remiss out of the seed
    lines = SEED.read_text(encoding="utf-8").splitlines()[first - 1 : last]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "remiss.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return read_remiss([path])


def text_only(snippets: list[Snippet]) -> list[Snippet]:
    """The snippets without topics and without what they answered (title, section, remiss dnr)."""
    stripped = []
    for snippet in snippets:
        snippet = copy.deepcopy(snippet)
        snippet.topics = []
        snippet.source = replace(snippet.source, title="", section="", remiss_dnr="")
        stripped.append(snippet)
    return stripped


def evaluate(judged: Judged, settings: MatchSettings, snippets: list[Snippet] | None = None, show: bool = False) -> dict:
    """Capped recall@5, plain recall@5 and MRR over the judgments, and the rank of every relevant snippet."""
    matcher = Matcher(judged.snippets if snippets is None else snippets, settings, use_disk=False)
    capped, plain, reciprocal, ranks = [], [], [], {}
    for judgment in judged.judgments:
        remiss = judged.remisser[judgment["remiss"]]
        section = find_section(remiss, str(judgment["section"]))
        ranked = [hit.snippet.id for hit in matcher.suggest(remiss, section, top=len(matcher.snippets))]
        relevant = set(judgment["relevant"])
        found = len(relevant & set(ranked[:K]))
        capped.append(found / min(K, len(relevant)))
        plain.append(found / len(relevant))
        first = next((rank for rank, id_ in enumerate(ranked, 1) if id_ in relevant), None)
        reciprocal.append(1 / first if first else 0.0)
        ranks[section.label] = {id_: (ranked.index(id_) + 1 if id_ in ranked else None) for id_ in judgment["relevant"]}
        if show:
            print(f"  {section.label[:60]}: " + ", ".join(f"{i}@{r}" for i, r in ranks[section.label].items()))
    return {
        "recall": statistics.mean(capped),
        "recall_plain": statistics.mean(plain),
        "mrr": statistics.mean(reciprocal),
        "ranks": ranks,
    }


def steps() -> list[tuple[str, MatchSettings]]:
    """The engine built up one step at a time; the last row is the product's default."""
    bare_query = QuerySettings(title=1.0, parent=0.0, text=1.0, children=0.0, specificity=False, compounds=False)
    bare = MatchSettings(
        index=IndexSettings(stop_words=False, stemming=False), query=bare_query, label_weight=0.0, provenance=False,
        context=0.0,
    )
    rows = [("words, BM25 over title + text", bare)]
    rows.append(("+ stop words", replace(bare, index=IndexSettings(stemming=False))))
    stemmed = replace(bare, index=IndexSettings())
    rows.append(("+ Snowball stems", stemmed))
    compounds = replace(stemmed, query=replace(bare_query, compounds=True))
    rows.append(("+ compounds (query meets compound parts)", compounds))
    weighted = replace(compounds, query=replace(compounds.query, title=3.0, parent=1.5, children=0.3))
    rows.append(("+ title x3, parent title x1.5, sub-sections x0.3", weighted))
    specific = replace(weighted, query=replace(weighted.query, specificity=True))
    rows.append(("+ remiss-level term specificity", specific))
    labelled = replace(specific, label_weight=MatchSettings().label_weight)
    rows.append(("+ topics vs section title (rapidfuzz)", labelled))
    provenance = replace(labelled, provenance=True)
    rows.append(("+ same remiss / same section (provenance)", provenance))
    rows.append(("+ neighbours in the same yttrande (context)", replace(provenance, context=MatchSettings().context)))
    return rows


def ablations() -> list[tuple[str, MatchSettings]]:
    """The product's default with one step taken out at a time."""
    full = MatchSettings()
    query = full.query
    return [
        ("default", full),
        ("- stop words", replace(full, index=replace(full.index, stop_words=False))),
        ("- Snowball stems", replace(full, index=replace(full.index, stemming=False))),
        ("- compounds", replace(full, query=replace(query, compounds=False))),
        ("- title/parent/sub-section weights", replace(full, query=replace(query, title=1.0, parent=0.0, children=0.0))),
        ("- remiss-level specificity", replace(full, query=replace(query, specificity=False))),
        ("- topics vs section title", replace(full, label_weight=0.0)),
        ("- provenance", replace(full, provenance=False)),
        ("- context", replace(full, context=0.0)),
    ]


def _table(judged: Judged, stripped: list[Snippet], rows: list[tuple[str, MatchSettings]], first: str) -> None:
    imported = judged.imported
    extra = " recall@5 (imported) | MRR (imported) |" if imported else ""
    print(f"| {first} | recall@5 | MRR | recall@5 (text only) | MRR (text only) | plain recall@5 |{extra}")
    print("|---|---|---|---|---|---|" + ("---|---|" if imported else ""))
    for name, settings in rows:
        recorded = evaluate(judged, settings)
        alone = evaluate(judged, settings, stripped)
        line = (
            f"| {name} | {recorded['recall']:.3f} | {recorded['mrr']:.3f} | {alone['recall']:.3f} | {alone['mrr']:.3f} "
            f"| {recorded['recall_plain']:.3f} |"
        )
        if imported:
            bundled = evaluate(imported, settings)
            line += f" {bundled['recall']:.3f} | {bundled['mrr']:.3f} |"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print the rank of every relevant snippet")
    args = parser.parse_args()
    if "REMISSDRAFT_CACHE_DIR" not in os.environ:  # reading the bundled corpus caches it: not in the user's cache
        os.environ["REMISSDRAFT_CACHE_DIR"] = tempfile.mkdtemp(prefix="remissdraft-relevance-")
    judged = load(args.data)
    stripped = text_only(judged.snippets)
    print(f"{len(judged.snippets)} snippets, {len(judged.judgments)} judged sections, k={K}")
    if judged.imported:
        print(f"imported: {len(judged.imported.snippets)} snippets of the bundled corpus, {len(judged.imported.judgments)} judged sections")
    print()
    _table(judged, stripped, steps(), "step (cumulative)")
    print()
    _table(judged, stripped, ablations(), "default minus one step")
    if args.show:
        settings = MatchSettings()
        print("\nrecorded, default settings:")
        evaluate(judged, settings, show=True)
        print("text only, default settings:")
        evaluate(judged, settings, stripped, show=True)
        if judged.imported:
            print("imported (bundled corpus), default settings:")
            evaluate(judged.imported, settings, show=True)


if __name__ == "__main__":
    main()
