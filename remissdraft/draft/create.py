"""A new draft from a remiss, a template and the user's profile."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..fileio import file_sha256
from ..model import (
    Draft,
    DraftSection,
    Person,
    Profile,
    Remiss,
    RemissFile,
    RemissInfo,
    Section,
    Signature,
    SignatureRole,
    Synpunkt,
    Template,
)
from .placeholders import draft_values, fill, fill_title, long_date

_LETTER = re.compile(r"remissbrev|missiv|följebrev|foljebrev|brev", re.IGNORECASE)
_PURPOSE = re.compile(r"^(syfte|syftet|ändamål|bakgrund och syfte)\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^\d{1,2}\s+\S")
_TRAILING_WORDS = re.compile(r"\s*[-–,]?\s*\b(remissversion|remissutgåva|remiss|förslag)\s*$", re.IGNORECASE)


def new_draft(remiss: Remiss, template: Template, profile: Profile, *, dnr: str = "", datum: date | None = None) -> Draft:
    """Scaffold a draft: standard sections from the template, one synpunkt slot per remiss section."""
    title = clean_title(remiss.title, remiss.sender)
    draft = Draft(
        template=template.id,
        dnr=dnr.strip(),
        datum=(datum or date.today()).isoformat(),
        organisation=profile.organisation or template.organisation,  # the user's own, the template's only as a fallback
        namnd=profile.namnd,
        remiss=RemissInfo(
            title=title,
            dnr=remiss.dnr,
            sender=remiss.sender,
            deadline=remiss.deadline,
            reply_dnr=remiss.reply_dnr,
            reply_to=remiss.reply_to,
            files=[RemissFile(str(Path(p).resolve()), file_sha256(Path(p))) for p in remiss.files],
        ),
        author=profile.person,
        signatures=_signers(template, profile),
    )
    values = draft_values(draft) | scaffold_values(remiss, draft)
    draft.title = _tidy(fill_title(template.title, values))
    draft.subtitle = _tidy(fill(template.subtitle, values))
    for section in template.sections:
        text = section.default
        if section.kind == "handlingar" and not text:
            text = "{handlingar}"
        draft.sections.append(
            DraftSection(
                key=section.key,
                heading=_tidy(fill(section.heading, values)),
                text=_tidy(fill(text, values)),
                kind=section.kind,
                required=section.required,
            )
        )
    draft.synpunkter = synpunkt_slots(remiss)
    return draft


def synpunkt_slots(remiss: Remiss) -> list[Synpunkt]:
    """One empty synpunkt per remiss section, in the remiss's order; unnumbered headings keep their context."""
    slots: list[Synpunkt] = []
    used: set[str] = set()

    def visit(section: Section, parent_number: str) -> None:
        key = section.number or _unique(section.title, used)
        used.add(key)
        slots.append(Synpunkt(key, section.number, section.title, section.level, "" if section.number else parent_number))
        for child in section.children:
            visit(child, section.number or parent_number)

    for section in remiss.sections:
        visit(section, "")
    return slots


def scaffold_values(remiss: Remiss, draft: Draft) -> dict[str, str]:
    """Values only known while scaffolding: {syfte}, {svarsinfo}, {svarsdag_mening}, {remiss_ref}, {handlingar}.
    Each is a whole sentence or block, empty when the remiss does not say."""
    info = draft.remiss
    reply = []
    if info.deadline:
        reply.append(f"senast den {long_date(info.deadline)}")
    if info.reply_to:
        reply.append(f"till {info.reply_to}")
    if info.reply_dnr:
        reply.append(f"med angivande av diarienummer {info.reply_dnr}")
    return {
        "svarsinfo": f"Svaret ska lämnas {' '.join(reply)}." if reply else "",
        "svarsdag_mening": f"Remissen ska besvaras senast den {long_date(info.deadline)}." if info.deadline else "",
        "remiss_ref": f"”{info.title}”" + (f" (dnr {info.dnr})" if info.dnr else "") if info.title else "",
        "syfte": purpose(remiss),
        "handlingar": "\n".join(attachments(remiss, info.title)),
    }


def purpose(remiss: Remiss) -> str:
    """What the remiss says about its purpose: its Syfte section (lead and bullets), else its opening sentences."""
    for section in remiss.walk():
        if _PURPOSE.match(section.title):
            paragraphs = [p for p in section.paragraphs if not _FOOTNOTE.match(p)][:8]
            if paragraphs:
                return f"Syftet beskrivs i remissens avsnitt {section.label}:\n\n" + "\n".join(paragraphs)
    for section in remiss.walk():
        if section.paragraphs:
            sentences = re.split(r"(?<=[.!?])\s+", section.paragraphs[0])
            return f"Remissen inleds: ”{' '.join(sentences[:2]).strip()}”"
    return ""


def attachments(remiss: Remiss, title: str) -> list[str]:
    """The remiss files as "Bilaga 1 …", the remiss itself first."""
    files = [Path(p) for p in remiss.files]
    letters = [p for p in files if _LETTER.search(p.stem)]
    ordered = [p for p in files if p not in letters] + letters
    lines = []
    for number, path in enumerate(ordered, 1):
        if path in letters:
            name = f"Remissbrev från {remiss.sender}" if remiss.sender else "Remissbrev"
        elif number == 1 and title:
            name = f"Remiss ”{title}”"
        else:
            name = re.sub(r"[_\-]+", " ", path.stem).strip().capitalize()
        lines.append(f"Bilaga {number} {name}")
    return lines


def clean_title(title: str, sender: str) -> str:
    """The remiss title without the sender's name in front or "Remissversion" behind, on one line."""
    title = " ".join(title.split())
    if sender and title.casefold().startswith(sender.casefold() + " ") and len(title) > len(sender) + 10:
        title = title[len(sender) :].strip(" :–-")
    stripped = _TRAILING_WORDS.sub("", title)
    return stripped if len(stripped) >= 10 else title


def _signers(template: Template, profile: Profile) -> list[Signature]:
    return [signer(role, profile) for role in template.signatures]


def signer(role: SignatureRole, profile: Profile) -> Signature:
    """Who signs in `role` by the profile: "chef" its chef, "handlaggare" the user; any other role is left to
    be filled in by hand. The template's title stands in for a title the profile lacks."""
    person = profile.chef if role.role == "chef" else profile.person if role.role == "handlaggare" else Person()
    return Signature(person.name, person.title or role.title, person.unit, role=role.role)


def _unique(title: str, used: set[str]) -> str:
    key = " ".join(title.split())
    if len(key) > 60:
        key = key[:60].rsplit(" ", 1)[0].rstrip(",;:")
    key = key or "avsnitt"
    candidate, number = key, 2
    while candidate in used:
        candidate, number = f"{key} ({number})", number + 1
    return candidate


def _tidy(text: str) -> str:
    """Clean what empty values leave behind: doubled spaces, space before punctuation, empty paragraphs."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([.,;:])", r"\1", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def switch_template(draft: Draft, remiss: Remiss, template: Template, profile: Profile) -> Draft:
    """The same draft laid out by another template: its standard sections come from `template`, and everything
    written carries over: the synpunkter, the nämnd's dnr and date, the text of sections the templates share by
    key, and (kept last, so nothing is lost) sections the new template does not have."""
    fresh = new_draft(remiss, template, profile, dnr=draft.dnr, datum=date.fromisoformat(draft.datum) if draft.datum else None)
    fresh.synpunkter = draft.synpunkter
    fresh.path = draft.path
    fresh.author, fresh.signatures = draft.author, draft.signatures
    fresh.namnd = draft.namnd or fresh.namnd
    keys = {section.key for section in fresh.sections}
    for old in draft.sections:
        new = fresh.section(old.key)
        if new is not None and old.text.strip():
            new.text, new.uses = old.text, old.uses
        elif new is None and old.kind == "text" and old.text.strip() and old.key not in keys:
            fresh.sections.append(old)
    return fresh
