/**
 * Werkplaats' own words around the board (tldraw translates its own UI from the bundled translations).
 * Dutch is the default; English follows when a participant picks it in tldraw's language menu.
 */
const nl = {
  loadingBoard: 'Bord laden…',
  connecting: 'Verbinding maken…',
  connected: 'Verbonden',
  offline: 'Offline — je wijzigingen worden bewaard',
  invalidRoomTitle: 'Dit bord bestaat niet',
  invalidRoomBody:
    'Het adres bevat geen geldige bordcode. Een bordcode bestaat uit 1 tot 64 letters, cijfers, "-" of "_".',
  newBoard: 'Nieuw bord maken',
  namePromptTitle: 'Hoe heet je?',
  namePromptHint: 'Anderen zien deze naam bij je cursor.',
  namePromptLabel: 'Je naam',
  namePromptSubmit: 'Naar het bord',
  licenceTitle: 'tldraw-licentiesleutel nodig',
  licenceBody:
    'Deze installatie draait zonder tldraw-licentiesleutel. Buiten localhost vervangt tldraw het bord na enkele seconden door een melding. Zet TLDRAW_LICENSE_KEY in de omgeving van de server en herstart hem (zie de README); opnieuw bouwen is niet nodig.',
  dismiss: 'Sluiten',
  boardTooNew:
    'Dit bord is bewaard door een nieuwere versie van Werkplaats. Ververs de pagina om verder te werken.',
  boardUnreadable: 'Dit bord kon niet worden geladen.',
  reload: 'Pagina verversen',
  pageName: 'Pagina 1',
}

export type Messages = typeof nl

const en: Messages = {
  loadingBoard: 'Loading board…',
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline — your changes are kept',
  invalidRoomTitle: 'This board does not exist',
  invalidRoomBody:
    'The address has no valid board code. A board code is 1 to 64 letters, digits, "-" or "_".',
  newBoard: 'Create a new board',
  namePromptTitle: 'What is your name?',
  namePromptHint: 'Others see this name next to your cursor.',
  namePromptLabel: 'Your name',
  namePromptSubmit: 'Go to the board',
  licenceTitle: 'tldraw licence key needed',
  licenceBody:
    'This installation runs without a tldraw licence key. Away from localhost, tldraw replaces the board with a notice after a few seconds. Set TLDRAW_LICENSE_KEY in the server environment and restart it (see the README); no rebuild is needed.',
  dismiss: 'Close',
  boardTooNew: 'This board was saved by a newer version of Werkplaats. Reload the page to continue.',
  boardUnreadable: 'This board could not be loaded.',
  reload: 'Reload page',
  pageName: 'Page 1',
}

export const DEFAULT_LOCALE = 'nl'

/** Our texts for a tldraw locale: English for any English variant, Dutch for everything else. */
export function messagesFor(locale: string | null | undefined): Messages {
  return locale?.toLowerCase().startsWith('en') ? en : nl
}
