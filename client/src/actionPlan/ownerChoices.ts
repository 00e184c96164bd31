import type { Participant } from '@werkplaats/shared'

/**
 * The names an action's owner is chosen from: the session's people with a name (the facilitator and the
 * participants; observers have none), each once, in the order of the list. An owner who is no longer among them
 * (removed, or typed before owners were chosen) stays offered, so choosing nothing never changes the item.
 */
export function ownerChoices(people: readonly Participant[], current: string): string[] {
  const names: string[] = []
  for (const person of people) {
    const name = person.name.trim()
    if (person.role !== 'observer' && name !== '' && !names.includes(name)) names.push(name)
  }
  if (current !== '' && !names.includes(current)) names.push(current)
  return names
}
