"""Score a read remiss against a true heading list written by hand (tests/data/remiss_truth/*.yaml).

One place for the rule, used by the tests and by benchmarks/realdocs.py: a found heading matches a true one
when the numbers are equal and the titles are equal after casefold and whitespace collapse, or close
(rapidfuzz ratio ≥ 90). Headings are aligned in document order, so each one matches at most once.
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


@dataclass
class Score:
    true: int
    found: int
    matched: int
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
    """Every truth file in `folder`; `file:` in each is relative to `base`."""
    truths = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        deadline = data.get("deadline")
        truths.append(
            Truth(
                name=path.stem,
                path=base / data["file"],
                title=data.get("title") or "",
                dnr=data.get("dnr") or "",
                sender=data.get("sender") or "",
                deadline=date.fromisoformat(str(deadline)) if deadline else None,
                headings=[(str(h["number"]), str(h["title"]), int(h["level"])) for h in data["headings"]],
            )
        )
    return truths


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def same_heading(true: tuple[str, str], found: tuple[str, str]) -> bool:
    if true[0] != found[0]:
        return False
    a, b = _norm(true[1]), _norm(found[1])
    return a == b or fuzz.ratio(a, b) >= 90


def score(truth: Truth, remiss: Remiss) -> Score:
    expected = [(number, title) for number, title, _ in truth.headings]
    found = [(section.number, section.title) for section in remiss.walk()]
    pairs = _align(expected, found)
    matched_true = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    fields = {
        "title": bool(truth.title) and _norm(remiss.title).startswith(_norm(truth.title))
        or fuzz.ratio(_norm(truth.title), _norm(remiss.title)) >= 90,
        "dnr": _norm(remiss.dnr) == _norm(truth.dnr),
        "sender": _norm(remiss.sender) == _norm(truth.sender),
        "deadline": remiss.deadline == truth.deadline,
    }
    return Score(
        true=len(expected),
        found=len(found),
        matched=len(pairs),
        fields=fields,
        missed=[h for i, h in enumerate(expected) if i not in matched_true],
        extra=[h for j, h in enumerate(found) if j not in matched_found],
    )


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
