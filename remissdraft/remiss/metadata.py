"""Metadata a remiss states about itself: title, diarienummer, sender, deadline, where to reply."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date

from ..model import RemissFacts
from .clean import FOLD_UNSAFE

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"\b(?P<iso>(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))\b"
    rf"|\b(?P<day>[0-3]?\d)(?::e|:a)?\s+(?P<month>{_MONTH})\s+(?:år\s+)?(?P<year>20\d\d)\b",
    re.IGNORECASE,
)
# A deadline is a date in a sentence about the answer ("svar", "yttrande", "synpunkter", "remisstiden") that
# says by when ("senast", "tillhanda", "sista svarsdag", "remissperiod … till …"). "senaste version
# 2023-07-01" and "miljörapporten ska senast den 31 mars" set no answer date.
_DEADLINE_CUE = re.compile(
    r"\bsenast\b|remisstid|remissperiod|svarstid|tillhanda|\bsista (?:svars)?dag|svarsdatum|\bföre den\b",
    re.IGNORECASE,
)
_ANSWER_WORD = re.compile(r"\b(?:svar\w*|remiss\w*|yttrande\w*|synpunkter\w*|besvara\w*|kommentarer)\b", re.IGNORECASE)
_RANGE_TO = re.compile(r"^\s*(?:till(?: och med)?(?: den)?|–|—|-)\s*$", re.IGNORECASE)
# Diarienummer shapes: "HSN 2020-1753", "SOCN 2021/132", "KS-2023-00417", "PLAN.2024.747", "3.1-4788-2026",
# a länsstyrelse's "457-6939-2024" and "435-1705-21". Never an ISSN or ISBN ("ISSN 1403-8234").
_DNR_TOKEN = (
    r"(?:(?!IS[SB]N\b)[A-ZÅÄÖ]{1,8}[ .-]?\d{4}[-/.:]\d{1,6}(?:[-/.:]\d{1,6})?|\d{1,2}(?:\.\d{1,2})?-\d{2,6}-\d{4}|"
    r"(?<![\d-])\d{3}-\d{3,6}-(?:\d{4}|\d{2})(?![\d-])|(?!IS[SB]N\b)[A-ZÅÄÖ]{1,8}[ .-]?\d{2,6}[-/]\d{2,4})"
)
_DNR_LABEL = r"(?:diarienummer|diarienr\.?|dnr\.?|d\.nr\.?|ärendenummer|ärendenr\.?|beteckning|vår beteckning|vårt dnr)"
_LABELLED_DNR = re.compile(rf"\b{_DNR_LABEL}\s*:?\s*(?P<dnr>{_DNR_TOKEN})", re.IGNORECASE)
_BARE_DNR = re.compile(r"(?<![\w.-])(?P<dnr>(?!IS[SB]N\b)[A-ZÅÄÖ]{1,8}[ .-]\d{4}[-/.]\d{1,6})(?![\w-])")
# Where a dnr stands alone (a line of the cover or the back cover) it may be letters and digits run together:
# "RS240122", "DNKS240478"; or number/year after letters: "KS 279/2025".
_STANDALONE_DNR = re.compile(rf"^(?:{_DNR_TOKEN}|(?!IS[SB]N)[A-ZÅÄÖ]{{2,6}}\d{{5,8}})$")
# A field of a cover or form: "Beslutad av: Kommunfullmäktige, ?? ?? 2026 § KS 279/2025", "Typ av styrdokument: Strategi".
_FIELD = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+){0,3}:(?:\s|$)")
_DNR_WORD = re.compile(rf"(?<![\w/.-])(?P<dnr>{_DNR_TOKEN})(?![\w/-])")
_REPLY_DNR = re.compile(
    rf"\b(?:ange|uppge|märk|märkt|hänvisa till|med angivande av)\b[^.]{{0,40}}?\b{_DNR_LABEL}?\s*:?\s*(?P<dnr>{_DNR_TOKEN})",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])|\n{2,}")
_SEND_VERB = re.compile(r"\b(?:skickas|sänds|lämnas|mejlas|mailas|inkomma|ges in|insändas)\b", re.IGNORECASE)  # of _SEND_CUE
_SEND_CUE = re.compile(r"\b(?:skickas|sänds|lämnas|mejlas|mailas|inkomma|ges in|insändas)\b[^.]{0,30}\btill\b", re.IGNORECASE)
_ORGANISATION = re.compile(
    r"\b(?:Region [A-ZÅÄÖ][a-zåäö]+|Västra Götalandsregionen|[A-ZÅÄÖ][a-zåäö]+ kommun|[A-ZÅÄÖ][a-zåäö]+s [Ss]tads?|Malmö stads?|"
    r"Länsstyrelsen(?: (?:i )?[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?(?: län)?)?|"
    r"(?!Kommun|Region|Lands|Stads)[A-ZÅÄÖ][a-zåäö]*förbundet(?: [A-ZÅÄÖ][a-zåäö]+\b(?! (?:kommun|län)\b))?|"
    r"(?!Kommun|Region|Lands|Stads)[A-ZÅÄÖ][a-zåäö]*(?:myndigheten|verket|kollegiet|inspektionen|departementet|styrelsen))\b"
)
# The counties, as a länsstyrelse's name writes them: "Länsstyrelsen i Hallands län".
_COUNTIES = {
    "Blekinge": "Blekinge", "Dalarna": "Dalarnas", "Gotland": "Gotlands", "Gävleborg": "Gävleborgs",
    "Halland": "Hallands", "Jämtland": "Jämtlands", "Jönköping": "Jönköpings", "Kalmar": "Kalmar",
    "Kronoberg": "Kronobergs", "Norrbotten": "Norrbottens", "Skåne": "Skåne", "Stockholm": "Stockholms",
    "Södermanland": "Södermanlands", "Uppsala": "Uppsala", "Värmland": "Värmlands", "Västerbotten": "Västerbottens",
    "Västernorrland": "Västernorrlands", "Västmanland": "Västmanlands", "Västra Götaland": "Västra Götalands",
    "Örebro": "Örebro", "Östergötland": "Östergötlands",
}
_PLACE_BEFORE = re.compile(r"\b(?:i|inom|utanför|från|till|mot)\s+$")  # "… Lilla Äskhult i Kungsbacka kommun"
# A body named as an example or in a relative clause ("aktörer såsom Trafikverket", "som Trafikverket nyttjat")
# is mentioned, not the one the document is by.
_MENTION_BEFORE = re.compile(r"\b(?:såsom|som|t\.ex\.|exempelvis|bland annat|bl\.a\.)\s+$")
_NOT_TITLE = re.compile(
    rf"^(?:{_DNR_LABEL}\b|remissversion|samrådshandling|granskningshandling|utställningshandling|antagandehandling|"
    r"tjänsteskrivelse|tjänsteutlåtande|remiss\b|remissinstanser|sändlista|till\b|från\b|datum\b|sida\b|bilaga\b|"
    r"innehåll|version\b|utkast\b|beslutad|fastställd|remissutgåva|remisshandling|samrådsversion|"
    r"tillkommer|text kommer|platshållare|\S+ författningssamling$|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)
# The state a cover names the document in: "Remissversion", "Remissutgåva", "Samrådshandling".
_STAGE = re.compile(
    r"^(?:remissversion|remissutgåva|remisshandling|samrådshandling|samrådsversion|granskningshandling|"
    r"utställningshandling|antagandehandling)\b[\s:–-]*",
    re.IGNORECASE,
)
# A regulation's head: "Naturvårdsverkets föreskrifter   NFS 2025:XX", the subject below it ("om miljörapport;").
_REGULATION_HEAD = re.compile(r"^(?P<title>.+? föreskrifter(?: och allmänna råd)?)(?:\s+[A-ZÅÄÖ]{1,10}FS \d{4}:\S+)?$")
_REGULATION_SUBJECT = re.compile(r"^(?:om|för|till) \S.*$")
_TITLE_CONNECTORS = {"i", "och", "för", "av", "till", "med", "på", "om", "samt", "inom", "mot", "från", "vid", "under", "&", "–", "-"}
_PRINTED = re.compile(r"^utkom från trycket(?: den)?\s*", re.IGNORECASE)

# Case-insensitive patterns are slow to run over a long text (a 500-page remiss is two million characters), and
# most texts hold none of their words. Each pattern below needs one of these words (lower case) wherever it
# matches, so a text whose lower-case form contains none of them holds no match and is not scanned.
_NEEDED_WORDS: dict[re.Pattern, tuple[str, ...]] = {
    _DEADLINE_CUE: ("senast", "remisstid", "remissperiod", "svarstid", "tillhanda", "sista ", "svarsdatum", "före den"),
    _SEND_VERB: ("skickas", "sänds", "lämnas", "mejlas", "mailas", "inkomma", "ges in", "insändas"),
    _LABELLED_DNR: ("diarien", "dnr", "d.nr", "ärenden", "beteckning"),
    _REPLY_DNR: ("ange", "uppge", "märk", "hänvisa till", "med angivande av"),
}


@functools.lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """The lower-case form of a text the patterns are run over, made once per text; None when lowering cannot
    stand in for IGNORECASE (İ, ı or ſ in it: clean.FOLD_UNSAFE)."""
    return None if FOLD_UNSAFE.search(text) else text.lower()


def _may_match(pattern: re.Pattern, text: str) -> bool:
    """False when `pattern` cannot match anywhere in `text` (none of its needed words is there)."""
    folded = _lowered(text)
    return folded is None or any(word in folded for word in _NEEDED_WORDS[pattern])


def _matches(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """pattern.finditer(text) for a pattern whose every match starts with one of its needed words: the engine
    is started only where the lower-case text has one (a search from a position still sees the text before it
    for \\b), not at every character. Lowering keeps positions, as İ (the one letter it lengthens) is unsafe."""
    folded = _lowered(text)
    if folded is None:  # İ, ı or ſ in the text: the plain scan
        yield from pattern.finditer(text)
        return
    words = _NEEDED_WORDS[pattern]
    position = 0
    while True:
        starts = [at for at in (folded.find(word, position) for word in words) if at >= 0]
        if not starts:
            return
        match = pattern.search(text, min(starts))
        if match is None:
            return
        yield match
        position = match.end()


def extract(
    preamble: list[str], body: str, furniture: str = "", declared_title: str = "", title_lines: list[str] | None = None,
    back: list[str] | None = None,
) -> RemissFacts:
    """Read metadata from the text before the first heading (`preamble`), the whole text (`body`), the page
    furniture removed from it (running headers often carry the diarienummer) and the lines of the last page
    (`back`: a back cover prints the dnr alone on a line)."""
    front = "\n".join(preamble)
    everything = f"{front}\n{body}"
    reply_dnr = find_reply_dnr(everything)
    dnr = (
        find_dnr(front) or find_dnr(furniture) or find_header_dnr(furniture) or find_field_dnr(preamble)
        or find_standalone_dnr(preamble + (back or [])) or find_body_dnr(everything, exclude=reply_dnr) or reply_dnr
    )
    return RemissFacts(
        title=find_title(preamble, declared_title, title_lines or []),
        dnr=dnr,
        sender=find_sender(front, everything),
        deadline=find_deadline(everything),
        reply_dnr=reply_dnr,
        reply_to=find_reply_to(everything),
    )


def find_title(preamble: list[str], declared: str, title_lines: list[str]) -> str:
    """The document's title: its declared title, its largest line, else the first title-like paragraph."""
    for candidate in [declared, " ".join(title_lines)]:
        candidate = re.sub(r"\s+", " ", candidate or "").strip()
        if _looks_like_title(candidate, min_words=1):
            return candidate
    texts = [paragraph.lstrip("• ").strip() for paragraph in preamble]
    for position, text in enumerate(texts):
        stage = _STAGE.match(text)
        if stage and text[stage.end():].strip():
            # "Remissversion" / "dagvattenstrategi": the cover names the state, then the title (set in lower case)
            rest = text[stage.end():].strip()
            rest = rest[:1].upper() + rest[1:]
            if _looks_like_title(rest, min_words=1 if len(rest) >= 12 else 2):
                return rest
        head = _REGULATION_HEAD.match(text)
        if head:
            # the right-hand column of the head ("Utkom från trycket den …") runs into the subject line
            column = [_PRINTED.sub("", t) for t in texts[position + 1 : position + 5]]
            subject = next((t for t in column if _REGULATION_SUBJECT.match(t)), "")
            if subject:
                return f"{head.group('title')} {subject.rstrip(';,.')}"
        # a title block broken over lines: "… mottagning i" / "Hallands län", "KOLLEKTIVTRAFIKPLAN 2026" / "MED UTBLICK …"
        for following in texts[position + 1 : position + 3]:
            ends_open = text.split()[-1].casefold() in _TITLE_CONNECTORS and following[:1].isupper()
            opens_on = following.split()[0].casefold() in _TITLE_CONNECTORS if following.split() else False
            if not (ends_open or opens_on) or len(following) > 80 or _NOT_TITLE.match(following):
                break
            text = f"{text} {following}"
        # a two-word title stands on its cover when one word is a long compound: "Hallands biblioteksplan"
        two_words = len(text.split()) == 2 and max(len(w) for w in text.split()) >= 12
        if _looks_like_title(text, min_words=2 if two_words else 3):
            return text
    return ""


def _looks_like_title(text: str, min_words: int = 3) -> bool:
    if not text or len(text) > 250 or _NOT_TITLE.match(text) or _EMAIL.search(text) or _FIELD.match(text):
        return False  # a field of the cover ("Typ av styrdokument: Strategi") is never the title
    if re.fullmatch(r".*\.(docx?|pdf|txt)", text, re.IGNORECASE) or text.lower().startswith("microsoft word"):
        return False
    if re.search(r"\b\d+ ?\(\d+\)$", text):
        return False  # a letterhead with its page number ("KUNGSBACKA KOMMUN  SAMMANTRÄDESPROTOKOLL  1 (1)")
    words = text.split()
    if len(words) < min_words or _ORGANISATION.fullmatch(text):
        return False
    if text.endswith(".") and len(words) <= 5:
        return False  # a short sentence on the cover is a note or placeholder ("Tillkommer inför slutversion.")
    return text[0].isupper() and sum(ch.isalpha() for ch in text) >= 0.6 * len(text.replace(" ", ""))


def find_dnr(text: str, exclude: str = "") -> str:
    for pattern in (_LABELLED_DNR, _BARE_DNR):
        if pattern is _LABELLED_DNR and not _may_match(pattern, text):
            continue
        for match in pattern.finditer(text):
            dnr = re.sub(r"\s+", " ", match.group("dnr")).strip(" .")
            if dnr != exclude:
                return dnr
    return ""


def find_header_dnr(furniture: str) -> str:
    """The dnr a running header repeats on every page next to the date ("2025-05-26   511-8192-21"): a dnr-shaped
    token that recurs in the furniture taken out of the pages."""
    counts = Counter(re.sub(r"\s+", " ", m.group("dnr")).strip(" .") for m in _DNR_WORD.finditer(furniture))
    repeated = [(count, dnr) for dnr, count in counts.items() if count >= 2 and not _DATE.fullmatch(dnr)]
    return max(repeated)[1] if repeated else ""


def find_field_dnr(preamble: list[str]) -> str:
    """A dnr in a field of the cover ("Beslutad av: Kommunfullmäktige, … § KS 279/2025")."""
    for paragraph in preamble:
        if _FIELD.match(paragraph):
            match = _DNR_WORD.search(paragraph[paragraph.index(":") :])
            if match:
                return match.group("dnr")
    return ""


def find_standalone_dnr(lines: list[str]) -> str:
    """A line of the cover or back cover that is nothing but a dnr ("RS240122", "DNKS240478")."""
    for line in lines:
        text = line.strip()
        if _STANDALONE_DNR.match(text) and not _DATE.fullmatch(text):
            return text
    return ""


def find_body_dnr(text: str, exclude: str = "") -> str:
    """A dnr in the text: labelled where the label opens its line ("Dnr: …", "Diarienummer …"), or a bare
    "KS-2023-00417". A "dnr." inside a sentence or heading names another case ("… naturreservat, dnr. 511-0027-02")."""
    for match in _LABELLED_DNR.finditer(text) if _may_match(_LABELLED_DNR, text) else ():
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[line_start : match.start()].strip() and not re.search(r"\d{4}-\d\d-\d\d\s*$", text[line_start : match.start()]):
            continue  # the label inside a line of text (a date before it is a header's: "2023-12-13 Diarienummer:")
        dnr = re.sub(r"\s+", " ", match.group("dnr")).strip(" .")
        if dnr != exclude:
            return dnr
    for match in _BARE_DNR.finditer(text):
        dnr = re.sub(r"\s+", " ", match.group("dnr")).strip(" .")
        if dnr != exclude:
            return dnr
    return ""


def find_reply_dnr(text: str) -> str:
    match = _REPLY_DNR.search(text) if _may_match(_REPLY_DNR, text) else None
    return re.sub(r"\s+", " ", match.group("dnr")).strip(" .") if match else ""


def find_sender(front: str, text: str) -> str:
    """The organisation named on the first page, else the one the text names most often; never a place the
    text only locates something in ("i Kungsbacka kommun") or a body it names as an example ("såsom
    Trafikverket"). A länsstyrelse gets its full name."""
    matches = list(_ORGANISATION.finditer(text))
    known = {_county_board(m.group(0)) for m in matches}
    names = []
    for m in matches:
        before = text[max(0, m.start() - 16) : m.start()]
        if not (_PLACE_BEFORE.search(before[-12:]) or _MENTION_BEFORE.search(before)):
            names.append(_county_board(m.group(0)))

    def base(name: str) -> str:  # "Region Stockholms" (genitive) -> "Region Stockholm"
        if name == "Länsstyrelsen":
            boards = Counter(n for n in names if n.startswith("Länsstyrelsen i "))
            return boards.most_common(1)[0][0] if boards else name
        return name[:-1] if name.endswith("s") and name[:-1] in known else name

    # The front is where the text begins (extract passes "front\nbody"): its names are then the text's names that
    # end within it, as no name runs over a line break, and a long front is not scanned twice.
    if text[: len(front) + 1] in (front, f"{front}\n"):
        front_matches = [m for m in matches if m.end() <= len(front)]
    else:
        front_matches = list(_ORGANISATION.finditer(front))
    for match in front_matches:
        before = front[max(0, match.start() - 16) : match.start()]
        if not (_PLACE_BEFORE.search(before[-12:]) or _MENTION_BEFORE.search(before)):
            return base(_county_board(match.group(0)))
    counts = Counter(base(name) for name in names)
    return counts.most_common(1)[0][0] if counts else ""


def _county_board(name: str) -> str:
    """ "Länsstyrelsen Halland", "Länsstyrelsen i Halland", "Länsstyrelsen Hallands" -> "Länsstyrelsen i Hallands
    län"; other names unchanged."""
    if not name.startswith("Länsstyrelsen "):
        return name
    place = re.sub(r"^i |\s+län$", "", name.removeprefix("Länsstyrelsen ")).strip()
    for county, genitive in _COUNTIES.items():
        if place in (county, genitive) or place.startswith(county + " ") or place.startswith(genitive + " "):
            return f"Länsstyrelsen i {genitive} län"
    return "Länsstyrelsen"


def parse_date(text: str) -> date | None:
    match = _DATE.search(text)
    return _to_date(match) if match else None


def _to_date(match: re.Match) -> date | None:
    try:
        if match.group("iso"):
            return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        return date(int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day")))
    except ValueError:
        return None


def find_deadline(text: str) -> date | None:
    """The answer's due date: in a sentence about the answer, the first date after a deadline cue (the end date
    when the cue gives a period: "Remissperiod 2024-03-14 till 2024-05-19"). None rather than a wrong date."""
    for sentence in _sentences_with(text, _DEADLINE_CUE):
        cue = _DEADLINE_CUE.search(sentence)
        if not cue or not _ANSWER_WORD.search(sentence):
            continue
        dates = [m for m in _DATE.finditer(sentence, cue.start()) if _to_date(m)]
        if not dates:
            continue
        first = dates[0]
        if len(dates) > 1 and _RANGE_TO.match(sentence[first.end() : dates[1].start()]):
            return _to_date(dates[1])
        return _to_date(first)
    return None


def find_reply_to(text: str) -> str:
    """Where the answer is to be sent: the e-mail address in a "skickas till …" sentence."""
    for sentence in _sentences_with(text, _SEND_VERB):
        if _SEND_CUE.search(sentence):
            email = _EMAIL.search(sentence)
            if email:
                return email.group(0).rstrip(".")
    return ""


def _sentences_with(text: str, pattern: re.Pattern) -> Iterator[str]:
    """The sentences of `text` (as _SENTENCE_BREAK cuts it) that hold a match of `pattern` (a word or phrase no
    sentence break falls in), in order. Only the text around each match is looked at, so a long text without
    deadline wording costs one scan."""
    done = 0  # the end of the last sentence given
    for match in _matches(pattern, text):
        if match.start() < done:
            continue  # in the sentence just given
        begin = _sentence_start(text, match.start(), done)
        following = _SENTENCE_BREAK.search(text, match.start())
        done = following.start() if following else len(text)
        yield text[begin:done]


def _sentence_start(text: str, at: int, floor: int) -> int:
    """Where the sentence holding position `at` begins: after the last sentence break before it (not before
    `floor`, a sentence end). Looks back in a growing window that never starts inside a run of whitespace."""
    width = 1000
    while True:
        start = max(floor, at - width)
        while start > floor and text[start - 1].isspace():
            start -= 1
        last = None
        for last in _SENTENCE_BREAK.finditer(text, start, at + 1):  # noqa: B007 - the last break is wanted
            pass
        if last is not None and last.end() <= at:
            return last.end()
        if start == floor:
            return floor
        width *= 4
