import type { Participant } from '@werkplaats/shared'
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
