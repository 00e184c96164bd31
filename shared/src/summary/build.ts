import type { ActionPlanItem } from '../actionPlan/layout.ts'
import type { BoardRecord } from '../board/layout.ts'
import type { FacilitationState } from '../facilitation/state.ts'
import { layoutTemplate } from '../layout/templateLayout.ts'
import type { Role } from '../session/role.ts'
import type { LinkedText } from '../template/text.ts'
import type { Template } from '../template/template.ts'
import type { PublicVoteRound } from '../vote/controlLayout.ts'
import { emptyMarkCounts, type MarkCounts } from '../vote/marks.ts'
import { challengeQuestionId } from '../vote/playbookLogic.ts'
import { voterShare } from '../vote/tally.ts'
import {
  type SessionSummary,
  SUMMARY_SCHEMA_VERSION,
  type SummaryLinkedText,
  type SummaryStage,
  type SummaryStickyGroup,
} from './model.ts'
import { contains, readStickies } from './stickies.ts'

/** Everything the summary is made of, as plain data: the server gathers it from its store and rooms. */
export interface SummaryInput {
  session: { id: string; title: string; createdAt: number }
  /** Null for a blank board. */
  template: Template | null
  facilitation: FacilitationState
  /** The people with a name (facilitator and participants); observers have none. */
  people: ReadonlyArray<{ name: string; role: Role }>
  /** The facilitator's choice: participants' names in the summary, or only how many there were. */
  includeNames: boolean
  /** The control room's rounds: tallies only where everyone may see them, never ballots. */
  voteRounds: readonly PublicVoteRound[]
  markCounts: ReadonlyMap<string, MarkCounts>
  actionPlan: readonly ActionPlanItem[]
  boardRecords: ReadonlyMap<string, BoardRecord>
  /** Milliseconds since the epoch: the moment of the export. */
  now: number
  /** The workshop's time zone, for its date. */
  timeZone?: string
}

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam'

/**
 * A stage left open after the workshop ended (the facilitator closed the laptop) should not count as hours of
 * work: the last stage opened counts until the export, but for at most this long.
 */
export const MAX_OPEN_STAGE_MS = 2 * 60 * 60 * 1000

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * One formatter per time zone, made once: making one loads the zone's rules, which the first time takes longer
 * than everything else a summary does (150 ms on a busy machine, on the server's event loop). The default zone's
 * is made as this module loads, at start-up.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>()
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(timeZone, format)
  }
  return format
}
dayFormat(DEFAULT_TIME_ZONE)

/** `YYYY-MM-DD` of `ms` in `timeZone`. */
export function dayIn(ms: number, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(ms)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** The words of every template card that can be voted on, by the id it is voted on by. */
function templateLabels(template: Template | null): Map<string, string> {
  const labels = new Map<string, string>()
  for (const principle of template?.principles ?? []) {
    labels.set(principle.id, principle.title)
    principle.challengeQuestions.forEach((text, index) => labels.set(challengeQuestionId(principle.id, index), text))
    for (const question of principle.assessmentQuestions) labels.set(question.id, question.text)
    for (const play of principle.plays) for (const action of play.actions) labels.set(action.id, action.text)
  }
  return labels
}

/** Votes per card over every round whose results everyone saw. */
function revealedVotes(rounds: readonly PublicVoteRound[]): Map<string, number> {
  const votes = new Map<string, number>()
  for (const round of rounds)
    for (const tally of round.tallies ?? []) votes.set(tally.cardId, (votes.get(tally.cardId) ?? 0) + tally.votes)
  return votes
}

function linked(text: LinkedText | undefined): SummaryLinkedText | null {
  return text ? { title: text.title ?? null, text: text.text, links: [...text.links] } : null
}

interface StageTime {
  startedAt: number | null
  spentMs: number
}

/** Time per stage and pass from the facilitator's moves: each visit lasts until the next one opened. */
function stageTimes(
  facilitation: FacilitationState,
  now: number,
): { times: Map<string, StageTime>; span: { start: number; end: number } | null } {
  const visits = [...facilitation.stageHistory].sort((a, b) => a.at - b.at)
  const times = new Map<string, StageTime>()
  let end = 0
  visits.forEach((visit, index) => {
    const next = visits[index + 1]
    const until = next ? next.at : Math.min(Math.max(now, visit.at), visit.at + MAX_OPEN_STAGE_MS)
    const key = `${visit.round}:${visit.stageId}`
    const time = times.get(key) ?? { startedAt: null, spentMs: 0 }
    times.set(key, { startedAt: time.startedAt ?? visit.at, spentMs: time.spentMs + Math.max(0, until - visit.at) })
    end = until
  })
  const first = visits[0]
  return { times, span: first ? { start: first.at, end } : null }
}

/** Builds the summary; pure: the same input gives the same summary. */
export function buildSummary(input: SummaryInput): SessionSummary {
  const { template, facilitation } = input
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE
  const layout = layoutTemplate(template, facilitation)
  const stageFrames = layout.frames.filter((frame) => frame.kind === 'stage' && frame.stageId !== null)
  const stageById = new Map((template?.agenda ?? []).map((stage) => [stage.id, stage]))
  const { times, span } = stageTimes(facilitation, input.now)

  const stages: SummaryStage[] = stageFrames.flatMap((frame) => {
    const stage = stageById.get(frame.stageId ?? '')
    if (!stage || frame.round === null) return []
    const time = times.get(`${frame.round}:${stage.id}`)
    return [
      {
        stageId: stage.id,
        round: frame.round,
        title: stage.title,
        kind: stage.kind,
        plannedMinutes: stage.minutes,
        startedAt: time?.startedAt == null ? null : iso(time.startedAt),
        spentMs: time?.spentMs ?? 0,
      },
    ]
  })

  // Stickies, each in the first stage frame that holds its centre, in reading order.
  const stickies = readStickies(input.boardRecords).sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id))
  const votes = revealedVotes(input.voteRounds)
  const groups: SummaryStickyGroup[] = template
    ? [
        ...stageFrames.map((frame): SummaryStickyGroup => ({
          kind: 'stage',
          stageId: frame.stageId,
          round: frame.round,
          title: stageById.get(frame.stageId ?? '')?.title ?? frame.title,
          stickies: [],
        })),
        { kind: 'elsewhere', stageId: null, round: null, title: null, stickies: [] },
      ]
    : [{ kind: 'board', stageId: null, round: null, title: null, stickies: [] }]
  const labels = templateLabels(template)
  for (const sticky of stickies) {
    labels.set(sticky.id, sticky.text)
    const index = template ? stageFrames.findIndex((frame) => contains(frame, sticky)) : 0
    const group = groups[index < 0 ? groups.length - 1 : index]
    group?.stickies.push({ id: sticky.id, text: sticky.text, votes: votes.get(sticky.id) ?? null })
  }

  const principleById = new Map((template?.principles ?? []).map((p) => [p.id, p]))
  const principles = facilitation.rounds.flatMap((round, index) =>
    round.principleIds.flatMap((id) => {
      const principle = principleById.get(id)
      return principle ? [{ round: index, principleId: id, number: principle.number, title: principle.title }] : []
    }),
  )

  const plays = facilitation.rounds.flatMap((round, index) =>
    round.playIds.flatMap((playId) => {
      const principle = template?.principles.find((p) => p.plays.some((play) => play.id === playId))
      const play = principle?.plays.find((p) => p.id === playId)
      const question = principle?.assessmentQuestions.find((q) => q.playId === playId)
      if (!principle || !play || !question) return []
      return [
        {
          round: index,
          principleId: principle.id,
          playId,
          title: play.title,
          question: { questionId: question.id, text: question.text, votes: votes.get(question.id) ?? null },
          actions: play.actions.map((action) => ({
            actionId: action.id,
            text: action.text,
            attribution: action.attribution ?? null,
            marks: { ...(input.markCounts.get(action.id) ?? emptyMarkCounts()) },
          })),
          case: linked(play.case),
          toolkit: linked(play.toolkit),
        },
      ]
    }),
  )

  const voteRounds = input.voteRounds.map((round) => {
    const stageTitle = stageById.get(round.stageId)?.title ?? round.stageId
    return {
      roundId: round.roundId,
      stageId: round.stageId,
      stageTitle,
      title: round.title ?? stageTitle,
      status: round.status,
      anonymous: round.settings.anonymous,
      votesPerParticipant: round.settings.votesPerParticipant,
      voterCount: round.voterCount,
      tallies: round.tallies
        ? [...round.tallies]
            .sort((a, b) => b.votes - a.votes)
            .map((tally) => ({
              cardId: tally.cardId,
              label: labels.get(tally.cardId) ?? tally.cardId,
              votes: tally.votes,
              voters: tally.voters,
              share: Math.min(1, voterShare(tally, round.voterCount)),
            }))
        : null,
    }
  })

  const participants = input.people.filter((person) => person.role === 'participant')
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    session: {
      id: input.session.id,
      title: input.session.title,
      date: dayIn(span?.start ?? input.session.createdAt, timeZone),
      createdAt: iso(input.session.createdAt),
      exportedAt: iso(input.now),
    },
    template: template ? { id: template.id, title: template.title } : null,
    duration: span ? { startedAt: iso(span.start), endedAt: iso(span.end), ms: span.end - span.start } : null,
    participants: { count: participants.length, names: input.includeNames ? participants.map((p) => p.name) : null },
    stages,
    principles,
    voteRounds,
    plays,
    actionPlan: input.actionPlan.map((item) => ({
      id: item.id,
      action: item.text,
      owner: item.owner,
      firstStep: item.firstStep,
      date: item.date,
      source: item.source,
    })),
    stickyGroups: groups,
  }
}
