"""Metadata a remiss states about itself: title, diarienummer, sender, deadline, where to reply."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ..model import RemissFacts

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
_DEADLINE_CUE = re.compile(
    r"remisstid|senast|svar(?:et|en)?\b[^.]{0,60}\b(?:tillhanda|inkomma|inkommit|lämnas|skickas|vara)|"
    r"sista dag|svarsdatum|besvaras\b[^.]{0,40}\bsenast|yttrande[^.]{0,60}\b(?:senast|före|tillhanda)",
    re.IGNORECASE,
)
# Diarienummer shapes: "HSN 2020-1753", "SOCN 2021/132", "KS-2023-00417", "PLAN.2024.747", "3.1-4788-2026".
_DNR_TOKEN = r"(?:[A-ZÅÄÖ]{1,8}[ .-]?\d{4}[-/.:]\d{1,6}(?:[-/.:]\d{1,6})?|\d{1,2}(?:\.\d{1,2})?-\d{2,6}-\d{4}|[A-ZÅÄÖ]{1,8}[ .-]?\d{2,6}[-/]\d{2,4})"
_DNR_LABEL = r"(?:diarienummer|diarienr\.?|dnr\.?|d\.nr\.?|ärendenummer|ärendenr\.?|beteckning|vår beteckning|vårt dnr)"
_LABELLED_DNR = re.compile(rf"\b{_DNR_LABEL}\s*:?\s*(?P<dnr>{_DNR_TOKEN})", re.IGNORECASE)
_BARE_DNR = re.compile(rf"(?<![\w.-])(?P<dnr>[A-ZÅÄÖ]{{1,8}}[ .-]\d{{4}}[-/.]\d{{1,6}})(?![\w-])")
_REPLY_DNR = re.compile(
    rf"\b(?:ange|uppge|märk|märkt|hänvisa till|med angivande av)\b[^.]{{0,40}}?\b{_DNR_LABEL}?\s*:?\s*(?P<dnr>{_DNR_TOKEN})",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SEND_CUE = re.compile(r"\b(?:skickas|sänds|lämnas|mejlas|mailas|inkomma|ges in|insändas)\b[^.]{0,30}\btill\b", re.IGNORECASE)
_ORGANISATION = re.compile(
    r"\b(?:Region [A-ZÅÄÖ][a-zåäö]+|Västra Götalandsregionen|[A-ZÅÄÖ][a-zåäö]+ kommun|"
    r"Länsstyrelsen (?:i )?[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?(?: län)?|"
    r"(?!Kommun|Region|Lands|Stads)[A-ZÅÄÖ][a-zåäö]*(?:myndigheten|verket|kollegiet|inspektionen|departementet|styrelsen|förbundet))\b"
)
_NOT_TITLE = re.compile(
    rf"^(?:{_DNR_LABEL}\b|remissversion|samrådshandling|granskningshandling|utställningshandling|antagandehandling|"
    r"tjänsteskrivelse|tjänsteutlåtande|remiss\b|remissinstanser|sändlista|till\b|från\b|datum\b|sida\b|bilaga\b|"
    r"innehåll|version\b|utkast\b|beslutad|fastställd|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)


def extract(
    preamble: list[str], body: str, furniture: str = "", declared_title: str = "", title_lines: list[str] | None = None
) -> RemissFacts:
    """Read metadata from the text before the first heading (`preamble`), the whole text (`body`)
    and the page furniture removed from it (running headers often carry the diarienummer)."""
    front = "\n".join(preamble)
    everything = f"{front}\n{body}"
    reply_dnr = find_reply_dnr(everything)
    return RemissFacts(
        title=find_title(preamble, declared_title, title_lines or []),
        dnr=find_dnr(front) or find_dnr(furniture) or find_dnr(everything, exclude=reply_dnr) or reply_dnr,
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
    for paragraph in preamble:
        text = paragraph.lstrip("• ").strip()
        if _looks_like_title(text):
            return text
    return ""


def _looks_like_title(text: str, min_words: int = 3) -> bool:
    if not text or len(text) > 250 or _NOT_TITLE.match(text) or _EMAIL.search(text):
        return False
    if re.fullmatch(r".*\.(docx?|pdf|txt)", text, re.IGNORECASE) or text.lower().startswith("microsoft word"):
        return False
    words = text.split()
    if len(words) < min_words or _ORGANISATION.fullmatch(text):
        return False
    return text[0].isupper() and sum(ch.isalpha() for ch in text) >= 0.6 * len(text.replace(" ", ""))


def find_dnr(text: str, exclude: str = "") -> str:
    for pattern in (_LABELLED_DNR, _BARE_DNR):
        for match in pattern.finditer(text):
            dnr = re.sub(r"\s+", " ", match.group("dnr")).strip(" .")
            if dnr != exclude:
                return dnr
    return ""


def find_reply_dnr(text: str) -> str:
    match = _REPLY_DNR.search(text)
    return re.sub(r"\s+", " ", match.group("dnr")).strip(" .") if match else ""


def find_sender(front: str, text: str) -> str:
    """The organisation named on the first page, else the one the text names most often."""
    names = [match.group(0) for match in _ORGANISATION.finditer(text)]
    known = set(names)

    def base(name: str) -> str:  # "Region Stockholms" (genitive) -> "Region Stockholm"
        return name[:-1] if name.endswith("s") and name[:-1] in known else name

    first = _ORGANISATION.search(front)
    if first:
        return base(first.group(0))
    counts = Counter(base(name) for name in names)
    return counts.most_common(1)[0][0] if counts else ""


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
    """The answer's due date: the first date after a deadline cue in the same sentence."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n{2,}", text):
        cue = _DEADLINE_CUE.search(sentence)
        if not cue:
            continue
        for match in _DATE.finditer(sentence, cue.start()):
            found = _to_date(match)
            if found:
                return found
    return None


def find_reply_to(text: str) -> str:
    """Where the answer is to be sent: the e-mail address in a "skickas till …" sentence."""
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])|\n{2,}", text):
        if _SEND_CUE.search(sentence):
            email = _EMAIL.search(sentence)
            if email:
                return email.group(0).rstrip(".")
    return ""
