/**
 * The judgement calls of the OECD playbook extraction, made once by reading the seed (001_*.txt) and
 * written down here so the extraction is repeatable. Everything else (play questions, actions, cases,
 * toolkits, links, challenge questions) is parsed from the seed by oecdPlaybook.ts.
 *
 * - Ids are ours (stable slugs for board state).
 * - Anchors are short pieces of the cleaned seed text marking where a passage starts and ends; the
 *   multi-column layout scatters the "dimensies" bubbles and the assessment questions, so the parser
 *   cannot find their boundaries on its own.
 * - Assessment questions are listed in the order the extraction yields them (the visual order of the
 *   bubbles is lost), each with the play it leads to, matched by the play's own question.
 * - `links` says, per distinct link of a play in the order they appear after the play, whether it belongs
 *   to the PRAKTIJKVOORBEELD (`C`) or the TOOLKIT (`T`), decided by which linked words each text contains.
 */

export interface PlayOutline {
  id: string
  /** The play's title as printed (capitals); the rest of its heading is its question. */
  title: string
  links: string
}

export interface QuestionOutline {
  /** Start of the question in the cleaned seed; the question runs to the first "?". */
  anchor: string
  playId: string
}

export interface PrincipleOutline {
  id: string
  title: string
  /** [start, end] anchors of each "belangrijke dimensie". */
  dimensions: [string, string][]
  /** [start, end] anchors of the "waarom is dit principe zo belangrijk" text. */
  why: [string, string]
  questions: QuestionOutline[]
  /** Plays in the order of the seed. */
  plays: PlayOutline[]
}

export const oecdPrinciples: PrincipleOutline[] = [
  {
    id: 'verwelkomen-en-versterken',
    title: 'INNOVATIE BINNEN DE OVERHEIDSSECTOR VERWELKOMEN EN VERSTERKEN',
    dimensions: [
      ['Innovatie verwelkomen als een van de manieren', 'mensen die zij dienen.'],
      ['Erkennen dat innovatie - net als', 'kunnen functioneren.'],
      ['Het beheer van het innovatiesysteem', 'centralisatie binnen de regeringen.'],
      ['Het veelzijdige karakter', 'prioriteiten.'],
      ['De aandacht vestigen op en ondersteunen', 'reeds plaatsvindt.'],
    ],
    why: ['Het eerste principe - innovatie', 'taakgerichte en anticiperende innovatie.'],
    questions: [
      { anchor: 'Staan politici', playId: 'vertrouwen-in-leiderschap' },
      { anchor: 'Vindt innovatie plaats', playId: 'over-sectoren-heen' },
      { anchor: 'Worden innovatie-initiatieven omgezet', playId: 'innovatie-in-de-praktijk' },
      { anchor: 'Zijn er regelgevings-', playId: 'regelgeving-en-financiering' },
      { anchor: 'Is er daadwerkelijke steun', playId: 'ondersteuning-en-leiderschap' },
      { anchor: 'Is er gekozen', playId: 'portfoliobenadering' },
    ],
    plays: [
      { id: 'vertrouwen-in-leiderschap', title: 'HET VERTROUWEN IN LEIDERSCHAP', links: 'CTT' },
      { id: 'innovatie-in-de-praktijk', title: 'INNOVATIE-PRAKTIJKEN BETER IN DE PRAKTIJK OMZETTEN', links: 'CT' },
      { id: 'ondersteuning-en-leiderschap', title: 'ONDERSTEUNING EN LEIDERSCHAP', links: 'CT' },
      { id: 'over-sectoren-heen', title: 'INNOVATIE OVER OVERHEIDSSECTOREN EN -ORGANISATIES HEEN', links: 'CCTT' },
      {
        id: 'regelgeving-en-financiering',
        title: 'REGELGEVING, MANAGEMENT EN FINANCIERINGSINSTRUMENTEN OM INNOVATIE TE ONDERSTEUNEN',
        links: 'CTT',
      },
      { id: 'portfoliobenadering', title: 'DE PORTFOLIO BENADERING VAN INNOVATIE', links: 'CCT' },
    ],
  },
  {
    id: 'aanmoedigen-en-uitrusten',
    title: 'ALLE AMBTENAREN AANMOEDIGEN EN UITRUSTEN OM TE INNOVEREN',
    dimensions: [
      ['De voordelen erkennen die een cultuur', 'praktijk van innovatie.'],
      ['Zorgen voor ondersteunende structuren', 'voortdurend herevalueren.'],
      ['Erkennen dat innovatie een verscheidenheid', 'motivatie vereist en impliceert.'],
      ['Duidelijkheid geven over verantwoordelijkheden', 'kan deelnemen of bijdragen.'],
      ['Overheidsorganisaties en ambtenaren toestemming', 'kernactiviteiten.'],
    ],
    why: ['Samenlevingen staan voor complexe uitdagingen', 'innovatief openbaar bestuur te ondersteunen.'],
    questions: [
      { anchor: 'Wordt de betrokkenheid', playId: 'betrokkenheid-van-ambtenaren' },
      { anchor: 'Worden de vaardigheden', playId: 'vaardigheden-en-zelfvertrouwen' },
      { anchor: 'Worden er maatregelen', playId: 'ondersteunende-innovatiecultuur' },
      { anchor: 'Worden ambtenaren gemachtigd', playId: 'innovatieve-werkplekken' },
      { anchor: 'Wordt de goedkeuring', playId: 'verankeren-in-het-management' },
      { anchor: 'Zijn er erkenning', playId: 'erkenning-en-stimulansen' },
    ],
    plays: [
      { id: 'betrokkenheid-van-ambtenaren', title: 'BETROKKENHEID VAN AMBTENAREN VERSTERKEN', links: 'CT' },
      { id: 'ondersteunende-innovatiecultuur', title: 'EEN ONDERSTEUNENDE INNOVATIECULTUUR STIMULEREN', links: 'CCT' },
      {
        id: 'verankeren-in-het-management',
        title: 'INNOVATIEVE BENADERINGEN VERANKEREN IN HET MANAGEMENT',
        links: 'CT',
      },
      { id: 'vaardigheden-en-zelfvertrouwen', title: 'VAARDIGHEDEN EN CREATIEF ZELFVERTROUWEN', links: 'CT' },
      {
        id: 'innovatieve-werkplekken',
        title: 'INNOVATIEVE BENADERINGEN OP WERKPLEKKEN IN DE PUBLIEKE SECTOR',
        links: 'CT',
      },
      { id: 'erkenning-en-stimulansen', title: 'ERKENNING EN STIMULANSEN', links: 'CT' },
    ],
  },
  {
    id: 'partnerschappen-en-stemmen',
    title: 'NIEUWE PARTNERSCHAPPEN AANGAAN EN VERSCHILLENDE STEMMEN LATEN HOREN',
    dimensions: [
      ['Verschillende actoren (publieke,', 'te bedenken.'],
      ['Luister naar nieuwe en opkomende stemmen', 'kans voor innovatie.'],
      ['Zoek naar mogelijkheden om met andere landen', 'innovatieve aanpak vereisen.'],
      ['Een spectrum van betrokkenheid', 'relevante expertise.'],
      ['Partnerschappen aangaan en aansluiting', 'innovatievermogen te vergroten.'],
    ],
    why: ['Het bereiken van betere overheidsresultaten', 'zowel beleid als diensten te verbeteren.'],
    questions: [
      { anchor: 'Worden transparante', playId: 'transparante-partnerschappen' },
      { anchor: 'Zijn relevante stakeholders', playId: 'relevante-stakeholders' },
      { anchor: 'Worden innovatieve initiatieven niet alleen', playId: 'met-de-gebruikers' },
      { anchor: 'Worden uiteenlopende', playId: 'diverse-en-opkomende-stemmen' },
      { anchor: 'Worden innovatie-ecosystemen', playId: 'innovatie-ecosysteem' },
      { anchor: 'Worden meerdere perspectieven', playId: 'meerdere-perspectieven' },
      { anchor: 'Worden gemeenschappelijke inzichten', playId: 'gemeenschappelijke-afspraken' },
    ],
    plays: [
      { id: 'relevante-stakeholders', title: 'RELEVANTE STAKEHOLDERS ZIJN AAN BOORD', links: 'TC' },
      { id: 'transparante-partnerschappen', title: 'TRANSPARANTE PARTNERSCHAPPEN', links: 'CT' },
      {
        id: 'meerdere-perspectieven',
        title: 'ERKENNEN VAN MEERDERE PERSPECTIEVEN EN VERSCHILLENDE KENNISDOMEINEN',
        links: 'CT',
      },
      { id: 'gemeenschappelijke-afspraken', title: 'GEMEENSCHAPPELIJKE AFSPRAKEN MAKEN', links: 'TC' },
      { id: 'innovatie-ecosysteem', title: 'SAMENWERKEN MET HET INNOVATIE-ECOSYSTEEM', links: 'CT' },
      { id: 'diverse-en-opkomende-stemmen', title: 'DIVERSE EN OPKOMENDE STEMMEN WORDEN GEHOORD', links: 'TTC' },
      { id: 'met-de-gebruikers', title: 'NIET ALLEEN VOOR DE GEBRUIKERS, MAAR OOK MET DE GEBRUIKERS', links: 'CT' },
    ],
  },
  {
    id: 'verkenning-iteratie-tests',
    title: 'VERKENNING, ITERATIE EN TESTS ONDERSTEUNEN',
    dimensions: [
      ['Erken en vang de lessen op', 'maar ook op leren.'],
      ['Ondersteun innovatie die gaat over', 'eindresultaat zal zijn.'],
      ['Zorgen voor exploratie, iteratie', 'ministeries en organisaties.'],
      ['Erken de voordelen die kunnen voortvloeien', 'kunnen worden verwezenlijkt.'],
    ],
    why: ['Op feiten gebaseerde besluitvormingsprocessen', 'tot stand komen en worden aangenomen.'],
    questions: [
      { anchor: 'Worden er sandboxen', playId: 'sandboxen-en-testbeds' },
      { anchor: 'Worden veilige omgevingen', playId: 'veilige-omgevingen' },
      { anchor: 'Worden experimenteren, testen', playId: 'experimenteer-test-itereer' },
      { anchor: 'Maakt de overheidsdienst', playId: 'klaar-voor-de-toekomst' },
    ],
    plays: [
      { id: 'sandboxen-en-testbeds', title: 'SANDBOXEN EN TESTBEDS (PROEFBANKEN)', links: 'TCC' },
      { id: 'veilige-omgevingen', title: 'VEILIGE OMGEVINGEN OM TE EXPERIMENTEN', links: 'TC' },
      { id: 'experimenteer-test-itereer', title: 'EXPERIMENTEER, TEST EN ITEREER', links: 'CT' },
      { id: 'klaar-voor-de-toekomst', title: 'KLAAR VOOR DE TOEKOMST', links: 'TTCC' },
    ],
  },
  {
    id: 'lessen-en-praktijken',
    title: 'LESSEN VERSPREIDEN EN PRAKTIJKEN DELEN',
    dimensions: [
      ['Ontwikkel en houd feedbackloops', 'voortdurend te leren.'],
      ['Goede evaluatiepraktijken vaststellen', 'plaatsvindt, te beoordelen.'],
      ['Systematisch delen van lessen', 'opgeleverd”).'],
      ['Stimuleer netwerkvorming', 'van elkaar te lenen en te leren.'],
    ],
    why: [
      'Het vijfde principe benadrukt het belang',
      'positieve impact te hebben in de publieke sector en op de samenleving.',
    ],
    questions: [
      { anchor: 'Worden verhalen', playId: 'verhalen-vertellen' },
      { anchor: 'Zijn er netwerken', playId: 'netwerken-voor-innovatie' },
      { anchor: 'Zijn evaluatie en meting', playId: 'evaluatie-en-meting' },
      { anchor: 'Is er een institutioneel', playId: 'institutioneel-geheugen' },
      { anchor: 'Wordt er samengewerkt', playId: 'interdepartementale-samenwerking' },
      // Two questions start alike; the one without "en de lessen gedeeld" matches the play "DE VOORDELEN
      // VAN INNOVATIE AANTONEN" by title, the other matches "LEERPUNTEN …" by that play's own question.
      { anchor: 'Worden de voordelen van innovatie aangetoond?', playId: 'voordelen-aantonen' },
      { anchor: 'Worden de voordelen van innovatie aangetoond en', playId: 'leerpunten-delen' },
    ],
    plays: [
      { id: 'verhalen-vertellen', title: 'VERTELLEN VAN VERHALEN EN COMMUNICATIE OP MAAT OVER INNOVATIE', links: 'TC' },
      {
        id: 'interdepartementale-samenwerking',
        title: 'INTERDEPARTEMENTALE SAMENWERKING EN TRANSVERSALE OPDRACHTEN',
        links: 'CTT',
      },
      { id: 'institutioneel-geheugen', title: 'HET INSTITUTIONELE GEHEUGEN OEFENEN', links: 'TC' },
      { id: 'voordelen-aantonen', title: 'DE VOORDELEN VAN INNOVATIE AANTONEN', links: 'TC' },
      { id: 'netwerken-voor-innovatie', title: 'NETWERKEN VOOR INNOVATIE', links: 'CT' },
      { id: 'leerpunten-delen', title: 'LEERPUNTEN VAN INNOVATIEVE INITIATIEVEN DELEN', links: 'TC' },
      // The Copenhagen Manual case links the manual and fourteen national innovation barometers.
      { id: 'evaluatie-en-meting', title: 'EVALUATIE EN METING VANAF HET BEGIN VERANKEREN', links: 'CCCCCCCCCCCCCCT' },
    ],
  },
]
