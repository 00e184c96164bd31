import { afterEach, describe, expect, it } from 'vitest'
import { temporaryDataDir } from '../../test/support/serverProcess.ts'
import { RoomManager } from '../rooms/roomManager.ts'
import { MemoryDocumentStore } from '../store/memoryStore.ts'
import {
  JoinCodeTakenError,
  type GrantRecord,
  type PersonRecord,
  type SessionRecord,
} from '../store/sessionRepository.ts'
import { SqliteSessionRepository } from '../store/sqliteSessionRepository.ts'
import { SessionService } from './sessionService.ts'
import { testRoomManagerOptions as roomOptions } from '../../test/support/roomOptions.ts'

/** The real repository, told that the first `taken` codes it is offered belong to other sessions already. */
class CrowdedRepository extends SqliteSessionRepository {
  readonly offered: string[] = []
  #taken: number
  constructor(dataDir: string, taken: number) {
    super(dataDir)
    this.#taken = taken
  }
  override async createSession(session: SessionRecord, people: PersonRecord[], grants: GrantRecord[]): Promise<void> {
    this.offered.push(session.code)
    if (this.#taken-- > 0) throw new JoinCodeTakenError(`join code ${session.code} is taken`)
    return super.createSession(session, people, grants)
  }
}

describe('join-code collisions', () => {
  const dirs: Array<{ remove(): void }> = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove()
  })

  function service(taken: number) {
    const dir = temporaryDataDir()
    dirs.push(dir)
    const repository = new CrowdedRepository(dir.path, taken)
    return {
      repository,
      sessions: new SessionService(repository, new RoomManager(new MemoryDocumentStore(), roomOptions), {
        has: () => true,
      }),
    }
  }

  it('draws a new code when one is taken, and the session gets the free one', async () => {
    const { repository, sessions } = service(2)
    const created = await sessions.create({ templateId: 'blank', title: 'Botsing' }, 'http://localhost')
    expect(repository.offered).toHaveLength(3)
    expect(new Set(repository.offered).size).toBe(3)
    expect(created.code).toBe(repository.offered[2])
    expect((await repository.findSessionByCode(created.code))?.id).toBe(created.id)
  })

  it('gives up after a few draws rather than trying forever', async () => {
    const { repository, sessions } = service(100)
    await expect(sessions.create({ templateId: 'blank', title: 'Vol' }, 'http://localhost')).rejects.toBeInstanceOf(
      JoinCodeTakenError,
    )
    expect(repository.offered).toHaveLength(8)
  })
})
