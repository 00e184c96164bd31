import { describe, expect, it } from 'vitest'
import type { Participant } from '../support/browser.ts'
import { useBrowserSession } from '../support/session.ts'

/** Long enough to need more than a note's 200 px at the default size, in words that wrap (no font shrinking). */
const LONG_TEXT =
  'Wij willen dat iedere deelnemer in de werkplaats zijn idee kwijt kan, ook als dat idee wat langer is dan een regel of twee'

/**
 * A note's size on every screen comes from its record: the writer's browser measures the text when it changes
 * and records the growth, the others read it (the board's note shape measures nothing for remote edits).
 */
describe('a sticky with a long text', () => {
  const {
    server,
    people: { Anna: anna, Bram: bram },
  } = useBrowserSession({ people: ['Anna', 'Bram'] })

  it('grows on the writer’s board as it is typed', async () => {
    await anna.createSession(`${server.url}/`, 'Leeg bord', 'Lange stickies')
    await bram.joinByLink((await anna.shareDetails()).participantLink)
    await bram.addStickyNote(400, 300, LONG_TEXT)
    const written = await noteHeights(bram, LONG_TEXT)
    expect(written.shape).toBeGreaterThan(200)
    expect(written.note).toBe(written.shape)
  })

  it('has the same height, drawn and hit-tested, on the facilitator’s board', async () => {
    await anna.shapeWithText(LONG_TEXT).waitFor({ timeout: 15_000 })
    expect(await noteHeights(anna, LONG_TEXT)).toEqual(await noteHeights(bram, LONG_TEXT))
  })

  it('a note the facilitator types herself grows as well', async () => {
    const own = 'Ook de facilitator schrijft soms een hele alinea op een sticky, met alles wat er gezegd is erin'
    await anna.addStickyNote(700, 300, own)
    const heights = await noteHeights(anna, own)
    expect(heights.shape).toBeGreaterThan(200)
    expect(heights.note).toBe(heights.shape)
  })
})

/**
 * The note's heights in page units (the camera's zoom is on a parent, so the two screens compare): `shape` is
 * the box tldraw gives the shape from its geometry (what selection and hit-testing use), `note` the drawn note.
 */
async function noteHeights(person: Participant, text: string): Promise<{ shape: number; note: number }> {
  const shape = person.shapeWithText(text)
  return shape.evaluate((element) => ({
    shape: parseFloat((element as HTMLElement).style.height),
    note: (element.querySelector('.tl-note__container') as HTMLElement).offsetHeight,
  }))
}
