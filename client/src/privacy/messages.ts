/**
 * The privacy statement, Dutch by default and English by choice (the same choice as `i18n/messages.ts`). What it
 * says must stay true of the product: it is kept beside the page, and the end-to-end test reads it.
 */
const nl = {
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
}

export type PrivacyMessages = typeof nl

const en: PrivacyMessages = {
  title: 'Privacy',
  intro:
    'What Werkplaats keeps when you create or join a session, who can see what, how long it stays and whom to ask.',
  storedHeading: 'What is stored',
  stored: [
    "A session's title and the name you give to join (a display name; it need not be your real name).",
    'Everything put on the board: stickies, text, drawings, the action plan, and private stickies until the facilitator reveals them.',
    'Votes in vote rounds and your marks on actions ("Have you tried this?").',
    'No accounts, e-mail addresses or passwords. Access is by secret links and codes; the server keeps only a fingerprint (hash) of the secrets.',
    'No cookies. Your browser keeps your access to your sessions, your name, colour and language in its own storage on this device. There are no trackers and the page loads nothing from other sites.',
  ],
  whoHeading: 'Who sees what',
  who: [
    'Everyone in a session sees the board, the participant list with names and who is online.',
    'Private stickies are seen only by their writer and the facilitator, until the facilitator reveals them.',
    'In an anonymous vote round nobody sees who voted for what; in a round that is not anonymous the facilitator sees each person’s votes.',
    'Observers can only look. Only the facilitator sees the code and the links, and can export the summary with names.',
    'The administrators of this installation can reach the stored data.',
  ],
  keptHeading: 'How long it is kept',
  kept: (days: number | null) =>
    days === null
      ? 'A session in which nothing happens for a long time is deleted with everything in it.'
      : `A session in which nothing happens for ${days} days (nobody joins, opens the board or changes anything) is deleted with everything in it: board, names, votes and links. The facilitator sees the date.`,
  keptEarlier: 'The facilitator can delete a session earlier; then everything is gone at once.',
  askHeading: 'Questions',
  ask: (contact: string | null) =>
    contact === null
      ? 'Questions about your data, or want something deleted? Ask the administrator of this installation.'
      : `Questions about your data, or want something deleted? Contact: ${contact}`,
  back: 'To the start page',
}

export function privacyMessagesFor(locale: string | null | undefined): PrivacyMessages {
  return locale?.toLowerCase().startsWith('en') ? en : nl
}
