import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type GrantRecord,
  JoinCodeTakenError,
  type PersonRecord,
  type SessionRecord,
  type SessionRepository,
} from '../src/store/sessionRepository.ts'

type MaybePromise<T> = T | Promise<T>

/**
 * What every SessionRepository must do, whatever engine is behind it. Each adapter's test calls this with a
 * factory that gives a fresh repository and a way to reopen it on the same data.
 */
export function sessionRepositoryContract(
  name: string,
  open: () => MaybePromise<{
    repository: SessionRepository
    reopen(): MaybePromise<SessionRepository>
    cleanup(): MaybePromise<void>
  }>,
): void {
  describe(`${name} (SessionRepository contract)`, () => {
    let handle: Awaited<ReturnType<typeof open>>
    let repository: SessionRepository
    beforeEach(async () => {
      handle = await open()
      repository = handle.repository
    })
    afterEach(async () => {
      await repository.close()
      await handle.cleanup()
    })

    const session = (id: string, code: string): SessionRecord => ({
      id,
      title: `Sessie ${id}`,
      templateId: 'oecd-innovatie-playbook',
      code,
      inviteHash: `${id}-invite`,
      joinOpen: true,
      createdAt: 1_700_000_000_000,
      closedAt: null,
      lastActiveAt: 1_700_000_000_000,
    })
    const person = (
      participantId: string,
      sessionId: string,
      role: PersonRecord['role'],
      createdAt: number,
    ): PersonRecord => ({
      participantId,
      sessionId,
      name: `Naam ${participantId}`,
      role,
      createdAt,
    })
    const grant = (
      tokenHash: string,
      sessionId: string,
      role: GrantRecord['role'],
      participantId: string | null,
    ): GrantRecord => ({
      tokenHash,
      sessionId,
      role,
      participantId,
    })

    async function createWithFacilitator(id: string, code: string): Promise<void> {
      await repository.createSession(
        session(id, code),
        [person(`${id}-f`, id, 'facilitator', 1)],
        [grant(`${id}-fh`, id, 'facilitator', `${id}-f`), grant(`${id}-oh`, id, 'observer', null)],
      )
    }

    it('finds a session by id and by code, and its grants by token hash', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      expect(await repository.findSession('s1')).toEqual(session('s1', 'ABCDEF'))
      expect(await repository.findSessionByCode('ABCDEF')).toEqual(session('s1', 'ABCDEF'))
      expect(await repository.findGrant('s1-fh')).toEqual(grant('s1-fh', 's1', 'facilitator', 's1-f'))
      expect(await repository.findGrant('s1-oh')).toEqual(grant('s1-oh', 's1', 'observer', null))
      expect(await repository.findSession('nope')).toBeNull()
      expect(await repository.findSessionByCode('ZZZZZZ')).toBeNull()
      expect(await repository.findGrant('nope')).toBeNull()
    })

    it('refuses a join code another session has, and stores nothing of the refused one', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await expect(createWithFacilitator('s2', 'ABCDEF')).rejects.toBeInstanceOf(JoinCodeTakenError)
      expect(await repository.findSession('s2')).toBeNull()
      expect(await repository.findGrant('s2-fh')).toBeNull()
      expect(await repository.listPeople('s2')).toEqual([])
    })

    it('adds people with their grants and lists them in the order they came', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.addPerson(person('p2', 's1', 'participant', 3), grant('p2h', 's1', 'participant', 'p2'))
      await repository.addPerson(person('p1', 's1', 'participant', 2), grant('p1h', 's1', 'participant', 'p1'))
      expect((await repository.listPeople('s1')).map((p) => p.participantId)).toEqual(['s1-f', 'p1', 'p2'])
      expect(await repository.findGrant('p1h')).toEqual(grant('p1h', 's1', 'participant', 'p1'))
      expect(await repository.findPerson('p1')).toEqual(person('p1', 's1', 'participant', 2))
      expect(await repository.findPerson('nobody')).toBeNull()
    })

    it('removes a person with their grants, and nobody else', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.addPerson(person('p1', 's1', 'participant', 2), grant('p1h', 's1', 'participant', 'p1'))
      await repository.addPerson(person('p2', 's1', 'participant', 3), grant('p2h', 's1', 'participant', 'p2'))
      await repository.removePerson('p1')
      expect(await repository.findPerson('p1')).toBeNull()
      expect(await repository.findGrant('p1h')).toBeNull()
      expect((await repository.listPeople('s1')).map((p) => p.participantId)).not.toContain('p1')
      expect(await repository.findGrant('p2h')).not.toBeNull()
      expect(await repository.findGrant('s1-fh')).not.toBeNull()
    })

    it("adds a grant without a person (another observers' link)", async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.addGrant(grant('o2h', 's1', 'observer', null))
      expect(await repository.findGrant('o2h')).toEqual(grant('o2h', 's1', 'observer', null))
      expect(await repository.findGrant('s1-oh')).not.toBeNull()
    })

    it('renames', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.renameSession('s1', 'Nieuwe titel')
      expect((await repository.findSession('s1'))?.title).toBe('Nieuwe titel')
    })

    it('replaces the invitation: the new code finds the session, the old one nothing; a taken code is refused', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await createWithFacilitator('s2', 'GHJKMN')
      await repository.setInvitation('s1', 'PQRSTU', 'new-hash')
      expect(await repository.findSession('s1')).toEqual({ ...session('s1', 'PQRSTU'), inviteHash: 'new-hash' })
      expect(await repository.findSessionByCode('ABCDEF')).toBeNull()
      await expect(repository.setInvitation('s1', 'GHJKMN', 'other')).rejects.toBeInstanceOf(JoinCodeTakenError)
      expect((await repository.findSession('s1'))?.code).toBe('PQRSTU')
    })

    it('closes and opens the door', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.setJoinOpen('s1', false)
      expect((await repository.findSession('s1'))?.joinOpen).toBe(false)
      await repository.setJoinOpen('s1', true)
      expect((await repository.findSession('s1'))?.joinOpen).toBe(true)
    })

    it('closes a session and opens it again', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.setClosed('s1', 1_700_000_100_000)
      expect((await repository.findSession('s1'))?.closedAt).toBe(1_700_000_100_000)
      await repository.setClosed('s1', null)
      expect((await repository.findSession('s1'))?.closedAt).toBeNull()
    })

    it('notes activity only forward, and lists the idle sessions longest idle first', async () => {
      const start = 1_700_000_000_000
      await createWithFacilitator('s1', 'ABCDEF')
      await createWithFacilitator('s2', 'GHJKMN')
      await createWithFacilitator('s3', 'PQRSTU')
      await repository.touchSession('s1', start + 300)
      await repository.touchSession('s2', start + 100)
      await repository.touchSession('s2', start + 50)
      expect((await repository.findSession('s2'))?.lastActiveAt).toBe(start + 100)
      expect(await repository.listIdleSessions(start + 301, 10)).toEqual(['s3', 's2', 's1'])
      expect(await repository.listIdleSessions(start + 300, 10)).toEqual(['s3', 's2'])
      expect(await repository.listIdleSessions(start + 300, 1)).toEqual(['s3'])
    })

    it("keeps each kind of invitation's secret apart, replaces it, and lets it go with its session", async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await createWithFacilitator('s2', 'GHJKMN')
      expect(await repository.findInvitationSecret('s1', 'observer')).toBeNull()
      await repository.setInvitationSecret('s1', 'observer', 'watch-1')
      await repository.setInvitationSecret('s1', 'participant', 'join-1')
      await repository.setInvitationSecret('s2', 'observer', 'other')
      await repository.setInvitationSecret('s1', 'observer', 'watch-2')
      expect(await repository.findInvitationSecret('s1', 'observer')).toBe('watch-2')
      expect(await repository.findInvitationSecret('s1', 'participant')).toBe('join-1')
      await repository.deleteSession('s1')
      expect(await repository.findInvitationSecret('s1', 'observer')).toBeNull()
      expect(await repository.findInvitationSecret('s2', 'observer')).toBe('other')
    })

    it('hands a handover out once, caps the pending ones per session, and sweeps the expired ones', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await createWithFacilitator('s2', 'GHJKMN')
      const handover = (secretHash: string, sessionId: string, expiresAt: number) => ({
        secretHash,
        sessionId,
        participantId: `${sessionId}-f`,
        expiresAt,
      })
      expect(await repository.addHandover(handover('h1', 's1', 1_000), 0, 2)).toBe(true)
      expect(await repository.addHandover(handover('h2', 's1', 2_000), 0, 2)).toBe(true)
      expect(await repository.addHandover(handover('h3', 's1', 2_000), 0, 2)).toBe(false)
      expect(await repository.addHandover(handover('h4', 's2', 2_000), 0, 2)).toBe(true)
      // Two concurrent takes of one handover: exactly one gets it.
      const takes = await Promise.all([repository.takeHandover('h2'), repository.takeHandover('h2')])
      expect(takes.filter((taken) => taken !== null)).toEqual([handover('h2', 's1', 2_000)])
      expect(await repository.takeHandover('h3')).toBeNull()
      // h1 has expired by 1 000: adding sweeps it, so it no longer counts (and can no longer be taken).
      expect(await repository.addHandover(handover('h5', 's1', 3_000), 1_000, 1)).toBe(true)
      expect(await repository.takeHandover('h1')).toBeNull()
      // An expired one still comes back from a take: whether it is late is the caller's to say.
      expect(await repository.takeHandover('h5')).toEqual(handover('h5', 's1', 3_000))
      await repository.deleteSession('s2')
      expect(await repository.takeHandover('h4')).toBeNull()
    })

    it('caps the observer grants per session, counting the one made with the session', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await createWithFacilitator('s2', 'GHJKMN')
      // s1 has its creation's observer grant: one more fits under a cap of 2, the next does not.
      expect(await repository.addObserverGrant(grant('o1', 's1', 'observer', null), 2)).toBe(true)
      expect(await repository.addObserverGrant(grant('o2', 's1', 'observer', null), 2)).toBe(false)
      expect(await repository.findGrant('o1')).toEqual(grant('o1', 's1', 'observer', null))
      expect(await repository.findGrant('o2')).toBeNull()
      // Another session's count is its own; a session that is not there takes none.
      expect(await repository.addObserverGrant(grant('o3', 's2', 'observer', null), 2)).toBe(true)
      expect(await repository.addObserverGrant(grant('o4', 'gone', 'observer', null), 2)).toBe(false)
    })

    it('runs an exclusive task, and says so', async () => {
      const ran: string[] = []
      expect(await repository.exclusively('sweep', async () => void ran.push('sweep'))).toBe(true)
      expect(ran).toEqual(['sweep'])
    })

    it('removes a person with their grant, and nobody else', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.addPerson(person('p1', 's1', 'participant', 2), grant('p1h', 's1', 'participant', 'p1'))
      await repository.addPerson(person('p2', 's1', 'participant', 3), grant('p2h', 's1', 'participant', 'p2'))
      await repository.removePerson('p1')
      expect(await repository.findPerson('p1')).toBeNull()
      expect(await repository.findGrant('p1h')).toBeNull()
      expect(await repository.findGrant('p2h')).not.toBeNull()
      expect((await repository.listPeople('s1')).map((p) => p.participantId)).toEqual(['s1-f', 'p2'])
    })

    it('deletes a session with its people and grants, and nothing of another session', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await createWithFacilitator('s2', 'GHJKMN')
      await repository.addPerson(person('p1', 's1', 'participant', 2), grant('p1h', 's1', 'participant', 'p1'))
      await repository.deleteSession('s1')
      expect(await repository.findSession('s1')).toBeNull()
      expect(await repository.findSessionByCode('ABCDEF')).toBeNull()
      expect(await repository.findGrant('s1-fh')).toBeNull()
      expect(await repository.findGrant('p1h')).toBeNull()
      expect(await repository.listPeople('s1')).toEqual([])
      expect(await repository.findSession('s2')).not.toBeNull()
      expect(await repository.findGrant('s2-fh')).not.toBeNull()
    })

    it('keeps everything across a reopen', async () => {
      await createWithFacilitator('s1', 'ABCDEF')
      await repository.addPerson(person('p1', 's1', 'participant', 2), grant('p1h', 's1', 'participant', 'p1'))
      await repository.close()
      repository = await handle.reopen()
      expect(await repository.findSession('s1')).toEqual(session('s1', 'ABCDEF'))
      expect(await repository.findGrant('p1h')).toEqual(grant('p1h', 's1', 'participant', 'p1'))
      expect(await repository.listPeople('s1')).toHaveLength(2)
    })
  })
}
