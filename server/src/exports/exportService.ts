import {
  buildSummary,
  mayExportSummary,
  mayIncludeNames,
  readActionPlan,
  readBoardRecords,
  readFacilitation,
  readMarkCounts,
  readPublicVoteRounds,
  type SessionSummary,
  sessionRoomName,
  type SummaryLanguage,
  type Template,
  type BoardRecord,
} from '@werkplaats/shared'
import type * as Y from 'yjs'
import { ForbiddenError, NotFoundError } from '../domainErrors.ts'
import type { RoomManager } from '../rooms/roomManager.ts'
import type { Grant } from '../sessions/sessionService.ts'
import type { SessionRepository } from '../store/sessionRepository.ts'
import type { ExportFormat, Rendered } from './renderers.ts'
import type { RenderPool } from './renderPool.ts'

/**
 * The summary of a session, gathered from where each part lives: the session and its people from the store,
 * the facilitation state, public vote rounds and mark counts from the control room, the action plan and the
 * stickies from the board room. Votes come from the control room's public rounds on purpose: they hold what
 * everyone may know, so no export can carry what a participant could not see (who voted what, or results the
 * facilitator has not shown).
 */
export class ExportService {
  readonly #sessions: SessionRepository
  readonly #rooms: RoomManager
  readonly #template: (id: string) => Template | undefined
  readonly #renderer: RenderPool
  /**
   * The board's records as last read, per loaded board document, until its next change: reading and checking
   * every record of a large board is most of what an export does on the event loop, and a facilitator who
   * downloads the summary in several formats, or again, asks about an unchanged board.
   */
  readonly #records = new WeakMap<Y.Doc, { records: ReadonlyMap<string, BoardRecord> | null }>()

  constructor(sessions: SessionRepository, rooms: RoomManager, template: (id: string) => Template | undefined, renderer: RenderPool) {
    this.#sessions = sessions
    this.#rooms = rooms
    this.#template = template
    this.#renderer = renderer
  }

  /** The summary in `format`: gathered here, rendered by the render pool off the event loop. */
  async export(grant: Grant, format: ExportFormat, options: { includeNames: boolean; language: SummaryLanguage }): Promise<{ summary: SessionSummary; body: Rendered }> {
    const summary = await this.summary(grant, { includeNames: options.includeNames })
    return { summary, body: await this.#renderer.render({ format, summary, language: options.language }) }
  }

  async summary(grant: Grant, options: { includeNames: boolean; now?: number }): Promise<SessionSummary> {
    if (options.includeNames && !mayIncludeNames(grant.role)) throw new ForbiddenError('only the facilitator may include participants\' names')
    const session = await this.#sessions.findSession(grant.sessionId)
    if (!session) throw new NotFoundError('no such session')
    const control = await this.#rooms.read(sessionRoomName(session.id, 'control'), (doc) => ({
      facilitation: readFacilitation(doc),
      voteRounds: readPublicVoteRounds(doc),
      markCounts: readMarkCounts(doc),
    }))
    if (!mayExportSummary(grant.role, control.facilitation.exportsForEveryone)) {
      throw new ForbiddenError('the facilitator has not made the summary available to everyone')
    }
    const board = await this.#rooms.read(sessionRoomName(session.id, 'board'), (doc) => ({
      actionPlan: readActionPlan(doc),
      records: this.#boardRecords(doc),
    }))
    const people = await this.#sessions.listPeople(session.id)
    return buildSummary({
      session: { id: session.id, title: session.title, createdAt: session.createdAt },
      template: this.#template(session.templateId) ?? null,
      facilitation: control.facilitation,
      people,
      includeNames: options.includeNames,
      voteRounds: control.voteRounds,
      markCounts: control.markCounts,
      actionPlan: board.actionPlan,
      boardRecords: board.records,
      now: options.now ?? Date.now(),
    })
  }

  #boardRecords(doc: Y.Doc): ReadonlyMap<string, BoardRecord> {
    let read = this.#records.get(doc)
    if (!read) {
      const entry: { records: ReadonlyMap<string, BoardRecord> | null } = { records: null }
      // Any change (an edit, a deletion, which leaves the state vector as it was) makes the next export read again.
      doc.on('update', () => {
        entry.records = null
      })
      this.#records.set(doc, entry)
      read = entry
    }
    read.records ??= readBoardRecords(doc)
    return read.records
  }
}
