import { describe, expect, it } from 'vitest'
import { ownerChoices } from './ownerChoices.ts'

const person = (name: string, role: 'facilitator' | 'participant' | 'observer' = 'participant') => ({
  participantId: `p-${name}`,
  name,
  role,
})

describe("an action's owner", () => {
  it('is chosen from the named people of the session, each once, observers left out', () => {
    const people = [person('Anna', 'facilitator'), person('Bert'), person('Bert'), person('', 'observer'), person(' ')]
    expect(ownerChoices(people, '')).toEqual(['Anna', 'Bert'])
  })

  it('keeps an owner who is not among them any more', () => {
    expect(ownerChoices([person('Bert')], 'Zoë')).toEqual(['Bert', 'Zoë'])
    expect(ownerChoices([person('Bert')], 'Bert')).toEqual(['Bert'])
  })
})
