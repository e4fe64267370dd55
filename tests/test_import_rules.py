"""General import rules found on Kungsbacka's 2025–2026 papers (an evaluation on documents nobody had tuned on),
each tested on a short verbatim excerpt so that CI needs nothing from ../shared.

The excerpts come from the public repository moggleif/kommunhandlingar (Kungsbacka kommun's meeting papers as
markdown, path data/kungsbacka/…, page "sida" of the meeting PDF; official documents, 9 § upphovsrättslagen),
copied line for line, page breaks as form feeds. Where a rule also shows in ../shared, test_realdocs_import.py
tests it there."""

from __future__ import annotations

from pathlib import Path

from remissdraft.corpus.importer import describe, import_files, read_file
from remissdraft.corpus.memo import read_layout
from remissdraft.model import Source
from remissdraft.remiss import read_raw

# ks/2025/2025-03-18/handlingar.md, sida 272 (Nämnden för Vård & Omsorg, yttrande VO-2024-00489)
VO_HEAD = (
    'YTTRANDE\n',
    'Nämnd\n',
    'Datum\n',
    '2025-01-23\n',
    '\n',
    'Diarienummer\n',
    'VO-2024-00489\n',
    '\n',
    'Yttrande över Socialdepartementets remiss av utredningen: Stärkt medicinsk\n',
    'kompetens i kommunal hälso- och sjukvård (SOU 2024:72)\n',
    '\n',
    'Sammanfattande inställning\n',
    'Nämnden för Vård & Omsorg anser att utredningen är väl genomförd och de förslag och betänkande\n',
    '\n',
    'som lämnas i huvudsak är bra och relevanta. Nämnden för Vård & Omsorg instämmer i de flesta av\n',
    'utredningens förslag med några få undantag där nämnden anser att befintlig lagstiftning är tillräcklig.\n',
)

# ks/2025/2025-03-18/handlingar.md, sida 272
VO_SECTIONS = (
    'YTTRANDE\n',
    'Nämnd\n',
    'Datum\n',
    '2025-01-23\n',
    '\n',
    'Diarienummer\n',
    'VO-2024-00489\n',
    '\n',
    'Yttrande över Socialdepartementets remiss av utredningen: Stärkt medicinsk\n',
    'kompetens i kommunal hälso- och sjukvård (SOU 2024:72)\n',
    'Nämndens ställningstagande i detalj\n',
    '\n',
    'Nedan presenteras Nämnden för Vård & Omsorgs inställning till utredningens bedömningar och\n',
    'förslag. Hänvisning till befintliga rubriker i betänkandet.\n',
    '\n',
    '3.2.3 En kommun får inte lov att anställa läkare för patientnära kliniskt arbete\n',
    '4.3 Stärkt möjlighet för kommuner att anlita läkare på regionens bekostnad.\n',
    '\n',
    '5.3 Val av modell för en ordning med kommunala läkare\n',
    '\n',
    '5.4 Det ska inte vara förbjudet för kommuner att anställa läkare för patientnära kliniskt arbete\n',
    '\n',
    'Nämnden för Vård och Omsorg ser positivt på möjligheterna för kommunerna att kunna anställa\n',
    'läkare. Detta behöver inte vara något som alla kommuner bör göra men det ska stå kommunerna fritt\n',
    'att välja hur de vill genomföra sitt sjukvårdsuppdrag. Färre förbud i hur kommuner och regioner kan\n',
    'samarbeta är något som bör bejakas och det bör vara upp till varje kommun och region hur de vill\n',
    'genomföra sitt uppdrag och med vilka verktyg.\n',
    '\n',
    '4.1 Läkarmedverkan bör stärkas inom ramen för befintliga strukturer\n',
    'Nämnden för Vård och Omsorg instämmer i utredningens bedömning att stärka befintliga strukturer\n',
    'framför andra mer ingripande lösningar.\n',
    '\n',
    '4.1.1 Genomför redan lämnade förslag om lagkrav på tillgång till medicinsk\n',
    'bedömning dygnet runt.\n',
    'Nämnden för Vård & Omsorg instämmer inte i utredningens förslag om lagkrav enligt förslag från\n',
    'SOU 2022:41 för att säkerställa tillgång till medicinsk bedömning dygnet runt.\n',
)

# ks/2025/2025-03-18/handlingar.md, sida 272 (head, heading 4.1.1) and 273 (the paragraph and its list)
VO_LIST = (
    'YTTRANDE\n',
    'Nämnd\n',
    'Datum\n',
    '2025-01-23\n',
    '\n',
    'Diarienummer\n',
    'VO-2024-00489\n',
    '\n',
    'Yttrande över Socialdepartementets remiss av utredningen: Stärkt medicinsk\n',
    'kompetens i kommunal hälso- och sjukvård (SOU 2024:72)\n',
    '4.1.1 Genomför redan lämnade förslag om lagkrav på tillgång till medicinsk\n',
    'bedömning dygnet runt.\n',
    'Nämnden för Vård & Omsorg instämmer inte i utredningens förslag om lagkrav enligt förslag från\n',
    'SOU 2022:41 för att säkerställa tillgång till medicinsk bedömning dygnet runt.\n',
    'Nämnden för Vård & Omsorg anser att den nuvarande lagstiftningen i kombination med tecknade avtal\n',
    'mellan region och kommuner (utvecklas ytterligare under punkt 4.2 i detta yttrande) tillräckligt\n',
    '\n',
    'tydliggör kraven på medicinsk bedömning dygnet runt.\n',
    '\n',
    '-  Hälso- och sjukvårdslagen (2017:30) 16 kap. 1 § beskriver regionens krav på att avsätta de\n',
    'läkarresurser som behövs till kommunerna för att kunna erbjuda god hälso- och sjukvård.\n',
    '-  Hälso- och sjukvårdslagen (2017:30) 12 kap. 1§ beskriver kommunens ansvar att erbjuda en\n',
    'god hälso- och sjukvård till de som vistas på Särskilda boenden eller Bostad med Särskild\n',
    'service.\n',
    '-  Hälso- och sjukvårdslagen (2017:30) 14 kap. 1§ beskriver att regionen får till en kommun inom\n',
    'regionen överlåta skyldighet att erbjuda hälso- och sjukvård i hemmet (hemsjukvård).\n',
    'Undantaget hälso- och sjukvård som ges av läkare.\n',
    '\n',
    'Nämnden för Vård & Omsorg anser det är positivt att utredningen betonar vikten av proaktivt\n',
    'förhållningssätt där varje patient får sina behov tillgodosedda med rätt tillgänglighet, delaktighet och\n',
)

# ks/2025/2025-03-18/handlingar.md, sida 272 (head) and 274 (7.2 wrapping onto 'och sjukvården.')
VO_WRAPPED = (
    'YTTRANDE\n',
    'Nämnd\n',
    'Datum\n',
    '2025-01-23\n',
    '\n',
    'Diarienummer\n',
    'VO-2024-00489\n',
    '\n',
    'Yttrande över Socialdepartementets remiss av utredningen: Stärkt medicinsk\n',
    'kompetens i kommunal hälso- och sjukvård (SOU 2024:72)\n',
    '7.1 Gör det mer attraktivt för läkare att arbeta i den kommunala hälso- och sjukvården\n',
    'Nämnden för Vård & Omsorg väljer att inte yttra sig om denna del av utredningen då kommunen inte\n',
    'har några egna anställda läkare. Ett medskick är att i de områden i Kungsbacka kommun där\n',
    'vårdcentralen har en eller några särskilt utsedda läkare som ansvarar för alla patienter inskrivna i\n',
    'hemsjukvården fungerar samverkan och teamarbetet mycket bättre jämfört med de vårdcentraler där ett\n',
    'flertal olika läkare är patientansvariga för de inskrivna i hemsjukvården. Många gånger så har även\n',
    'dessa läkare ansvar för närliggande Särskilt boende (SÄBO).\n',
    '\n',
    '7.2 Gör det mer attraktivt för legitimerade yrkesgrupper att arbeta i den kommunala hälso-\n',
    'och sjukvården.\n',
    '\n',
    '7.2.1 Utveckla en nationell ledarskapsutbildning för chefer inom den kommunala\n',
    'hälso- och sjukvården\n',
    'Nämnden för Vård & Omsorg instämmer i förslaget att utveckla en nationell ledarskapsutbildning för\n',
    '\n',
    'chefer inom den kommunala hälso- och sjukvården. Nämnden anser att förslaget är välgrundat, men\n',
    'vill betona vikten av att innehållet och utformningen av utbildningen är flexibla. Utbildningen bör\n',
)

# ks/2025/2025-08-26/handlingar.md, sida 215 (Kommunstyrelsen, yttrande KS-2025-00417)
KS_SUMMARY = (
    'YTTRANDE\n',
    'Kommunstyrelsen\n',
    'Till                                                  Datum\n',
    'Finansdepartementet                              2025-06-09\n',
    '\n',
    'Diarienummer\n',
    'Ert diarienummer\n',
    'KS-2025-00417\n',
    'Fi2025/00822\n',
    'Yttrande över Finansdepartementets remiss: Förbättrad kontroll och uppföljning av\n',
    '\n',
    'privata utförare i kommuner och regioner (Statskontoret 2025:7)\n',
    '\n',
    'Sammanfattande inställning\n',
    '\n',
    'Kungsbacka kommun delar uppfattningen att det är angeläget att stärka samhällets insatser mot\n',
    'välfärdsbrottslighet, oegentligheter och korruption. Kommunen arbetar redan aktivt med kontroll och\n',
    'uppföljning av privata utförare, och menar att nuvarande lagstiftning räcker för detta. Ett ytterligare\n',
    'förtydligande i kommunallagen skulle enligt kommunen inte göra någon större skillnad.\n',
    'Kommunen tycker att ansvarsfördelningen mellan fullmäktige, styrelse och nämnder redan är tydlig\n',
    'genom befintlig lagstiftning och vägledningar från myndigheter och SKR. I Kungsbacka finns också\n',
    'interna styrdokument och program som reglerar uppföljningen.\n',
    'Statskontorets förslag till ändring av kommunallagen innebär en särlösning på så sätt att lagen kommer\n',
    '\n',
    'att peka ut ett särskilt område för uppsikt (privata utförare). Kommunen anser inte att uppsiktsplikten\n',
    'ska detaljstyras utan att varje kommun eller region själv ska definiera former och innehåll med\n',
    'utgångspunkt i risk och väsentlighet. Kommunen ser också en svårighet i att begreppet "privata\n',
    'utförare" inte är tillräckligt tydligt definierat i relation till kommunens alla övriga leverantörer.\n',
    'Kommunen håller med om att bättre genomförd kontroll och uppföljning kan minska risken för att\n',
    'oseriösa aktörer deltar i offentlig verksamhet men att detta kräver andra åtgärder, som bättre\n',
    'riskanalyser, mer kunskap, automatiserade kontroller och samarbete mellan myndigheter snarare än en\n',
    '\n',
    'ändring i kommunallagen och uppsiktsplikten.\n',
    '\n',
    'Kommunens inställning i detalj\n',
)

# ks/2025/2025-08-26/handlingar.md, sida 215 (head) and 216
KS_SECTIONS = (
    'YTTRANDE\n',
    'Kommunstyrelsen\n',
    'Till                                                  Datum\n',
    'Finansdepartementet                              2025-06-09\n',
    '\n',
    'Diarienummer\n',
    'Ert diarienummer\n',
    'KS-2025-00417\n',
    'Fi2025/00822\n',
    'Yttrande över Finansdepartementets remiss: Förbättrad kontroll och uppföljning av\n',
    '\n',
    'privata utförare i kommuner och regioner (Statskontoret 2025:7)\n',
    '2 (3)\n',
    '\n',
    '1.3.1 Kommunallagen bör tydliggöras med avseende på styrelsens ansvar för uppsikt\n',
    '\n',
    '3. Ansvarsfördelning mellan styrelse, fullmäktige och nämnder\n',
    'De senaste åren har såväl lagstiftning bland annat genom ändringar i kommunallagen om kommuners\n',
    'ansvar för intern kontroll (6 kap. 6 § KL) och nya lagstiftningen om kommuners ansvar för\n',
    'brottsförebyggande arbete (2023:196), som stödmaterial från statliga myndigheter och Sveriges\n',
    'kommuner och regioner (SKR) förtydligat kommunens ansvar och uppdrag på området. Därtill\n',
    'reglering genom upphandlingslagarna. Precis som Statskontorets utredning pekar på i kapitel 3. finns\n',
    'det inga otydligheter i ansvarsfördelningen mellan styrelse, fullmäktige och nämnder. Samtidigt pekar\n',
    'Statskontoret på betydelsen av att hela styr- och uppföljningskedjan fungerar från gränssnitt mot\n',
    '\n',
    'leverantör och brukare/medborgare och till sista steget av övergripande uppföljning i\n',
    'kommunfullmäktige. I Kungsbacka styrs detta genom dels programmet för uppföljning av privata\n',
    'utförare, styrdokumenten för inköp och upphandling och av arbetet med intern kontroll som i sin tur\n',
    'följer av befintlig lagstiftning och myndigheters och SKR:s vägledningar.\n',
    'Kungsbacka kommun anser också att uppsiktsplikten genom att inte vara detaljreglerad bättre följer\n',
    'verksamhetens dynamik över tid. Det är kommunstyrelsen själv som bestämmer formerna för hur\n',
    'uppsikten ska genomföras och vad den ska innehålla. Kommunallagens krav på intern kontroll och\n',
    '\n',
    'program för uppföljning av privata utförare och lagen om kommunens ansvar för brottsförebyggande\n',
    'arbete, som tillsammans ställer krav på riskanalyser, lägesbeskrivningar och handlingsplaner samt\n',
    'uppföljning utgör tillräcklig reglering.\n',
    '\n',
    '1.3.1/5.1 Konsekvenser för kommuner och regioner\n',
    'Kungsbacka anser att begreppet privata utförare inte är tydligt definierat. En ytterligare invändning\n',
    'mot att förtydliga kommunallagen när det gäller styrelsens uppsikt över kontrollen av privata utförare\n',
    'är att begreppet ”privata utförare” inte är tillräckligt väl definierat i relation till kommunens alla övriga\n',
    'leverantörer. Statskontoret uttrycker i 5.1 att förslaget innebär en särlösning på så sätt att lagen\n',
    'kommer att peka ut ett särskilt område för uppsikt och att lagen gör motsvarande redan för sådan\n',
    'verksamhet som bedrivs av sådana juridiska personer som avses i 10 kapitlet 2-6§§. Skillnaden är att\n',
    'dessa senare juridiska personer har en tydligare definition. Kungsbacka instämmer inte i utredningens\n',
    'förslag att lagändringen bidrar till att ge kommunen bättre verktyg för sin kontroll och uppföljning av\n',
    'privata utförare samt att tydliggöra ansvarsfördelningen mellan fullmäktige, styrelse och nämnder.\n',
    '\n',
    '4.2 Staten kan stärka förutsättningarna för arbetet mot välfärdsbrott,\n',
    '\n',
    '5.2 Konsekvenser för det brottsförebyggande arbete, företag, enskilda, miljön och den lokala\n',
    'demokratin\n',
    'Kungsbacka kommun delar Stadskontorets uppfattning att en mer systematisk kontroll och uppföljning\n',
    'av leverantörer i allmänhet och privata utförare i synnerhet, kan leda till att oseriösa och kriminella\n',
    'aktörer söker sig till de offentliga marknaderna i lägre utsträckning. En effektivare kontroll och\n',
    '\x0c\n',
)

# ks/2025/2025-08-26/handlingar.md, sida 227 (Nämnden för Miljö & Hälsoskydd, yttrande MH-2025-2075-1)
MH_LETTER = (
    'YTTRANDE\n',
    'Nämnden för miljö & hälsoskydd\n',
    'Datum\n',
    '2025-05-28\n',
    '\n',
    'Diarienummer\n',
    'MH-2025-2075-1\n',
    '\n',
    'Yttrande över Klimat- och näringslivsdepartementets promemoria; Genomförande\n',
    'av bestämmelser i förnybartdirektivet om tillståndsförfaranden för förnybar energi,\n',
    'KN2024/02249\n',
    'Nämnden för Miljö & Hälsoskydd välkomnar förslaget att effektivisera tillståndsprocesser för\n',
    'utbyggnad av förnybar energi. Förslaget ligger i linje med samhällets behov av en snabb\n',
    'omställning till fossilfri energiproduktion och en mer förutsägbar handläggning. Det är särskilt\n',
    '\n',
    'positivt att det införs tydligare krav på underlag i avgränsningssamråd och att en färdig miljö-\n',
    'bedömning kan användas i flera tillståndsprocesser. I promemorian föreslås även införandet av\n',
    'tidsfrister för handläggning av ärenden avseende förnybar energi. För nämnden innebär detta en\n',
    'översyn av rutiner för att säkerställa att beslut fattas inom avsatta tidsfrister. Föreslagna tidsfrister\n',
    'kan riskera att medföra ett oproportionerligt administrativt tryck för nämndens förvaltning, särskilt\n',
    'i komplexa ärenden där flera regelverk och intressen ska vägas in. Det bör därför övervägas om\n',
    'resursfördelning, stöd eller differentiering kan införas för att möta detta.\n',
    'Sammanfattningsvis anser nämnden att promemorians syfte är angeläget. Nämnden avstår från att\n',
    'ge ytterligare synpunkter gällande enskildheterna i förslaget och dess konsekvenser.\n',
    '\n',
    'För Nämnden för Miljö & Hälsoskydd\n',
    '\n',
    'Niclas Nilsson, ordförande\n',
    '\n',
    '1 (1)\n',
    'Kungsbacka kommun\n',
    'Bygg- och miljöförvaltningen\n',
    '434 81 Kungsbacka\n',
    'Besöksadress\n',
    'Stadshuset, Storgatan 37\n',
    'Telefon 0300-83 40 00\n',
    'www.kungsbacka.se\n',
)

# ks/2025/2025-08-26/handlingar.md, sida 218 (protokoll § 211), 219 (tjänsteskrivelse) and 221 (yttrande)
KS_MERGE_FIELDS = (
    'KUNGSBACKA KOMMUN                  SAMMANTRÄDESPROTOKOLL           1 (1)\n',
    'Kommunstyrelsens arbetsutskott\n',
    'Datum\n',
    '2025-08-12\n',
    '\n',
    '§ 211                      Dnr KS-2025-00315\n',
    'Svar på Klimat- och näringslivsdepartementets remiss av promemorian\n',
    '- Genomförande av bestämmelser i förnybartdirektivet om\n',
    'tillståndsförfaranden för förnybar energi\n',
    '\n',
    'Förslag till beslut i kommunstyrelsen\n',
    'Kommunstyrelsen antar yttrande, daterat 2025-06-18, och översänder det som sitt\n',
    'svar till Klimat- och näringslivsdepartementet.\n',
    '\x0c\n',
    'TJÄNSTESKRIVELSE\n',
    '\n',
    'Datum\n',
    '2025-06-18\n',
    'Diarienummer\n',
    '«Diarienr»-2025-00315\n',
    '\n',
    'Svar på Klimat- och näringslivsdepartementets remiss av promemorian Genomförande\n',
    'av bestämmelser i förnybartdirektivet om tillståndsförfaranden för förnybar energi\n',
    '(KN2025/00895)\n',
    '\n',
    'Förslag till beslut i kommunstyrelsen\n',
    'Kommunstyrelsen antar yttrande, daterat 2025-06-18, och översänder det som sitt svar till Klimat- och\n',
    'näringslivsdepartementet.\n',
    '\x0c\n',
    'YTTRANDE\n',
    'Kommunstyrelsen\n',
    'Till                                                  Datum\n',
    'Klimat- och näringslivsdepartementet             2025-06-18\n',
    '\n',
    'Diarienummer\n',
    'Ert diarienummer\n',
    '«Diarienr»\n',
    '«Diarienr»\n',
    'Yttrande över Klimat- och näringslivsdepartementets remiss: Genomförande av\n',
    '\n',
    'bestämmelser i förnybartdirektivet om tillståndsförfaranden för förnybar energi\n',
    '\n',
    'Sammanfattande inställning\n',
    '\n',
    'Kungsbacka kommun ser positivt på intentionen att effektivisera tillståndsprocesser för utbyggnaden\n',
    'av förnybar energi. Förslaget ligger i linje med kommunens intresse av en snabb omställning till\n',
    'fossilfri energiproduktion och en mer förutsägbar handläggning. Det är särskilt positivt att det införs\n',
    'tydligare krav på underlag i avgränsningssamråd och att en färdig miljöbedömning kan användas i\n',
    'flera tillståndsprocesser.\n',
    'I promemorian föreslås även införandet av tidsfrister för handläggning av ärenden avseende förnybar\n',
)

# ks/2025/2025-08-26/handlingar.md, sida 229 (tjänsteskrivelse KS-2025-00447) and 230
KS_LAST_PARAGRAPH = (
    'TJÄNSTESKRIVELSE\n',
    '\n',
    'Datum\n',
    '2025-07-31\n',
    'Diarienummer\n',
    'KS-2025-00447\n',
    '\n',
    'Svar på Länsstyrelsens i Hallands läns remiss om förslag till beslut och skötselplan\n',
    'för Tjolöholms naturreservat i Kungsbacka kommun\n',
    '\n',
    'Förslag till beslut i kommunstyrelsen\n',
    '\n',
    'Kommunstyrelsen antar yttrande, daterat 2025-07-31, och översänder det som sitt svar till\n',
    'Länsstyrelsen i Hallands län.\n',
    '\n',
    'Beskrivning av ärendet\n',
    'Kungsbacka kommun har fått möjlighet att lämna synpunkter på Länsstyrelsen i Hallands läns förslag\n',
    'till beslut om bildande av Tjolöholms naturreservat.\n',
    'Kommunfullmäktige antog 2008 en fördjupad översiktsplan för Tjolöholmsområdet. Den fördjupade\n',
    'översiktsplanen ger förslag på olika sätt att utveckla platsen som besöksmål, bland annat genom\n',
    'komplettering av befintlig bebyggelse för att skapa möjligheter till övernattning. Förslaget till\n',
    'skötselplan och föreskrifter för naturreservatet medger inte att marken används på något av de sätt som\n',
    'beskrivs i den fördjupade översiktsplanen och förbjuder även byggnation inom området. Mot bakgrund\n',
    'av den fördjupade översiktsplanen anser kommunstyrelsens förvaltning att undantag från föreskrifterna\n',
    'bör kunna medges för byggnation som stärker Tjolöholm som besöksmål och som inte påverkar\n',
    'naturvärden eller kulturhistoriska värden negativt.\n',
    '\n',
    'Rickard Vidlund                    Lovisa Eld\n',
    '\n',
    'Kommundirektör                     Samhällsbyggnadschef\n',
)

# ks/2025/2025-08-26/handlingar.md, sida 231 (yttrande KS-2025-00447) and 232 (Länsstyrelsen's förslag till beslut)
KS_THEN_LANSSTYRELSEN = (
    'YTTRANDE\n',
    'Kommunstyrelsen\n',
    'Till                                                  Datum\n',
    'Länsstyrelsen i Hallands län                     2025-07-31\n',
    '\n',
    'Diarienummer\n',
    'Ert diarienummer\n',
    'KS-2025-00447\n',
    '511-8192-21\n',
    'Yttrande över Länsstyrelsen i Hallands läns remiss av förslag till beslut och\n',
    '\n',
    'skötselplan för Tjolöholms naturreservat i Kungsbacka kommun\n',
    '\n',
    'Sammanfattande inställning\n',
    '\n',
    'Kungsbacka kommun tillstyrker bildandet av Tjolöholms naturreservat och den föreslagna\n',
    'skötselplanen men anser att föreskrifterna bör förses med en möjlighet till undantag för sådan\n',
    'byggnation som kan stärka området som besöksmål utan att påverka naturvärden eller kulturhistoriska\n',
    'värden negativt.\n',
    '\n',
    'Kommunens inställning i detalj\n',
    '\n',
    'Kungsbacka kommun är positiv till att det bildas ett naturreservat på Tjolöholmshalvön och tillstyrker\n',
    'beslutet.\n',
    'Kommunfullmäktige antog 2008 en fördjupad översiktsplan för Tjolöholmsområdet. Den fördjupade\n',
    'översiktsplanen ger förslag på olika sätt att utveckla platsen som besöksmål, bland annat genom\n',
    '\n',
    'komplettering av befintlig bebyggelse för att skapa möjligheter till övernattning. Förslaget till\n',
    'skötselplan och föreskrifter för naturreservatet medger inte att marken används på något av de sätt som\n',
    'beskrivs i den fördjupade översiktsplanen och förbjuder även byggnation inom området. Mot bakgrund\n',
    'av de ställningstaganden som Kungsbacka kommun har gjort i den fördjupade översiktsplanen anser\n',
    'Kungsbacka kommun att undantag från föreskrifterna bör kunna medges för byggnation som stärker\n',
    'Tjolöholm som besöksmål och som inte påverkar naturvärden eller kulturhistoriska värden negativt.\n',
    '\n',
    'Kungsbacka kommun\n',
    '\n',
    '1 (1)\n',
    'Kommunstyrelsen                                           Kungsbacka kommun\n',
    '434 81 Kungsbacka\n',
    'kommun@kungsbacka.se\n',
    'Besöksadress\n',
    'Stadshuset, Storgatan 37\n',
    'Telefon 0300-83 40 00\n',
    'www.kungsbacka.se\n',
    '\x0c\n',
    'Förslag till beslut      1 (21)\n',
    '2025-05-26          511-8192-21\n',
    '\n',
    'Bildande av Tjolöholms naturreservat i Kungsbacka kommun\n',
    '\n',
    'Beslut\n',
    'Länsstyrelsen i Hallands län beslutar med stöd av 7 kap. 4 § miljöbalken (MB) att\n',
    'förklara det område som avgränsas av blå heldragen linje på ovanstående karta som\n',
    'naturreservat, med syfte, skäl och föreskrifter enligt nedan.\n',
)

# ks/2025/2025-08-26/handlingar.md, sida 212 (tjänsteskrivelse KS-2025-00417, head and footer), 213 (running head) and 214
KS_FOOTER = (
    'TJÄNSTESKRIVELSE\n',
    '\n',
    'Datum\n',
    '2025-06-09\n',
    'Diarienummer\n',
    'KS-2025-00417\n',
    '\n',
    'Svar på Finansdepartementets remiss av Statskontorets rapport om kontroll och\n',
    'uppföljning av privata utförare\n',
    '\n',
    'Förslag till beslut i kommunstyrelsen\n',
    '\n',
    'Kommunstyrelsen antar yttrande, daterat 2025-06-09, och översänder det som sitt svar till\n',
    'Finansdepartementet.\n',
    '1 (3)\n',
    'Kungsbacka kommun\n',
    '434 81 Kungsbacka\n',
    'Lotta Gradén\n',
    '0300-834230                                                   Besöksadress\n',
    'Specialist kvalitet & internkontroll                     Stadshuset, Storgatan 37\n',
    'Telefon 0300-83 40 00\n',
    'www.kungsbacka.se\n',
    '\x0c\n',
    'KUNGSBACKA  KOMMUN\n',
    '2 (3)\n',
    '\n',
    'Kommunstyrelsens förvaltnings bedömning\n',
    '\n',
    'Kommunstyrelsens förvaltning instämmer i att det är angeläget att stärka samhällets insatser mot\n',
    'välfärdsbrottslighet, oegentligheter och korruption, men anser inte att ytterligare lagstiftning kommer\n',
    'att leda till en mer effektiv kontroll och uppföljning av privata utförare.\n',
    'Förvaltningen vill också framhålla att uppsiktsplikten inte bör detaljregleras utan att det ska lämnas\n',
    'utrymme för den enskilda kommunen eller regionen att välja former och innehåll utifrån risk och\n',
    'väsentlighet.\n',
)



def _read(tmp_path: Path, *pieces: tuple[str, ...], name: str = "excerpt.txt"):
    path = tmp_path / name
    path.write_text("".join(line for piece in pieces for line in piece), encoding="utf-8")
    return read_file(path, Source())


def _holding(snippets, words: str):
    return next(s for s in snippets if words in (s.original or s.text))


# --- provenance ----------------------------------------------------------------------------------------------


def test_a_template_word_under_the_label_is_no_name(tmp_path):
    (document,) = _read(tmp_path, VO_HEAD).documents  # "YTTRANDE / Nämnd / Datum": the template's word
    assert document.source.namnd == "Nämnden för Vård & Omsorg"  # from the body that opens the positions
    assert (document.source.dnr, document.source.datum) == ("VO-2024-00489", "2025-01-23")
    # "… remiss av utredningen: Stärkt …": the fragment before the title proper is not part of it
    assert document.source.title == "Stärkt medicinsk kompetens i kommunal hälso- och sjukvård (SOU 2024:72)"


def test_a_merge_field_is_no_dnr_and_the_protokoll_on_the_same_arende_gives_it(tmp_path):
    result = _read(tmp_path, KS_MERGE_FIELDS)  # "«Diarienr»-2025-00315", "«Diarienr»"
    assert [d.kind for d in result.documents] == ["tjänsteskrivelse", "yttrande"]
    assert [d.source.dnr for d in result.documents] == ["KS-2025-00315", "KS-2025-00315"]
    assert all(d.source.title.startswith("Genomförande av bestämmelser i förnybartdirektivet") for d in result.documents)


def test_without_the_protokoll_a_merge_field_leaves_the_dnr_empty(tmp_path):
    result = _read(tmp_path, KS_MERGE_FIELDS[14:])  # the tjänsteskrivelse and the yttrande only
    assert [d.source.dnr for d in result.documents] == ["", ""]


# --- memo headings ---------------------------------------------------------------------------------------------


def test_remiss_numbered_headings_ending_in_a_stop_wrapping_or_in_a_row(tmp_path):
    snippets = _read(tmp_path, VO_SECTIONS).snippets
    assert not any(s.text[:1].isdigit() for s in snippets)  # "4.3 … bekostnad.", "4.1.1 … dygnet runt." are headings
    assert _holding(snippets, "instämmer inte i utredningens förslag om lagkrav").source.section == (
        "4.1.1 Genomför redan lämnade förslag om lagkrav på tillgång till medicinsk bedömning dygnet runt")
    assert _holding(snippets, "ser positivt på möjligheterna").source.section.startswith("5.4 Det ska inte vara förbjudet")
    assert _holding(snippets, "instämmer i utredningens bedömning att stärka").source.section.startswith("4.1 ")
    # the lead-in announcing what follows is not a position
    assert not any(s.text.startswith(("Nedan presenteras", "{namnd}")) and "Hänvisning till befintliga rubriker" in s.text for s in snippets)


def test_a_heading_wrapping_onto_a_line_ending_in_a_stop(tmp_path):
    snippets = _read(tmp_path, VO_WRAPPED).snippets
    assert not any(s.text.startswith("7.2 ") for s in snippets)
    assert _holding(snippets, "ledarskapsutbildning").source.section.startswith("7.2.1 Utveckla en nationell ledarskapsutbildning")


def test_out_of_sequence_compound_and_comma_ended_numbers(tmp_path):
    snippets = _read(tmp_path, KS_SECTIONS).snippets
    assert not any(s.text[:1].isdigit() for s in snippets)  # "3. …", "1.3.1/5.1 …", "4.2 … välfärdsbrott," stay out
    assert _holding(snippets, "finns det inga otydligheter").source.section == "3 Ansvarsfördelning mellan styrelse, fullmäktige och nämnder"
    assert _holding(snippets, "anser att begreppet privata utförare").source.section == "1.3.1/5.1 Konsekvenser för kommuner och regioner"
    assert _holding(snippets, "delar Stadskontorets uppfattning").source.section.startswith("5.2 Konsekvenser för det brottsförebyggande")


def test_numbered_lines_of_a_memo_not_answering_by_sections_stay_text(tmp_path):
    # one numbered paragraph in a letter: the relaxed heading rule needs the memo to answer by section numbers
    text = [*VO_HEAD[:10], "Sammanfattande inställning\n", "\n",
            "1. Kommunen anser att förslaget i huvudsak är bra.\n", "Kommunen har inget att tillägga.\n"]
    snippets = _read(tmp_path, text).snippets
    assert any(s.text.startswith("1. Kommunen anser") or s.text.startswith("1. {namnd}") for s in snippets)


# --- what is not a position ---------------------------------------------------------------------------------------


def test_a_signature_is_not_a_position(tmp_path):
    (document,) = _read(tmp_path, MH_LETTER).documents
    assert not any("För Nämnden för Miljö" in s.text or "Niclas Nilsson" in s.text for s in document.snippets)
    assert document.source.namnd.casefold() == "nämnden för miljö & hälsoskydd"
    assert len(document.snippets) == 2


def test_footer_columns_are_not_body_text(tmp_path):
    path = tmp_path / "excerpt.txt"
    path.write_text("".join(KS_FOOTER), encoding="utf-8")
    body = [line.text.strip() for line in read_layout(read_raw(path).lines(), text_widths=True).lines]
    assert not any("Besöksadress" in text or "Storgatan" in text or "0300-" in text for text in body)  # "0300-834230   Besöksadress"
    assert any(text.startswith("Kommunstyrelsens förvaltning instämmer") for text in body)


def test_a_list_stays_with_the_paragraph_it_supports(tmp_path):
    snippets = _read(tmp_path, VO_LIST).snippets
    law = _holding(snippets, "tillräckligt tydliggör kraven")
    assert law.text.count("\n• ") == 3 and law.text.endswith("Undantaget hälso- och sjukvård som ges av läkare.")
    assert not any(s.text.startswith(("Hälso- och sjukvårdslagen", "Undantaget")) for s in snippets)
    assert _holding(snippets, "anser det är positivt att utredningen betonar") is not law  # the next paragraph is its own


def test_in_a_summary_the_answering_body_opening_a_line_after_a_full_stop_begins_a_paragraph(tmp_path):
    snippets = _read(tmp_path, KS_SUMMARY).snippets
    other_means = _holding(snippets, "Kommunen håller med om att bättre genomförd kontroll")
    assert (other_means.original or other_means.text).startswith("Kommunen håller med")
    assert "leverantörer." not in other_means.text
    assert _holding(snippets, "innebär en särlösning").text.endswith("kommunens alla övriga leverantörer.")


def test_a_tjansteskrivelse_states_its_position_in_its_last_paragraph(tmp_path):
    (document,) = _read(tmp_path, KS_LAST_PARAGRAPH).documents
    (position,) = document.snippets  # "Mot bakgrund av … anser kommunstyrelsens förvaltning att …", under no bedömning
    assert position.text.startswith("Kommunfullmäktige antog 2008") and position.stance == "forbehall"
    assert not any("har fått möjlighet" in s.text for s in document.snippets)


# --- meeting papers -------------------------------------------------------------------------------------------------


def test_another_authoritys_draft_decision_is_a_remiss_not_part_of_the_yttrande(tmp_path):
    result = _read(tmp_path, KS_THEN_LANSSTYRELSEN)
    (yttrande,) = result.documents
    assert [(kind, first) for _, kind, first in result.skipped] == [("remiss", "Förslag till beslut 1 (21)")]
    assert len(yttrande.snippets) == 3
    assert not any("Länsstyrelsen i Hallands län beslutar" in s.text or "1 (21)" in s.text for s in yttrande.snippets)
    assert "remiss – importeras inte: Förslag till beslut 1 (21)" in "\n".join(describe(result))


def test_the_same_yttrande_from_a_second_file_is_already_in_the_corpus(tmp_path):
    corpus = tmp_path / "korpus"
    one, two = tmp_path / "yttrande.txt", tmp_path / "handlingar.txt"
    one.write_text("".join(MH_LETTER), encoding="utf-8")
    two.write_text("".join(MH_LETTER), encoding="utf-8")
    (first,) = import_files([one], corpus)
    (second,) = import_files([two], corpus)
    saved = second.documents[0].saved
    assert first.documents[0].saved.status == "ny" and saved.status == "oförändrad" and saved.elsewhere
    assert "finns redan i korpusen" in describe(second)[0]
    assert len(list(corpus.glob("*.yaml"))) == 1


def test_the_same_yttrande_with_a_hand_made_change_is_still_a_conflict(tmp_path):
    corpus = tmp_path / "korpus"
    one, two = tmp_path / "yttrande.txt", tmp_path / "handlingar.txt"
    one.write_text("".join(MH_LETTER), encoding="utf-8")
    two.write_text("".join(MH_LETTER), encoding="utf-8")
    (first,) = import_files([one], corpus)
    stored = first.documents[0].saved.path
    edited = stored.read_text(encoding="utf-8").replace("stance: positiv", "stance: neutral", 1)
    stored.write_text(edited, encoding="utf-8")
    (second,) = import_files([two], corpus)
    assert second.documents[0].saved.status == "konflikt" and stored.read_text(encoding="utf-8") == edited
