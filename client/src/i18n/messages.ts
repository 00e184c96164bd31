/**
 * Werkplaats' own words around the board (tldraw translates its own UI from the bundled translations).
 * Dutch is the default; English follows when someone picks it (on the start page, or in tldraw's language
 * menu). Every string is rendered as text, never as HTML; the functions only put values into sentences.
 */
const nl = {
  appName: 'Werkplaats',
  loadingBoard: 'Bord laden…',
  connecting: 'Verbinding maken…',
  connected: 'Verbonden',
  offline: 'Offline — je wijzigingen worden bewaard',
  refusedUnauthorized: 'Verbinding geweigerd: je toegang tot deze sessie is niet (meer) geldig.',
  refusedReadOnly: 'Verbinding gesloten: je mag dit bord alleen bekijken.',
  refusedSessionGone: 'Deze sessie is verwijderd.',
  refusedOther: 'De server heeft de verbinding gesloten.',
  notFoundTitle: 'Deze pagina bestaat niet',
  notFoundBody: 'Borden horen nu bij een sessie. Start een sessie of doe mee met de code van je facilitator.',
  toStart: 'Naar de startpagina',
  licenceTitle: 'tldraw-licentiesleutel nodig',
  licenceBody:
    'Deze installatie draait zonder tldraw-licentiesleutel. Buiten localhost vervangt tldraw het bord na enkele seconden door een melding. Zet TLDRAW_LICENSE_KEY in de omgeving van de server en herstart hem (zie de README); opnieuw bouwen is niet nodig.',
  dismiss: 'Sluiten',
  boardTooNew:
    'Dit bord is bewaard door een nieuwere versie van Werkplaats. Ververs de pagina om verder te werken.',
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
  onlineCount: (online: number, total: number) => `${online} van ${total} online`,
  you: 'jij',
  online: 'online',
  offlineStatus: 'niet online',
  showParticipants: 'Deelnemerslijst tonen',
  hideParticipants: 'Deelnemerslijst verbergen',
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
  facilitatorLinkLabel: 'Jouw facilitatorlink — houd hem geheim',
  observerLinkUnknown: 'De waarnemerslink is alleen bekend in de browser waarin de sessie is gemaakt.',
  observerLinkNew: 'Nieuwe waarnemerslink maken',
  observerLinkFailed: 'Dat lukte niet; probeer het opnieuw.',
  copy: (what: string) => `${what} kopiëren`,
  copyVisible: 'Kopiëren',
  copied: 'Gekopieerd',
  copyFailed: 'Kopiëren lukte niet; selecteer de tekst en kopieer hem zelf.',
}

export type Messages = typeof nl

const en: Messages = {
  appName: 'Werkplaats',
  loadingBoard: 'Loading board…',
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline — your changes are kept',
  refusedUnauthorized: 'Connection refused: your access to this session is not (or no longer) valid.',
  refusedReadOnly: 'Connection closed: you may only view this board.',
  refusedSessionGone: 'This session has been deleted.',
  refusedOther: 'The server closed the connection.',
  notFoundTitle: 'This page does not exist',
  notFoundBody: 'Boards belong to a session now. Start a session, or join one with the code from your facilitator.',
  toStart: 'Go to the start page',
  licenceTitle: 'tldraw licence key needed',
  licenceBody:
    'This installation runs without a tldraw licence key. Away from localhost, tldraw replaces the board with a notice after a few seconds. Set TLDRAW_LICENSE_KEY in the server environment and restart it (see the README); no rebuild is needed.',
  dismiss: 'Close',
  boardTooNew: 'This board was saved by a newer version of Werkplaats. Reload the page to continue.',
  boardUnreadable: 'This board could not be loaded.',
  reload: 'Reload page',
  pageName: 'Page 1',
  language: 'Language',

  startIntro: 'Run a workshop on a shared board: pick a template, share the code, and get going.',
  templatesHeading: 'New session',
  templatesLoading: 'Loading templates…',
  templatesFailed: 'The templates could not be loaded. A blank board is always possible.',
  blankTitle: 'Blank board',
  blankFacts: 'No template',
  templateFacts: (stages: number, minutes: number, language: string) =>
    `${stages} ${stages === 1 ? 'stage' : 'stages'} · ${minutes} minutes · ${languageName(language, 'en')}`,
  chooseTemplate: (title: string) => `Create session: ${title}`,
  chooseTemplateVisible: 'Create session',
  recentHeading: 'My sessions',
  recentEmpty: 'You have not created any sessions in this browser yet.',
  recentCreated: (date: string) => `Created on ${date}`,
  joinWithCode: 'Join with a code',
  duplicateSession: (title: string) => `Make a copy of ${title}`,
  duplicateVisible: 'Make a copy',
  copyTitle: (title: string) => `${title} (copy)`,
  deleteSession: (title: string) => `Delete ${title}`,
  deleteVisible: 'Delete',
  confirmDelete: (title: string) => `Delete "${title}" and everything on its board for good?`,
  confirmDeleteButton: 'Yes, delete',

  newSessionTitle: 'New session',
  newSessionTemplate: (title: string) => `Template: ${title}`,
  titleLabel: 'Title',
  facilitatorNameLabel: 'Your name as facilitator',
  facilitatorNameDefault: 'Facilitator',
  startSession: 'Start session',
  starting: 'Creating session…',
  cancel: 'Cancel',
  invalidTitle: 'Give the session a title of at most 120 characters, without special characters.',

  joinTitle: 'Join a session',
  joinIntro: 'Enter the code your facilitator shows, and the name the others will see.',
  codeLabel: 'Code',
  nameLabel: 'Your name',
  joinButton: 'Join',
  joining: 'Joining…',
  invalidCode: 'A code is 6 letters and digits.',
  unknownCode: 'There is no session with this code. Please check the code.',
  tooManyAttempts: (seconds: number | null) =>
    seconds === null
      ? 'Too many attempts. Wait a moment and try again.'
      : `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  invalidName: 'Enter a name of at most 64 characters, without special characters.',
  unreachable: 'The server cannot be reached. Please try again shortly.',
  failed: (detail: string) => `That did not work: ${detail}`,
  sessionJoinTitle: 'Join the session',
  sessionJoinHint: 'Others see this name in the participant list and next to your cursor.',

  loadingSession: 'Loading session…',
  unauthorizedTitle: 'This link does not work (any more)',
  unauthorizedBody: 'Your access to this session is not valid. Ask your facilitator for the link again.',
  forbiddenTitle: 'This access belongs to another session',
  forbiddenBody: 'Open the link you were given for this session, or join with the code.',
  sessionNotFoundTitle: 'This session does not exist (any more)',
  sessionNotFoundBody: 'It may have been deleted. Ask your facilitator for a new link or code.',
  unreachableTitle: 'The server cannot be reached',
  retry: 'Try again',

  roleFacilitator: 'Facilitator',
  roleParticipant: 'Participant',
  roleObserver: 'Observer',
  participantsHeading: 'Participants',
  onlineCount: (online: number, total: number) => `${online} of ${total} online`,
  you: 'you',
  online: 'online',
  offlineStatus: 'not online',
  showParticipants: 'Show participant list',
  hideParticipants: 'Hide participant list',
  readOnlyBadge: 'View only',
  readOnlyHint: 'You are viewing this board as an observer; you cannot change anything.',

  shareButton: 'Share',
  shareHeading: 'Share',
  sessionTitleLabel: 'Session title',
  save: 'Save',
  saved: 'Saved',
  joinCodeLabel: 'Code',
  joinCodeHint: 'Participants enter this code at',
  participantLinkLabel: 'Link for participants',
  observerLinkLabel: 'Link for observers (view only)',
  facilitatorLinkLabel: 'Your facilitator link — keep it secret',
  observerLinkUnknown: 'The observer link is only known in the browser where the session was created.',
  observerLinkNew: 'Make a new observer link',
  observerLinkFailed: 'That did not work; try again.',
  copy: (what: string) => `Copy ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
  copyVisible: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copying did not work; select the text and copy it yourself.',
}

export const DEFAULT_LOCALE = 'nl'
export const LOCALES = [
  { locale: 'nl', label: 'Nederlands' },
  { locale: 'en', label: 'English' },
] as const

/** Our texts for a tldraw locale: English for any English variant, Dutch for everything else. */
export function messagesFor(locale: string | null | undefined): Messages {
  return locale?.toLowerCase().startsWith('en') ? en : nl
}

/** A template's language code as a word in the reader's language ("nl" → "Nederlands"). */
function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
