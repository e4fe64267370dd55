"""The layout of a memo or letter in its raw lines: header block, title, address blocks, signatures, page furniture.

Tjänsteskrivelser, yttranden, remissvar and protokoll open with a header block — the document label
(YTTRANDE, TJÄNSTESKRIVELSE …), the body that writes, a grid of labels and values ("Till / Datum",
"Diarienummer / Ert diarienummer" with the values on the lines below), then the title ("Yttrande över …",
"Svar på …"). The sender's address block (a postal code, "Postadress", e-mail, telephone) sits at the foot or
the head of the first page, and signatures close the text. These carry the provenance; `read_layout` takes
them out of the lines, so that what is left is the body alone.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field

from ..remiss.clean import bullet_text
from ..remiss.lines import Line
from ..remiss.metadata import find_dnr, parse_date
from ..remiss.structure import NUMBERED_HEADING, join_lines, starts_lower

# Document labels as printed at the head of a document, and the kind of document each names.
LABELS = {
    "TJÄNSTESKRIVELSE": "tjänsteskrivelse", "TJÄNSTEUTLÅTANDE": "tjänsteskrivelse",
    "YTTRANDE": "yttrande", "REMISSVAR": "yttrande", "REMISSYTTRANDE": "yttrande",
    "SAMMANTRÄDESPROTOKOLL": "protokoll", "PROTOKOLL": "protokoll", "PROTOKOLLSUTDRAG": "protokoll",
    "ORDFÖRANDEBESLUT": "beslut", "DELEGATIONSBESLUT": "beslut",
    "KALLELSE": "kallelse", "FÖREDRAGNINGSLISTA": "kallelse", "KALLELSE/FÖREDRAGNINGSLISTA": "kallelse",
}
_FIELDS = {
    "till": "till", "mottagare": "till", "från": "fran", "datum": "datum", "diarienummer": "dnr", "dnr": "dnr",
    "vår beteckning": "dnr", "ärendenummer": "dnr", "ert diarienummer": "ert_dnr", "ert dnr": "ert_dnr",
    "er beteckning": "ert_dnr", "er referens": "ert_dnr", "kopia": "kopia",
}
_FIELD = re.compile(rf"^(?P<label>{'|'.join(sorted(map(re.escape, _FIELDS), key=len, reverse=True))})\b\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
# How a memo's title names the remiss it answers: "Yttrande över …", "Svar på …", "Remiss – …".
_TITLE_START = re.compile(
    r"^(?:yttrande\s+(?:över|angående|gällande|avseende|på|från)\b|svar\s+på\b|remissvar\b|remissyttrande\b|"
    r"remiss\s*[-–:]|remiss\s+(?=[A-ZÅÄÖ])|begäran\s+om\s+yttrande\b|tjänsteskrivelse\s+(?:över|angående|gällande)\b|"
    r"synpunkter\s+(?:på|över)\b)",
    re.IGNORECASE,
)
_SUBTITLE = re.compile(r"^yttrande\s+till\s+(?P<to>.+)$", re.IGNORECASE)
# The headings a memo's body opens with: the header block and the title end where one of these begins.
MEMO_HEADING = re.compile(
    r"^(?:förslag till beslut|beslut\b|sammanfattande|sammanfattning|ärendet\b|ärendebeskrivning|bakgrund\b|"
    r"beskrivning av ärendet|[\wåäö]+s? (?:inställning|ställningstagande|synpunkter)|inställning\b|upplysning\b|"
    r"beslutsunderlag|beslutsgång)",
    re.IGNORECASE,
)
_CONNECTOR_END = re.compile(
    r"(?:\b(?:och|samt|i|för|av|till|med|på|om|eller|att|som|inom|mellan|vid|mot|från|över|under|kring|genom|en|ett|"
    r"det|den|de|betänkandet|delbetänkandet|remissen|remiss|rapport|rapporten|promemoria|promemorian|utredningen)|[:;–\-(,])$",
    re.IGNORECASE,
)
POSTAL_CODE = re.compile(r"\b\d{3} ?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+")
_ADDRESS_LINE = re.compile(
    r"^(?:post(?:adress)?\b|besök(?:sadress)?\b|telefon\b|tel\.?\s|fax\b|e-post\b|webb\b|hemsida\b|org\.?\s?(?:nr|nummer)\b|"
    r"bankgiro\b|plusgiro\b|sms\b|www\.|\(e-post borttagen\)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"[A-ZÅÄÖ][\wåäö]+,\s+[A-ZÅÄÖ][\wåäö]+(?:gatan|vägen|torget|backen|gränd|platsen|allén)\s+\d+|"
    r"[A-ZÅÄÖ][\wåäö]+(?:gatan|vägen|torget|backen|gränd|platsen|allén)\s+\d+|0\d{1,3}[- ]?\d{2,3}[ \d-]{3,10}$)",
    re.IGNORECASE,
)
# A line opening with a remiss section number and a title: a heading, never the middle of a sentence.
_SECTION_LINE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,4}(?:/\d{1,2}(?:\.\d{1,2}){0,4})*\.?\s+[A-ZÅÄÖ]")
_PAGE_NUMBER = re.compile(r"^(?:sid(?:a)?\s*)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3})$", re.IGNORECASE)
_PAGE_OF = re.compile(r"\b(?P<page>\d{1,3})\s*\(\s*(?P<of>\d{1,3})\s*\)\s*$")
# Text a template leaves where the user should have written: "Nämndens namn", "[Skriv nämndens namn]", a merge
# field never filled ("«Diarienr»", "«AnvEnhet»").
TEMPLATE_TEXT = re.compile(r"\[|\]|^[\"']|nämndens namn|^skriv\b|klicka här|^ange\b|\(ange\b|«|»", re.IGNORECASE)
# A bare word a template prints where the name belongs ("Nämnd" under YTTRANDE): never a name itself.
_TEMPLATE_WORD = re.compile(
    r"(?:nämnd|nämnden|nämndens namn|styrelse|styrelsen|förvaltning|förvaltningen|enhet|enheten|avdelning|namn|organisation)",
    re.IGNORECASE,
)
ORGANISATION = re.compile(
    r"(?:[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ]?[a-zåäö]+)? kommun|Region [A-ZÅÄÖ][a-zåäö]+|[A-ZÅÄÖ][a-zåäö]+regionen|"
    r"Länsstyrelsen (?:i )?[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?(?: län)?|"
    r"Räddningstjänsten [A-ZÅÄÖ][a-zåäö]+|[A-ZÅÄÖ][a-zåäö]*(?:myndigheten|verket|kollegiet|inspektionen|departementet|förbundet))"
)
_DIGITAL_SIGNATURE = re.compile(r"^(?:det här dokumentet är digitalt signerat|transaktionsidentitet\b|expedierat|justerare\b|justerandes\b|med vänlig hälsning|beslutet är godkänt digitalt)", re.IGNORECASE)
_SIGNED_FOR = re.compile(r"^[Ff]ör\s+(?P<body>[A-ZÅÄÖ].{2,60})$")
_JOB_TITLE = re.compile(
    r"(?:chef|direktör|handläggare|utvecklare|controller|inköpare|specialist|ordförande|sekreterare|strateg|"
    r"samordnare|utredare|jurist|planerare|ekonom|ansvarig|sakkunnig|analytiker|registrator|föredragande|nämndsekreterare)\b",
    re.IGNORECASE,
)
_NAME = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
_NAMES_LINE = re.compile(rf"^{_NAME}(?: (?:von |af |de |van )?{_NAME}){{1,2}}(?:\s+{_NAME}(?: (?:von |af |de )?{_NAME}){{1,2}})?(?:,\s*\w+)?$")


@dataclass
class Layout:
    """What a memo's layout says about it, and its body lines without header, title, addresses and signatures."""

    kind: str = ""  # from the label: tjänsteskrivelse, yttrande, protokoll, beslut, kallelse ("" without a label)
    label: str = ""
    body_name: str = ""  # the body named under the label ("Kommunstyrelsen", "Nämnden för Teknik")
    fields: dict[str, str] = field(default_factory=dict)  # till, fran, datum, dnr, ert_dnr as printed
    title: str = ""  # as printed, lines joined
    subtitle: str = ""  # "Yttrande till Region Stockholm"
    cited_dnr: str = ""  # a dnr on its own line under the title: "(KN2026/00741)"
    organisations: list[str] = field(default_factory=list)  # from address blocks, first first
    footer_bodies: list[str] = field(default_factory=list)  # the body a footer names beside the organisation
    signed_for: str = ""  # "För Nämnden för Miljö & Hälsoskydd"
    dates: list[str] = field(default_factory=list)  # dates standing alone in the header block
    lines: list[Line] = field(default_factory=list)  # the body


def cells(text: str) -> list[str]:
    """The cells of a line whose columns the extraction joined with runs of spaces."""
    return [cell.strip() for cell in re.split(r"\s{2,}", text.strip()) if cell.strip()]


def label_of(text: str) -> tuple[str, bool] | None:
    """(label, first page) when a line carries a document label, else None. "2 (2)" beside it: a later page."""
    stripped = text.strip()
    if len(stripped) > 100:
        return None
    if stripped.casefold() in ("kallelse/föredragningslista", "kallelse", "föredragningslista", "tjänsteutlåtande", "tjänsteskrivelse"):
        return stripped.upper(), True
    for token in re.split(r"\s+", stripped):
        if token in LABELS:
            page = _PAGE_OF.search(stripped)
            return token, not page or page.group("page") == "1"
    return None


def is_template_word(text: str) -> bool:
    """ "Nämnd", "Förvaltning": the word a template prints in place of the name."""
    return bool(_TEMPLATE_WORD.fullmatch(text.strip(" :")))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def organisations(lines: list[Line]) -> list[str]:
    """The organisations the address blocks among these lines name, first first."""
    layout = Layout()
    _addresses(lines, layout, set())
    return layout.organisations


def read_layout(lines: list[Line], text_widths: bool) -> Layout:
    """Take header, title, address blocks, signatures and page furniture out of one document's lines.
    `text_widths`: the lines are plain text, so line lengths tell where a paragraph ended."""
    layout = Layout()
    lines = [copy.copy(line) for line in _header_first(lines)]  # the caller's lines stay as they were
    drop: set[int] = set()
    end = _header(lines, layout, drop)
    _addresses(lines, layout, drop)
    _signatures(lines, layout, drop, end)
    _furniture(lines, layout, drop)
    layout.lines = _body(lines, drop, text_widths, _subject(layout))
    return layout


# --- header block and title ----------------------------------------------------------------------------


def _header_first(lines: list[Line]) -> list[Line]:
    """A PDF's lines come in the order they were drawn: put what stands at the head of the first page first."""
    if not lines or lines[0].top is None:
        return lines
    page = lines[0].page
    head = sorted((line for line in lines if line.page == page and line.top is not None and line.top < 0.2), key=lambda line: line.top or 0.0)
    chosen = {id(line) for line in head}
    return head + [line for line in lines if id(line) not in chosen]


def _header(lines: list[Line], layout: Layout, drop: set[int]) -> int:
    """Read the header block and the title; returns the index of the first body line."""
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    pending: list[str] = []
    position = 0
    label_at = next((k for k, i in enumerate(filled[:8]) if (label := label_of(lines[i].text)) and label[1]), 0)
    for i in filled[:label_at]:  # what stands over the label: a date, the nämnd as a running head
        text = lines[i].text.strip()
        if parse_date(text) and re.fullmatch(r"[\d\s-]{8,12}", text):
            layout.dates.append(text)
            drop.add(i)
        elif _looks_like_body(text) and not layout.body_name:
            layout.body_name = text
    for count, i in enumerate(filled[:40]):
        if count < label_at:
            continue
        text = lines[i].text.strip()
        if MEMO_HEADING.match(text) and not _FIELD.match(text):
            return i
        label = label_of(text)
        if _TITLE_START.match(text) and not _SUBTITLE.match(text) and not label:
            return _title(lines, filled, count, layout, drop)
        if label and not layout.label:
            layout.label, layout.kind = label[0], LABELS.get(label[0], "tjänsteskrivelse")
            first_cell = cells(text)[0] if cells(text) else ""
            if first_cell != label[0] and label_of(first_cell) is None and not ORGANISATION.fullmatch(first_cell.capitalize()):
                layout.body_name = layout.body_name or first_cell
            after_label = text.split(label[0], 1)[-1]
            if find_dnr(after_label):
                layout.fields.setdefault("dnr", find_dnr(after_label))
            drop.add(i)
            position = count + 1
            continue
        if is_page_number(text) or POSTAL_CODE.search(text) or _ADDRESS_LINE.match(text):
            continue  # an address block inside the header: read with the others
        if (TEMPLATE_TEXT.search(text) and len(text) <= 100) or is_template_word(text):
            drop.add(i)  # "Klicka här för att ange ev avsändare.", "Nämnd", "«Diarienr»"
            continue
        if _header_line(text, layout, pending):
            drop.add(i)
            position = count + 1
            continue
        if layout.label and not layout.body_name and count == position and _looks_like_body(text):
            layout.body_name = text
            drop.add(i)
            position = count + 1
            continue
        # no title starter: the first other line is the title when a memo heading follows it closely
        nxt = [j for j in filled if j > i][:5]
        if len(text) <= 100 and not text.endswith((".", ":")) and any(MEMO_HEADING.match(lines[j].text.strip()) for j in nxt):
            return _title(lines, filled, count, layout, drop)
        return i
    return filled[0] if filled else 0


def _header_line(text: str, layout: Layout, pending: list[str]) -> bool:
    """A line of the label/value grid ("Till   Datum", "KS-2025-00232", "§ 167   Dnr KS-2024-00231")."""
    parts = cells(text)
    labels = [_FIELD.match(part) for part in parts]
    if parts and all(match and not match.group("value") for match in labels):
        pending += [_FIELDS[match.group("label").casefold()] for match in labels if match]
        return True
    used = False
    for part in parts:
        match = _FIELD.match(part)
        if match and match.group("value"):
            layout.fields.setdefault(_FIELDS[match.group("label").casefold()], match.group("value").strip())
            used = True
        elif re.fullmatch(r"§\s*\d+", part):
            used = True
        elif pending:
            layout.fields.setdefault(pending.pop(0), part)
            used = True
        elif parse_date(part) and re.fullmatch(r"[\d\s-]{8,12}|\d{1,2} \w+ \d{4}", part):
            layout.dates.append(part)
            used = True
    return used


def _looks_like_body(text: str) -> bool:
    """ "Kommunstyrelsen", "Nämnden för Individ & Familjeomsorg", "Kommunstyrelsens arbetsutskott"."""
    return len(text) <= 70 and text[:1].isupper() and not text.endswith((".", ":")) and not is_template_word(text) and bool(
        re.search(r"(?:nämnd|styrelse|utskott|förvaltning|fullmäktige|kontor|råd|beredning)\w*\b", text, re.IGNORECASE)
    )


def _title(lines: list[Line], filled: list[int], count: int, layout: Layout, drop: set[int]) -> int:
    """The title from filled[count] on, over the lines it wraps onto; returns the first line after it."""
    first = filled[count]
    title = lines[first].text.strip()
    drop.add(first)
    last = first
    widths = [len(lines[i].text.strip()) for i in filled]
    width = max(widths) if widths else 80
    rest = filled[count + 1 :]
    for position, i in enumerate(rest[:6]):
        text = lines[i].text.strip()
        if MEMO_HEADING.match(text) or _FIELD.match(text) or label_of(text):
            break
        subtitle = _SUBTITLE.match(text)
        if subtitle:
            layout.subtitle = text
            drop.add(i)
            last = i
            continue
        cited = re.fullmatch(r"\(([^()]{4,30})\)", text)
        if cited and find_dnr(cited.group(1)) and not re.match(r"(?:SOU|Ds|NFS|SFS|prop)\b", cited.group(1), re.IGNORECASE):
            layout.cited_dnr = cited.group(1).strip()
            drop.add(i)
            last = i
            continue
        if layout.subtitle:
            break
        following = rest[position + 1] if position + 1 < len(rest) else None
        heading_next = following is not None and bool(MEMO_HEADING.match(lines[following].text.strip()))
        open_parenthesis = title.count("(") > title.count(")")
        continues = (
            starts_lower(text) or (text[:1].isdigit() and not NUMBERED_HEADING.match(text)) or text.startswith(("(", "- ", "– ")) or open_parenthesis
            or bool(_CONNECTOR_END.search(title))
            or (heading_next and len(text) <= 0.7 * width and not text.endswith((".", "!", "?")))
        )
        if not continues or len(title) > 400:
            break
        title = title + text if re.search(r"[A-ZÅÄÖ]-$", title) and text[:1].isdigit() else join_lines(title, text)  # "KS-" "2025-00153"
        drop.add(i)
        last = i
    layout.title = re.sub(r"\s+", " ", title).strip()
    # The title stays, as one line marked as the title: the reader then takes no heading for it.
    lines[first] = Line(layout.title, page=lines[first].page, size=lines[first].size, bold=lines[first].bold, title_style=True, paragraph=True)
    drop.discard(first)
    after = [i for i in filled if i > last]
    return after[0] if after else len(lines)


# --- address blocks, signatures, furniture ---------------------------------------------------------------


def _addresses(lines: list[Line], layout: Layout, drop: set[int]) -> None:
    """The sender's address blocks: the organisation beside the postal code, and the body a footer names."""
    for i, line in enumerate(lines):
        text = line.text.strip()
        postal = POSTAL_CODE.search(text)
        if not postal:
            continue
        block = [i]
        before = re.sub(r"^(?:post(?:adress)?|adress)\s*:?\s*", "", text[: postal.start()], flags=re.IGNORECASE).strip(" ,")
        names = [before.split(",")[0].strip()] if before else []
        for j in range(i - 1, max(-1, i - 4), -1):
            above = lines[j].text.strip()
            if not above:
                break
            if is_page_number(above):
                block.append(j)
                break  # the page number stands over the footer
            row = cells(above)
            org_cells = [c for c in row if ORGANISATION.fullmatch(c)]
            if not (org_cells or _ADDRESS_LINE.match(above) or TEMPLATE_TEXT.search(above) or (len(row) == 1 and _looks_like_body(above))):
                break
            block.append(j)
            names += org_cells
            for cell in row:
                if cell not in org_cells and not TEMPLATE_TEXT.search(cell) and not _ADDRESS_LINE.match(cell) and _looks_like_body(cell):
                    layout.footer_bodies.append(cell)
        for j in range(i + 1, min(len(lines), i + 9)):
            below = lines[j].text.strip()
            columns = cells(below)  # "0300-834230          Besöksadress": a footer's columns side by side
            address = _ADDRESS_LINE.match(below) or any(_ADDRESS_LINE.match(cell) for cell in columns)
            short = line.page == lines[j].page and len(" ".join(columns)) <= 60 and not below.endswith((".", ":", ";"))
            if not below or not (address or short):
                break
            block.append(j)
        drop.update(block)
        for name in names:
            if name and ORGANISATION.fullmatch(name) and name not in layout.organisations:
                layout.organisations.append(name)
    for i, line in enumerate(lines):
        text = line.text.strip()
        if re.match(r"^postadress\b", text, re.IGNORECASE) or (_ADDRESS_LINE.match(text) and len(cells(text)) <= 2 and not text.endswith(".")):
            drop.add(i)


def _signatures(lines: list[Line], layout: Layout, drop: set[int], start: int) -> None:
    """ "För Nämnden för Miljö & Hälsoskydd" / name / title, and columns of names over their job titles."""
    for i in range(start, len(lines)):
        text = lines[i].text.strip()
        if not text or i in drop:
            continue
        if _DIGITAL_SIGNATURE.match(text):
            drop.add(i)
            continue
        signed = _SIGNED_FOR.match(text)
        body = signed.group("body").strip() if signed else ""
        if signed and len(text.split()) <= 8 and not text.endswith(".") and (_looks_like_body(body) or ORGANISATION.fullmatch(body)):
            layout.signed_for = layout.signed_for or signed.group("body").strip()
            drop.add(i)
            continue
        if not _NAMES_LINE.match(" ".join(cells(text))):
            continue
        following = [j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].text.strip()]
        if not following or not _JOB_TITLE.search(lines[following[0]].text):
            if re.search(r",\s*(?:ordförande|\w+chef)$", text):
                drop.add(i)
            continue
        drop.update([i, following[0]])
        unit = following[1] if len(following) > 1 else None
        if unit is not None and _is_unit(lines[unit].text.strip()):
            drop.add(unit)


def _is_unit(text: str) -> bool:
    return len(text) <= 70 and not text.endswith((".", ":", ";")) and all(word[:1].isupper() for word in text.split() if word[:1].isalpha())


def _furniture(lines: list[Line], layout: Layout, drop: set[int]) -> None:
    """Page numbers, running headers and the closing line that repeat the organisation, and the nämnd's name
    standing alone as a running footer."""
    organisations = {letters(name) for name in layout.organisations}
    names = organisations | {letters(layout.body_name)} - {""}
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if is_page_number(text) or letters(text) in names or ((label := label_of(text)) is not None and not label[1]) or (text.isupper() and len(text) <= 40 and any(letters(text) == name for name in organisations)):
            drop.add(i)


def letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


# --- the body -------------------------------------------------------------------------------------------


def _subject(layout: Layout) -> re.Pattern:
    """A line opening with the answering body as its subject: "Kommunen håller med …", "Kungsbacka kommun delar …"."""
    names = {"kommunen", "nämnden", "styrelsen", "förvaltningen", "vi"}
    names |= {name.casefold() for name in (*layout.organisations, layout.body_name, *layout.footer_bodies) if name}
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})s?\s+[a-zåäö]", re.IGNORECASE)


_SUMMARY = re.compile(r"^(?:sammanfattande inställning|sammanfattning)$", re.IGNORECASE)


def _body(lines: list[Line], drop: set[int], text_widths: bool, subject: re.Pattern | None = None) -> list[Line]:
    """The remaining lines. A page break or blank line inside a sentence is closed; in plain text, a line that
    ends a sentence and leaves room for the next line's first word ends its paragraph, and so does, in a summary,
    a full line ending a sentence when the next one opens with the answering body as subject (each of its
    paragraphs states one position)."""
    kept = [Line("", page=line.page) if i in drop else line for i, line in enumerate(lines)]  # a gap where furniture was
    width = _full_width([line for i, line in enumerate(lines) if i not in drop])
    body: list[Line] = []
    previous: Line | None = None
    in_item = False  # inside a list item: its lines run on to the next item or blank line
    summary = False  # under "Sammanfattande inställning"
    for line in kept:
        text = line.text.strip()
        if not text:
            body.append(line)
            in_item = False
            continue
        in_item = bullet_text(text) is not None or in_item
        if _SUMMARY.match(text) or MEMO_HEADING.match(text) or _SECTION_LINE.match(text):
            summary = bool(_SUMMARY.match(text))
        if previous is not None and text_widths and width:
            before = previous.text.strip()
            gap = bool(body) and not body[-1].text.strip()
            mid_sentence = not before.endswith((".", "!", "?", ":", ";")) and not _SECTION_LINE.match(before) and not _SECTION_LINE.match(text)
            if gap and not previous.title_style and len(before) >= 0.8 * width and mid_sentence and not text.startswith(("•", "-", "–")):
                while body and not body[-1].text.strip():
                    body.pop()  # a page break or a stray blank line in mid-sentence
            elif not gap and not in_item and before.endswith((".", "!", "?")) and (text[:1].isupper() or text[:1].isdigit()):
                if len(before) + 1 + len(text.split()[0]) <= width or (summary and subject is not None and subject.match(text)):
                    line.gap_before = True
        body.append(line)
        previous = line
    return body



def _full_width(lines: list[Line]) -> int:
    """The length a line reaches before its next word no longer fits: a low tenth of what wrapped lines plus their
    next line's first word add up to (type is proportional, so a full line's length varies)."""
    totals = []
    for line, following in itertools.pairwise(lines):
        text, nxt = line.text.strip(), following.text.strip()
        if len(text) >= 40 and nxt and "  " not in text and not text.endswith((".", ":", "!", "?", ";")) and starts_lower(nxt):
            totals.append(len(text) + 1 + len(nxt.split()[0]))
    totals.sort()
    return totals[len(totals) // 10] if len(totals) >= 5 else 0
