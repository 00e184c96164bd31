import {
  currentRound,
  currentStageFrame,
  moveToStage,
  roundIndex,
  type FacilitationState,
  type Stage,
  type Template,
  type Viewport,
} from '@werkplaats/shared'

/**
 * What the facilitator's buttons change in the control state, as pure functions from the state (and the
 * server's time) to the fields to write. The panel calls these and writes the result in one transaction,
 * so everyone sees stage, history and round change together.
 */

/** The stages of the agenda a round walks through: all in the first, from the restart stage on later. */
export function stagesOfRound(template: Template, round: number): readonly Stage[] {
  if (round === 0) return template.agenda
  const restartId = restartOf(template)?.stageId
  const from = template.agenda.findIndex((stage) => stage.id === restartId)
  return from < 0 ? template.agenda : template.agenda.slice(from)
}

export function restartOf(template: Template): { label: string; stageId: string } | null {
  for (const stage of template.agenda) if (stage.kind === 'closing' && stage.restart) return stage.restart
  return null
}

export function stageById(template: Template, stageId: string | null): Stage | null {
  return template.agenda.find((stage) => stage.id === stageId) ?? null
}

/**
 * The stage a participant's screen names: the open one, or before the facilitator opens any, the round's first,
 * which the board already shows then (and which "Volgende fase" will open).
 */
export function shownStage(template: Template, state: FacilitationState): Stage | null {
  return stageById(template, state.stageId) ?? stagesOfRound(template, roundIndex(state))[0] ?? null
}

/**
 * The stage before or after the current one in the current round, or null at either end. Before any stage
 * is open, "Volgende fase" opens the round's first.
 */
export function neighbourStage(template: Template, state: FacilitationState, step: -1 | 1): Stage | null {
  const stages = stagesOfRound(template, roundIndex(state))
  const at = stages.findIndex((stage) => stage.id === state.stageId)
  if (at < 0) return step === 1 ? (stages[0] ?? null) : null
  return stages[at + step] ?? null
}

/**
 * "Kies een andere uitdaging": a new round (no principle chosen, no plays) and its restart stage, laid out
 * beside the earlier rounds. Null when the template offers no restart or the rounds are used up.
 */
export function startNewRound(
  template: Template,
  state: FacilitationState,
  serverNow: number,
  maxRounds = 20,
): Pick<FacilitationState, 'rounds' | 'stageId' | 'stageHistory' | 'timer'> | null {
  const restart = stageById(template, restartOf(template)?.stageId ?? null)
  if (!restart || state.rounds.length >= maxRounds) return null
  const rounds = [...state.rounds, { principleIds: [], playIds: [] }]
  return { rounds, ...moveToStage({ ...state, rounds }, restart, serverNow) }
}

/** "Volg mij" on (a new nonce brings back who stepped out) or off. */
export function toggleFollow(state: FacilitationState, selfId: string): Pick<FacilitationState, 'follow'> {
  if (state.follow?.participantId === selfId) return { follow: null }
  return { follow: { participantId: selfId, nonce: (state.follow?.nonce ?? 0) + 1 } }
}

/** "Breng iedereen hierheen": every screen jumps once to the facilitator's viewport. */
export function summonTo(state: FacilitationState, viewport: Viewport): Pick<FacilitationState, 'summon'> {
  return { summon: { nonce: (state.summon?.nonce ?? 0) + 1, viewport } }
}

/** "Privé schrijven" on or off; what was written stays private until revealed. */
export function togglePrivateWriting(state: FacilitationState): Pick<FacilitationState, 'privateWriting'> {
  return { privateWriting: { ...state.privateWriting, on: !state.privateWriting.on } }
}

/** After the server moved every private sticky onto the board: each screen learns it by the new nonce. */
export function revealed(state: FacilitationState): Pick<FacilitationState, 'privateWriting'> {
  return { privateWriting: { on: false, revealNonce: state.privateWriting.revealNonce + 1 } }
}

/** "Timer automatisch starten": whether the next stage changes start the stage's timer. */
export function setTimerAutoStart(autoStart: boolean): Pick<FacilitationState, 'timerAutoStart'> {
  return { timerAutoStart: autoStart }
}

// A stage move (stage, history and the stage's timer in one write) is a shared rule: see `facilitation/stageChange.ts`.
export { currentRound, currentStageFrame, moveToStage, roundIndex }
