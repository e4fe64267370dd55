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
