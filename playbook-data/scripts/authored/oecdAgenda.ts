import type { Stage } from '@werkplaats/shared'

/**
 * Our own workshop agenda around the OECD Innovatie Playbook (not published text, so not checked against
 * the seed). It wraps the playbook's three-step journey in a full session of 2,5 uur and draws its advice
 * from the playbook itself: begin with one challenge, use the questions to take stock honestly, adapt the
 * plays to your own practice, repeat the journey for the next challenge.
 */

const md = (text: string): string => text.trim()

export const oecdAgenda: Stage[] = [
  {
    id: 'welkom',
    shows: ['intro', 'journey'],
    writingZone: { label: 'Check-in' },
    kind: 'welcome',
    title: 'Welkom & check-in',
    minutes: 15,
    goal: 'Iedereen weet waarom we hier zijn, hoe de reis in drie stappen loopt en wat er van hem of haar verwacht wordt.',
    participantInstruction: md(`
Zet één sticky op het canvas met je naam en je antwoord op de vraag: welke uitdaging rond vernieuwing houdt jou in je werk op dit moment het meest bezig?
`),
    facilitatorGuide: md(`
**Voorbereiding (vooraf)**

- Lees de inleiding en "Hoe dit Playbook te gebruiken" in het achtergrondpaneel. Je hoeft het Playbook niet van voor naar achter te kennen: het is geen rapport dat pagina per pagina gelezen moet worden, je begint met één uitdaging.
- Zorg dat er iemand meedoet die over de gekozen acties mag beslissen, of spreek vooraf af wie dat na de sessie doet.
- Werkt het best met 4 tot 12 deelnemers. Plan een pauze van 10 minuten tussen "De situatie kaderen" en "Verandering bewerkstelligen".

**Wat je zegt (5 minuten)**

- Het Playbook komt van het Observatory of Public Sector Innovation (OPSI) van de OESO. Het vertaalt de *Declaration on Public Sector Innovation* (vijf innovatieprincipes) naar concrete acties, en is bedoeld voor leidinggevenden en hun teams.
- We maken vandaag de reis in drie stappen: **Startpunt** (welke uitdaging pakken we aan, en bij welk principe hoort ze?), **De situatie kaderen** (waar staan we nu?) en **Verandering bewerkstelligen** (welke acties, of "plays", nemen we over?). Daarna maken we een actieplan.
- Het Playbook geeft geen pasklare antwoorden maar aanknopingspunten. We gaan er kritisch mee om en passen de ideeën aan onze eigen praktijk aan.
- Spelregels: eerlijk boven mooi; we beoordelen hoe het systeem werkt, niet personen; wat over collega's gezegd wordt, blijft in de sessie.

**Check-in (10 minuten)**

- Laat iedereen eerst in stilte een sticky plaatsen, en daarna in één zin toelichten (hooguit 30 seconden per persoon).
- Vat na de ronde hardop samen welke thema's terugkomen: die helpen straks bij het kiezen van een principe.

**Waar je op let**

- Laat de hoogste in rang als laatste spreken, zodat anderen niet hun richting volgen.
- Scepsis ("innovatie is een modewoord") mag er zijn. Erken ze en zeg dat het vandaag gaat over het dagelijkse werk en kleine, concrete stappen.
`),
  },
  {
    id: 'startpunt',
    shows: ['principles'],
    writingZone: { label: 'Onze uitdagingen' },
    kind: 'challenges',
    journeyStepId: 'startpunt',
    title: 'Startpunt: wat zijn de uitdagingen die je wil aanpakken?',
    minutes: 30,
    dotsPerParticipant: 3,
    // "Verdeel tot slot je 3 stippen … Je mag meerdere stippen op dezelfde sticky zetten."
    vote: { perParticipant: 3, perCard: 3 },
    goal: 'Samen een uitdaging kiezen en het innovatieprincipe dat er het best bij aansluit.',
    participantInstruction: md(`
Lees de vijf principes en hun "Hoe kunnen we …?"-vragen. Schrijf daarna je eigen uitdagingen op, één per sticky, bij voorkeur ook als "Hoe kunnen we …?", en plaats ze onder het principe waar ze het best bij passen.

Verdeel tot slot je 3 stippen over de uitdagingen die jij het belangrijkst vindt. Je mag meerdere stippen op dezelfde sticky zetten.
`),
    facilitatorGuide: md(`
**Introductie (5 minuten)**

Leg uit dat de vragen onder elk principe voorbeelden zijn van uitdagingen die bij dat principe horen: ze helpen bepalen welk principe het best aansluit bij onze uitdaging. Loop de vijf principes kort langs met deze ezelsbrug:

- **1. Innovatie verwelkomen en versterken**: leiderschap, strategie, mandaat, middelen, regelgeving, een portfolio van innovatie. Je hoort: "er is geen steun van bovenaf", "vernieuwing blijft hangen in losse projecten".
- **2. Alle ambtenaren aanmoedigen en uitrusten**: cultuur, vaardigheden, ruimte in het dagelijkse werk, erkenning. Je hoort: "mensen durven niet", "daar is geen tijd voor", "het zijn altijd dezelfde vernieuwers".
- **3. Nieuwe partnerschappen en verschillende stemmen**: burgers, gebruikers, stakeholders, het ecosysteem, diversiteit. Je hoort: "we ontwerpen vóór mensen, niet mét hen", "we zitten in onze eigen bubbel".
- **4. Verkenning, iteratie en tests**: experimenteren, veilige testomgevingen, sandboxen, vooruitkijken. Je hoort: "alles moet in één keer goed", "de regels laten geen proef toe".
- **5. Lessen verspreiden en praktijken delen**: verhalen, netwerken, evaluatie, institutioneel geheugen. Je hoort: "we vinden steeds het wiel opnieuw uit", "niemand weet wat het heeft opgeleverd".

**Stil schrijven (8 minuten)**

Iedereen schrijft eerst alleen: zo bepaalt de eerste spreker niet de richting. Vraag om concrete uitdagingen ("Hoe kunnen we … zodat …?"). Twijfelt iemand over het principe, dan kiest die het dichtstbijzijnde; verplaatsen kan later.

**Clusteren (7 minuten)**

Lees de stickies per principe voor, voeg dubbele samen en verplaats wat beter bij een ander principe past. Vraag de schrijver: "Waar wringt het nu precies? Wanneer merkte je dat voor het laatst?"

**Stemmen en beslissen (10 minuten)**

- Laat iedereen zijn 3 stippen zetten. Het canvas stelt het principe met de meeste stippen voor; **jij kiest**.
- Toets de keuze hardop: hebben we hier als team invloed op? Is er energie voor? Is het dringend?
- Bij een gelijke of nipte stand: laat de indieners van de belangrijkste stickies elk een halve minuut pleiten en laat de beslisser kiezen.
- Benoem welk principe en welke uitdaging(en) we meenemen. De andere stickies blijven bewaard: de reis kan herhaald worden voor elke uitdaging ("Kies een andere uitdaging" aan het eind).

**Waar je op let**

- Een "uitdaging" die eigenlijk een oplossing is ("we hebben een innovatielab nodig"): vraag naar het probleem erachter.
- Te grote uitdagingen ("de hele overheid moet innovatiever"): maak ze kleiner, tot iets waar dit team morgen aan kan beginnen.
- Eén principe per ronde. Wie wil springen tussen principes, wijs je op de volgende ronde.
`),
  },
  {
    id: 'kaderen',
    shows: ['principle-details', 'assessment-questions'],
    writingZone: { label: 'Wat valt ons op?' },
    kind: 'assess',
    journeyStepId: 'kaderen',
    title: 'De situatie kaderen: waar sta je nu?',
    minutes: 30,
    scope: 'chosen-principle',
    voteLabel: 'We moeten dit verbeteren!',
    hiddenUntilRevealed: true,
    // "Eén stem per vraag; je mag op zoveel vragen stemmen als je wilt."
    vote: { perParticipant: 'per-card', perCard: 1 },
    goal: 'Voor het gekozen principe eerlijk de stand van zaken opmaken en de hiaten vinden die het meest om actie vragen.',
    participantInstruction: md(`
Lees de belangrijke dimensies van het principe en "Waarom is dit principe zo belangrijk?". Ga dan de evaluatievragen langs en stem "We moeten dit verbeteren!" bij elke vraag waar ons team volgens jou een hiaat heeft.

Je ziet de stemmen van de anderen pas wanneer de facilitator ze onthult.
`),
    facilitatorGuide: md(`
**Introductie (7 minuten)**

- Lees de titel van het principe voor en vat "Waarom is dit principe zo belangrijk?" in twee, drie zinnen samen in je eigen woorden.
- Loop de dimensies langs: zo ziet het eruit als het goed gaat. Vraag kort (zonder discussie): "Welke herken je bij ons, welke niet?"

**Stemmen in stilte (8 minuten)**

- Leg uit dat de stemmen verborgen blijven tot jij ze onthult, zodat niemand de groep volgt.
- Eén stem per vraag; je mag op zoveel vragen stemmen als je wilt.
- Stem vanuit je eigen ervaring, niet vanuit wat je denkt dat de leiding wil horen. Is een vraag onduidelijk, geef dan een voorbeeld en geen oordeel.

**Onthullen en bespreken (12 minuten)**

- Onthul de stemmen. Begin bij de vraag met de meeste stemmen, dan de vragen waar het beeld verdeeld is: "Wat zien jullie dat de anderen niet zien?" Verschil is informatie: wie op een andere plek werkt, ziet andere dingen.
- Vraag naar voorbeelden ("Wanneer merkte je dit voor het laatst?") en laat ze als sticky bij de vraag zetten: ze maken de volgende stap concreet.

**Beslissen (3 minuten)**

- Het canvas neemt de vragen met de meeste stemmen mee naar de volgende stap (de top 3). Elke vraag leidt naar precies één play.
- Je mag een vraag toevoegen of wisselen als het gesprek daar reden voor gaf. Zeg dan hardop waarom.

**Waar je op let**

- Niemand stemt ("het gaat toch goed"): vraag "Als een collega van een andere organisatie naar ons kijkt, wat zou die zeggen?"
- Alles krijgt stemmen: vraag "Als we maar één ding konden verbeteren, welk zou het meeste verschil maken?"
- Wordt iemand verdedigend, herhaal dan dat we kijken naar hoe het systeem werkt, niet naar wie het fout doet.
`),
  },
  {
    id: 'verbeteren',
    shows: ['plays'],
    writingZone: { label: 'Onze eigen acties' },
    kind: 'improve',
    journeyStepId: 'verbeteren',
    title: 'Verandering bewerkstelligen: hoe kan je de situatie verbeteren?',
    minutes: 40,
    topQuestions: 3,
    goal: 'Voor de belangrijkste hiaten de acties kiezen die voor ons het meeste opleveren, vertaald naar onze eigen praktijk.',
    participantInstruction: md(`
Voor elke gekozen vraag zie je de play die erbij hoort: de acties onder "Hoe verbeteren we", de vraag "Heb je dit al geprobeerd?", een praktijkvoorbeeld en een toolkit.

Geef aan welke acties we al doen, markeer de acties die voor ons het meeste opleveren en voeg eigen acties toe als sticky.
`),
    facilitatorGuide: md(`
Neem per play ongeveer 12 minuten en werk in vier korte rondes.

**1. Lezen (3 minuten)**

Iedereen leest de play in stilte: de acties, het praktijkvoorbeeld en de toolkit.

**2. Heb je dit al geprobeerd? (3 minuten)**

Vraag welke acties we al (deels) doen en wat dat heeft opgeleverd. Laat die acties als "doen we al" markeren. Het Playbook is geen afvinklijst: teams doen vaak meer dan ze denken, en wat al loopt kun je versterken in plaats van opnieuw beginnen.

**3. Markeren (3 minuten)**

Iedereen markeert hooguit twee acties waar voor ons de meeste winst zit.

**4. Vertalen (3 minuten)**

De acties zijn algemeen geformuleerd. Vraag bij de meest gemarkeerde: "Hoe ziet dit er bij ons uit? Wie, wat, waar?" Eigen acties zijn welkom; het Playbook vraagt je uitdrukkelijk de acties aan te passen en over te nemen.

**Praktijkvoorbeeld en toolkit**

Gebruik ze als inspiratie, niet als voorschrift: "Wat kunnen we van dit voorbeeld lenen?" Een toolkit doornemen is vaak een goede eerste stap voor het actieplan. Komt de play over de portfoliobenadering aan bod, gebruik dan de vier innovatiefacetten uit de Verklaring (verbeteringsgericht, taakgericht, adaptief, anticipatief) om te bekijken waar onze initiatieven nu zitten en welk facet ontbreekt.

**Beslissen (aan het eind)**

Kies samen in totaal twee tot vier acties voor het actieplan. Criteria: pakt het hiaat aan, past binnen ons mandaat, en de eerste stap kan binnen twee weken gezet worden. Bij twijfel kies je de kleinere actie.

**Waar je op let**

- Acties die alleen anderen kunnen uitvoeren ("de directie moet …"): vraag wat wij zelf kunnen doen om het mogelijk te maken.
- Te veel acties: minder is meer. Wat niet gekozen wordt, blijft zichtbaar op het canvas.
`),
  },
  {
    id: 'actieplan',
    shows: [],
    writingZone: { label: 'Actieplan' },
    kind: 'action-plan',
    title: 'Actieplan',
    minutes: 25,
    goal: 'Elke gekozen actie heeft een eigenaar, een eerste stap en een datum.',
    participantInstruction: md(`
Vul voor elke gekozen actie in wie de eigenaar is, wat de eerste concrete stap is en wanneer die gezet is. Zet je naam alleen bij een actie als je er ook echt tijd voor hebt.
`),
    facilitatorGuide: md(`
**Per actie (ongeveer 5 minuten)**

- **Eigenaar**: één persoon, geen team. De eigenaar zorgt dat het gebeurt, maar hoeft niet alles zelf te doen.
- **Eerste stap**: klein, zichtbaar en binnen twee weken te zetten, bijvoorbeeld "afspraak plannen met …" of "de toolkit doornemen en drie bruikbare oefeningen kiezen".
- **Datum**: een echte datum, geen "na de zomer".
- Vraag: "Wat heb je nodig, en van wie?" Wie in de sessie kan helpen? Noteer belemmeringen bij de actie.

**Afronden (5 minuten)**

Spreek een terugkommoment af (bijvoorbeeld over zes weken) om te bekijken wat er gebeurd is en wat we geleerd hebben, ook als iets niet liep zoals verwacht. Lessen delen is zelf een van de innovatieprincipes.

**Waar je op let**

- Niemand wil eigenaar zijn: maak de actie kleiner of schrap ze. Een actie zonder eigenaar gebeurt niet.
- Alles belandt bij de leidinggevende: verdeel de acties.
`),
  },
  {
    id: 'afsluiting',
    shows: [],
    writingZone: { label: 'Check-out' },
    kind: 'closing',
    title: 'Afsluiting',
    minutes: 10,
    restart: { label: 'Kies een andere uitdaging', stageId: 'startpunt' },
    goal: 'Afronden met een check-out en vastleggen wat we hebben afgesproken.',
    participantInstruction: md(`
Zet één sticky op het canvas: wat neem je mee uit deze sessie, en wat ga jij als eerste doen?
`),
    facilitatorGuide: md(`
- **Samenvatten (3 minuten)**: het gekozen principe, de hiaten die we zagen, de gekozen acties en hun eigenaren.
- **Check-out (5 minuten)**: één zin per persoon bij de sticky.
- **Vastleggen (2 minuten)**: exporteer de samenvatting en deel ze binnen een dag met alle deelnemers en met wie over de acties beslist.
- **Kies een andere uitdaging**: het Playbook kun je herhalen voor elke uitdaging die je wilt oplossen. Is er nog tijd en energie, of plan je een vervolgsessie, start dan opnieuw bij het Startpunt met een ander principe; de stickies van deze ronde staan daar nog klaar.
`),
  },
]
