"""Clean extracted text: Unicode repair, page furniture, split letters."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .lines import Line

# Spacing diacritics that PDF extraction leaves beside their letter, and their combining forms.
_SPACING_MARKS = {"\u00a8": "\u0308", "\u02da": "\u030a", "\u00b4": "\u0301", "\u02dd": "\u030b"}
# The letters each mark sits on in Swedish text, so "a¨ldre" is read as "äldre", not "al̈dre".
_MARK_BEFORE = re.compile(r"(\u00a8)\s?([aouAOU])|(\u02da)\s?([aA])|(\u00b4)\s?([eE])")
_MARK_AFTER = re.compile(r"([aouAOU])\s?(\u00a8)|([aA])\s?(\u02da)|([eE])\s?(\u00b4)")
_SPACE_BEFORE_COMBINING = re.compile(r"(?<=[A-Za-z])\s+(?=[\u0300-\u036f])")
_BULLETS = "●•▪■◦○◆►➢✓·\uf0b7\uf0a7\uf0d8\uf076\uf0fc"
_BULLET_START = re.compile(rf"^\s*(?:[{_BULLETS}]|[-–—*](?=\s))\s*")

_PAGE_NUMBER = re.compile(
    r"^(?:sida\s+\d+(?:\s*(?:av|\(|/)\s*\d+\)?)?|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*\(\s*\d+\s*\)|"
    r"\d+\s*/\s*\d+|[-–]\s*\d+\s*[-–]|\d{1,4})$",
    re.IGNORECASE,
)
_PAGE_MARKER = re.compile(r"^(?:sida\s+\d+\s+av\s+\d+|\d+\s*\(\s*\d+\s*\)|page\s+\d+\s+of\s+\d+)$", re.IGNORECASE)
_LETTERHEAD_LABELS = re.compile(
    r"\b(postadress|besöksadress|besoksadress|telefon|växel|e-post|epost|webb|webbplats|org\.?\s?nr|"
    r"org\.?nummer|organisationsnummer|bankgiro|plusgiro|fax|sms|post|besök|box)\b",
    re.IGNORECASE,
)
# Each label holds one of these (lower case): a line whose lower-case form has none holds no label.
_LETTERHEAD_WORDS = ("post", "besök", "besok", "telefon", "växel", "webb", "org", "bankgiro", "plusgiro", "fax", "sms", "box")
# The characters re.IGNORECASE matches to a letter a-z, å, ä, ö, é that str.lower() does not turn into it: İ, ı, ſ.
FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f]")
_CONTACT_TOKENS = [
    re.compile(r"[\w.-]+@[\w-]+\.[\w.]+"),  # e-mail
    re.compile(r"\b0\d{1,3}[- ]\d{2,3}[ \d]{3,9}\b"),  # phone
    re.compile(r"\b\d{6}-\d{4}\b"),  # organisation number
    re.compile(r"\b\d{3} ?\d{2} [A-ZÅÄÖ][a-zåäö]+"),  # postcode and town
    re.compile(r"\bwww\.[\w.-]+", re.IGNORECASE),
]
# Words after which a hyphen ends a suspended compound: "hälso- och sjukvård", "kultur- och föreningsliv".
SUSPENDED_COMPOUND = {"och", "eller", "samt", "respektive", "resp.", "som", "till", "men", "&"}
_HYPHEN_MARK = re.compile(r"\ufffe(\S*)")
_EDGE_LINES = 4  # lines at the top and bottom of a page where running headers and footers live
_SINGLE_LETTER_WORDS = set("IÅÖOA")
# Markdown escapes a PDF-to-Markdown conversion leaves in the text: "1\. INLEDNING", "\- punkt".
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
# A heading number split by extraction: "4 .2.1 Brand i bostad", "7 .4.1"; or typed with a colon: "4:10. Äskhult".
_SPLIT_NUMBER = re.compile(r"^(\d{1,2}) \.(?=\d)")
_COLON_NUMBER = re.compile(r"^(\d{1,2}):(\d{1,2})\.? (?=[A-ZÅÄÖ])")
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+")
_LONG_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]{3,}")
# A letter standing alone that is no Swedish one-letter word (i, å, ö, o, a): a piece of a split word.
_STRAY_LETTER = re.compile(r"(?<![A-Za-zÅÄÖåäöÉéÜü])[B-HJ-NP-Zb-hj-np-zÄäÉéÜü](?![A-Za-zÅÄÖåäöÉéÜü])")
_SPLIT_WORD = re.compile(r"(?<![\w-])([A-ZÅÄÖa-zåäö][a-zåäö]+) ([a-zåäö]+)\b")
# A capital split from its word: "S amverkan". The letter is matched first and the look-behind put after it
# ("not preceded by a word character or hyphen"), which finds the same matches and lets the engine skip to the
# capitals of a line instead of trying every position.
_SPLIT_CAPITAL = re.compile(r"([A-ZÅÄÖ])(?<![\w-].) ([a-zåäö]{2,})\b")
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_DIGITS = re.compile(r"\d+")
_VOCABULARY_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]{3,}")
_ANY_SPACING_MARK = re.compile("[" + "".join(_SPACING_MARKS) + "]")
_LETTERHEAD_WORD = re.compile("|".join(_LETTERHEAD_WORDS))


def normalize(text: str) -> str:
    """NFC, diacritics rejoined to their letter, private-use bullets mapped, Markdown escapes undone,
    whitespace collapsed."""
    if "\\" in text:
        text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    if text.isascii():
        return _SPACES.sub(" ", text).strip()
    if _ANY_SPACING_MARK.search(text):
        text = _MARK_BEFORE.sub(lambda m: _combine(*[g for g in m.groups() if g][::-1]), text)
        text = _MARK_AFTER.sub(lambda m: _combine(*[g for g in m.groups() if g]), text)
    if _COMBINING.search(text):
        text = _SPACE_BEFORE_COMBINING.sub("", unicodedata.normalize("NFD", text))
    # Without a combining mark in the text, its NFD form has none after a space either (no character decomposes
    # into one that starts with a mark outside that block), so NFC of the NFD form is NFC of the text.
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00ad", "").replace("\u00a0", " ").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return _SPACES.sub(" ", text).strip()


def undo_hyphen_marks(text: str) -> str:
    """PDFium joins a word hyphenated at a line end and marks the join with U+FFFE: drop the mark, or
    keep a real hyphen and a space where the hyphen ended a suspended compound ("hälso\ufffeoch")."""
    return _HYPHEN_MARK.sub(lambda m: f"- {m.group(1)}" if m.group(1) in SUSPENDED_COMPOUND else m.group(1), text)


def _combine(letter: str, mark: str) -> str:
    return letter + _SPACING_MARKS[mark]


def bullet_text(text: str) -> str | None:
    """The item text when a line starts with a bullet, else None."""
    match = _BULLET_START.match(text)
    if match and text[match.end():].strip():
        return text[match.end():].strip()
    return None


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def is_letterhead(text: str) -> bool:
    """An address/contact line of a letterhead or footer."""
    lowered = text.lower()
    maybe = _LETTERHEAD_WORD.search(lowered) is not None or FOLD_UNSAFE.search(text) is not None
    labels = {label.lower() for label in _LETTERHEAD_LABELS.findall(text)} if maybe else set()
    if not labels and "@" not in text and "www." not in lowered:
        return False
    contacts = sum(1 for pattern in _CONTACT_TOKENS if pattern.search(text))
    starts_with_label = bool(_LETTERHEAD_LABELS.match(text))
    if contacts == 1 and len(text.split()) == 1:
        return True  # a line that is nothing but an e-mail or web address
    return len(labels) >= 3 or contacts >= 3 or (starts_with_label and contacts >= 1 and len(text) < 80)


def split_virtual_pages(lines: list[Line]) -> list[list[Line]]:
    """Split a page at the page markers inside it ("Sida 3 av 9", "9 (14)"): text extracted without
    form feeds, or several pages of an original that a later document holds as one."""
    pages: list[list[Line]] = [[]]
    for line in lines:
        pages[-1].append(line)
        if _PAGE_MARKER.match(line.text.strip()):
            pages.append([])
    return pages


def remove_furniture(pages: list[list[Line]]) -> list[Line]:
    """Drop page numbers, letterheads and running headers/footers; return the remaining lines in order."""
    pages = [part for page in pages for part in split_virtual_pages(page)]
    repeated = _repeated_edge_lines(pages)
    kept: list[Line] = []
    width = _typical_width(pages)
    for page in pages:
        edges = _edge_indexes(page)
        for index, line in enumerate(page):
            text = line.text.strip()
            if not text:
                kept.append(line)
                continue
            if _PAGE_MARKER.match(text) or (index in edges and is_page_number(text)):
                continue
            if index in edges and _shape(text) in repeated:
                continue
            if is_letterhead(text):
                continue
            if _inserted_in_sentence(page, index, width):
                continue
            kept.append(line)
    return kept


def _typical_width(pages: list[list[Line]]) -> float:
    lengths = sorted(len(line.text) for page in pages for line in page if line.text.strip() and not line.paragraph)
    return lengths[len(lengths) // 2] if lengths else 0.0


def _inserted_in_sentence(page: list[Line], index: int, width: float) -> bool:
    """A short capitalised line between two full lines of one sentence: a running header that the
    extraction dropped into the text flow ("…livsmiljö, inom" / "Socialnämnden" / "utbildningsmiljöer, …")."""
    line = page[index]
    text = line.text.strip()
    if line.paragraph or not width or len(text) > 30 or len(text.split()) > 3 or not text[:1].isupper():
        return False
    before = next((page[i].text.strip() for i in range(index - 1, -1, -1) if page[i].text.strip()), "")
    after = next((page[i].text.strip() for i in range(index + 1, len(page)) if page[i].text.strip()), "")
    return (
        len(before) > 0.6 * width and len(after) > 0.6 * width
        and not before.endswith(tuple(".!?:;")) and after[:1].isalpha() and after[:1].islower()
    )


def _edge_indexes(page: list[Line]) -> set[int]:
    filled = [i for i, line in enumerate(page) if line.text.strip()]
    edges = set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])
    # With positions known, an edge line must also sit in the page's top or bottom eighth.
    return {i for i in edges if (top := page[i].top) is None or top < 0.125 or top > 0.875}


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).strip()


_HEADER_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:# ?\(#\)|sida # av #|# av #|#/#)$")


def _repeated_edge_lines(pages: list[list[Line]]) -> set[str]:
    """Shapes of lines that recur at page edges: running headers and footers."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_shape(page[i].text) for i in _edge_indexes(page)})
    # A file that holds several documents repeats each one's header only over its own pages; a header that
    # carries a page number ("LÄNSSTYRELSEN  Förslag till beslut  3 (15)") is furniture wherever it recurs.
    needed = 2 if len(pages) <= 5 else max(3, len(pages) // 8)
    numbered = _HEADER_PAGE_NUMBER
    return {
        shape for shape, count in counts.items()
        if len(shape) <= 120 and (count >= needed or (count >= 3 and numbered.search(shape)))
    }


def fix_split_letters(text: str, vocabulary: Counter[str] | set[str], common: set[str] | None = None) -> str:
    """Rejoin what extraction split: a capital from its word ("S amverkan" -> "Samverkan"), a word in two
    ("Rädd ningstjänst", "Bilago r") and a heading number ("4 .2.1" -> "4.2.1"). `common` (the words the
    vocabulary counts twice or more, see common_words) makes the check for a rare piece cheaper on long texts."""
    if text[:1].isdigit():
        text = _COLON_NUMBER.sub(r"\1.\2 ", _SPLIT_NUMBER.sub(r"\1.", text))
    rare = _has_rare_piece(text, vocabulary) if common is None else _has_rare_piece_among(text, common)
    if rare:
        text = _SPLIT_WORD.sub(lambda m: _join_split_word(m, vocabulary), text)

    def join(match: re.Match) -> str:
        letter, rest = match.group(1), match.group(2)
        joined = (letter + rest).casefold()
        if joined in vocabulary or (letter not in _SINGLE_LETTER_WORDS and rest.casefold() not in vocabulary):
            return letter + rest
        return match.group(0)

    return _SPLIT_CAPITAL.sub(join, text)


def _join_split_word(match: re.Match, vocabulary: Counter[str] | set[str]) -> str:
    """Two pieces that only make a word together: the joined form is a word of the document, and one piece
    occurs nowhere else (a piece seen once is only this occurrence)."""
    left, right = match.group(1), match.group(2)
    if len(left) + len(right) < 6:  # the pieces are letters casefolding to one letter each
        return match.group(0)
    joined = (left + right).casefold()
    if joined in vocabulary and (_count(vocabulary, left.casefold()) < 2 or _count(vocabulary, right) < 2):
        return left + right
    return match.group(0)


def _has_rare_piece(text: str, vocabulary: Counter[str] | set[str]) -> bool:
    """A word split in two leaves a piece that occurs nowhere else: a rare word, or a stray letter."""
    for word in _WORD.findall(text):
        if len(word) == 1 and word not in _SINGLE_LETTER_WORDS and word.upper() not in _SINGLE_LETTER_WORDS:
            return True
        if len(word) >= 3 and _count(vocabulary, word.casefold()) < 2:
            return True
    return False


def _has_rare_piece_among(text: str, common: set[str]) -> bool:
    """_has_rare_piece with the words seen twice or more given: two scans of the line instead of a loop over it."""
    return bool(_STRAY_LETTER.search(text)) or not common.issuperset(map(str.casefold, _LONG_WORD.findall(text)))


def common_words(vocabulary: Counter[str]) -> set[str]:
    """The words a document's vocabulary counts twice or more."""
    return {word for word, count in vocabulary.items() if count >= 2}


def _count(vocabulary: Counter[str] | set[str], word: str) -> int:
    return vocabulary[word] if isinstance(vocabulary, Counter) else int(word in vocabulary)


def vocabulary(lines: list[Line]) -> Counter[str]:
    """How often each word of three letters or more occurs in the document (casefolded)."""
    # one scan of the whole text: a word never runs over the line breaks put between the lines
    return Counter(map(str.casefold, _VOCABULARY_WORD.findall("\n".join(line.text for line in lines))))
