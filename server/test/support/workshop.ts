import { getTemplate } from '@werkplaats/playbook-data'
import {
  addActionPlanItem,
  boardRecords,
  layoutTemplate,
  readFacilitation,
  type FacilitationState,
  writeFacilitation,
} from '@werkplaats/shared'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import type * as Y from 'yjs'
import { connectProvider, eventually, whenSynced } from './clients.ts'
import { createSession, type TestSession } from './sessions.ts'

/**
 * A small workshop run through the real server, as the export tests (server, end-to-end, bench) need it: three
 * participants, an anonymous vote round on the assessment questions (revealed), a mark on an action, the
 * facilitator's choices and moves in the control room, a sticky on the check-in stage and an item in the
 * action plan. Parts the UI cannot do yet go through the HTTP API and Yjs, as a client would.
 */
export interface Workshop {
  session: TestSession
  participants: Array<{ name: string; participantId: string; token: string }>
  roundId: string
  /** The title of the stage the round was held on. */
  voteStageTitle: string
  /** The question with the most votes, and its play. */
  topQuestion: { id: string; text: string; votes: number }
  play: { id: string; title: string; actionText: string }
  checkIn: string
  actionPlan: { text: string; owner: string; firstStep: string; date: string }
}

export const TEMPLATE_ID = 'oecd-innovatie-playbook'

async function api(
  base: string,
  path: string,
  token: string,
  method = 'GET',
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

/** Writes into a room as the facilitator's client would, and waits until the server has it. */
async function inRoom(
  wsUrl: string,
  target: { room: string; token: string },
  change: (doc: Y.Doc) => void,
  stored: (doc: Y.Doc) => boolean,
): Promise<void> {
  const provider = connectProvider(wsUrl, target)
  try {
    await whenSynced(provider)
    change(provider.doc)
    // A second client sees it only once the server has stored and relayed it.
    const check = connectProvider(wsUrl, target)
    try {
      await whenSynced(check)
      await eventually(() => stored(check.doc), `the server has ${target.room}'s change`)
    } finally {
      check.destroy()
    }
  } finally {
    provider.destroy()
  }
}

export async function runWorkshop(
  serverUrl: string,
  wsUrl: string,
  options: { title?: string; exportsForEveryone?: boolean } = {},
): Promise<Workshop> {
  const template = getTemplate(TEMPLATE_ID)
  if (!template) throw new Error(`template ${TEMPLATE_ID} is missing`)
  const session = await createSession(serverUrl, TEMPLATE_ID, options.title ?? 'Werksessie café')
  const participants = []
  for (const name of ['Anna', 'Bert', 'Zoë']) participants.push({ name, ...(await session.join(name)) })

  const principle = template.principles[0]
  const assess = template.agenda.find((stage) => stage.kind === 'assess')
  if (!principle || !assess) throw new Error('the template has no principle or no assess stage')
  const [first, second, third] = principle.assessmentQuestions
  if (!first || !second || !third) throw new Error('the principle needs three questions')
  const f = session.facilitatorToken
  const round = await api(serverUrl, `/api/sessions/${session.id}/rounds`, f, 'POST', {
    stageId: assess.id,
    cardIds: [first.id, second.id, third.id],
    votesPerParticipant: 2,
    maxVotesPerCard: 1,
    anonymous: true,
  })
  const roundId = String(round.roundId)
  const ballots: Array<[number, string]> = [
    [0, first.id],
    [0, second.id],
    [1, first.id],
    [1, third.id],
    [2, first.id],
  ]
  for (const [who, cardId] of ballots) {
    await api(
      serverUrl,
      `/api/sessions/${session.id}/rounds/${roundId}/votes`,
      participants[who]?.token ?? '',
      'POST',
      { cardId },
    )
  }
  await api(serverUrl, `/api/sessions/${session.id}/rounds/${roundId}/reveal`, f, 'POST')

  const play = principle.plays.find((p) => p.id === first.playId)
  const action = play?.actions[0]
  if (!play || !action) throw new Error('the top question has no play')
  await api(serverUrl, `/api/sessions/${session.id}/marks/${action.id}`, participants[0]?.token ?? '', 'PUT', {
    mark: 'geprobeerd',
  })
  await api(serverUrl, `/api/sessions/${session.id}/marks/${action.id}`, participants[1]?.token ?? '', 'PUT', {
    mark: 'willen-we-proberen',
  })

  const start = Date.now() - 60 * 60_000
  const facilitation: Partial<FacilitationState> = {
    stageId: 'afsluiting',
    rounds: [{ principleIds: [principle.id], playIds: [play.id] }],
    stageHistory: template.agenda.map((stage, index) => ({
      stageId: stage.id,
      round: 0,
      at: start + index * 12 * 60_000,
    })),
    exportsForEveryone: options.exportsForEveryone ?? false,
  }
  await inRoom(
    wsUrl,
    session.control(),
    (doc) => writeFacilitation(doc, facilitation),
    (doc) => readFacilitation(doc).stageHistory.length === template.agenda.length,
  )

  const welcome = layoutTemplate(template, { rounds: facilitation.rounds ?? [], layoutOverrides: {} }).frames.find(
    (frame) => frame.stageId === template.agenda[0]?.id,
  )
  if (!welcome) throw new Error('no check-in frame')
  const checkIn = 'Check-in: zin in vandaag ☀ – Zoë'
  const actionPlan = {
    text: 'Een dag meelopen met de balie',
    owner: 'Bert',
    firstStep: 'Afspraak met teamleider maken',
    date: '2030-06-01',
  }
  await inRoom(
    wsUrl,
    session.board(),
    (doc) => {
      boardRecords(doc).set(
        'shape:checkin',
        noteRecord('shape:checkin', checkIn, welcome.x + welcome.w - 300, welcome.y + 200),
      )
      addActionPlanItem(doc, {
        id: 'plan-1',
        ...actionPlan,
        source: { kind: 'action', id: action.id },
        createdAt: Date.now(),
      })
    },
    (doc) => boardRecords(doc).has('shape:checkin') && doc.getMap('actionPlan').has('plan-1'),
  )

  return {
    session,
    participants,
    roundId,
    voteStageTitle: assess.title,
    topQuestion: { id: first.id, text: first.text, votes: 3 },
    play: { id: play.id, title: play.title, actionText: action.text },
    checkIn,
    actionPlan,
  }
}
