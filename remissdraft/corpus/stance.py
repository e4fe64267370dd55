"""Classify the stance of a Swedish remiss position from its wording."""

from __future__ import annotations

import re

_NEGATION = r"(?:inte|ej|icke|aldrig)"
_ANSWERER = r"(?:nämnden|\w+nämnden|vi|förvaltningen|\w+förvaltningen|styrelsen|\w+styrelsen|kommunen|\{namnd\}|myndigheten|\w+kollegiet|regionen)"

# Checked in this order: a condition or a request for clarification colours a sentence more than praise does.
_CUES: list[tuple[str, re.Pattern]] = [
    ("forbehall", re.compile(
        r"under (?:förutsättning|förutsättningen) att|med (?:förbehåll|reservation)|förutsatt att|förutsätter att|"
        r"på villkor att|villkorat av|under förbehåll|med förbehållet|såvida|\bkrävs (?:det )?att|"
        r"det är (?:dock )?(?:avgörande|en förutsättning) att", re.IGNORECASE)),
    ("fortydligande", re.compile(
        r"förtydligande|förtydligas|förtydliga\b|(?:bör|behöver|måste) (?:tydliggöras|klargöras|preciseras|utvecklas)|"
        rf"framgår {_NEGATION}|{_NEGATION} (?:helt )?(?:är )?(?:helt )?(?:specificerat|tydligt|klart|preciserat|beskrivet)|oklart|otydlig|"
        r"efterfrågar|vill ha svar på|\bklargöra|tydliggörs\b|tydligt (?:bör )?framgå", re.IGNORECASE)),
    ("kritisk", re.compile(
        rf"avstyrk|motsätter sig|{_ANSWERER}\s+(?:\w+\s+){{0,2}}saknar|\bsaknas\b|är kritisk|kritiska till|ifrågasätt|"
        r"\bavslå|\bavslår|inte finns (?:något )?behov|ser (?:med )?oro|oroa[rs]|oroande|beklagar|för liten|för små|"
        r"otillräcklig|inte tillräcklig|önska(?:r)? (?:än |ännu )?mer|\bbrister\b|ser negativt|negativt inställd|"
        r"är negativ|avvisar|invänder|invändningar mot|bör (?:inte|ej) genomföras|tar avstånd|tveksam|"
        r"(?:ser|finns|föreligger|innebär)(?: \w+){0,2} (?:en )?(?:viss |stor |betydande )?risk|risker med|riskerar|"
        r"\bproblem\b|problematisk|ser (?:\w+ ){0,2}svårigheter|stora svårigheter|svårt (?:att|för)|hämma|\bbegränsad|negativa konsekvenser|"
        r"hade (?:det )?varit önskvärt|\bbelast|förordar dock|vill i stället|i stället lyfta", re.IGNORECASE)),
    ("positiv", re.compile(
        r"positiv|välkomna|ställer sig (?:inte |ej )?bakom|står bakom|tillstyrk|instämmer|stöd(?:j)?er förslag|delar (?:bedömningen|uppfattningen|synen)|"
        r"bra att|angeläget|värdefull|givande|öppen för|av betydelse|ser fram emot|glädjande|uppskattar|ser potential|"
        r"en bra grund|\bstöd(?:j)?er\b", re.IGNORECASE)),
]
_CONTRAST = re.compile(r"\b(?:dock|däremot|men|emellertid|tyvärr)\b", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(rf"\b{_NEGATION}\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(rf"^\s*(?:sig\s+)?{_NEGATION}\b", re.IGNORECASE)
_FLIP = {"positiv": "kritisk", "kritisk": "positiv"}


def classify_paragraph(paragraph: str) -> str:
    """The stance of an argued paragraph: a condition or an objection anywhere in it decides; otherwise its
    first sentence that takes a stance does ("… ställer sig positiv. … däremot önskar kommunen förtydliganden"
    stays positiv). "Ingen erinran" (no objection, nothing more) is neutral."""
    from .segment import sentences

    said = sentences(paragraph)
    stances = [classify(sentence) for sentence in said]
    if "forbehall" in stances:
        return "forbehall"
    first = next((stance for stance in stances if stance != "neutral"), "neutral")
    critical = [sentence for sentence, stance in zip(said, stances) if stance == "kritisk"]
    if critical and (first == "kritisk" or len(critical) > stances.count("positiv") or any(_CONTRAST.search(c) for c in critical)):
        return "kritisk"  # an objection the paragraph turns to ("… ser däremot stora svårigheter")
    return first


def classify(text: str) -> str:
    """One of positiv, kritisk, forbehall, fortydligande, neutral."""
    found: list[str] = []
    for stance, pattern in _CUES:
        for match in pattern.finditer(text):
            found.append(_FLIP[stance] if stance in _FLIP and _negated(text, match) else stance)
    for stance, _ in _CUES:
        if stance in found:
            return stance
    return "neutral"


def _negated(text: str, match: re.Match) -> bool:
    """ "ser inte positivt på", "är ej positiva", or a verb followed by its negation: "välkomnar inte"."""
    if _NEGATED_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
        return True
    if re.search(rf"\b{_NEGATION}\b", match.group(0)):  # "ställer sig inte bakom"
        return True
    word_end = match.end() + len(re.match(r"\w*", text[match.end() :]).group(0))
    first_word = re.match(r"\w+", text[match.start() : word_end] + " ").group(0)
    is_verb = first_word.endswith("r")  # present tense: välkomnar, tillstyrker, motsätter (sig)
    return is_verb and bool(_NEGATED_AFTER.match(text[word_end : word_end + 12]))
