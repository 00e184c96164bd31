import {
  mayExportSummary,
  mayIncludeNames,
  readFacilitationField,
  sessionRoomName,
  type SummaryLanguage,
} from '@werkplaats/shared'
import { performance } from 'node:perf_hooks'
import { ForbiddenError, NotFoundError } from '../domainErrors.ts'
import { type ExportMeter, unmetered } from '../observability/metrics.ts'
import type { RoomManager } from '../rooms/roomManager.ts'
import type { Grant } from '../sessions/sessionService.ts'
import type { SessionRepository } from '../store/sessionRepository.ts'
import type { ContentEncoding, ExportFormat } from './renderers.ts'
import type { EncodedExport } from './renderWorker.ts'
import type { RenderPool } from './renderPool.ts'
import type { SummarySource } from './summarySource.ts'

/**
 * The summary of a session, gathered from where each part lives: the session and its people from the store,
 * the facilitation state, public vote rounds and mark counts from the control room, the action plan and the
 * stickies from the board room. Votes come from the control room's public rounds on purpose: they hold what
 * everyone may know, so no export can carry what a participant could not see (who voted what, or results the
 * facilitator has not shown).
 *
 * The event loop only decides who may export and hands over what it has at hand: the session's facts and the
 * two rooms' documents, encoded as a loaded room keeps them (once per version) or as the store holds them (a room
 * nobody is on is not loaded for an export: see `RoomManager.readUpdates`). Decoding the documents and building
 * the summary is the render worker's (see `summarySource.ts`).
 */
export class ExportService {
  readonly #sessions: SessionRepository
  readonly #rooms: RoomManager
  readonly #renderer: RenderPool
  readonly #meter: ExportMeter

  /** `meter`: where each export's format, outcome and duration are counted (`Metrics`). */
  constructor(sessions: SessionRepository, rooms: RoomManager, renderer: RenderPool, meter: ExportMeter = unmetered) {
    this.#sessions = sessions
    this.#rooms = rooms
    this.#renderer = renderer
    this.#meter = meter
  }

  /**
   * The summary in `format`, built and rendered by the render pool off the event loop. Refusals of who may
   * export are not counted; a render that fails or is refused (too many waiting, too large, too slow) is.
   */
  async export(
    grant: Grant,
    format: ExportFormat,
    options: { includeNames: boolean; language: SummaryLanguage; contentEncoding?: ContentEncoding },
  ): Promise<EncodedExport> {
    const started = performance.now()
    const source = await this.#source(grant, { includeNames: options.includeNames, now: Date.now() })
    try {
      const rendered = await this.#renderer.render({
        format,
        source,
        language: options.language,
        contentEncoding: options.contentEncoding,
      })
      this.#meter.exported(format, 'ok', (performance.now() - started) / 1000)
      return rendered
    } catch (error) {
      this.#meter.exported(format, 'failed', (performance.now() - started) / 1000)
      throw error
    }
  }

  async #source(grant: Grant, options: { includeNames: boolean; now: number }): Promise<SummarySource> {
    if (options.includeNames && !mayIncludeNames(grant.role))
      throw new ForbiddenError("only the facilitator may include participants' names")
    const session = await this.#sessions.findSession(grant.sessionId)
    if (!session) throw new NotFoundError('no such session')
    const controlRoom = sessionRoomName(session.id, 'control')
    // Whom the facilitator allowed is read only when it matters: the facilitator may always export.
    const allowed =
      mayExportSummary(grant.role, false) ||
      mayExportSummary(
        grant.role,
        await this.#rooms.read(controlRoom, (doc) => readFacilitationField(doc, 'exportsForEveryone')),
      )
    if (!allowed) {
      throw new ForbiddenError('the facilitator has not made the summary available to everyone')
    }
    const [control, board, people] = await Promise.all([
      this.#rooms.readUpdates(controlRoom),
      this.#rooms.readUpdates(sessionRoomName(session.id, 'board')),
      this.#sessions.listPeople(session.id),
    ])
    return {
      session: { id: session.id, title: session.title, createdAt: session.createdAt },
      templateId: session.templateId,
      people: people.map(({ name, role }) => ({ name, role })),
      includeNames: options.includeNames,
      now: options.now,
      board,
      control,
    }
  }
}
