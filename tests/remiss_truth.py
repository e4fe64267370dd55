"""Score a read remiss against a true heading list written by hand (tests/data/remiss_truth/*.yaml).

One place for the rule, used by the tests and by benchmarks/realdocs.py: a found heading matches a true one
when the numbers are equal (a trailing dot aside: "1.1." = "1.1") and the titles are equal after casefold and
whitespace collapse, or close (rapidfuzz ratio ≥ 90). Headings are aligned in document order, so each one matches
at most once. A heading marked `optional: true` counts neither way: found, it is left out of found and true alike;
missed, it is not missed. `title_also`, `dnr_also`, `sender_also` list other right answers for a field (the
held-out evaluation's truth files use them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from remissdraft.model import Remiss

TRUTH_DIR = Path(__file__).parent / "data" / "remiss_truth"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@dataclass
class Truth:
    name: str
    path: Path  # the document the truth describes
    title: str
    dnr: str
    sender: str
    deadline: date | None
    headings: list[tuple[str, str, int]]
    optional: set[int] = field(default_factory=set)  # indexes into `headings` that count neither way
    also: dict[str, list[str]] = field(default_factory=dict)  # other right titles, dnr, senders


@dataclass
class Score:
    true: int
    found: int
    matched: int
    levels: int = 0  # matched headings at the true level of the outline (their depth in the section tree)
    fields: dict[str, bool] = field(default_factory=dict)  # title, dnr, sender, deadline: right or wrong
    missed: list[tuple[str, str]] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else float(self.true == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.true if self.true else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_truths(folder: Path = TRUTH_DIR, base: Path = SHARED / "realdocs") -> list[Truth]:
    """Every truth file in `folder` that lists headings; `file:` in each is relative to `base`."""
    truths = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "headings" not in data:
            continue  # an yttrande's or a bundle's truth: no heading list
        deadline = data.get("deadline")
        headings = data["headings"]
        truths.append(
            Truth(
                name=path.stem,
                path=base / data["file"],
                title=data.get("title") or "",
                dnr=str(data.get("dnr") or ""),
                sender=data.get("sender") or "",
                deadline=date.fromisoformat(str(deadline)) if deadline else None,
                headings=[(_number(h["number"]), str(h["title"]), int(h["level"])) for h in headings],
                optional={i for i, h in enumerate(headings) if h.get("optional")},
                also={f: [str(v) for v in data.get(f"{f}_also") or []] for f in ("title", "dnr", "sender")},
            )
        )
    return truths


def held_out_truths(folder: Path) -> list[Truth]:
    """The truth of a held-out folder: `folder/truth/*.yaml` with files relative to `folder`; or, when the folder
    has no truth of its own, the truth files one level up (`folder/../truth`) that name documents inside it."""
    if (folder / "truth").is_dir():
        return load_truths(folder / "truth", folder)
    inside = folder.resolve()
    return [t for t in load_truths(folder.parent / "truth", folder.parent) if inside in t.path.resolve().parents]


def _number(value) -> str:
    return str(value).strip().rstrip(".")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def same_heading(true: tuple[str, str], found: tuple[str, str]) -> bool:
    if true[0] != found[0]:
        return False
    a, b = _norm(true[1]), _norm(found[1])
    return a == b or fuzz.ratio(a, b) >= 90


def score(truth: Truth, remiss: Remiss) -> Score:
    expected = [(number, title) for number, title, _ in truth.headings]
    sections = list(remiss.walk())
    depths = _depths(remiss)
    found = [(_number(section.number), section.title) for section in sections]
    pairs = _align(expected, found)
    taken = {j for _, j in pairs}
    for i in sorted(truth.optional - {i for i, _ in pairs}):  # an optional heading may stand anywhere
        j = next((j for j, f in enumerate(found) if j not in taken and same_heading(expected[i], f)), None)
        if j is not None:
            pairs.append((i, j))
            taken.add(j)
    counted = [(i, j) for i, j in pairs if i not in truth.optional]
    matched_true = {i for i, _ in pairs}
    optional_found = {j for i, j in pairs if i in truth.optional}
    matched_found = {j for _, j in pairs}

    def one_of(field: str, value: str) -> list[str]:
        return [_norm(v) for v in [value, *truth.also.get(field, [])] if v]

    titles = one_of("title", truth.title)
    got_title = _norm(remiss.title)
    fields = {
        "title": any(got_title.startswith(t) or fuzz.ratio(t, got_title) >= 90 for t in titles) if titles else not got_title,
        "dnr": _norm(remiss.dnr) in (one_of("dnr", truth.dnr) or [""]),
        "sender": _norm(remiss.sender) in (one_of("sender", truth.sender) or [""]),
        "deadline": remiss.deadline == truth.deadline,
    }
    return Score(
        true=len(expected) - len(truth.optional),
        found=len(found) - len(optional_found),
        matched=len(counted),
        levels=sum(1 for i, j in counted if depths[j] == truth.headings[i][2]),
        fields=fields,
        missed=[h for i, h in enumerate(expected) if i not in matched_true and i not in truth.optional],
        extra=[h for j, h in enumerate(found) if j not in matched_found],
    )


def _depths(remiss: Remiss) -> list[int]:
    """Each section's depth in the tree the outline shows (1 for a top-level section), in `walk` order."""
    depths: list[int] = []

    def visit(section, depth: int) -> None:
        depths.append(depth)
        for child in section.children:
            visit(child, depth + 1)

    for section in remiss.sections:
        visit(section, 1)
    return depths


def _align(expected: list[tuple[str, str]], found: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """The longest order-preserving matching of true to found headings (an LCS over `same_heading`)."""
    n, m = len(expected), len(found)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if same_heading(expected[i], found[j]):
                best[i][j] = best[i + 1][j + 1] + 1
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if same_heading(expected[i], found[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs
