import type { ActionMark } from '@werkplaats/shared'

/**
 * The words of voting, the playbook's choices, action marks and the action plan. Kept beside the module (as
 * the template layer and facilitation do), apart from the catalogue in `i18n/messages.ts`, under its rule:
 * Dutch by default, English for any English locale, every string rendered as text.
 */
const nl = {
  dockLabel: 'Stemmen en actieplan',
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
  offlineHint: 'Kan niet offline',
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
  noCards: 'Dit onderdeel heeft geen kaarten om op te stemmen. Schrijf eerst stickies in het kader van het onderdeel.',
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
  addAction: 'Actie toevoegen',
  addFromActions: 'Uit de gekozen acties',
  addFromStickies: 'Uit de stickies',
  addThis: (text: string) => `Toevoegen aan actieplan: ${text}`,
  addVisible: 'Toevoegen',
  newItemText: 'Nieuwe actie',

  show: (what: string) => `${what} tonen`,
  hide: (what: string) => `${what} verbergen`,
}

export type VotingMessages = typeof nl

const en: VotingMessages = {
  dockLabel: 'Voting and action plan',
  votingHeading: 'Voting',
  noRound: 'No vote round is running.',
  roundStatus: { open: 'open', closed: 'closed', revealed: 'revealed' },
  roundTitle: (title, stage) => title ?? `Vote round: ${stage}`,
  votersCount: (voted, of) => `${voted} of ${of} ${of === 1 ? 'has' : 'have'} voted`,
  remaining: (n) => (n === 1 ? '1 vote left' : `${n} votes left`),
  noVotesLeft: 'You have used all your votes',
  dotVote: 'Vote',
  voteOn: (label, text) => `${label}: ${text}`,
  takeBack: 'Take back',
  takeBackOn: (text) => `Take back vote: ${text}`,
  ownVotes: (n) => (n === 1 ? '1 vote of yours' : `${n} votes of yours`),
  tallyBadge: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  waitForReveal: 'The results appear when the facilitator reveals them.',
  roundClosed: 'The vote round is closed.',
  missingCard: '(no longer on the board)',
  busy: 'Working…',
  offlineHint: 'Not possible offline',
  problems: {
    refused: 'Not possible now: the round is closed, or your votes for this card or this round are used up.',
    forbidden: 'Your role does not allow this.',
    unreachable: 'The server cannot be reached. Please try again shortly.',
    offline: 'You are offline: voting and marking are possible again once the connection is back.',
    failed: 'That did not work. Please try again.',
  },

  startRound: 'Start vote round',
  closeRound: 'Close vote round',
  reveal: 'Reveal',
  dialogTitle: 'Start vote round',
  stageLabel: 'Stage',
  titleLabel: 'Title (optional)',
  votesPerParticipant: 'Votes per participant',
  maxPerCard: 'At most per card',
  anonymous: 'Anonymous (nobody sees who voted what)',
  resultsLabel: 'Results',
  resultsOnReveal: 'Hidden until I reveal them',
  resultsLive: 'Visible to everyone right away',
  cardsLabel: (n) => `Cards (${n})`,
  noCards: 'This stage has no cards to vote on. Write stickies in the stage frame first.',
  start: 'Start',
  cancel: 'Cancel',

  resultsHeading: 'Results',
  resultVotes: (votes, share) => `${votes} ${votes === 1 ? 'vote' : 'votes'} · ${Math.round(share * 100)}% of voters`,

  proposalHeading: 'Proposal',
  proposal: (titles) =>
    titles.length === 0
      ? 'No votes yet: choose a principle yourself.'
      : titles.length === 1
        ? `The votes point to ${titles[0]}.`
        : `A tie: ${titles.join(', ')}.`,
  principleVotes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  choosePrinciple: 'Choose this principle',
  chosenPrinciple: (title) => `Chosen principle: ${title}`,
  playsHeading: 'Plays for Improve',
  playsHint: (top) =>
    `The ${top} questions with the most votes (ties included) bring their play. Adjust the choice if needed.`,
  choosePlays: 'Choose these plays',
  chosenPlays: (n) => (n === 1 ? '1 play chosen' : `${n} plays chosen`),

  marksHeading: 'Actions',
  marksQuestion: 'Have you tried this already?',
  markLabels: { geprobeerd: 'Tried', 'willen-we-proberen': 'Want to try', 'niet-relevant': 'Not relevant' },
  markCount: (label, n) => `${label}: ${n}`,
  clearMark: 'Clear',
  noPlays: 'No plays chosen yet.',

  planHeading: 'Action plan',
  planEmpty: 'Nothing in the action plan yet.',
  planText: 'Action',
  owner: 'Owner',
  firstStep: 'First step',
  date: 'Date',
  removeItem: (text) => `Remove: ${text || 'empty action'}`,
  removeVisible: 'Remove',
  addAction: 'Add action',
  addFromActions: 'From the chosen actions',
  addFromStickies: 'From the stickies',
  addThis: (text) => `Add to action plan: ${text}`,
  addVisible: 'Add',
  newItemText: 'New action',

  show: (what) => `Show ${what.toLowerCase()}`,
  hide: (what) => `Hide ${what.toLowerCase()}`,
}

export function votingMessagesFor(locale: string | null | undefined): VotingMessages {
  return locale?.toLowerCase().startsWith('en') ? en : nl
}
