"""Classify the stance of a Swedish remiss position from its wording."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEGATION = r"(?:inte|ej|icke|aldrig)"
_ANSWERER = r"(?:nämnden|\w+nämnden|vi|förvaltningen|\w+förvaltningen|styrelsen|\w+styrelsen|kommunen|\{namnd\}|myndigheten|\w+kollegiet|regionen)"
_NOT_NEGATION = r"(?!(?:inte|ej|icke)\b)"  # a word between, but not a negation
_RULES = r"(?:lagstiftning|lagen|lagar|\w+lagen|regler|reglering|regelverk|bestämmelser|föreskrifter)\w*"


@dataclass(frozen=True)
class _Cue:
    """A wording that signals a stance. `negated`: what a negation right before it does ("flip": "ser inte positivt
    på" is kritisk; "cancel": "inga otydligheter" asks for nothing; "keep": the cue carries its own negation)."""

    stance: str
    pattern: re.Pattern
    negated: str = "flip"


def _cue(stance: str, pattern: str, negated: str = "flip") -> _Cue:
    return _Cue(stance, re.compile(pattern, re.IGNORECASE), negated)


# Checked in this order: a condition or a request for clarification colours a sentence more than praise does.
_CUES: list[_Cue] = [
    _cue("forbehall",
         r"under (?:förutsättning|förutsättningen) att|med (?:förbehåll|reservation)|förutsatt att|förutsätter att|"
         r"på villkor att|villkorat av|under förbehåll|med förbehållet|såvida|\bkrävs (?:det )?att|"
         r"det är (?:dock )?(?:avgörande|en förutsättning) att|"
         # an exception asked for: "undantag från föreskrifterna bör kunna medges"
         r"undantag (?:\w+ ){0,5}(?:bör|ska|behöver|måste) (?:kunna )?(?:medges|ges|göras)", "keep"),
    # a request for clarification: the noun or verb with what asks for it ("önskar få ett förtydligande",
    # "förtydligande önskas", "behöver förtydligas"), not a clarification the proposal itself makes
    _cue("fortydligande",
         r"(?:önskar|önskas|önskvärt|efterfrågar|efterfrågas|efterlyser|behövs|behöver|begär|vill ha|vill se|behov av|ber om)(?:\s+\S+){0,4}?\s+förtydligande|"
         r"förtydligande(?:n|t)?\s+(?:\S+\s+){0,6}?(?:önskas|efterfrågas|behövs|bör|krävs|vore)\b|"
         r"(?:bör|behöver|måste|skulle behöva)\s+(?:\w+\s+){0,2}(?:förtydligas|tydliggöras|klargöras|preciseras|utvecklas)|"
         r"(?:bör|behöver|måste|önskar)\s+(?:\w+\s+){0,2}(?:förtydliga|klargöra|tydliggöra|precisera)\b|"
         rf"framgår {_NEGATION}|{_NEGATION} (?:helt )?(?:är )?(?:helt )?(?:specificerat|tydlig|tydligt|tydliga|klart|preciserat|beskrivet)\b|"
         r"efterfrågar|efterlyser|vill ha svar på|\bklargöra|tydliggörs\b|tydligt (?:bör )?framgå", "keep"),
    _cue("fortydligande", r"oklart|otydlig", "cancel"),  # "finns det inga otydligheter": nothing to clarify
    # objections that carry their own negation, and what argues that the proposal is not needed
    _cue("kritisk",
         r"otillräcklig|inte tillräcklig|inte finns (?:något )?behov|bör (?:inte|ej) genomföras|"
         rf"\b(?:anser|menar|tycker|ser)\s+(?:\w+\s+){{0,2}}?{_NEGATION}\s+att\b|"
         rf"\bdelar\s+(?:\w+\s+)?{_NEGATION}\s+(?:\w+\s+)?(?:bedömning|uppfattning|syn)|"
         rf"\buppfyller\s+(?:\w+\s+){{0,2}}?{_NEGATION}\b|"
         rf"{_NEGATION}\s+(?:skulle\s+)?(?:göra|ha|få|ge|innebära)\s+(?:\w+\s+)?(?:någon|några|nämnvärd)\s+(?:större\s+|nämnvärd\s+)?(?:skillnad|effekt|förbättring|nytta)|"
         rf"{_RULES}\s+(?:{_NOT_NEGATION}\S+\s+){{0,4}}?(?:räcker|är tillräcklig\w*)\b(?!\s+{_NEGATION})|utgör tillräcklig|"
         r"tillräckligt (?:tydliggör|reglerar|täcker)|redan (?:idag |i dag )?(?:är )?(?:tydlig|tydligt|reglerad|reglerat|reglerade)\b|"
         rf"redan (?:idag |i dag )?framgår av (?:\w+ )?{_RULES}|redan befintlig\w* {_RULES}|"
         rf"\bborde\b|(?:behöver|bör|måste) (?:{_NOT_NEGATION}\w+ ){{0,2}}(?:förbättras|förstärkas|ses över|åtgärdas|kompletteras|omarbetas|revideras)\b|"
         r"(?:kräver|förutsätter|krävs|behövs) (?:\w+ ){0,2}andra (?:åtgärder|lösningar|verktyg|insatser)|"
         r"snarare än (?:en |ett )?(?:ändring|lagändring|reglering|förtydligande)|"
         # something else proposed instead: "bör utredas som ett möjligt alternativ", "bör finnas alternativa …"
         r"(?:bör|borde|behov av|behöver)\s+(?:\S+\s+){0,4}?alternativ", "keep"),
    _cue("kritisk",
         rf"avstyrk|motsätter sig|{_ANSWERER}\s+(?:\w+\s+){{0,2}}saknar|\bsaknas\b|är kritisk|kritiska till|ifrågasätt|"
         r"\bavslå|\bavslår|ser (?:med )?oro|oroa[rs]|oroande|beklagar|för liten|för små|för lite\b|"
         r"önska(?:r)? (?:än |ännu )?mer|\bbrister\b|ser negativt|negativt inställd|"
         r"är negativ|avvisar|invänder|invändning(?:ar)? mot|tar avstånd|tveksam|olämplig|"
         r"(?:ser|finns|föreligger|innebär)(?: \w+){0,2} (?:en )?(?:viss |stor |betydande )?risk|risker med|riskerar|\briskera\b|"
         r"\bproblem\b|problematisk|ser (?:\w+ ){0,2}(?:en |stora )?svårighet|stora svårigheter|svårighet (?:i|med) förslaget|"
         r"svårt (?:att|för)|hämma|\bbegränsad|negativa konsekvenser|(?:vara|utgöra|bli) (?:ett )?hinder\b|"
         r"\b(?:för|alltför|väl) (?:snäv|snävt|snäva|smal|smalt|kortsiktig|kortsiktigt|ensidig|ensidigt)\b|"
         r"hade (?:det )?varit önskvärt|\bbelast|förordar dock|vill i stället|i stället lyfta"),
    _cue("positiv",
         r"positiv|välkomna|ställer sig (?:inte |ej )?bakom|står bakom|tillstyrk|instämmer|stöd(?:j)?er förslag|delar (?:bedömningen|uppfattningen|synen)|"
         r"bra att|angeläget|värdefull|givande|öppen för|av betydelse|ser fram emot|glädjande|uppskattar|värdesätter|ser potential|"
         r"en bra grund|\bstöd(?:j)?er\b|håller (?:inte |ej )?med\b|"
         r"förslage[tn] (?:\w+ ){0,2}(?:förbättra|förbättrar|stärka|stärker|underlätta|underlättar)\b|"
         # praise of the proposal: "ett bra förslag", "är tydlig, trevligt redovisad", "är välgrundat"
         r"\b(?:ett|en) (?:mycket )?(?:bra|gott|utmärkt|välgrundat?|väl genomarbetat?) (?:förslag|underlag|betänkande|dokument|arbete)|"
         # (not in a relative clause: "information som är relevant")
         r"(?<!som )\bär (?:mycket |väldigt |särskilt )?(?:bra|välgrundad|välgrundat|välgrundade|väl genomförd|väl genomarbetad|väl avvägda?|"
         r"lämplig|lämpliga|lämpligt)\b|(?<!som )\bär (?:mycket |väldigt )?(?:tydlig|tydliga)\b|(?<!som )\bär (?:mycket |väldigt )?tydligt\b(?! att)"),
]
_CONTRAST = re.compile(r"\b(?:dock|däremot|men|emellertid|tyvärr)\b", re.IGNORECASE)
# An agreement turned into a changed demand: "… instämmer … Nämnden anser dock att …", "… tillstyrker … men anser att …"
# ("men vill understryka" only stresses a point).
_TURN = re.compile(r"\bdock\b|\bmen\s+(?:\w+\s+){0,2}?(?:anser|menar|önskar)\b", re.IGNORECASE)
# "… ser inte ett behov av förändringar. Dock …": the changes asked for are not the point, the agreement is.
_NO_CHANGE = re.compile(r"(?:inte|inget|ingen)\s+(?:\w+\s+)?behov av (?:förändring|ändring)", re.IGNORECASE)
_DEMAND = re.compile(r"\b(?:bör|ska|skall|behöver|måste|krävs|kräver|förutsätter)\b", re.IGNORECASE)
# Agreeing with the aim only: "delar uppfattningen att det är angeläget att …", "syftet är angeläget".
_GOAL = re.compile(
    r"(?:delar|instämmer i|håller med om)\s+(?:\w+\s+){0,3}?att det är\s+(?:angeläget|viktigt|nödvändigt)|"
    r"(?:syftet|målet|målsättningen|ambitionen|intentionen)(?:\s+\S+){0,6}?\s+(?:är|vara)\s+(?:angeläget|gott|bra|viktigt)|"
    r"ser positivt på (?:intentionen|ambitionen|syftet|målsättningen)|(?:det )?är angeläget att",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(r"\b(?:inte|ej|icke|aldrig|inga|ingen|inget)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(rf"^\s*(?:sig\s+)?{_NEGATION}\b", re.IGNORECASE)
_FLIP = {"positiv": "kritisk", "kritisk": "positiv"}


def classify_paragraph(paragraph: str) -> str:
    """The stance of an argued paragraph: a condition or an objection anywhere in it decides; otherwise its
    first sentence that takes a stance does ("… ställer sig positiv. … däremot önskar kommunen förtydliganden"
    stays positiv). Agreement turned into a changed demand ("… instämmer … Nämnden anser dock att … ska …") is a
    förbehåll; agreement with the aim only, with the means rejected, is kritisk. "Ingen erinran" (no objection,
    nothing more) is neutral."""
    from .segment import sentences

    said = sentences(paragraph)
    stances = [classify(sentence) for sentence in said]
    if "forbehall" in stances:
        return "forbehall"
    turned = _turned(said, stances)
    if turned:
        return turned
    first = next((stance for stance in stances if stance != "neutral"), "neutral")
    critical = [sentence for sentence, stance in zip(said, stances) if stance == "kritisk"]
    praise = [sentence for sentence, stance in zip(said, stances) if stance == "positiv"]
    if critical and all(_goal_only(sentence) for sentence in praise):
        return "kritisk"  # "delar uppfattningen att det är angeläget … menar att nuvarande lagstiftning räcker"
    if critical and (first == "kritisk" or len(critical) > len(praise) or any(_CONTRAST.search(c) for c in critical)):
        return "kritisk"  # an objection the paragraph turns to ("… ser däremot stora svårigheter")
    return first


def _turned(said: list[str], stances: list[str]) -> str:
    """After agreement, a "dock" (or "men … anser") that asks for something else: förbehåll; that asks for a
    clarification: förtydligande. An objection there is left to the objection rules."""
    if any(_NO_CHANGE.search(sentence) for sentence in said):
        return ""
    for position, (sentence, stance) in enumerate(zip(said, stances)):
        turn = _TURN.search(sentence)
        if not turn:
            continue
        agreed = "positiv" in stances[:position] or classify(sentence[: turn.start()]) == "positiv"
        if not agreed or stance == "kritisk":
            return ""
        if stance == "fortydligande":
            return "fortydligande"
        if _DEMAND.search(sentence[turn.start() :]) or any(_DEMAND.search(later) for later in said[position + 1 :]):
            return "forbehall"
        return ""
    return ""


def _goal_only(sentence: str) -> bool:
    """Whether the sentence's only agreement is with the aim ("… delar uppfattningen att det är angeläget att …")."""
    goals = [match.span() for match in _GOAL.finditer(sentence)]
    if not goals:
        return False
    praise = [match.span() for cue in _CUES if cue.stance == "positiv" for match in cue.pattern.finditer(sentence)]
    return all(any(start < goal_end and goal_start < end for goal_start, goal_end in goals) for start, end in praise)


def classify(text: str) -> str:
    """One of positiv, kritisk, forbehall, fortydligande, neutral."""
    found: list[str] = []
    for cue in _CUES:
        for match in cue.pattern.finditer(text):
            if cue.negated == "keep" or not _negated(text, match):
                found.append(cue.stance)
            elif cue.negated == "flip" and cue.stance in _FLIP:
                found.append(_FLIP[cue.stance])
    for stance in ("forbehall", "fortydligande", "kritisk", "positiv"):
        if stance in found:
            return stance
    return "neutral"


def _negated(text: str, match: re.Match) -> bool:
    """ "ser inte positivt på", "är ej positiva", "inga otydligheter", or a verb followed by its negation:
    "välkomnar inte"."""
    if _NEGATED_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
        return True
    if re.search(rf"\b{_NEGATION}\b", match.group(0)):  # "ställer sig inte bakom"
        return True
    word_end = match.end() + len(re.match(r"\w*", text[match.end() :]).group(0))  # type: ignore[union-attr]  # \w* always matches
    first_word = (re.match(r"\w+", text[match.start() : word_end] + " ") or match).group(0)
    is_verb = first_word.endswith("r")  # present tense: välkomnar, tillstyrker, motsätter (sig)
    return is_verb and bool(_NEGATED_AFTER.match(text[word_end : word_end + 12]))
