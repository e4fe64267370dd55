"""Relevance of `suggest`: recall@5 and MRR on judged data, noise, first-draft proposals, per step of the engine.

Two judged sets. **Real** (benchmarks/relevance_real.yaml, benchmarks/realsets.py): pairs of (remiss section,
the position of the real yttrande that answers it) for real remisser, measured in one corpus made of every
yttrande and case paper of ../shared/realdocs imported with the project's importer plus the bundled corpus;
positions are named by excerpts, so they are found whatever the importer's snippet boundaries. Reported:

* recall@5 (capped: judged positions found in the top 5 / min(5, judged), at most 1 — one hit can be several
  judged positions) and MRR of the ranking (weak hits included); "shown" recall@5 counts only hits above the floor;
  "of kept": only the judged positions the importer kept, and sections with one (what the ranking could find);
  "whole remiss": recall@5 of the judged positions on the remiss as a whole among `Matcher.general`;
* noise: the share of sections of a remiss the corpus has nothing on (the LSO handlingsprogram against the
  bundled corpus alone, …) that show any suggestion as a fit;
* the first draft (draft.proposals.propose): precision = proposals that answer the section as the real
  yttrande did (one of the positions judged for that section) / proposals; coverage = sections the real
  yttrande answered that got a proposal / those sections; "proposals (unrelated)": proposals made for the noise
  remisser from the corpus that knows nothing of them (should be 0).

**Seed** (below, as before):

The judged corpus (benchmarks/relevance_data.yaml) holds Nacka's positions on two Region Stockholm remisser
and distractors from the same meeting. Every row adds one step to the row above; each is measured twice:

* recorded – snippets as the corpus stores them (some with the remiss section they answered and topics);
* text only – topics, source title and section stripped, as for positions taken on *other* remisser:
  the text engine alone has to find them. This is the case the product meets most.

recall@5 is capped: hits in the top 5 / min(5, number relevant), so a section with eight relevant
snippets can reach 1. The plain form (hits / number relevant) is printed too.

    .venv/bin/python benchmarks/relevance.py [--data benchmarks/relevance_data.yaml] [--show] [--real-only]
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

import realsets

from remissdraft.draft import load_template, new_draft
from remissdraft.draft.proposals import propose, sections_and_synpunkter
from remissdraft.draft.templates import DEFAULT_TEMPLATE
from remissdraft.errors import UnknownSectionError
from remissdraft.match import Matcher, MatchSettings, find_section
from remissdraft.match.index import IndexSettings
from remissdraft.match.query import QuerySettings
from remissdraft.model import Profile, Remiss, Snippet, Source
from remissdraft.remiss import read_remiss

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
        ranked = _ranked_ids(matcher, remiss, section)
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


def _ranked_ids(matcher: Matcher, remiss: Remiss, section) -> list[str]:
    """Every snippet that shares anything with the section, best first, near-duplicates next to the one they
    fold into (the ranking the floor and the display start from)."""
    ranked = []
    for hit in matcher.suggest(remiss, section, top=len(matcher.snippets), include_weak=True):
        ranked += [hit.snippet.id] + [other.id for other in hit.similar]
    return ranked


def steps() -> list[tuple[str, MatchSettings]]:
    """The engine built up one step at a time; the last row is the product's default."""
    bare_query = QuerySettings(title=1.0, parent=0.0, text=1.0, children=0.0, specificity=False, compounds=False, text_b=0.0)
    bare = MatchSettings(
        index=IndexSettings(stop_words=False, stemming=False), query=bare_query, label_weight=0.0, provenance=False,
        context=0.0, calibrated=False, single_term=1.0, same_series=0.0, own_organisation=0.0, own_namnd=0.0, collapse=0.0,
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
    normalised = replace(specific, query=replace(specific.query, text_b=QuerySettings().text_b))
    rows.append(("+ a long section's words count less (query length normalisation)", normalised))
    specific = normalised
    labelled = replace(specific, label_weight=MatchSettings().label_weight)
    rows.append(("+ topics vs section title (rapidfuzz)", labelled))
    provenance = replace(labelled, provenance=True)
    rows.append(("+ same remiss (dnr, title) / same section (recorded, headings, near-duplicates)", provenance))
    context = replace(provenance, context=MatchSettings().context)
    rows.append(("+ neighbours in the same yttrande (context)", context))
    calibrated = replace(context, calibrated=True, key_share=0.0)
    rows.append(("+ text on a fixed scale (capped idf / the query's best possible score)", calibrated))
    keyed = replace(calibrated, key_share=MatchSettings().key_share)
    rows.append(("+ key terms (weak terms of a long section damped)", keyed))
    sender = replace(keyed, same_series=MatchSettings().same_series)
    rows.append(("+ same sender or dnr series", sender))
    own = replace(sender, own_organisation=MatchSettings().own_organisation, own_namnd=MatchSettings().own_namnd)
    rows.append(("+ the user's own organisation and nämnd", own))
    rows.append(("+ near-duplicates collapse", replace(own, collapse=MatchSettings().collapse)))
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
        ("- query length normalisation", replace(full, query=replace(query, text_b=0.0))),
        ("- topics vs section title", replace(full, label_weight=0.0)),
        ("- provenance", replace(full, provenance=False)),
        ("- context", replace(full, context=0.0)),
        ("- fixed scale (text relative to the best snippet)", replace(full, calibrated=False)),
        ("- key terms", replace(full, key_share=0.0)),
        ("+ one-word rule (one term carrying 80 % of the evidence: half; not kept)", replace(full, single_term=0.5)),
        ("- same sender or dnr series", replace(full, same_series=0.0)),
        ("- own organisation and nämnd", replace(full, own_organisation=0.0, own_namnd=0.0)),
        ("- near-duplicate collapse", replace(full, collapse=0.0)),
        ("- relevance floor (everything shown)", replace(full, floor=0.0)),
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


# --- real documents ---------------------------------------------------------------------------------------


def _matcher(snippets: list[Snippet], settings: MatchSettings, judged: realsets.RealRemiss) -> Matcher:
    return Matcher(snippets, settings, use_disk=False, organisation=judged.organisation, namnd=judged.namnd)


def _section(remiss: Remiss, spec: str):
    try:
        return find_section(remiss, spec)
    except UnknownSectionError:
        return None


def _answers(hit, positions: list[realsets.Position]) -> set[int]:
    """Which judged positions a hit (or a near-duplicate folded into it) is."""
    texts = [hit.snippet.text] + [other.text for other in hit.similar]
    return {number for number, position in enumerate(positions) if any(position.answered_by(t) for t in texts)}


def _capped(found: int, relevant: int) -> float:
    """Capped recall@K: the judged positions found in the top K over min(K, judged), at most 1 (one hit can be
    several judged positions, so more than K may be found)."""
    return min(1.0, found / min(K, relevant))


def evaluate_real(real: realsets.RealSet, settings: MatchSettings, show: bool = False) -> dict:
    """Ranking (recall@5, MRR, shown recall@5), noise and the first draft (precision, coverage) on the real sets."""
    capped, kept_recall, shown, reciprocal, kept_reciprocal, general, missing, lines = [], [], [], [], [], [], [], []
    present = total = 0
    proposed = worthy = covered = answered = 0
    not_found: list[str] = []
    per: dict[str, dict] = {}  # per remiss: recall@5 and reciprocal ranks of its sections, its first draft
    for judged in real.remisser.values():
        matcher = _matcher(real.snippets, settings, judged)
        remiss = judged.remiss
        mine = per[judged.name] = {"recall": [], "rr": [], "proposed": 0, "worthy": 0, "covered": 0, "answered": 0}
        for judgment in judged.judgments:
            section = _section(remiss, judgment.section)
            if section is None:
                not_found.append(f"{judged.name} {judgment.section}")
                continue
            positions = judgment.relevant
            total += len(positions)
            kept = [n for n, p in enumerate(positions) if any(p.answered_by(s.text) for s in matcher.snippets)]
            present += len(kept)
            missing += [f"{judged.name} {judgment.section}: {positions[n]!r}" for n in range(len(positions)) if n not in kept]
            hits = matcher.suggest(remiss, section, top=len(matcher.snippets), include_weak=True)
            found: set[int] = set()
            seen: set[int] = set()
            first = None
            for rank, hit in enumerate(hits, 1):
                which = _answers(hit, positions)
                if which and first is None:
                    first = rank
                if rank <= K:
                    found |= which
                    if not hit.weak:
                        seen |= which
            capped.append(_capped(len(found), len(positions)))
            if kept:
                kept_recall.append(_capped(len(found & set(kept)), len(kept)))
            shown.append(_capped(len(seen), len(positions)))
            reciprocal.append(1 / first if first else 0.0)
            if kept:
                kept_reciprocal.append(reciprocal[-1])
            mine["recall"].append(capped[-1])
            mine["rr"].append(reciprocal[-1])
            if show:
                lines.append(f"  {judged.name} {section.label[:50]}: first fit at {first}, top {K} has {len(found)}/{len(positions)}"
                             f" (shown {len(seen)}), top confidence {hits[0].confidence if hits else 0:.2f}")
        # what a section nothing fits is offered: the positions on the remiss as a whole
        if judged.general:
            hits = matcher.general(remiss, top=K)
            found = set().union(*(_answers(hit, judged.general) for hit in hits)) if hits else set()
            general.append(_capped(len(found), len(judged.general)))
        # the first draft
        draft = new_draft(remiss, load_template(DEFAULT_TEMPLATE), Profile(organisation=judged.organisation, namnd=judged.namnd))
        propose(draft, remiss, matcher)
        judgments = [(s, j) for j in judged.judgments if (s := _section(remiss, j.section)) is not None]
        wanted = [s for spec in judged.answered if (s := _section(remiss, spec)) is not None]
        answered += len(wanted)
        mine["answered"] = len(wanted)
        for section, synpunkt in sections_and_synpunkter(draft, remiss):
            if synpunkt.proposal is None:
                continue
            proposed += 1
            positions = [p for s, j in judgments if s is section for p in j.relevant]
            good = any(p.answered_by(synpunkt.proposal.text) for p in positions)
            worthy += good
            covered += any(section is w for w in wanted)
            mine["proposed"] += 1
            mine["worthy"] += good
            mine["covered"] += any(section is w for w in wanted)
            if show:
                lines.append(f"  proposal {judged.name} {section.label[:40]}: {'ok ' if good else 'BAD'} {synpunkt.proposal.text[:90]}")
    noise = {}
    stray = 0
    for name, corpus in real.noise:
        judged = real.remisser[name]
        matcher = _matcher(real.bundled if corpus == "bundled" else real.snippets, settings, judged)
        sections = list(judged.remiss.walk())
        noisy = [s for s in sections if matcher.suggest(judged.remiss, s, top=1)]
        noise[f"{name}/{corpus}"] = len(noisy) / max(len(sections), 1)
        draft = new_draft(judged.remiss, load_template(DEFAULT_TEMPLATE), Profile(organisation=judged.organisation, namnd=judged.namnd))
        stray += propose(draft, judged.remiss, matcher)  # a first draft from a corpus that knows nothing of the remiss
        if show:
            lines += [f"  noise {name}: {s.label[:50]} <- {matcher.suggest(judged.remiss, s, top=1)[0].snippet.text[:70]}" for s in noisy]
    if show:
        print("\n".join(lines))
    return {
        "recall": statistics.mean(capped) if capped else 0.0,
        "recall_kept": statistics.mean(kept_recall) if kept_recall else 0.0,
        "mrr_kept": statistics.mean(kept_reciprocal) if kept_reciprocal else 0.0,
        "general": statistics.mean(general) if general else 0.0,
        "shown": statistics.mean(shown) if shown else 0.0,
        "mrr": statistics.mean(reciprocal) if reciprocal else 0.0,
        "judged": len(capped),
        "present": (present, total),
        "missing": missing,
        "not_found": not_found,
        "noise": noise,
        "precision": worthy / proposed if proposed else 0.0,
        "coverage": covered / answered if answered else 0.0,
        "proposed": proposed,
        "stray": stray,
        "per_remiss": per,
    }


def _per_remiss_table(result: dict) -> None:
    """The default's numbers remiss by remiss."""
    print("| remiss | judged sections | recall@5 | MRR | proposals | accepted-worthy | answered sections covered |")
    print("|---|---|---|---|---|---|---|")
    for name, mine in result["per_remiss"].items():
        recall = statistics.mean(mine["recall"]) if mine["recall"] else 0.0
        mrr = statistics.mean(mine["rr"]) if mine["rr"] else 0.0
        print(f"| {name} | {len(mine['recall'])} | {recall:.3f} | {mrr:.3f} | {mine['proposed']} | {mine['worthy']} "
              f"| {mine['covered']}/{mine['answered']} |")


def _real_table(real: realsets.RealSet, rows: list[tuple[str, MatchSettings]], first: str) -> None:
    names = [f"{name}/{corpus}" for name, corpus in real.noise]
    print(f"| {first} | recall@5 | MRR | shown recall@5 | recall@5 / MRR of kept | whole remiss | "
          + " | ".join(f"noise {n}" for n in names) + " | proposals | precision | coverage | proposals (unrelated) |")
    print("|---|---|---|---|---|---|" + "---|" * len(names) + "---|---|---|---|")
    for name, settings in rows:
        r = evaluate_real(real, settings)
        noise = " | ".join(f"{r['noise'][n]:.0%}" for n in names)
        print(f"| {name} | {r['recall']:.3f} | {r['mrr']:.3f} | {r['shown']:.3f} | {r['recall_kept']:.3f} / {r['mrr_kept']:.3f} | {r['general']:.2f} "
              f"| {noise} | {r['proposed']} | {r['precision']:.2f} | {r['coverage']:.2f} | {r['stray']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print the rank of every relevant snippet")
    parser.add_argument("--real-only", action="store_true", help="only the real documents")
    args = parser.parse_args()
    if "REMISSDRAFT_CACHE_DIR" not in os.environ:  # reading the bundled corpus caches it: not in the user's cache
        os.environ["REMISSDRAFT_CACHE_DIR"] = tempfile.mkdtemp(prefix="remissdraft-relevance-")
    real = realsets.load()
    if real is None:
        print("../shared/realdocs is not there: the real sets are not measured\n")
    else:
        r = evaluate_real(real, MatchSettings(), show=args.show)
        print(f"real: {len(real.snippets)} snippets ({len(real.imported)} files imported, {len(real.failed)} refused, "
              f"{len(real.bundled)} bundled), {r['judged']} judged sections, k={K}")
        print(f"judged positions the importer kept: {r['present'][0]}/{r['present'][1]}; sections not found: "
              f"{', '.join(r['not_found']) or 'none'}")
        for line in r['missing']:
            print(f"  not in the corpus: {line}")
        print()
        _per_remiss_table(r)
        print()
        _real_table(real, steps(), "step (cumulative)")
        print()
        _real_table(real, ablations(), "default minus one step")
        print()
    if args.real_only:
        return
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
