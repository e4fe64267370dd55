"""Speed and memory of the ranking on synthetic corpora (benchmarks/synthetic.py) of 1k, 10k and 100k snippets,
written as corpus folders and opened as the app and the command line open them; each figure in a fresh process,
ours and the anchor in turn (A B A B), medians quoted:

* first start, no caches: corpus read, parsed and analysed, index built and stored (seconds, peak RSS);
* loading the index from the cache database, against `bm25s.BM25.load` of a plain bm25s index of the same texts;
* process RSS (VmHWM of a child) with corpus, index and one query;
* warm query latency p50 / p95 at the app's top-k (15) over every section of tests/fixtures/strategi.txt, analysis
  of the section included, against plain bm25s on the same (de-duplicated) texts: `bm25s.tokenize` with Swedish
  stop words and stemmer, `retrieve` of the section's title and text, k=15;
* what the query latency is made of: the weighted BM25 sum alone (`SnippetIndex.scores`) and the postings it adds
  up, against the postings plain bm25s's query adds up (the ranking's query holds the section's parent and children
  and the compounds its words meet, so it adds up more);
* the first query of a new Matcher (what the app waits for before its first suggestions), and the palette's snippet
  search (`Matcher.search`) per keystroke typing "samverkan barn": the first keystroke makes the word index (and
  stores it), or on a later start reads it from the cache database.

Targets (issue 13, at 100k): first start ≤ 5 s; RSS ≤ 150 MiB; query ≤ 1.5× plain bm25s; index load ≤ 100 ms;
the palette ≤ 100 ms per keystroke after the first.

    .venv/bin/python benchmarks/suggest_speed.py [--sizes 1000 10000 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
REMISS = ROOT / "tests" / "fixtures" / "strategi.txt"
TOP = 15  # what the app's suggestion list asks for (tui/session.py)

CHILD = r'''
import json, os, sys, time
from pathlib import Path
kind, folder, remiss_path, top = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])

def hwm():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024

def sections():
    from remissdraft.remiss import read_remiss
    remiss = read_remiss([remiss_path])
    return remiss, list(remiss.walk())

result = {}
if kind in ("first", "warm", "query", "palette"):
    from remissdraft.corpus import load_corpus
    from remissdraft.match import Matcher
    from remissdraft.match.index import TERMS, get_index
    start = time.perf_counter()
    corpus = load_corpus(folder, bundled=False, analysis=TERMS)
    loaded = time.perf_counter()
    index = get_index(corpus.snippets)
    result.update(corpus_s=loaded - start, index_s=time.perf_counter() - loaded, total_s=time.perf_counter() - start,
                  snippets=len(corpus.snippets), terms=len(index.vocab))
    matcher = Matcher(corpus.snippets) if kind in ("query", "palette") else None
    if kind == "query":
        remiss, parts = sections()
        begin = time.perf_counter()
        matcher.suggest(remiss, parts[0], top)
        result["first_query_s"] = time.perf_counter() - begin
        result["rss_one_query"] = hwm()
        latencies = []
        for _ in range(3):
            for section in parts:
                begin = time.perf_counter()
                matcher.suggest(remiss, section, top)
                latencies.append(time.perf_counter() - begin)
        result["latencies"] = latencies
        # What the latency is made of: the query's weighted BM25 sum alone (SnippetIndex.scores) and how many postings
        # it adds up – the query as the ranking makes it (the section with its parent and children, compounds met).
        import numpy as np
        from remissdraft.match.query import remiss_specificity, section_terms, to_index
        analyzer, settings = matcher.settings.index.analyzer(), matcher.settings.query
        specificity = remiss_specificity(remiss, analyzer) if settings.specificity else None
        scoring, postings = [], []
        for section in parts:
            weights = to_index(section_terms(remiss, section, analyzer, settings, specificity), matcher.index, settings)
            ids = np.flatnonzero(weights != 0)
            postings.append(int((matcher.index.indptr[ids + 1] - matcher.index.indptr[ids]).sum()))
            for _ in range(3):
                begin = time.perf_counter()
                matcher.index.scores(weights, ids)
                scoring.append(time.perf_counter() - begin)
        result.update(scoring=scoring, postings=postings)
    if matcher is not None:  # "query": the word index made on the first keystroke; "palette": read from the cache
        typed = "samverkan barn"  # the palette's snippet search, a keystroke at a time from the third letter
        keystrokes = []
        for end in range(3, len(typed) + 1):
            begin = time.perf_counter()
            matcher.search(typed[:end], 8)
            keystrokes.append(time.perf_counter() - begin)
        result["keystrokes"] = keystrokes
elif kind in ("bm25s_build", "bm25s_load", "bm25s_query"):
    import bm25s, Stemmer
    from remissdraft.corpus import load_corpus
    store = Path(os.environ["BENCH_BM25S"])
    if kind == "bm25s_build":
        texts = [snippet.text for snippet in load_corpus(folder, bundled=False).snippets]
        retriever = bm25s.BM25(method="lucene")
        retriever.index(bm25s.tokenize(texts, stopwords="sv", stemmer=Stemmer.Stemmer("swedish"), show_progress=False), show_progress=False)
        retriever.save(str(store))
    else:
        start = time.perf_counter()
        retriever = bm25s.BM25.load(str(store))
        result["load_s"] = time.perf_counter() - start
        if kind == "bm25s_query":
            stemmer = Stemmer.Stemmer("swedish")
            remiss, parts = sections()
            vocab = retriever.vocab_dict
            latencies, postings = [], []
            indptr = retriever.scores["indptr"]
            for section in parts:  # the postings its query adds up (each token once)
                tokens = bm25s.tokenize([f"{section.title}\n{section.text}"], stopwords="sv", stemmer=stemmer, return_ids=False, show_progress=False)[0]
                postings.append(int(sum(indptr[vocab[token] + 1] - indptr[vocab[token]] for token in set(tokens) if token in vocab)))
            result["postings"] = postings
            for _ in range(3):
                for section in parts:
                    begin = time.perf_counter()
                    tokens = bm25s.tokenize([f"{section.title}\n{section.text}"], stopwords="sv", stemmer=stemmer, return_ids=False, show_progress=False)[0]
                    known = [token for token in tokens if token in vocab] or [next(iter(vocab))]
                    retriever.retrieve([known], k=top, show_progress=False)
                    latencies.append(time.perf_counter() - begin)
            result["latencies"] = latencies
result["hwm"] = hwm()
print(json.dumps(result))
'''


def child(kind: str, folder: Path, cache: Path, bm25s_dir: Path) -> dict:
    env = dict(os.environ, REMISSDRAFT_CACHE_DIR=str(cache), BENCH_BM25S=str(bm25s_dir), DISABLE_TQDM="1")
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(folder), str(REMISS), str(TOP)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def measure(size: int, runs: int, work: Path) -> dict:
    from synthetic import write_corpus

    folder, cache, bm25s_dir = work / f"corpus-{size}", work / f"cache-{size}", work / f"bm25s-{size}"
    write_corpus(folder, size)
    child("bm25s_build", folder, work / "cache-plain", bm25s_dir)
    first, warm, ours, theirs, rss, ours_q, theirs_q, scoring = [], [], [], [], [], [], [], []
    postings: list[int] = []
    bm25s_postings: list[int] = []
    first_q, first_key, later_keys, stored_key = [], [], [], []
    info: dict = {}
    for _ in range(runs):  # A B A B
        shutil.rmtree(cache, ignore_errors=True)
        info = child("first", folder, cache, bm25s_dir)
        first.append(info)
        warm.append(child("warm", folder, cache, bm25s_dir))
        ours.append(warm[-1]["index_s"])
        theirs.append(child("bm25s_load", folder, cache, bm25s_dir)["load_s"])
        query = child("query", folder, cache, bm25s_dir)
        rss.append(query["rss_one_query"])
        ours_q += query["latencies"]
        scoring += query["scoring"]
        postings = query["postings"]
        first_q.append(query["first_query_s"])
        first_key.append(query["keystrokes"][0])
        later_keys += query["keystrokes"][1:]
        plain = child("bm25s_query", folder, cache, bm25s_dir)
        theirs_q += plain["latencies"]
        bm25s_postings = plain["postings"]
        stored_key.append(child("palette", folder, cache, bm25s_dir)["keystrokes"][0])  # a later start
    return {
        "size": size, "snippets": info["snippets"], "terms": info["terms"],
        "first_s": statistics.median(r["total_s"] for r in first), "first_hwm": statistics.median(r["hwm"] for r in first),
        "warm_s": statistics.median(r["total_s"] for r in warm), "warm_corpus_s": statistics.median(r["corpus_s"] for r in warm),
        "load_s": statistics.median(ours), "bm25s_load_s": statistics.median(theirs), "rss": statistics.median(rss),
        "p50": statistics.median(ours_q), "p95": percentile(ours_q, 0.95),
        "bm25s_p50": statistics.median(theirs_q), "bm25s_p95": percentile(theirs_q, 0.95),
        "scoring_p50": statistics.median(scoring), "postings": statistics.median(postings),
        "bm25s_postings": statistics.median(bm25s_postings),
        "first_query": statistics.median(first_q), "first_key": statistics.median(first_key),
        "stored_key": statistics.median(stored_key),
        "key_p50": statistics.median(later_keys), "key_max": max(later_keys),
    }


def main() -> None:
    from bytecode import compile_package

    compile_package()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        rows = [measure(size, args.runs, Path(work)) for size in args.sizes]
    print(f"medianer av {args.runs} körningar, varje mått i en egen process, vår och ankarets i tur och ordning")
    print("| snippets (utan dubbletter) | termer | första start (tom cache) | högsta RSS där | varm start | index ur cache | "
          "bm25s.BM25.load | kvot | RSS korpus+index+en fråga | fråga p50 / p95 (top 15) | ren bm25s p50 / p95 | kvot p50 / p95 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} ({r['snippets']:,}) | {r['terms']:,} | {r['first_s']:.2f} s | {r['first_hwm']:.0f} MiB | {r['warm_s'] * 1000:.0f} ms "
              f"| {r['load_s'] * 1000:.0f} ms | {r['bm25s_load_s'] * 1000:.0f} ms | {r['load_s'] / r['bm25s_load_s']:.2f}× | {r['rss']:.0f} MiB "
              f"| {r['p50'] * 1000:.1f} / {r['p95'] * 1000:.1f} ms | {r['bm25s_p50'] * 1000:.1f} / {r['bm25s_p95'] * 1000:.1f} ms "
              f"| {r['p50'] / r['bm25s_p50']:.1f}× / {r['p95'] / r['bm25s_p95']:.1f}× |")
    print()
    print("| snippets | fråga p50 | därav den viktade BM25-summan p50 | ren bm25s p50 | kvot: summan / ren bm25s | postningar per fråga, "
          "median: vår / bm25s (kvot) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} | {r['p50'] * 1000:.1f} ms | {r['scoring_p50'] * 1000:.1f} ms | {r['bm25s_p50'] * 1000:.1f} ms "
              f"| {r['scoring_p50'] / r['bm25s_p50']:.1f}× | {r['postings']:,.0f} / {r['bm25s_postings']:,.0f} "
              f"({r['postings'] / max(r['bm25s_postings'], 1):.1f}×) |")
    print()
    print("| snippets | första frågan (ny Matcher) | paletten: första tangenten, ordindex görs | dito, ordindex ur cachen "
          "(senare start) | följande tangenter median / max |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} | {r['first_query'] * 1000:.0f} ms | {r['first_key'] * 1000:.0f} ms | {r['stored_key'] * 1000:.0f} ms "
              f"| {r['key_p50'] * 1000:.1f} / {r['key_max'] * 1000:.1f} ms |")
    big = max(rows, key=lambda r: r["size"])
    if big["size"] >= 100_000:
        judged = [("första start ≤ 5 s", big["first_s"] <= 5), ("RSS ≤ 150 MiB", big["rss"] <= 150),
                  ("index ur cache ≤ 100 ms", big["load_s"] <= 0.1),
                  ("fråga ≤ 1,5× ren bm25s (p50 och p95)", big["p50"] <= 1.5 * big["bm25s_p50"] and big["p95"] <= 1.5 * big["bm25s_p95"]),
                  ("paletten ≤ 100 ms per tangent efter den första", big["key_max"] <= 0.1)]
        print("mål vid 100k: " + "; ".join(f"{name}: {'uppfyllt' if ok else 'EJ uppfyllt'}" for name, ok in judged))


if __name__ == "__main__":
    main()
