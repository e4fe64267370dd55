"""Stance classification, measured on sentences from the seed meeting papers, labelled by hand."""

import pytest

from remissdraft.corpus.stance import classify, classify_paragraph

# Verbatim from ../shared/seeds (Nacka Socialnämnden 2021-04-27): yttranden SOCN 2021/132 and 2021/133,
# the motion answer SOCN 2020/360, Region Stockholm's tjänsteutlåtanden and the remisser themselves.
LABELLED = [
    ("Socialnämnden ser positivt på att Region Stockholm har tagit fram en strategi för att främja psykisk hälsa och välbefinnande samt förebygga psykisk ohälsa.", "positiv"),
    ("Överlag har strategin en tydlig inriktning och styrning som kan bidra till positiv utveckling i samverkan mellan kommuner och regionen.", "positiv"),
    ("Särskilt positivt är strategins angreppssätt och förslaget avseende att utveckla nya samverkansformer mellan Region Stockholm och kommuner.", "positiv"),
    ("Socialnämnden anser att det är positivt att en strategi för att främja arbetet har tagits fram inom Region Stockholm, är positivt inställda till förslagen i strategin samt till att fortsatt samverka med regionen kring dessa frågor.", "positiv"),
    ("Socialnämnden ser det som positivt med samverkan mellan kommun och region på individnivå när den enskilde har behov av insatser från både socialtjänsten och hälso- och sjukvården.", "positiv"),
    ("Det anses vara positivt för den enskildes delaktighet över planeringen samt för att kunna säkerställa att den enskilde får sina behov tillgodosedda utifrån ett helhetsperspektiv.", "positiv"),
    ("Socialnämnden ser det som positivt att kommuner kan erbjudas hjälp men önskar samtidigt förtydligande i vilka fall det kan erbjudas och av vem.", "fortydligande"),
    ("Utifrån ett närsamhällesperspektiv är socialnämnden öppen för dialog och ser möjligheter till mer samverkan mellan kommun, region och civilsamhälle.", "positiv"),
    ("En utökad samverkan med exempelvis brukarorganisationer skulle vara positiv på lokal nivå för att komplettera andra kunskapskällor samt ge personer med psykiska funktionsnedsättningar ett ökat inflytande.", "positiv"),
    ("Socialnämnden anser att samverkan på styrande nivå är av betydelse för att samarbetet kring enskilda individer ska fungera.", "positiv"),
    ("Socialnämnden välkomnar en utökad samverkan med regionen för att främja psykisk hälsa.", "positiv"),
    ("De etablerade formerna för samverkan upplevs i dag vara givande, men genomförs i för liten skala.", "kritisk"),
    ("För den specifika målgruppen som har behov av stöd och hjälp från kommun och region skulle socialnämnden önska än mer konkreta åtgärder i strategin för att stödja målgruppen på bästa sätt.", "kritisk"),
    ("Socialnämnden är positiva till strategins angreppssätt där Region Stockholms nämnder och bolag ska integrera strategin i alla relevanta beslut inom deras uppdrag.", "positiv"),
    ("Det är särskilt positivt att konsekvensanalyser ska genomföras i berednings- och beslutsprocesser i samband med större projekt och reformer, så att förutsättningar för att utveckla befolkningens psykiska hälsa och välbefinnande systematiskt stärks.", "positiv"),
    ("Det är ej specificerat i vilken omfattning kommunerna anses vara en samverkanspart.", "fortydligande"),
    ("Socialnämnden är positiva till att etablerade samverkansformer på styrande nivå ska användas, men även öppen för att nya former ska utvecklas, för att på bästa sätt stödja kommunens medborgare.", "positiv"),
    ("Vi ser positivt på att strategin återkommande nämner både barn, unga, vuxna och äldre och att hela livsförloppet inkluderas.", "positiv"),
    ("I strategin framgår ej om eller på vilket sätt strategin kommer att följas upp.", "fortydligande"),
    ("Socialnämnden ser positivt på folkhälsopolicyn utifrån dess inriktning som bland annat lyfter samverkan med lokalsamhället.", "positiv"),
    ("Socialnämnden ser även positivt på Region Stockholms roll som en samlande kraft i länets folkhälsoarbete med fokus på jämlikhet i hälsa och på de grupper med störst behov.", "positiv"),
    ("Konsekvenserna av strategins förslag bör bli positiva för barn.", "positiv"),
    ("Folkhälsopolicyn bidrar positivt till patientsäkerhet genom att den tydliggör att hälso- och sjukvården och tandvården ska leverera en hälsofrämjande, förebyggande, säker och sammanhållen nära vård och tandvård med individen som medskapare, där de med störst behov prioriteras.", "positiv"),
    ("Av svaren framkom att leverantörerna tycker att viss kategoriindelning är positiv samt att de flesta leverantörer erbjuder tilläggstjänster utöver ordinarie verksamhet.", "positiv"),
    ("Sammanfattningsvis anser socialnämnden att det inte finns behov av en kommunövergripande handlingsplan för att motverka hemlöshet.", "kritisk"),
    ("Socialnämnden föreslår att kommunfullmäktige avslår motionen, då ett aktivt arbete för att motverka hemlöshet redan pågår.", "kritisk"),
    ("Kommunfullmäktige avslår förslagen i motionen eftersom ett aktivt arbete för att motverka hemlöshet redan pågår.", "kritisk"),
    ("Insatser som saknar tillräcklig evidens kan prövas i mindre skala förutsatt att de utvärderas.", "forbehall"),
    ("Nacka kommun är remissinstans för Region Stockholms ”Strategi för främjande av psykisk hälsa och välbefinnande samt förebyggande av psykisk ohälsa 2022-2030”.", "neutral"),
    ("Strategin omfattar samtliga Region Stockholms nämnder och bolag och kommuner benämns som en samverkanspart.", "neutral"),
    ("Arbets- och företagsnämnden, socialnämnden och äldrenämnden bereder strategin och lämnar synpunkter.", "neutral"),
    ("Ärendet behandlas därefter i kommunstyrelsen som antar ett yttrande där kommunens synpunkter lämnas.", "neutral"),
    ("Strategins angreppssätt är att alla nämnder och bolag inom Region Stockholm ska integrera strategin i alla relevanta beslut.", "neutral"),
    ("Samverkan ska ske på olika nivåer.", "neutral"),
    ("Kommun och region har en etablerad överenskommelse som avser samverkan för personer med psykisk sjukdom eller funktionsnedsättning.", "neutral"),
    ("Förslaget förväntas inte medföra några ekonomiska konsekvenser för kommunen.", "neutral"),
    ("Remissvaret ger inga ekonomiska konsekvenser.", "neutral"),
    ("Remissvaret ger inga konsekvenser för barn.", "neutral"),
    ("Psykisk ohälsa är ett stort samhällsproblem som berör alla åldersgrupper.", "neutral"),
    ("Den föreslagna folkhälsopolicyn anger styrande principer för Region Stockholms samlade arbete för god hälsa och minskade hälsoklyftor i befolkningen.", "neutral"),
    ("Nacka är en av remissinstanserna.", "neutral"),
    ("En kommun har inte någon allmän skyldighet att ordna bostad åt invånarna som saknar egen bostad.", "neutral"),
    ("Av den hemlöshetskartläggning som genomfördes 2019 framgår att det finns 507 personer i hemlöshet i Nacka.", "neutral"),
    ("Socialnämnden lämnar synpunkter över remissen Folkhälsopolicy för Region Stockholms arbete för en god hälsa och minskade hälsoklyftor i befolkningen till kommunstyrelsen för vidare handläggning.", "neutral"),
    ("I strategin beskrivs att Region Stockholms nämnder och bolag i vissa fall har ansvar för olika miljöer, tex arbetsmiljöer, hälso- och sjukvårdsmiljöer, utbildningsmiljöer och då säkerställa en hälsofrämjande miljö för psykisk hälsa och psykiskt välbefinnande.", "neutral"),
    ("Allt folkhälsoarbete syftar ytterst till att förebygga sjukdom och ohälsa - så kallad prevention.", "neutral"),
    ("Nämnder och bolag ska grunda sina beslut på ekonomiska konsekvensanalyser som visar positiva och negativa effekter på psykisk hälsa och psykiskt välbefinnande samt på mål, delmål och målområden inom de sex övergripande temaområdena.", "neutral"),
]


# Real paragraphs from Kungsbacka's yttranden (../shared/realdocs/kommunhandlingar), with the stance marked in
# tests/data/stance_marks/ by reading them: a paragraph takes the stance of its strongest cue.
REAL_PARAGRAPHS = [
    ("Kungsbacka kommun ställer sig positiv till det föreslagna handlingsprogrammet. Kommunen ser inget behov av "
     "förändringar i förslaget, däremot önskar kommunen få förtydliganden inom ett antal områden.", "positiv"),
    ("Kungsbacka kommun ser positivt på ambition och upplägg i strategin med bland annat det strategiska målet om "
     "hållbarhet och konkurrenskraft. Kungsbacka ser däremot stora svårigheter att inom de frågor som rör geografin "
     "kunna genomföra strategin.", "kritisk"),
    ("Vi ser dock att det finns risk för att kostnaderna läggs på hyrorna för redan utsatta grupper.", "kritisk"),
    ("Kommunen instämmer i förslaget och den motivering som lämnas i utredningen. För att rektor i praktiken ska få "
     "förutsättningar att kunna ta detta ansvar krävs att huvudmannen också tilldelar varje skolenhet tillräckligt med resurser.", "forbehall"),
    ("Detta instämmer Kungsbacka i men ser återigen genomförandet som en utmaning såvida man inte gör planeringen "
     "utifrån ett västsvenskt perspektiv och kopplat till arbetsmarknadsregionen.", "forbehall"),
    ("Kommunen instämmer i möjligheten att använda förväntansdokument, men instämmer inte i förslaget att det ska vara "
     "tvingande för gymnasieskolor och anpassade gymnasieskolor att använda förväntansdokument.", "kritisk"),
    ("Kommunen önskar få förtydligande gällande hur samverkan sker med berörda aktörer för att förbättra hanteringen "
     "av de risker som inte berör brand.", "fortydligande"),
    ("Slutligen anser Kungsbacka kommun att det hade varit önskvärt med en exempelberäkning av de kostnader som "
     "lagförslaget skulle innebära för olika aktörer och en samhällsekonomisk analys av förslaget.", "kritisk"),
    ("Kungsbacka kommun har inget att erinra i förslaget till ändring av Naturvårdsverkets föreskrifter om miljörapport.", "neutral"),
    ("Kungsbacka kommun ställer sig positiv till målsättningen att kommunen ska ta fram en lokal plan gällande "
     "utrymning, mottagning och inkvartering utifrån kommunens geografiska förutsättningar.", "positiv"),
]


@pytest.mark.parametrize("text, stance", REAL_PARAGRAPHS)
def test_real_paragraphs(text, stance):
    assert classify_paragraph(text) == stance


def test_enough_labelled_sentences():
    assert len(LABELLED) >= 40
    assert {stance for _, stance in LABELLED} == {"positiv", "kritisk", "forbehall", "fortydligande", "neutral"}


def test_accuracy_on_labelled_seed_sentences():
    wrong = [(text, expected, classify(text)) for text, expected in LABELLED if classify(text) != expected]
    accuracy = 1 - len(wrong) / len(LABELLED)
    assert accuracy >= 0.9, f"{accuracy:.0%}; fel: {wrong}"


@pytest.mark.parametrize(
    "text, stance",
    [
        ("Nämnden ser inte positivt på förslaget om nya avgifter.", "kritisk"),
        ("Nämnden välkomnar inte den föreslagna ordningen.", "kritisk"),
        ("Nämnden tillstyrker förslaget.", "positiv"),
        ("Nämnden avstyrker förslaget i avsnitt 4.", "kritisk"),
        ("Nämnden motsätter sig inte förslaget.", "positiv"),
        ("Nämnden ställer sig bakom förslaget under förutsättning att finansieringen säkras.", "forbehall"),
        ("Förvaltningen saknar en analys av konsekvenserna för barn.", "kritisk"),
        ("Begreppet samverkanspart behöver förtydligas.", "fortydligande"),
        ("Nämnden har ingen erinran mot förslaget.", "neutral"),  # no objection, nothing more: not a position for or against
    ],
)
def test_cues_and_negation(text, stance):
    assert classify(text) == stance


# Paragraphs of Kungsbacka's 2025–2026 yttranden (an evaluation on documents nobody had tuned on), verbatim from
# the public repository moggleif/kommunhandlingar, data/kungsbacka/…/handlingar.md, with the stance judged there.
KS_2025_08_26 = "ks/2025/2025-08-26/handlingar.md"
HOLDOUT_PARAGRAPHS = [
    # agreeing with the aim, rejecting the means (sida 215)
    (KS_2025_08_26, 215, "Kungsbacka kommun delar uppfattningen att det är angeläget att stärka samhällets insatser mot "
     "välfärdsbrottslighet, oegentligheter och korruption. Att stärka kommunens kontroll och uppföljning av privata utförare "
     "är ett viktigt bidrag i det arbetet. Kungsbacka kommun menar att ansvaret för kontroll och uppföljning av privata "
     "utförare redan idag framgår av kommunallagen och av annan lagstiftning och att ett ytterligare förtydligande av "
     "kommunallagen på den punkten inte skulle ha någon större effekt.", "kritisk"),
    # the existing rules suffice (sida 215, 216)
    (KS_2025_08_26, 215, "Kommunen tycker att ansvarsfördelningen mellan fullmäktige, styrelse och nämnder redan är tydlig "
     "genom befintlig lagstiftning och vägledningar från myndigheter och SKR. I Kungsbacka finns också interna styrdokument "
     "och program som reglerar uppföljningen.", "kritisk"),
    (KS_2025_08_26, 216, "Kungsbacka kommun anser också att uppsiktsplikten genom att inte vara detaljreglerad bättre följer "
     "verksamhetens dynamik över tid. Det är kommunstyrelsen själv som bestämmer formerna för hur uppsikten ska genomföras och "
     "vad den ska innehålla. Kommunallagens krav på intern kontroll och program för uppföljning av privata utförare och lagen "
     "om kommunens ansvar för brottsförebyggande arbete, som tillsammans ställer krav på riskanalyser, lägesbeskrivningar och "
     "handlingsplaner samt uppföljning utgör tillräcklig reglering.", "kritisk"),
    ("ks/2025/2025-03-18/handlingar.md", 273, "Nämnden för Vård & Omsorg anser att den nuvarande lagstiftningen i kombination "
     "med tecknade avtal mellan region och kommuner (utvecklas ytterligare under punkt 4.2 i detta yttrande) tillräckligt "
     "tydliggör kraven på medicinsk bedömning dygnet runt.", "kritisk"),
    # "anser inte att" (sida 215)
    (KS_2025_08_26, 215, "Statskontorets förslag till ändring av kommunallagen innebär en särlösning på så sätt att lagen kommer "
     "att peka ut ett särskilt område för uppsikt (privata utförare). Kommunen anser inte att uppsiktsplikten ska detaljstyras "
     "utan att varje kommun eller region själv ska definiera former och innehåll med utgångspunkt i risk och väsentlighet.", "kritisk"),
    # agreement turned by "dock" into a changed demand (sida 274, 275)
    ("ks/2025/2025-03-18/handlingar.md", 274, "Nämnden för Vård & Omsorg instämmer i utredningens förslag om att genomföra "
     "redan lämnade förslag från utredningen SOU 2022:41 om lagkrav på ledningsansvarig för kommunal hälso- och sjukvård i alla "
     "kommuner. Nämnden anser dock att medicinskt ansvarig sjuksköterska ska finnas kvar i kommunen enligt Hälso- och "
     "sjukvårdslagen (2017:30) 11 kap. 4§ och kompletteras med ledningsansvarig för kommunal hälso- och sjukvård.", "forbehall"),
    ("ks/2025/2025-03-18/handlingar.md", 275, "Nämnden för Vård & Omsorg anser att det är ett bra förslag att särskilda medel "
     "föreslås avsättas till kommuner för vidareutbildning av specialistsjuksköterskor i kommunal hälso- och sjukvård. Nämnden "
     "anser dock att frågan gällande vad sjuksköterskorna ska ha för arbetsuppgifter efter specialistutbildningen bör utredas "
     "ytterligare.", "forbehall"),
    # "… men anser att … bör …" (sida 231)
    (KS_2025_08_26, 231, "Kungsbacka kommun tillstyrker bildandet av Tjolöholms naturreservat och den föreslagna skötselplanen "
     "men anser att föreskrifterna bör förses med en möjlighet till undantag för sådan byggnation som kan stärka området som "
     "besöksmål utan att påverka naturvärden eller kulturhistoriska värden negativt.", "forbehall"),
    # praise (sida 172)
    ("ks/2026/2026-02-17/handlingar.md", 172, "Kommunen anser att den föreslagna cykelplanen är tydlig, trevligt redovisad med "
     "bra kartor och bra beskrivningar om vad som behövs för att nå målen, samt vilka samverkande insatser som behövs för att öka "
     "det hållbara resandet.", "positiv"),
    # a change asked for: kritisk by the judgments' convention (tests/data/stance_marks/README.md) (sida 172, 548)
    ("ks/2026/2026-02-17/handlingar.md", 172, "Den föreslagna regionala infrastrukturplanen ”Transportinfrastruktur för en "
     "hållbar utveckling i Halland 2026–2037” har finansiering avsatt för cykelåtgärder inom hela planperioden på totalt 290 "
     "miljoner kronor. Kungsbacka kommun anser därför att det rimliga borde vara att aktuell cykelplan harmonierar tidsmässigt "
     "med den regionala infrastrukturplanen.", "kritisk"),
    ("ks/2025/2025-12-16/handlingar.md", 548, "Kungsbacka kommun anser även att kollektivtrafikens förutsättningar längs hela "
     "väg 158 behöver förbättras. I dag finns en systembrist som begränsar utveckling och tillväxt i den västra delen av "
     "kommunen.", "kritisk"),
    # risks and a principle not met (sida 221)
    (KS_2025_08_26, 221, "Föreslagna tidsfrister kan riskera att medföra ett oproportionerligt administrativt tryck på kommunens "
     "bygg- och miljöförvaltning, särskilt i komplexa ärenden där flera regelverk och intressen ska vägas in. Så som förslaget är "
     "utformat uppfyller det inte den av riksdagen godkända finansieringsprincipen som är grundläggande för de ekonomiska "
     "relationerna mellan staten och kommunsektorn.", "kritisk"),
    # an exception asked for (sida 230)
    (KS_2025_08_26, 230, "Mot bakgrund av den fördjupade översiktsplanen anser kommunstyrelsens förvaltning att undantag från "
     "föreskrifterna bör kunna medges för byggnation som stärker Tjolöholm som besöksmål och som inte påverkar naturvärden eller "
     "kulturhistoriska värden negativt.", "forbehall"),
]


@pytest.mark.parametrize("source, sida, text, stance", HOLDOUT_PARAGRAPHS)
def test_holdout_paragraphs(source, sida, text, stance):
    assert classify_paragraph(text) == stance


def test_a_negated_unclarity_asks_for_nothing():
    # ks/2025/2025-08-26/handlingar.md, sida 216
    assert classify("Därtill reglering genom upphandlingslagarna. Precis som Statskontorets utredning pekar på i kapitel 3. finns "
                    "det inga otydligheter i ansvarsfördelningen mellan styrelse, fullmäktige och nämnder.") != "fortydligande"
    assert classify("Det finns otydligheter i ansvarsfördelningen mellan styrelse, fullmäktige och nämnder.") == "fortydligande"


def test_a_clarification_the_proposal_makes_is_not_a_request():
    assert classify("Ett ytterligare förtydligande i kommunallagen skulle enligt kommunen inte göra någon större skillnad.") == "kritisk"
    assert classify("Kommunen önskar få ett förtydligande av begreppet privata utförare.") == "fortydligande"
    assert classify("Ett förtydligande av begreppet önskas.") == "fortydligande"
    assert classify("Förvaltningen efterlyser en tydligare rollfördelning.") == "fortydligande"
    assert classify("Förslagen kan förtydligas i det fortsatta arbetet.") == "neutral"


# Each new cue with its negation: a general Swedish pattern, not a sentence learnt by heart.
@pytest.mark.parametrize(
    "text, stance",
    [
        ("Nämnden anser att befintlig lagstiftning räcker.", "kritisk"),
        ("Nämnden anser att befintlig lagstiftning inte räcker.", "neutral"),
        ("Befintliga regler utgör tillräcklig reglering.", "kritisk"),
        ("Ansvaret är redan reglerat i kommunallagen.", "kritisk"),
        ("Nämnden anser inte att kravet ska införas.", "kritisk"),
        ("Nämnden anser att kravet ska införas.", "neutral"),
        ("Förslaget uppfyller inte finansieringsprincipen.", "kritisk"),
        ("Förslaget uppfyller finansieringsprincipen.", "neutral"),
        ("Ändringen skulle inte ha någon större effekt.", "kritisk"),
        ("Ändringen skulle ha en stor effekt.", "neutral"),
        ("Förslaget är inte tillräckligt.", "kritisk"),  # carries its own negation: never flipped to positiv
        ("Åtgärden bör inte genomföras.", "kritisk"),
        ("Kommunen anser att det är ett bra förslag.", "positiv"),
        ("Kommunen anser inte att det är ett bra förslag.", "kritisk"),
        ("Det är inte ett bra förslag.", "kritisk"),
        ("Planen är tydlig och välgrundad.", "positiv"),
        ("Planen är inte tydlig.", "fortydligande"),
        ("Information som är relevant för syftet ska lämnas.", "neutral"),
        ("Det är tydligt att kommunen har ansvaret.", "neutral"),
        ("Kommunen håller med om analysen.", "positiv"),
        ("Kommunen håller inte med om analysen.", "kritisk"),
        ("Tidsplanen borde följa infrastrukturplanen.", "kritisk"),
        ("Tidsplanen behöver förbättras.", "kritisk"),
        ("Tidsplanen behöver inte förbättras.", "neutral"),
        ("Föreslagna tidsfrister kan riskera att öka trycket.", "kritisk"),
        ("Avgiften kan vara ett hinder för samverkan.", "kritisk"),
        ("Strategin har en alltför snäv syn på bilens roll.", "kritisk"),
        ("Universitetet bör utredas som ett möjligt alternativ.", "kritisk"),
        ("Detta kräver andra åtgärder än en lagändring.", "kritisk"),
        ("Förslaget kan förbättra tryggheten.", "positiv"),
        ("Förslaget kan inte förbättra tryggheten.", "kritisk"),
        ("Undantag från föreskrifterna bör kunna medges.", "forbehall"),
        ("Undantag från föreskrifterna bör inte medges.", "neutral"),
        ("Nämnden ser inga problem med förslaget.", "positiv"),
    ],
)
def test_new_cues_and_their_negation(text, stance):
    assert classify(text) == stance


@pytest.mark.parametrize(
    "paragraph, stance",
    [
        ("Nämnden instämmer i förslaget. Nämnden anser dock att kravet ska tas bort.", "forbehall"),
        ("Nämnden instämmer i förslaget. Nämnden anser att kravet ska tas bort.", "positiv"),
        ("Nämnden instämmer inte i förslaget. Nämnden anser dock att kravet ska finnas kvar.", "kritisk"),
        ("Nämnden instämmer i förslaget. Nämnden vill dock lyfta att det behövs förtydliganden kring begreppen.", "fortydligande"),
        ("Nämnden instämmer i förslaget. Det finns dock en risk att kostnaderna ökar.", "kritisk"),
        ("Nämnden tillstyrker förslaget men anser att tidsplanen bör förlängas.", "forbehall"),
        ("Nämnden tillstyrker förslaget men vill understryka att finansieringen bör lyftas fram.", "positiv"),
        ("Nämnden ställer sig positiv och ser inget behov av förändringar. Dock är det önskvärt med ett förtydligande.", "positiv"),
        ("Kommunen delar uppfattningen att det är angeläget att stärka arbetet. Kommunen menar att nuvarande lagstiftning räcker.", "kritisk"),
        ("Kommunen delar uppfattningen att förslaget stärker arbetet. Kommunen menar att nuvarande lagstiftning räcker.", "positiv"),
    ],
)
def test_agreement_turned_and_agreement_with_the_aim(paragraph, stance):
    assert classify_paragraph(paragraph) == stance
