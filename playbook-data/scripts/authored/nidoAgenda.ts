import type { Stage } from '@werkplaats/shared'

/**
 * Our own 60-minute team session around Nido's six core principles of inclusive and innovative
 * leadership. Same mechanics as the playbook session, shorter: no principle to choose, the team rates
 * itself on all six at once and works on the two that need it most.
 */

const md = (text: string): string => text.trim()

export const nidoAgenda: Stage[] = [
  {
    id: 'welkom',
    shows: ['intro'],
    writingZone: { label: 'Check-in' },
    kind: 'welcome',
    title: 'Welkom & check-in',
    minutes: 5,
    goal: 'Iedereen weet waarom we hier zijn: als team kijken hoe we vernieuwing mogelijk maken, op elk niveau.',
    participantInstruction: md(`
Zet één sticky op het canvas: wanneer heb jij voor het laatst iets nieuws uitgeprobeerd in je werk, en wat gebeurde er?
`),
    facilitatorGuide: md(`
**Wat je zegt (2 minuten)**

- Deze sessie steunt op "Iedereen kan innoveren" van Nido, het innovatielab van de Belgische federale overheid. De overtuiging: innovatie draait niet alleen om geld of technologie, maar begint bij durf, leiderschap op elk niveau en verschillende vaardigheden.
- We kijken vandaag naar zes kernprincipes van inclusief en innovatief leiderschap. Leiderschap is hier niet alleen de rol van de leidinggevende: iedereen in het team kan het tonen.
- Het verloop: we beoordelen onszelf op de zes principes, werken de twee zwakste uit met tips en voorbeelden, en eindigen met een klein actieplan.

**Check-in (3 minuten)**

Laat iedereen de sticky plaatsen; lees er een paar voor. Geen bespreking: het gaat erom dat iedereen al eens iets gezegd heeft.

**Waar je op let**

Deze sessie is kort. Bewaak de tijd en parkeer zijsporen op een sticky "later".
`),
  },
  {
    id: 'stand-van-zaken',
    shows: ['principle-details', 'assessment-questions'],
    writingZone: { label: 'Wat valt ons op?' },
    kind: 'assess',
    title: 'Waar staan we als team?',
    minutes: 15,
    scope: 'all-principles',
    voteLabel: 'We moeten dit verbeteren!',
    hiddenUntilRevealed: true,
    // "Stem … bij elk principe …"; "Er is geen maximum."
    vote: { perParticipant: 'per-card', perCard: 1 },
    goal: 'Zien op welke van de zes principes ons team het meest tekortschiet.',
    participantInstruction: md(`
Lees de zes principes. Stem "We moeten dit verbeteren!" bij elk principe waarvan jij vindt dat ons team het nog niet genoeg waarmaakt.

Je ziet de stemmen van de anderen pas wanneer de facilitator ze onthult.
`),
    facilitatorGuide: md(`
**Lezen en stemmen in stilte (5 minuten)**

- Lees de zes principes één keer hardop voor, zonder uitleg: de tekst spreekt voor zich.
- Iedereen stemt alleen en in stilte; de stemmen blijven verborgen tot jij ze onthult, zodat niemand de groep volgt. Er is geen maximum.
- Vraag om te stemmen op wat we doen, niet op wat we vinden dat we zouden moeten doen.

**Onthullen en bespreken (8 minuten)**

- Onthul de stemmen. Begin bij het principe met de meeste stemmen: "Wat zie je gebeuren waardoor je hier stemde?" Vraag om een concreet voorbeeld.
- Bespreek daarna het principe waar het beeld het meest verdeeld is: verschil in beleving is vaak het interessantste gesprek. Wie weinig zegt, nodig je uit ("Hoe zie jij dat?"); het tweede principe gaat precies daarover.

**Beslissen (2 minuten)**

Het canvas neemt de twee principes met de meeste stemmen mee naar de volgende stap. Wissel alleen als het gesprek daar een goede reden voor gaf, en zeg die reden hardop.

**Waar je op let**

- Niemand stemt: vraag "Wat zou een nieuwe collega na een maand over ons zeggen?"
- Een leidinggevende die zich aangesproken voelt: benadruk dat de principes over het hele team gaan.
`),
  },
  {
    id: 'verbeteren',
    shows: ['plays'],
    writingZone: { label: 'Onze eigen acties' },
    kind: 'improve',
    title: 'Wat kunnen we anders doen?',
    minutes: 20,
    topQuestions: 2,
    goal: 'Voor de twee principes die het meest aandacht vragen, tips kiezen die we zelf kunnen toepassen.',
    participantInstruction: md(`
Voor elk gekozen principe zie je tips van experts, een inspirerend voorbeeld en soms een hulpmiddel. Markeer de tips die ons het meest zouden helpen en voeg eigen ideeën toe als sticky.
`),
    facilitatorGuide: md(`
Neem per principe 10 minuten.

**Lezen (2 minuten)**

Iedereen leest de tips en het voorbeeld in stilte.

**Markeren (3 minuten)**

Iedereen markeert hooguit twee tips en mag eigen ideeën toevoegen. Moedig kleine ideeën aan: "Wat kunnen we volgende week al proberen?" Het vierde principe zegt het zelf: liever veel kleine iteraties dan één grote gok.

**Bespreken (5 minuten)**

Neem de meest gemarkeerde tip of het sterkste eigen idee en vraag: "Hoe zou dit er bij ons uitzien? Wat houdt ons tegen?" Het voorbeeld helpt om het concreet te maken: "Wat kunnen we hiervan lenen?"

**Beslissen**

Kies per principe één actie voor het actieplan. Criteria: kan binnen ons eigen mandaat, en de eerste stap is klein genoeg om binnen twee weken te zetten.

**Waar je op let**

- Ideeën die wachten op toestemming van anderen: één van de tips zegt dat toestemming vragen kan vertragen. Zoek de versie die binnen ons mandaat past.
- Praten over "zij" (de organisatie, de directie): breng het terug naar "wij".
`),
  },
  {
    id: 'actieplan',
    shows: [],
    writingZone: { label: 'Actieplan' },
    kind: 'action-plan',
    title: 'Actieplan',
    minutes: 15,
    goal: 'Elke gekozen actie heeft een eigenaar, een eerste stap en een datum.',
    participantInstruction: md(`
Vul voor elke gekozen actie in wie de eigenaar is, wat de eerste kleine stap is en wanneer die gezet is.
`),
    facilitatorGuide: md(`
- **Eigenaar**: één persoon die zorgt dat het gebeurt. Het hoeft niet de leidinggevende te zijn; liever niet zelfs, als je "leiderschap op elk niveau" serieus neemt.
- **Eerste stap**: zo klein dat hij binnen twee weken gezet kan worden, als een experiment: "we proberen het twee weken en kijken wat het doet".
- **Datum**: een echte datum.
- Spreek af wanneer jullie terugblikken (bijvoorbeeld in het volgende teamoverleg): wat werkte, wat passen we aan? Zo maak je van het actieplan zelf een kleine iteratie.
- Niemand wil eigenaar zijn: maak de actie kleiner of laat ze vallen.
`),
  },
  {
    id: 'afsluiting',
    shows: [],
    writingZone: { label: 'Check-out' },
    kind: 'closing',
    title: 'Afsluiting',
    minutes: 5,
    goal: 'Afronden en vastleggen wat we hebben afgesproken.',
    participantInstruction: md(`
Zet één sticky op het canvas: wat neem je mee uit deze sessie?
`),
    facilitatorGuide: md(`
- Vat samen: de twee principes, de gekozen acties en hun eigenaren.
- Check-out: één zin per persoon bij de sticky.
- Exporteer de samenvatting en deel ze dezelfde dag met het team.
- Wie verder wil lezen: de vragen en antwoorden in het achtergrondpaneel gaan over innovatie in evaluaties en over een gedeelde definitie van innovatie.
`),
  },
]
