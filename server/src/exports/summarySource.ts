import { getTemplate } from '@werkplaats/playbook-data'
import {
  buildSummary,
  readActionPlan,
  readBoardRecords,
  readFacilitation,
  readMarkCounts,
  readPublicVoteRounds,
  type Role,
  type SessionSummary,
} from '@werkplaats/shared'
import * as Y from 'yjs'

/**
 * What a summary is built from, as the event loop hands it to a render worker: the session's own small facts
 * from the store, and the board and control rooms' documents as Yjs updates (`RoomManager.readUpdates`: the
 * room's state, encoded once per version, in shared memory), shared with the worker, never cloned as objects.
 * Decoding them, reading and checking every record, and building the summary all happen in the worker: on a board
 * of thousands of stickies that is most of an export's work, and none of it holds up the boards on the event loop.
 */
export interface SummarySource {
  session: { id: string; title: string; createdAt: number }
  /** Looked up in the worker (`@werkplaats/playbook-data`): a template is too large an object to copy each time. */
  templateId: string
  /** The people with a name (facilitator and participants). */
  people: Array<{ name: string; role: Role }>
  includeNames: boolean
  /** Milliseconds since the epoch: the moment of the export. */
  now: number
  /** The board room's document, as updates that together hold all of it. */
  board: Uint8Array[]
  /**
   * The control room's document. Only its public parts go into the summary (`readPublicVoteRounds`): what
   * everyone may know, never who voted what.
   */
  control: Uint8Array[]
}

/** The bytes of the rooms' documents a source carries: what `MAX_EXPORT_INPUT_BYTES` limits. */
export function sourceBytes(source: SummarySource): number {
  let bytes = 0
  for (const update of [...source.board, ...source.control]) bytes += update.byteLength
  return bytes
}

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  return doc
}

/** Builds the summary from its source: what a render worker does before it renders. */
export function summaryFrom(source: SummarySource): SessionSummary {
  const board = docOf(source.board)
  const control = docOf(source.control)
  try {
    return buildSummary({
      session: source.session,
      template: getTemplate(source.templateId) ?? null,
      facilitation: readFacilitation(control),
      people: source.people,
      includeNames: source.includeNames,
      voteRounds: readPublicVoteRounds(control),
      markCounts: readMarkCounts(control),
      actionPlan: readActionPlan(board),
      boardRecords: readBoardRecords(board),
      now: source.now,
    })
  } finally {
    board.destroy()
    control.destroy()
  }
}
