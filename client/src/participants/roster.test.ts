import type { Participant, Role } from '@werkplaats/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildRoster, onlineCount } from './roster.ts'

const facilitator: Participant = { participantId: 'FaciFaciFaciFaciFaci01', name: 'Fien', role: 'facilitator' }
const anna: Participant = { participantId: 'AnnaAnnaAnnaAnnaAnna01', name: 'Anna', role: 'participant' }
const bram: Participant = { participantId: 'BramBramBramBramBram01', name: 'Bram', role: 'participant' }

describe('the participant list', () => {
  it("lists everyone the server knows, online when their identity is in the room's awareness", () => {
    const roster = buildRoster({
      known: [anna, bram, facilitator],
      online: [{ clientId: 7, identity: { participantId: bram.participantId, name: 'Bram', role: 'participant' } }],
      self: { participantId: facilitator.participantId, name: 'Fien', role: 'facilitator', online: true },
    })
    expect(roster.map(({ name, role, online, isSelf }) => ({ name, role, online, isSelf }))).toEqual([
      { name: 'Fien', role: 'facilitator', online: true, isSelf: true },
      { name: 'Bram', role: 'participant', online: true, isSelf: false },
      { name: 'Anna', role: 'participant', online: false, isSelf: false },
    ])
    expect(onlineCount(roster)).toBe(2)
  })

  it('shows each online observer connection, and oneself as an observer', () => {
    const observer = { participantId: null, name: 'Waarnemer', role: 'observer' as const }
    const roster = buildRoster({
      known: [anna],
      online: [
        { clientId: 3, identity: observer },
        { clientId: 4, identity: observer },
      ],
      self: { participantId: null, name: 'Waarnemer', role: 'observer', online: true },
    })
    expect(roster.filter((entry) => entry.role === 'observer')).toHaveLength(3)
    expect(roster.filter((entry) => entry.isSelf)).toMatchObject([{ role: 'observer', online: true }])
    expect(new Set(roster.map((entry) => entry.key)).size).toBe(roster.length)
  })

  it('a person with two tabs is one row; someone online before the control room caught up is listed', () => {
    const roster = buildRoster({
      known: [anna],
      online: [
        { clientId: 1, identity: { participantId: anna.participantId, name: 'Anna', role: 'participant' } },
        { clientId: 2, identity: { participantId: anna.participantId, name: 'Anna', role: 'participant' } },
        { clientId: 3, identity: { participantId: bram.participantId, name: 'Bram', role: 'participant' } },
      ],
      self: { participantId: facilitator.participantId, name: 'Fien', role: 'facilitator', online: false },
    })
    expect(roster.map((entry) => [entry.name, entry.online])).toEqual([
      ['Fien', false],
      ['Anna', true],
      ['Bram', true],
    ])
  })
})

describe('the participant list, whoever is known and online', () => {
  const ids = ['AnnaAnnaAnnaAnnaAnna01', 'BramBramBramBramBram01', 'CeesCeesCeesCeesCees01', 'FaciFaciFaciFaciFaci01']
  const role = fc.constantFrom<Role>('facilitator', 'participant', 'observer')
  const person = fc.record({ participantId: fc.constantFrom(...ids), name: fc.string({ maxLength: 8 }), role })
  const identity = fc.record({
    participantId: fc.option(fc.constantFrom(...ids)),
    name: fc.string({ maxLength: 8 }),
    role,
  })
  const input = fc.record({
    known: fc.array(person, { maxLength: 6 }),
    // Awareness gives every connection its own client id.
    online: fc.uniqueArray(fc.record({ clientId: fc.nat(1000), identity }), {
      maxLength: 6,
      selector: (o) => o.clientId,
    }),
    self: fc.record({
      participantId: fc.option(fc.constantFrom(...ids)),
      name: fc.string(),
      role,
      online: fc.boolean(),
    }),
  })
  const order: Record<Role, number> = { facilitator: 0, participant: 1, observer: 2 }

  it('has each participant once, this screen once, every anonymous connection once, facilitators first', () => {
    fc.assert(
      fc.property(input, ({ known, online, self }) => {
        const roster = buildRoster({ known, online, self })
        const named = new Set([
          ...known.map((p) => p.participantId),
          ...online.flatMap((o) => (o.identity.participantId ? [o.identity.participantId] : [])),
        ])
        const anonymous = online.filter((o) => o.identity.participantId === null).length
        const selfIsNamed = self.participantId !== null && named.has(self.participantId)
        expect(roster).toHaveLength(named.size + anonymous + (selfIsNamed ? 0 : 1))
        expect(roster.filter((entry) => entry.isSelf)).toHaveLength(1)
        expect(new Set(roster.map((entry) => entry.key)).size).toBe(roster.length)
        for (const [i, entry] of roster.entries())
          if (i > 0) expect(order[entry.role]).toBeGreaterThanOrEqual(order[roster[i - 1]!.role])
        expect(onlineCount(roster)).toBe(roster.filter((entry) => entry.online).length)
      }),
    )
  })

  it('marks a known participant online exactly when an identity of theirs is in the room, or they are this screen online', () => {
    fc.assert(
      fc.property(input, ({ known, online, self }) => {
        const roster = buildRoster({ known, online, self })
        for (const participant of known) {
          const entry = roster.find((e) => e.key === participant.participantId)
          const isSelf = participant.participantId === self.participantId
          const seen = online.some((o) => o.identity.participantId === participant.participantId)
          expect(entry?.online).toBe(isSelf ? self.online : seen)
        }
      }),
    )
  })
})
