"""The reader's shortcuts give what the plain code gave: each is compared with the plain form it replaced on
many seeded random texts built from the characters and words that matter (case variants, Swedish letters, the
letters case-insensitive matching folds differently from lower(): İ, ı, ſ, and the words the patterns need)."""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter

import pytest

from remissdraft.remiss import clean, metadata
from remissdraft.remiss.lines import Line
from remissdraft.remiss.structure import StructureBuilder, likeness

_PIECES = [
    "senast", "SENAST", "Senast", "ſenast", "remisstid", "Remissperiod", "svarstid", "tillhanda", "sista dag",
    "sista svarsdag", "svarsdatum", "före den", "FÖRE DEN", "skickas", "Sänds", "lämnas", "mejlas", "mailas",
    "inkomma", "ges in", "insändas", "diarienummer", "Dnr", "d.nr", "Ärendenummer", "beteckning", "vårt dnr",
    "ange", "uppge", "Märkt", "hänvisa till", "med angivande av", "KS 2023-0417", "PLAN.2024.747", "2025-03-14",
    "14 mars 2026", "till", "svar", "yttrande", "synpunkter", "info@kommun.se", "Telefon", "Postadress",
    "www.kommun.se", "Box 517", "İ", "ı", "ſ", "K", "å", "Ä", "ö", "a\u0308", "¨", "é", ".", ". ", "\n", "\n\n",
    " ", "  ", "-", "S amverkan", "R ädd", "kommun", "Region Halland", "i", "och",
]


def _texts(seed: int, count: int, pieces: int = 12) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, pieces))) for _ in range(count)]


@pytest.mark.parametrize("pattern", list(metadata._NEEDED_WORDS), ids=lambda p: p.pattern[:30])
def test_a_text_said_to_hold_no_match_holds_none(pattern):
    for text in _texts(1, 3000):
        if pattern.search(text):
            assert metadata._may_match(pattern, text), text


@pytest.mark.parametrize("pattern", [metadata._DEADLINE_CUE, metadata._SEND_VERB], ids=["deadline", "send"])
def test_matches_started_at_the_needed_words_are_finditers_matches(pattern):
    for text in _texts(2, 3000, pieces=20):
        assert [m.span() for m in metadata._matches(pattern, text)] == [m.span() for m in pattern.finditer(text)], text


def test_the_front_scan_shared_with_the_whole_text_finds_the_same_sender():
    rng = random.Random(3)
    names = ["Marks kommun", "i Marks kommun", "Länsstyrelsen Halland", "Trafikverket", "såsom Trafikverket", "Region Halland", "Västra Götalandsregionen", "text", "\n"]
    for _ in range(2000):
        front = " ".join(rng.choice(names) for _ in range(rng.randint(0, 5)))
        body = " ".join(rng.choice(names) for _ in range(rng.randint(0, 5)))
        everything = f"{front}\n{body}"
        plain = list(metadata._ORGANISATION.finditer(front))
        shared = [m for m in metadata._ORGANISATION.finditer(everything) if m.end() <= len(front)]
        assert [(m.span(), m.group(0)) for m in shared] == [(m.span(), m.group(0)) for m in plain]


def test_the_letterhead_shortcut_keeps_every_answer():
    def plain(text: str) -> bool:  # is_letterhead as it was, running the label pattern on every line
        labels = {label.lower() for label in clean._LETTERHEAD_LABELS.findall(text)}
        if not labels and "@" not in text and "www." not in text.lower():
            return False
        contacts = sum(1 for pattern in clean._CONTACT_TOKENS if pattern.search(text))
        starts_with_label = bool(clean._LETTERHEAD_LABELS.match(text))
        if contacts == 1 and len(text.split()) == 1:
            return True
        return len(labels) >= 3 or contacts >= 3 or (starts_with_label and contacts >= 1 and len(text) < 80)

    for text in _texts(4, 4000) + ["Postadress Box 517 Telefon 0300-83 40 00 E-post info@kommun.se", "BESÖK: Storgatan 1, www.kommun.se", "boſ 12"]:
        assert clean.is_letterhead(text) == plain(text), text


def test_normalize_without_a_combining_mark_skips_nfd_and_gives_the_same():
    def plain(text: str) -> str:  # normalize as it was
        if "\\" in text:
            text = clean._MARKDOWN_ESCAPE.sub(r"\1", text)
        if text.isascii():
            return re.sub(r"\s+", " ", text).strip()
        if any(mark in text for mark in clean._SPACING_MARKS):
            text = clean._MARK_BEFORE.sub(lambda m: clean._combine(*[g for g in m.groups() if g][::-1]), text)
            text = clean._MARK_AFTER.sub(lambda m: clean._combine(*[g for g in m.groups() if g]), text)
        text = clean._SPACE_BEFORE_COMBINING.sub("", unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", text)
        text = text.replace("\u00ad", "").replace("\u00a0", " ").replace("\ufb01", "fi").replace("\ufb02", "fl")
        return re.sub(r"\s+", " ", text).strip()

    extra = ["Å", "\u212b", "\u0340", "a \u0301", "ﬁ", "\u00ad", "\u00a0", "\\-", "Ǻ", "ώ", "\u1fee", "ḱ"]
    rng = random.Random(5)
    for text in _texts(5, 3000) + ["".join(rng.choice(extra + _PIECES) for _ in range(8)) for _ in range(3000)]:
        assert clean.normalize(text) == plain(text), repr(text)


def test_the_split_capital_pattern_finds_what_the_look_behind_first_form_found():
    before = re.compile(r"(?<![\w-])([A-ZÅÄÖ]) ([a-zåäö]{2,})\b")
    rng = random.Random(6)
    alphabet = "AÅBx-é_ S amvärd1\n"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert [m.span() for m in clean._SPLIT_CAPITAL.finditer(text)] == [m.span() for m in before.finditer(text)], text


def test_whole_text_word_scans_find_what_the_line_by_line_scans_found():
    lines = [Line(text) for text in _texts(7, 400)]
    by_line: Counter[str] = Counter()
    for line in lines:
        by_line.update(w.casefold() for w in re.findall(r"[A-Za-zÅÄÖåäöÉéÜü]{3,}", line.text))
    assert clean.vocabulary(lines) == by_line
    lower = {w for line in lines for w in re.findall(r"(?<![\w-])[a-zåäö]{3,}\b", line.text)}
    assert StructureBuilder(lines, has_font_cues=False).lower_words == lower


def test_likeness_is_rapidfuzz_ratio():
    """The headings' comparison with table-of-contents entries, worked out without rapidfuzz, gives its figure."""
    from rapidfuzz import fuzz

    rng = random.Random(7)
    letters = "abcåäöÅ 1.-–"
    for _ in range(20000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 90)))
        b = a[: rng.randint(0, len(a))] + "".join(rng.choice(letters) for _ in range(rng.randint(0, 8))) if rng.random() < 0.5 else (
            "".join(rng.choice(letters) for _ in range(rng.randint(0, 90))))
        assert likeness(a, b) == pytest.approx(fuzz.ratio(a, b), abs=1e-9), (a, b)
    assert likeness("", "") == fuzz.ratio("", "") == 100
    assert likeness("3 planförslag", "3 planförslaget") == pytest.approx(fuzz.ratio("3 planförslag", "3 planförslaget"))
