"""Who answered, when, under which dnr, and on which remiss: read from a memo's layout, never from a body the
text merely mentions.

The answering organisation comes from the sender's address block (letterhead or footer); the nämnd from the
body under the document label, "Yttrande från …", the signature "För …", a tjänsteskrivelse's "Förslag till
beslut i …" (or the body that opens its proposed decision), or the footer; template text ("Nämndens namn",
"[Skriv nämndens namn]") never counts. The dnr and the date come from the header grid, the remitting body's
dnr from "Ert diarienummer" or the number the title cites, the remiss's title from the document's title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Section, Source
from ..remiss.metadata import find_dnr, parse_date
from .memo import _TITLE_START, ORGANISATION, TEMPLATE_TEXT, Layout, is_template_word, letters

# "Svar på Region Hallands remiss av …", "… departementets remiss: Betänkandet …", "Varberg kommuns samrådshandling: …"
_SENDER_PART = re.compile(
    r"^.{0,120}?\b(?:remiss|remissen|samrådshandling|samrådshandlingen|betänkande|remissversion|promemoria|promemorian)\s*(?:[:;]|\b(?:av|över|om|gällande|angående|på)\b)\s*",
    re.IGNORECASE,
)
_STARTER = re.compile(
    r"^(?:yttrande\s+från\s+.+?\s+[-–]\s+gällande|yttrande\s+till\s+.+?\s+gällande|yttrande\s+(?:över|angående|gällande|avseende|på)|"
    r"svar\s+på|remissvar(?:\s+(?:gällande|över|angående|på))?:?|remissyttrande(?:\s+över)?|remiss\s*[-–:]?|"
    r"begäran\s+om\s+yttrande\s*[-–:]?|tjänsteskrivelse\s+(?:över|angående|gällande)|synpunkter\s+(?:på|över))\s*",
    re.IGNORECASE,
)
_REPORT_WORD = re.compile(r"^(?:betänkandet|delbetänkandet|slutbetänkandet|betänkande|promemorian|promemoria)(?:\s+om)?\s+(?=[A-ZÅÄÖ])", re.IGNORECASE)
# What is left of the sender part before the title proper: "utredningen: Stärkt …", "promemorian – Genomförande …".
_LEADING_FRAGMENT = re.compile(r"^[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*)?\s*(?::|;|\s[–-])\s*(?=[A-ZÅÄÖ\d])")
_GENITIVE_COLON = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*(?:\s+[\wåäö-]+){0,3}s:\s+")
_DNR_AT_END = re.compile(
    r"[\s,–-]*\(?(?P<dnr>(?!SOU\b|Ds\b|NFS\b|SFS\b|Prop\b)[A-ZÅÄÖ]{1,8}[ -]?\d{4}[-/]\d{1,6}|\d{1,4}-\d{2,6}-\d{4})\)?\.?\s*$"
)
_FROM = re.compile(r"^yttrande\s+från\s+(?P<body>.+?)\s+[-–]\s+gällande", re.IGNORECASE)
_DECIDES = re.compile(
    r"^(?P<body>(?:[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|utskottet)|Nämnden|Styrelsen)(?: för [A-ZÅÄÖ][\wåäö-]*(?: (?:&|och) [A-ZÅÄÖ]?[\wåäö-]+)?)?)\s+"
    r"(?:antar|lämnar|föreslår|beslutar|avger|godkänner|översänder|yttrar|tillstyrker|avstyrker|ställer)",
)
_DECISION_IN = re.compile(r"^förslag till beslut\s+i\s+(?P<body>.+)$", re.IGNORECASE)
_ANSWERS = re.compile(r"(?:yttrande|remiss|synpunkter|remissvar)", re.IGNORECASE)
_REMISSINSTANS = re.compile(r"([A-ZÅÄÖ][\wåäö]+ kommun|Region [A-ZÅÄÖ]\w+) är (?:en av )?(?:\d+ )?remissinstans")


@dataclass
class Context:
    """What the file around a document says, for the facts the document itself does not give."""

    organisation: str = ""
    namnd: str = ""
    datum: str = ""
    agenda: list[tuple[str, str]] = field(default_factory=list)  # (ärende title, dnr)
    protocols: list[tuple[str, str]] = field(default_factory=list)  # (title, dnr) of each protokoll paragraph in the file


def capitalized(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.")
    return name[:1].upper() + name[1:]


def usable(name: str) -> bool:
    """A name, not a template's placeholder."""
    return bool(name) and not TEMPLATE_TEXT.search(name) and not is_template_word(name)


def organisation(layout: Layout, context: Context, text: str) -> str:
    """The organisation of the document's own address block; else the file's, unless the document never names it
    and names another throughout (a remitting region's tjänsteutlåtande among a kommun's meeting papers)."""
    for name in layout.organisations:
        return name
    answering = _REMISSINSTANS.search(text)
    if answering:
        return answering.group(1)
    names = Counter(_base(match.group(0), text) for match in ORGANISATION.finditer(text) if not match.group(0).endswith("departementet"))
    own = context.organisation
    if own and (letters(own.split()[0]) in letters(text) or not names):
        return own
    common = names.most_common(1)
    return common[0][0] if common and common[0][1] >= 3 else own


def _base(name: str, text: str) -> str:
    """ "Region Stockholms" (genitive) -> "Region Stockholm" when the text also has the bare name."""
    return name[:-1] if name.endswith("s") and re.search(rf"\b{re.escape(name[:-1])}\b(?!s)", text) else name


def namnd(layout: Layout, kind: str, decision: Section | None, opening: str, context: Context) -> str:
    """The nämnd or styrelse that answers."""
    candidates: list[str] = []
    if kind == "tjänsteskrivelse" and decision is not None:
        within = _DECISION_IN.match(decision.title)
        if within:
            candidates.append(within.group("body"))
        for paragraph in decision.paragraphs[:1]:
            decides = _DECIDES.match(paragraph)
            if decides:
                candidates.append(decides.group("body"))
    candidates.append(layout.body_name)
    sender = _FROM.match(layout.title)
    if sender:
        candidates.append(sender.group("body"))
    candidates += [layout.signed_for, *layout.footer_bodies]
    if kind == "tjänsteskrivelse":
        candidates.append(context.namnd)
    candidates.append(opening)
    candidates.append(context.namnd)
    for name in candidates:
        if usable(name) and not re.search(r"förvaltning\b", name, re.IGNORECASE):
            return capitalized(name)
    return next((capitalized(name) for name in candidates if usable(name)), "")


def dnr(value: str) -> str:
    """A printed dnr, cleaned of a repeated prefix ("TE TE-2025-00160"); a merge field left unfilled
    ("«Diarienr»-2025-00315") is no dnr."""
    if TEMPLATE_TEXT.search(value):
        return ""
    value = re.sub(r"\s+", " ", value).strip(" .,")
    found = find_dnr(value)
    return found or value if re.search(r"\d", value) else ""


def remiss_title(title: str) -> str:
    """The remiss's own title in the memo's title: without "Yttrande över X:s remiss:" and the cited dnr."""
    title = _STARTER.sub("", title, count=1).strip()
    sender = _SENDER_PART.match(title)
    if sender and len(title) - sender.end() > 8:
        title = title[sender.end() :]
    title = _GENITIVE_COLON.sub("", title)
    title = _LEADING_FRAGMENT.sub("", title)
    title = _REPORT_WORD.sub("", title)
    title = _DNR_AT_END.sub("", title)
    return title.strip(" .,:–-")


def cited_dnr(title: str) -> str:
    match = _DNR_AT_END.search(title)
    return match.group("dnr") if match else ""


def answers_remiss(layout: Layout, kind: str, decision: Section | None) -> bool:
    """A yttrande always does; a tjänsteskrivelse when its title, subtitle or proposed decision says so."""
    if kind == "yttrande":
        return True
    if _TITLE_START.match(layout.title) or layout.subtitle:
        return True
    proposal = " ".join(decision.paragraphs[:2]) if decision is not None else ""
    return bool(_ANSWERS.search(proposal))


def date(layout: Layout, context: Context) -> str:
    for value in [layout.fields.get("datum", ""), *layout.dates]:
        found = parse_date(value)
        if found:
            return found.isoformat()
    return context.datum


def from_agenda(title: str, context: Context) -> str:
    """The dnr the agenda gives the ärende of this title."""
    from rapidfuzz import fuzz

    wanted = letters(title)
    best = max(context.agenda, key=lambda item: fuzz.ratio(wanted, letters(item[0])), default=None)
    return best[1] if best and wanted and fuzz.ratio(wanted, letters(best[0])) >= 85 else ""


def from_protocol(title: str, context: Context) -> str:
    """The dnr of the protokoll paragraph on the same ärende: in a meeting's papers the decision names the remiss
    as the memo does ("Svar på … remiss av promemorian – Genomförande …" ~ "Yttrande över … remiss: Genomförande …")."""
    from rapidfuzz import fuzz

    wanted = letters(remiss_title(title))
    scored = [(fuzz.ratio(wanted, letters(remiss_title(other))), number) for other, number in context.protocols if number]
    best = max(scored, default=(0, ""))
    return best[1] if wanted and best[0] >= 90 else ""


def source(
    layout: Layout, kind: str, decision: Section | None, opening: str, context: Context, text: str, file: str, furniture: str = ""
) -> Source:
    """`furniture`: the page headers and footers the format keeps apart (a Word document's header has its dnr)."""
    on_remiss = answers_remiss(layout, kind, decision)
    org = organisation(layout, context, text)
    body = namnd(layout, kind, decision, opening, context)
    own = dnr(layout.fields.get("dnr", "")) or from_agenda(layout.title, context) or from_protocol(layout.title, context) or find_dnr(furniture)
    printed = parse_date(furniture)
    if not layout.fields.get("datum") and not layout.dates and printed:
        layout.dates.append(printed.isoformat())
    theirs = dnr(layout.fields.get("ert_dnr", "")) or dnr(layout.cited_dnr) or cited_dnr(layout.title)
    return Source(
        organisation=org,
        namnd="" if letters(body) == letters(org) or ORGANISATION.fullmatch(body) else body,
        dnr=own,
        datum=date(layout, context),
        title=remiss_title(layout.title) if on_remiss else "",
        remiss_dnr=theirs if on_remiss and theirs != own else "",
        file=file,
    )
