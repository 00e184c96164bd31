import type { ActionMark } from '@werkplaats/shared'
import { languageName } from './languageName.ts'

/**
 * Werkplaats' own words around the board, in Dutch, the default language (tldraw translates its own UI from
 * the bundled translations). One section per feature. This catalogue's shape is the type of every other
 * language's (`Messages`), so a string missing from, or extra in, another language fails the type check.
 * Every string is rendered as text, never as HTML; the functions only put values into sentences.
 */
export const nl = {
  /** The pages around the board: start, join, the session, sharing, exports, the connection. */
  app: {
    appName: 'Werkplaats',
    loadingBoard: 'Bord laden…',
    connecting: 'Verbinding maken…',
    connected: 'Verbonden',
    offline: 'Offline — je wijzigingen worden bewaard',
    refusedUnauthorized: 'Verbinding geweigerd: je toegang tot deze sessie is niet (meer) geldig.',
    refusedReadOnly: 'Verbinding gesloten: je mag dit bord alleen bekijken.',
    refusedSessionGone: 'Deze sessie is verwijderd.',
    refusedRemoved: 'De facilitator heeft je uit deze sessie verwijderd.',
    refusedOther: 'De server heeft de verbinding gesloten.',
    refusedBoardFull: 'Het bord is vol: je laatste wijziging kon niet meer worden bewaard.',
    refusedTooMany: 'Te veel verbindingen tegelijk of kort na elkaar. Probeer het over een minuut opnieuw.',
    boardFullTitle: 'Het bord is vol',
    boardFullBody:
      'Het bord is vol: het heeft zijn maximale omvang bereikt en er kan niets meer bij. Alles wat er al op staat, blijft bewaard.',
    notFoundTitle: 'Deze pagina bestaat niet',
    notFoundBody: 'Borden horen nu bij een sessie. Start een sessie of doe mee met de code van je facilitator.',
    toStart: 'Naar de startpagina',
    licenceTitle: 'tldraw-licentiesleutel nodig',
    licenceBody:
      'Deze installatie draait zonder tldraw-licentiesleutel. Buiten localhost vervangt tldraw het bord na enkele seconden door een melding. Zet TLDRAW_LICENSE_KEY in de omgeving van de server en herstart hem (zie de README); opnieuw bouwen is niet nodig.',
    dismiss: 'Sluiten',
    boardTooNew: 'Dit bord is bewaard door een nieuwere versie van Werkplaats. Ververs de pagina om verder te werken.',
    boardUnreadable: 'Dit bord kon niet worden geladen.',
    reload: 'Pagina verversen',
    pageName: 'Pagina 1',
    language: 'Taal',

    startIntro: 'Begeleid een workshop op een gedeeld bord: kies een sjabloon, deel de code, en ga aan de slag.',
    templatesHeading: 'Nieuwe sessie',
    templatesLoading: 'Sjablonen laden…',
    templatesFailed: 'De sjablonen konden niet worden geladen. Een leeg bord kan altijd.',
    blankTitle: 'Leeg bord',
    blankFacts: 'Zonder sjabloon',
    templateFacts: (stages: number, minutes: number, language: string) =>
      `${stages} ${stages === 1 ? 'onderdeel' : 'onderdelen'} · ${minutes} minuten · ${languageName(language, 'nl')}`,
    chooseTemplate: (title: string) => `Sessie maken: ${title}`,
    chooseTemplateVisible: 'Sessie maken',
    recentHeading: 'Mijn sessies',
    recentEmpty: 'Je hebt in deze browser nog geen sessies gemaakt.',
    recentCreated: (date: string) => `Gemaakt op ${date}`,
    joinWithCode: 'Deelnemen met een code',
    duplicateSession: (title: string) => `Kopie maken van ${title}`,
    duplicateVisible: 'Kopie maken',
    copyTitle: (title: string) => `${title} (kopie)`,
    deleteSession: (title: string) => `${title} verwijderen`,
    deleteVisible: 'Verwijderen',
    confirmDelete: (title: string) => `"${title}" en alles op het bord definitief verwijderen?`,
    confirmDeleteButton: 'Ja, verwijderen',

    newSessionTitle: 'Nieuwe sessie',
    newSessionTemplate: (title: string) => `Sjabloon: ${title}`,
    titleLabel: 'Titel',
    facilitatorNameLabel: 'Je naam als facilitator',
    facilitatorNameDefault: 'Facilitator',
    startSession: 'Sessie starten',
    starting: 'Sessie maken…',
    cancel: 'Annuleren',
    invalidTitle: 'Geef de sessie een titel van hoogstens 120 tekens, zonder speciale tekens.',

    joinTitle: 'Deelnemen aan een sessie',
    joinIntro: 'Vul de code in die je facilitator laat zien, en de naam waaronder de anderen je zien.',
    joiningSession: (title: string) => `Je doet mee aan: ${title}`,
    codeLabel: 'Code',
    nameLabel: 'Je naam',
    joinButton: 'Deelnemen',
    joining: 'Bezig met deelnemen…',
    invalidCode: 'Een code bestaat uit 6 letters en cijfers.',
    unknownCode: 'Er is geen sessie met deze code. Kijk de code nog eens na.',
    tooManyAttempts: (seconds: number | null) =>
      seconds === null
        ? 'Te veel pogingen. Wacht even en probeer het opnieuw.'
        : `Te veel pogingen. Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`,
    invalidName: 'Vul een naam in van hoogstens 64 tekens, zonder speciale tekens.',
    unreachable: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    failed: (detail: string) => `Dat lukte niet: ${detail}`,
    sessionJoinTitle: 'Deelnemen aan de sessie',
    sessionJoinHint: 'Anderen zien deze naam in de deelnemerslijst en bij je cursor.',
    sessionJoinNeedsCode: 'Je hebt een uitnodiging nodig: vul de code in die de facilitator laat zien.',
    joinClosed: 'De facilitator heeft deelnemen gesloten. Vraag de facilitator om het weer te openen.',
    invitationInvalid: 'Deze uitnodiging werkt niet (meer). Vraag de facilitator om de nieuwe link of code.',

    loadingSession: 'Sessie laden…',
    unauthorizedTitle: 'Deze link werkt niet (meer)',
    unauthorizedBody: 'Je toegang tot deze sessie is niet geldig. Vraag je facilitator om de link opnieuw.',
    forbiddenTitle: 'Deze toegang hoort bij een andere sessie',
    forbiddenBody: 'Open de link die je voor deze sessie hebt gekregen, of doe mee met de code.',
    sessionNotFoundTitle: 'Deze sessie bestaat niet (meer)',
    sessionNotFoundBody: 'Misschien is ze verwijderd. Vraag je facilitator om een nieuwe link of code.',
    unreachableTitle: 'De server is niet bereikbaar',
    retry: 'Opnieuw proberen',

    roleFacilitator: 'Facilitator',
    roleParticipant: 'Deelnemer',
    roleObserver: 'Waarnemer',
    participantsHeading: 'Deelnemers',
    removeParticipant: 'Verwijderen',
    removeParticipantFailed: (name: string) => `${name} verwijderen lukte niet.`,
    onlineCount: (online: number, total: number) => `${online} van ${total} online`,
    you: 'jij',
    online: 'online',
    offlineStatus: 'niet online',
    readOnlyBadge: 'Alleen bekijken',
    readOnlyHint: 'Je bekijkt dit bord als waarnemer; je kunt niets veranderen.',

    shareButton: 'Delen',
    shareHeading: 'Delen',
    sessionTitleLabel: 'Titel van de sessie',
    save: 'Opslaan',
    saved: 'Opgeslagen',
    joinCodeLabel: 'Code',
    joinCodeHint: 'Deelnemers vullen deze code in op',
    participantLinkLabel: 'Link voor deelnemers',
    observerLinkLabel: 'Link voor waarnemers (alleen bekijken)',
    handoverLinkLabel: 'Link om op een ander apparaat te openen',
    linkExchanging: 'Link openen…',
    handoverRefusedTitle: 'Deze link is al gebruikt of verlopen',
    handoverRefusedBody:
      'Een link om op een ander apparaat te openen werkt één keer en maar een paar minuten. Maak een nieuwe op het apparaat waarop je de sessie al open hebt.',
    observerRefusedTitle: 'Deze waarnemerslink werkt niet meer',
    observerRefusedBody: 'De facilitator heeft een nieuwe waarnemerslink gemaakt. Vraag om de nieuwe link.',
    linkExchangeLimitedTitle: 'Even geduld',
    observerScreensFullTitle: 'Er kijken al genoeg schermen mee',
    observerScreensFullBody:
      'Deze sessie laat geen extra waarnemersschermen meer toe. Vraag de facilitator of je als deelnemer mee kunt doen.',
    closeJoining: 'Deelnemen sluiten',
    openJoining: 'Deelnemen openen',
    joiningOpenNote: 'Iedereen met de code of de deelnemerslink kan deelnemen.',
    joiningClosedNote: 'Deelnemen is gesloten: er komt niemand meer bij. Wie er al is, blijft.',
    newInvitation: 'Nieuwe uitnodiging',
    newInvitationHint: 'Een nieuwe code en link; de huidige werken dan meteen niet meer. Wie er al is, blijft.',
    newInvitationDone: 'Nieuwe code en link gemaakt.',
    doorFailed: (detail: string) => `Dat lukte niet: ${detail}`,
    copy: (what: string) => `${what} kopiëren`,
    copyVisible: 'Kopiëren',
    copied: 'Gekopieerd',
    copyFailed: 'Kopiëren lukte niet; selecteer de tekst en kopieer hem zelf.',

    exportButton: 'Exporteren',
    exportHeading: 'Exporteren',
    exportSummaryHeading: 'Samenvatting',
    exportSummaryHint: 'Stemuitslagen, plays, actieplan en alle stickies, per fase.',
    exportIncludeNames: 'Namen van deelnemers opnemen',
    exportImageHeading: 'Afbeelding van het bord',
    exportImageScope: 'Wat',
    exportWholeBoard: 'Het hele bord',
    exportStage: (title: string, round: number) => (round > 0 ? `${title} (ronde ${round + 1})` : title),
    exportFormat: (format: string) => `${format} downloaden`,
    exportBusy: 'Bezig met exporteren…',
    exportDone: (fileName: string) => `Gedownload: ${fileName}`,
    exportNothing: 'Hier staat nog niets om te exporteren.',
    exportFailed: (reason: string) => `Exporteren lukte niet: ${reason}`,
    /** The language the exported summary is written in. */
    exportLanguage: 'nl' as 'nl' | 'en',
    outsideContentHidden: 'Inhoud van buiten dit bord wordt niet getoond',

    closeSession: 'Sessie afsluiten',
    reopenSession: 'Heropenen',
    closeSessionConfirmTitle: 'Sessie afsluiten?',
    closeSessionConfirmBody:
      'Het bord blijft zoals het nu is: niemand kan nog iets veranderen, deelnemen of stemmen. Exporteren blijft mogelijk. Je kunt de sessie later heropenen.',
    closeSessionFailed: (detail: string) => `Afsluiten lukte niet: ${detail}`,
    reopenSessionFailed: (detail: string) => `Heropenen lukte niet: ${detail}`,
    sessionClosedTitle: 'Deze sessie is afgesloten',
    sessionClosedBody:
      'Het bord blijft zoals het was toen de facilitator de sessie afsloot: je kunt het bekijken en exporteren, niet meer veranderen.',
    refusedSessionClosed: 'De sessie is afgesloten: je laatste wijziging is niet bewaard.',
    removedIfIdleOn: (date: string) => `Wordt verwijderd op ${date} als er tot dan niets gebeurt.`,
    privacyLink: 'Privacy',
    crowdNotice: 'Drukke sessie: alleen cursors dichtbij',
    cursorsOffNotice: 'Cursors uitgezet door de facilitator',
    hiddenCursors: (count: number) => `${count} andere cursors niet getoond`,
    cursorSettingLabel: 'Cursors voor iedereen',
    cursorSettingAuto: 'Automatisch',
    cursorSettingOn: 'Aan',
    cursorSettingOff: 'Uit',
    changesWaiting: (count: number) =>
      count === 1 ? '1 wijziging wacht op verzending' : `${count} wijzigingen wachten op verzending`,
    allSent: 'Alles is verstuurd',
    forgetSession: 'Vergeet deze sessie op dit apparaat',
    confirmForgetSession: (facilitator: boolean) =>
      (facilitator
        ? 'Je bent de facilitator: zonder je toegang kun je deze sessie op dit apparaat niet meer openen. '
        : '') +
      'Alles wat dit apparaat van deze sessie bewaart, wordt gewist, ook je toegang. Wat nog niet verstuurd is, gaat verloren. Doorgaan?',
    forgetSessionConfirm: 'Vergeten',
  },
  /** The facilitation panels: stages, timer, private writing, following the facilitator. */
  facilitation: {
    facilitatorPanel: 'Facilitatorpaneel',
    stagePanel: 'Fase',
    stagesHeading: 'Fases',
    previousStage: 'Vorige fase',
    nextStage: 'Volgende fase',
    jumpToStage: 'Ga naar fase',
    stageOption: (title: string, minutes: number) => `${title} (${minutes} min)`,
    noStageYet: 'De facilitator heeft nog geen fase geopend.',
    currentStage: 'Huidige fase',
    roundLabel: (round: number) => `Ronde ${round}`,
    summon: 'Breng iedereen hierheen',
    summoned: 'Iedereen is naar jouw beeld gebracht',
    followMe: 'Volg mij',
    followMeOn: 'Iedereen volgt jou',
    stopFollowMe: 'Stop met volgen',
    templateHeading: 'Sjabloon',
    unlockTemplate: 'Sjabloon ontgrendelen',
    templateUnlockedNote:
      'Ontgrendeld: je kunt kaarten verplaatsen en verbergen (Delete). Vergrendel het sjabloon weer als je klaar bent.',
    showBackground: 'Achtergrond tonen',
    showHiddenCards: (count: number) => `Verborgen kaarten tonen (${count})`,
    exportsForEveryone: 'Iedereen mag de samenvatting exporteren',
    newChallenge: 'Kies een andere uitdaging',
    newChallengeConfirm: 'Een nieuwe ronde starten? De vorige blijft leesbaar op het bord.',
    newChallengeStart: 'Nieuwe ronde starten',
    cancel: 'Annuleren',
    guideHeading: 'Facilitatorgids',
    instructionHeading: 'Wat doe je nu?',
    goalLabel: 'Doel',
    timerHeading: 'Timer',
    timerMinutes: 'Minuten',
    timerSet: 'Instellen',
    timerStart: 'Start',
    timerPause: 'Pauze',
    timerAddMinute: '+1 min',
    timerStop: 'Stop',
    timerRemaining: 'Resterende tijd',
    timerFinished: 'De tijd is om!',
    timerIdle: 'Niet gestart',
    timerPaused: 'Gepauzeerd',
    timerRunning: 'Loopt',
    timerAutoStart: 'Timer automatisch starten',
    timerPerStage: 'Een nieuwe fase zet de timer op de minuten van die fase.',
    privateWriting: 'Privé schrijven',
    privateWritingHint: 'Nieuwe stickies zijn alleen zichtbaar voor de schrijver en jou, tot je ze onthult.',
    privateWritingOn: 'Privé schrijven staat aan: je nieuwe stickies ziet alleen de facilitator, tot die ze onthult.',
    reveal: 'Onthullen',
    revealFailed: 'Onthullen lukte niet. Probeer het opnieuw.',
    following: 'Je volgt de facilitator',
    stepOut: 'Zelf rondkijken',
    rejoin: 'Volg de facilitator',
    notFollowing: 'Je kijkt zelf rond.',
    backToFacilitator: 'Terug naar de facilitator',
    followsAgainNextStage: 'Je volgt weer bij de volgende fase.',
    onStage: (title: string) => `Op: ${title}`,
    offStage: 'Buiten de fases',
    participantCount: (n: number) => `${n} ${n === 1 ? 'deelnemer' : 'deelnemers'}`,
    readOnlyPanel: 'Je bekijkt deze sessie; je kunt niets veranderen.',
    templateLoading: 'Sjabloon laden…',
  },
  /** Afsluiting: what the session decided, shown in the room, and the way to the summary. */
  closing: {
    outcomeHeading: 'Wat we besloten',
    principle: 'Gekozen principe',
    topQuestions: 'Vragen met de meeste stemmen',
    plays: 'Gekozen plays',
    actionPlan: 'Actieplan',
    notChosen: 'Nog niets gekozen.',
    emptyPlan: 'Het actieplan is leeg.',
    round: (round: number) => `Ronde ${round}`,
    votes: (n: number) => (n === 1 ? '1 stem' : `${n} stemmen`),
    owner: (name: string) => (name === '' ? 'nog geen eigenaar' : name),
    share: 'Samenvatting delen',
  },
  /** The room on a phone: the task first, the board one tap away. */
  phone: {
    taskLabel: 'Jouw taak',
    writeSticky: 'Sticky schrijven',
    stickyText: 'Wat schrijf je op je sticky?',
    place: 'Op het bord zetten',
    cancel: 'Annuleren',
    placed: 'Je sticky staat op het bord, in jouw plek van deze fase.',
    viewBoard: 'Bord bekijken',
    backToTask: 'Terug naar de taak',
  },
  /** The drawer beside the board: one tab at a time, closed until someone opens it. */
  drawer: {
    label: 'Werkruimte',
    tabs: { stage: 'Fase', voting: 'Stemmen', actions: 'Acties', participants: 'Deelnemers' } as Record<
      'stage' | 'voting' | 'actions' | 'participants',
      string
    >,
    close: 'Paneel sluiten',
  },
  /** Voting, the playbook's choices, action marks and the action plan. */
  voting: {
    dockLabel: 'Stemmen en resultaten',
    actionsLabel: 'Acties en actieplan',
    votingHeading: 'Stemmen',
    noRound: 'Er loopt geen stemronde.',
    roundStatus: { open: 'open', closed: 'gesloten', revealed: 'onthuld' } as Record<
      'open' | 'closed' | 'revealed',
      string
    >,
    roundTitle: (title: string | undefined, stage: string) => title ?? `Stemronde: ${stage}`,
    votersCount: (voted: number, of: number) => `${voted} van ${of} ${of === 1 ? 'heeft' : 'hebben'} gestemd`,
    remaining: (n: number) => (n === 1 ? 'Nog 1 stem' : `Nog ${n} stemmen`),
    noVotesLeft: 'Je stemmen zijn op',
    notOpen: 'Stemmen kan zodra de stemronde start',
    voted: 'Gestemd',
    winner: 'Meeste stemmen',
    dotVote: 'Stem',
    voteOn: (label: string, text: string) => `${label}: ${text}`,
    takeBack: 'Terugnemen',
    takeBackOn: (text: string) => `Stem terugnemen: ${text}`,
    ownVotes: (n: number) => (n === 1 ? '1 stem van jou' : `${n} stemmen van jou`),
    tallyBadge: (n: number) => (n === 1 ? '1 stem' : `${n} stemmen`),
    waitForReveal: 'De uitslag verschijnt als de facilitator hem onthult.',
    roundClosed: 'De stemronde is gesloten.',
    missingCard: '(niet meer op het bord)',
    busy: 'Bezig…',
    problems: {
      refused: 'Dat kan nu niet: de ronde is gesloten, of je stemmen voor deze kaart of deze ronde zijn op.',
      forbidden: 'Dat mag je in deze rol niet.',
      unreachable: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
      offline: 'Je bent offline: stemmen en markeren kan pas weer als de verbinding terug is.',
      failed: 'Dat lukte niet. Probeer het opnieuw.',
    },

    startRound: 'Stemronde starten',
    closeRound: 'Stemronde sluiten',
    reveal: 'Onthullen',
    dialogTitle: 'Stemronde starten',
    stageLabel: 'Onderdeel',
    titleLabel: 'Titel (mag leeg)',
    votesPerParticipant: 'Stemmen per deelnemer',
    maxPerCard: 'Hoogstens per kaart',
    anonymous: 'Anoniem (niemand ziet wie wat stemde)',
    resultsLabel: 'Uitslag',
    resultsOnReveal: 'Verborgen tot ik onthul',
    resultsLive: 'Meteen voor iedereen zichtbaar',
    cardsLabel: (n: number) => `Kaarten (${n})`,
    noCards:
      'Dit onderdeel heeft geen kaarten om op te stemmen. Schrijf eerst stickies in het kader van het onderdeel.',
    start: 'Starten',
    cancel: 'Annuleren',

    resultsHeading: 'Resultaten',
    resultVotes: (votes: number, share: number) =>
      `${votes} ${votes === 1 ? 'stem' : 'stemmen'} · ${Math.round(share * 100)}% van de stemmers`,

    proposalHeading: 'Voorstel',
    proposal: (titles: string[]) =>
      titles.length === 0
        ? 'Nog geen stemmen: kies zelf een principe.'
        : titles.length === 1
          ? `De stemmen wijzen naar ${titles[0]}.`
          : `Gelijke stand: ${titles.join(', ')}.`,
    principleVotes: (n: number) => (n === 1 ? '1 stem' : `${n} stemmen`),
    choosePrinciple: 'Dit principe kiezen',
    chosenPrinciple: (title: string) => `Gekozen principe: ${title}`,
    playsHeading: 'Plays voor Verbeteren',
    playsHint: (top: number) =>
      `De ${top} vragen met de meeste stemmen (gelijke standen inbegrepen) brengen hun play mee. Pas de keuze aan als dat nodig is.`,
    choosePlays: 'Deze plays kiezen',
    chosenPlays: (n: number) => (n === 1 ? '1 play gekozen' : `${n} plays gekozen`),

    marksHeading: 'Acties',
    marksQuestion: 'Heb je dit al geprobeerd?',
    markLabels: {
      geprobeerd: 'Geprobeerd',
      'willen-we-proberen': 'Willen we proberen',
      'niet-relevant': 'Niet relevant',
    } as Record<ActionMark, string>,
    markCount: (label: string, n: number) => `${label}: ${n}`,
    clearMark: 'Wissen',
    noPlays: 'Nog geen plays gekozen.',

    planHeading: 'Actieplan',
    planEmpty: 'Nog niets in het actieplan.',
    planText: 'Actie',
    owner: 'Eigenaar',
    firstStep: 'Eerste stap',
    date: 'Datum',
    removeItem: (text: string) => `Verwijderen: ${text || 'lege actie'}`,
    removeVisible: 'Verwijderen',
    nobody: 'Nog niemand',
    addFromActions: 'Uit de gekozen acties',
    addFromStickies: 'Uit de stickies',
    addThis: (text: string) => `Toevoegen aan actieplan: ${text}`,
    addVisible: 'Toevoegen',
    newItemText: 'Nieuwe actie',

    show: (what: string) => `${what} tonen`,
    hide: (what: string) => `${what} verbergen`,
    offlineHint: 'Kan niet offline',
  },
  /**
   * The words the template layer adds around the template's own content (which stays in the template's
   * language, word for word).
   */
  templateLayer: {
    backgroundTitle: 'Achtergrond',
    /** After a stage's title in the second and later rounds: "Kaderen · ronde 2". */
    round: 'ronde',
    minutes: 'min',
    principle: 'Principe',
    challengeQuestions: 'Uitdagingen',
    dimensions: 'Belangrijke dimensies',
    why: 'Waarom is dit principe zo belangrijk?',
    actions: 'Hoe verbeteren we',
    case: 'Praktijkvoorbeeld',
    toolkit: 'Toolkit',
    /** The action plan's table in the Actieplan frame. */
    planColumns: { text: 'Actie', owner: 'Eigenaar', firstStep: 'Eerste stap', date: 'Datum' },
    planNobody: 'Nog niemand',
    planMore: (count: number) =>
      `+ ${count} ${count === 1 ? 'actie staat' : 'acties staan'} niet op het bord; alles staat in Acties`,
  },
  /** The privacy statement (`/privacy`): what it says must stay true of the product; an e2e test reads it. */
  share: {
    qrLabel: 'QR-code van de link voor deelnemers',
    qrHint: 'Scan de code met je telefoon om mee te doen.',
    showCode: 'Code tonen',
    showCodeHint: 'De code en de QR-code groot op het hele scherm, voor de beamer.',
    projectorHeading: 'Doe mee',
    projectorHow: (address: string) => `Ga naar ${address} en vul de code in`,
    projectorOrScan: 'of scan de QR-code',
    close: 'Sluiten',
    observerLinkButton: 'Link voor waarnemers',
    handoverButton: 'Op een ander apparaat openen',
    handoverWarning:
      'Met deze link wordt een ander apparaat ook facilitator van deze sessie. Open hem alleen op je eigen apparaat en laat hem niet op de beamer zien.',
    handoverExpires: (time: string) => `De link werkt één keer, tot ${time}.`,
    handoverQrLabel: 'QR-code om de sessie op een ander apparaat te openen',
    handoverFailed: 'De link kon niet worden gemaakt; probeer het opnieuw.',
    newObserverLink: 'Nieuwe waarnemerslink',
    newObserverLinkHint:
      'Een nieuwe waarnemerslink; de huidige werkt dan meteen niet meer. Schermen die al kijken, blijven kijken.',
    newObserverLinkDone: 'Nieuwe waarnemerslink gemaakt.',
  },
  privacy: {
    title: 'Privacy',
    intro:
      'Wat Werkplaats bewaart als je een sessie maakt of meedoet, wie wat kan zien, hoe lang het blijft en wie je vragen kunt stellen.',
    storedHeading: 'Wat we bewaren',
    stored: [
      'De titel van een sessie en de naam die je opgeeft om mee te doen (een weergavenaam; die hoeft niet je echte naam te zijn).',
      'Alles wat op het bord komt: stickies, tekst, tekeningen, het actieplan, en privé-stickies tot de facilitator ze onthult.',
      'Stemmen in stemrondes en je markeringen bij acties ("Heb je dit al geprobeerd?").',
      'Geen accounts, e-mailadressen of wachtwoorden. Toegang gaat via geheime links en codes; de server bewaart van de geheimen alleen een vingerafdruk (hash).',
      'Geen cookies. Je browser bewaart je toegang tot je sessies, je naam, kleur en taal in zijn eigen opslag op dit apparaat. Er zijn geen trackers en de pagina laadt niets van andere sites.',
    ],
    whoHeading: 'Wie wat ziet',
    who: [
      'Iedereen in een sessie ziet het bord, de deelnemerslijst met namen en wie er online is.',
      'Privé-stickies ziet alleen wie ze schreef en de facilitator, tot de facilitator ze onthult.',
      'Bij een anonieme stemronde ziet niemand wie wat stemde; bij een niet-anonieme ronde ziet de facilitator de stemmen per persoon.',
      'Waarnemers kunnen alleen kijken. Alleen de facilitator ziet de code en de links, en kan de samenvatting met namen exporteren.',
      'De beheerders van deze installatie kunnen bij de opgeslagen gegevens.',
    ],
    keptHeading: 'Hoe lang het blijft',
    kept: (days: number | null) =>
      days === null
        ? 'Een sessie waarin lange tijd niets gebeurt, wordt met alles erin verwijderd.'
        : `Een sessie waarin ${days} dagen niets gebeurt (niemand doet mee, opent het bord of verandert iets), wordt met alles erin verwijderd: bord, namen, stemmen en links. De facilitator ziet de datum.`,
    keptEarlier: 'De facilitator kan een sessie eerder zelf verwijderen; dan is alles meteen weg.',
    askHeading: 'Vragen',
    ask: (contact: string | null) =>
      contact === null
        ? 'Heb je vragen over je gegevens, of wil je iets laten verwijderen? Neem contact op met de beheerder van deze installatie.'
        : `Heb je vragen over je gegevens, of wil je iets laten verwijderen? Neem contact op met: ${contact}`,
    back: 'Naar de startpagina',
  },
}

export type Messages = typeof nl
export type AppMessages = Messages['app']
export type FacilitationMessages = Messages['facilitation']
export type VotingMessages = Messages['voting']
export type TemplateLayerMessages = Messages['templateLayer']
export type PrivacyMessages = Messages['privacy']
