"""An organisation's own Word file (.docx or .dotx) as the export's base: read it safely, and map its styles onto
the built-in ones the export writes with, also when their names are localised ("Rubrik 1" is Heading 1)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..errors import ExportError
from .letterhead import has_content
from .oxml import set_outline_level
from .styles import ROLES, Role

_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MAX_UNPACKED = 64 * 1024 * 1024  # a letterhead template is a few hundred kB; anything this big is not one
_MAX_RATIO = 200  # uncompressed / compressed, per part: a zip bomb, not a document
_STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:basedOn", "w:next", "w:link", "w:numStyleLink", "w:styleLink")


@dataclass
class StyleReport:
    """What became of the reference's styles: {"Heading 1": "Rubrik 1"}, and the built-in styles it lacked."""

    mapped: dict[str, str] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)  # duplicates folded into the style that plays the same part


def open_reference(path: Path):
    """The reference as a python-docx Document; a file that is not a readable Word document or template is one
    Swedish line (ExportError)."""
    path = Path(path)
    where = f"Referensdokumentet {path.name}"
    if path.suffix.lower() in (".docm", ".dotm"):
        raise ExportError(f"{where} innehåller makron – spara det som .docx eller .dotx i Word")
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise ExportError(f"{where} ska vara ett Word-dokument (.docx) eller en Word-mall (.dotx)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExportError(f"{where} kunde inte läsas ({_os_reason(error)})") from None
    document = Document(io.BytesIO(_checked_package(data, where)))
    _relate_core_properties(document)
    return document


def _relate_core_properties(document) -> None:
    """LibreOffice relates docProps/core.xml by a misspelt type ("officedocument"); python-docx would not find it and
    write a second core.xml into the package. Relate it by the standard type."""
    package = document.part.package
    if any(rel.reltype == RT.CORE_PROPERTIES for rel in package.rels.values()):
        return
    for rId, rel in list(package.rels.items()):
        if not rel.is_external and rel.target_part.content_type == CT.OPC_CORE_PROPERTIES:
            part = rel.target_part
            del package.rels[rId]
            package.relate_to(part, RT.CORE_PROPERTIES)


def _checked_package(data: bytes, where: str) -> bytes:
    """The package's bytes, after checking every part is within bounds and every XML part is well formed; a Word
    template (.dotx) is given the content type of a document, which is all that tells them apart."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        total = sum(member.file_size for member in members)
        if total > _MAX_UNPACKED or any(m.file_size > _MAX_RATIO * max(m.compress_size, 1024) for m in members):
            raise ExportError(f"{where} är orimligt stort uppackat – är det verkligen en Word-mall?")
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise ExportError(f"{where} är inte ett Word-dokument (delarna word/document.xml och [Content_Types].xml saknas)")
        parts = {member.filename: archive.read(member) for member in members}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, OSError):
        raise ExportError(f"{where} är skadat eller inte ett Word-dokument (filen är ingen läsbar zip-fil)") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for name, content in parts.items():
        if not name.endswith((".xml", ".rels")):
            continue
        try:
            etree.fromstring(content, parser)
        except etree.XMLSyntaxError as error:
            line = f", rad {error.lineno}" if getattr(error, "lineno", None) else ""
            raise ExportError(f"{where} är skadat: delen {name} är inte giltig XML{line}") from None
    types = parts["[Content_Types].xml"]
    if _TEMPLATE_TYPE.encode() in types:
        parts["[Content_Types].xml"] = types.replace(_TEMPLATE_TYPE.encode(), _DOCUMENT_TYPE.encode())
    elif _DOCUMENT_TYPE.encode() not in types:
        raise ExportError(f"{where} är inte ett Word-dokument eller en Word-mall")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for member in members:
            out.writestr(member.filename, parts[member.filename])
    return buffer.getvalue()


def _os_reason(error: OSError) -> str:
    reasons = {2: "filen finns inte", 13: "behörighet saknas", 21: "det är en mapp"}
    return reasons.get(error.errno or 0, "filen gick inte att öppna")


# --- styles ------------------------------------------------------------------------------------------------


def adopt_styles(document) -> StyleReport:
    """Give the reference's style for each built-in part (Normal, Title, Heading 1 …) Word's own id and name, so that
    Word, LibreOffice and python-docx all know it as that built-in style, keeping its look. A style is recognised by
    id, by name in English or Swedish, and a heading by its outline level; where two styles play the same part the
    one the reference uses (else the localised one) is kept and the other folded into it, so that each id is
    defined once. Run before the reference's body is cleared, which tells which styles it uses."""
    report = StyleReport()
    styles = document.styles.element
    used = _used_style_ids(document)
    claimed: list = []  # the elements themselves: lxml keeps one proxy per element only while it is referenced

    def free(style) -> bool:
        return not any(style is other for other in claimed)

    for role in ROLES:
        candidates = [s for s in _styles(styles) if free(s) and _type(s) == role.kind and _matches(s, role)]
        if not candidates and role.outline is not None:
            candidates = [s for s in _styles(styles) if free(s) and _type(s) == "paragraph"
                          and _outline(s) == role.outline and _style_id(s) not in {r.style_id for r in ROLES}]
            candidates = candidates[:1]
        if not candidates:
            continue
        winner = max(candidates, key=lambda s: (_style_id(s) in used, not _is_canonical(s, role)))
        for loser in candidates:
            if loser is not winner:
                report.merged.append(_name(loser) or _style_id(loser))
                _fold(document, loser, winner)
        original = _name(winner) or _style_id(winner)
        _canonicalise(document, winner, role)
        claimed.append(winner)
        if _key(original) != _key(role.name):
            report.mapped[role.ui_name] = original
    _default_paragraph_style(styles)
    return report


def _default_paragraph_style(styles_element) -> None:
    """A paragraph without a style of its own takes the default paragraph style; LibreOffice marks none (it names
    Normal on every paragraph instead), and then Normal is made the default."""
    paragraph_styles = [s for s in _styles(styles_element) if _type(s) == "paragraph"]
    if any(s.get(qn("w:default")) in ("1", "true", "on") for s in paragraph_styles):
        return
    normal = styles_element.get_by_id("Normal")
    if normal is not None:
        normal.set(qn("w:default"), "1")


def _styles(styles_element) -> list:
    return list(styles_element.iterchildren(qn("w:style")))


def _type(style) -> str:
    return style.get(qn("w:type")) or "paragraph"


def _style_id(style) -> str:
    return style.get(qn("w:styleId")) or ""


def _name(style) -> str:
    element = style.find(qn("w:name"))
    return element.get(qn("w:val")) if element is not None else ""


def _key(text: str) -> str:
    """Names compared as Word does: case, spaces and soft hyphens do not count."""
    return "".join(text.replace("\u00ad", "").casefold().split())


def _matches(style, role: Role) -> bool:
    keys = {_key(role.name), _key(role.style_id), *(_key(alias) for alias in role.aliases)}
    return _key(_name(style)) in keys or _key(_style_id(style)) in keys


def _is_canonical(style, role: Role) -> bool:
    return _key(_name(style)) == _key(role.name) and _style_id(style) == role.style_id


def _outline(style) -> int | None:
    level = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    try:
        return int(level.get(qn("w:val"))) if level is not None else None
    except (TypeError, ValueError):
        return None


def _xml_parts(document) -> list:
    """Every XML part of the package that may name a style."""
    return [part for part in document.part.package.iter_parts() if hasattr(part, "_element")]


def _used_style_ids(document) -> set[str]:
    used: set[str] = set()
    for part in _xml_parts(document):
        if part._element.tag == qn("w:styles"):
            continue
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            used.update(element.get(qn("w:val")) for element in part._element.iter(qn(tag)))
    return used


def _rename_references(document, old: str, new: str) -> None:
    for part in _xml_parts(document):
        for tag in _STYLE_REFERENCES:
            for element in part._element.iter(qn(tag)):
                if element.get(qn("w:val")) == old:
                    element.set(qn("w:val"), new)


def _fold(document, loser, winner) -> None:
    """Everything that used `loser` uses `winner`; a winner based on the loser first takes over its properties."""
    loser_id = _style_id(loser)
    based = winner.find(qn("w:basedOn"))
    if based is not None and based.get(qn("w:val")) == loser_id:
        _inherit(winner, loser)
    loser.getparent().remove(loser)
    _rename_references(document, loser_id, _style_id(winner))
    for tag in ("w:basedOn", "w:next", "w:link"):  # nothing may point at itself
        element = winner.find(qn(tag))
        if element is not None and element.get(qn("w:val")) == _style_id(winner):
            winner.remove(element)


def _inherit(style, base) -> None:
    """Copy into `style` the paragraph and run properties it inherited from `base`, then base it on base's base."""
    for tag in ("w:pPr", "w:rPr"):
        inherited = base.find(qn(tag))
        if inherited is None:
            continue
        own = style.find(qn(tag))
        if own is None:
            own = etree.SubElement(style, qn(tag))
        present = {child.tag for child in own}
        for child in inherited:
            if child.tag not in present:
                own.append(etree.fromstring(etree.tostring(child)))
        _order_children(own, _PPR_ORDER if tag == "w:pPr" else _RPR_ORDER)
    based, grand = style.find(qn("w:basedOn")), base.find(qn("w:basedOn"))
    if grand is not None:
        based.set(qn("w:val"), grand.get(qn("w:val")))
    else:
        style.remove(based)
    _order_children(style)


def _canonicalise(document, style, role: Role) -> None:
    """Word's id and built-in name on the style, every reference following; a heading gets its outline level."""
    old = _style_id(style)
    if old != role.style_id:
        clash = document.styles.element.get_by_id(role.style_id)
        if clash is not None and clash is not style:  # an unrelated style holding the id (another type) moves aside
            _set_id(document, clash, _free_id(document, f"{role.style_id}Egen"))
        _set_id(document, style, role.style_id)
    name = style.find(qn("w:name"))
    if name is None:
        name = etree.SubElement(style, qn("w:name"))
    name.set(qn("w:val"), role.name)
    if role.outline is not None:
        set_outline_level(style, role.outline)
    _order_children(style)


def _set_id(document, style, new: str) -> None:
    old = _style_id(style)
    style.set(qn("w:styleId"), new)
    _rename_references(document, old, new)


def _free_id(document, base: str) -> str:
    candidate, number = base, 2
    while document.styles.element.get_by_id(candidate) is not None:
        candidate, number = f"{base}{number}", number + 1
    return candidate


_STYLE_ORDER = ("w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
                "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
                "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
              "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
              "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")

_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
              "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
              "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
              "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
              "w:specVanish", "w:oMath")


def _order_children(element, order: tuple[str, ...] = _STYLE_ORDER) -> None:
    """Children in the schema's order (Word refuses a file whose elements are out of order); unknown ones last."""
    rank = {qn(tag): index for index, tag in enumerate(order)}
    children = list(element)
    children.sort(key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        element.append(child)


# --- the reference's own content ----------------------------------------------------------------------------


def clear_body(document) -> None:
    """The reference's example text goes; its last section (page size, margins, header and footer) stays, and so do
    its comments only in so far as they were about that text: none."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for rel in document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            comments = rel.target_part.element
            for comment in list(comments):
                comments.remove(comment)


@dataclass
class ReferenceSummary:
    """What a reference document brings: its styles as mapped, and whether it has a header and footer of its own."""

    styles: StyleReport
    header: bool
    footer: bool


def inspect_reference(path: Path) -> ReferenceSummary:
    """Read a reference as the export would, and say what it brings (ExportError when it cannot be used)."""
    document = open_reference(path)
    report = adopt_styles(document)
    section = document.sections[0]
    headers = [section.header] + ([section.first_page_header] if section.different_first_page_header_footer else [])
    footers = [section.footer] + ([section.first_page_footer] if section.different_first_page_header_footer else [])
    return ReferenceSummary(report, any(map(has_content, headers)), any(map(has_content, footers)))
