"""The parts of the .docx around the text: settings for Word of today in Sweden, honest document statistics, and
none of the leftovers of python-docx's default template (a blank thumbnail, an empty bibliography, stale styles)."""

from __future__ import annotations

import secrets
from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .. import __version__

_WORD_URI = "http://schemas.microsoft.com/office/word"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_BIBLIOGRAPHY = "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}Sources"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
# w:settings children in the schema's order, up to the last one written here.
_SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
    "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
    "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
    "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength",
    "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting",
    "w:bookFoldPrinting", "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData", "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne",
    "w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr",
    "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
    "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator",
)


def tidy_settings(settings) -> None:
    """Word 2013 and later without compatibility mode, spelling checked (no stale "clean" proof state), no preview
    picture saved, Swedish number punctuation (decimal comma, semicolon between list items), a document id of its
    own rather than the default template's."""
    element = settings.element
    for tag in ("w:proofState", "w:savePreviewPicture"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    compat = element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        _insert(element, compat)
    mode = next((c for c in compat.findall(qn("w:compatSetting")) if c.get(qn("w:name")) == "compatibilityMode"), None)
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), "compatibilityMode")
        mode.set(qn("w:uri"), _WORD_URI)
        compat.append(mode)
    mode.set(qn("w:val"), "15")
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        child = element.find(qn(tag))
        if child is None:
            child = OxmlElement(tag)
            _insert(element, child)
        child.set(qn("w:val"), value)
    doc_id = element.find(f"{_W14}docId")
    if doc_id is not None:
        doc_id.set(f"{_W14}val", f"{secrets.randbits(31):08X}")


def _insert(parent, child) -> None:
    """Insert a settings element where the schema puts it: after the last sibling that must come before it."""
    order = {qn(tag): index for index, tag in enumerate(_SETTINGS_ORDER)}
    rank = order[child.tag]
    position = 0
    for index, sibling in enumerate(parent):
        if order.get(sibling.tag, len(order)) < rank:
            position = index + 1
    parent.insert(position, child)


def drop_leftovers(document) -> None:
    """Parts of python-docx's default template (or of a reference) that describe some other document: the preview
    thumbnail, an empty bibliography, and stylesWithEffects (Word 2010's copy of styles.xml, never updated)."""
    package = document.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]
    for rId, rel in list(document.part.rels.items()):
        if rel.is_external:
            continue
        if rel.reltype == _STYLES_WITH_EFFECTS or (rel.reltype == RT.CUSTOM_XML and _empty_bibliography(rel.target_part)):
            del document.part.rels[rId]


def _text(paragraph) -> str:
    """A paragraph's text as Word counts it: tabs and line breaks separate words."""
    return "".join(node.text or "" if node.tag == qn("w:t") else " "
                   for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")))


def _empty_bibliography(part) -> bool:
    from lxml import etree

    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return False
    return root.tag == _BIBLIOGRAPHY and len(root) == 0


def set_app_properties(document, *, pages: int, organisation: str) -> None:
    """docProps/app.xml as it is: made by remissdraft, with the page estimate and the counts of this text."""
    texts = [_text(p) for p in document.element.body.iter(qn("w:p"))]
    paragraphs = [text for text in texts if text.strip()]
    whole = "\n".join(paragraphs)
    words = len(whole.split())
    characters = sum(len(word) for word in whole.split())
    with_spaces = sum(len(text) for text in paragraphs)
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<TotalTime>0</TotalTime><Pages>{pages}</Pages><Words>{words}</Words><Characters>{characters}</Characters>"
        f"<Application>remissdraft {escape(__version__)}</Application><DocSecurity>0</DocSecurity>"
        f"<Paragraphs>{len(paragraphs)}</Paragraphs><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(organisation)}</Company><LinksUpToDate>false</LinksUpToDate>"
        f"<CharactersWithSpaces>{with_spaces}</CharactersWithSpaces><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = xml
            return
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, xml, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)
