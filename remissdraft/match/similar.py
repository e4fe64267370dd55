"""Near-duplicates: the same position written twice, as when the förvaltning's answer and the nämnd's (or the
kommunstyrelsen's) say it in almost the same words ("Nämnden välkomnar …" / "Kommunen välkomnar …")."""

from __future__ import annotations

from rapidfuzz import fuzz

from .normalize import plain


def same_position(a: str, b: str, threshold: float) -> bool:
    """Whether two texts, in their plain form (see `normalize.plain`), are one position: at least `threshold`
    % alike, and neither more than a third longer than the other."""
    if not a or not b or min(len(a), len(b)) < 0.75 * max(len(a), len(b)):
        return False
    return fuzz.ratio(a, b, score_cutoff=threshold) >= threshold  # the cutoff lets rapidfuzz stop early, same answer


def collapse(texts: list[str], threshold: float, limit: int, plain_forms: bool = False) -> list[list[int]]:
    """Group texts (best first) into at most `limit` groups of positions in `texts`: each group starts with
    its best text, followed by the others that are the same position. Texts are compared in plain form
    (`plain_forms`: they are given in it)."""
    forms = texts if plain_forms else [plain(text) for text in texts]
    groups: list[list[int]] = []
    for index, form in enumerate(forms):
        for group in groups:
            if same_position(forms[group[0]], form, threshold):
                group.append(index)
                break
        else:
            if len(groups) < limit:
                groups.append([index])
    return groups
