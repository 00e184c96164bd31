import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultFacilitationState, type LayoutOverride, type LayoutOverrides } from '../facilitation/state.ts'
import { fixtureTemplate as template } from '../summary/fixture.ts'
import { layoutTemplate, withOverrides } from './templateLayout.ts'

const base = layoutTemplate(template, defaultFacilitationState)
const ids = [...base.frames.map((f) => f.id), ...base.cards.map((c) => c.id)]

const override: fc.Arbitrary<LayoutOverride> = fc.record(
  { x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), hidden: fc.constant(true) },
  { requiredKeys: [] },
)
const overrides: fc.Arbitrary<LayoutOverrides> = fc.dictionary(fc.constantFrom(...ids), override, { maxKeys: 6 })

describe('overrides on top of a layout', () => {
  it('changes nothing, and lays nothing out again, without overrides', () => {
    expect(withOverrides(base, {})).toBe(base)
  })

  it('gives the layout of the merged overrides, when each new override keeps what the card had', () => {
    fc.assert(
      fc.property(overrides, overrides, (committed, pending) => {
        // As the template layer makes them: a card's pending override starts from its committed one.
        const whole = Object.fromEntries(Object.entries(pending).map(([id, o]) => [id, { ...committed[id], ...o }]))
        const laidOut = layoutTemplate(template, { rounds: [], layoutOverrides: committed })
        const merged = layoutTemplate(template, { rounds: [], layoutOverrides: { ...committed, ...whole } })
        expect(withOverrides(laidOut, whole)).toEqual(merged)
      }),
      { numRuns: 40 },
    )
  })

  it("hides a frame's cards with the frame", () => {
    const frame = base.frames.find((f) => f.kind === 'stage')
    if (!frame) throw new Error('no stage frame')
    const shown = withOverrides(base, { [frame.id]: { hidden: true } })
    const cards = shown.cards.filter((c) => c.frameId === frame.id)
    expect(cards.length).toBeGreaterThan(0)
    expect(cards.every((c) => c.hidden)).toBe(true)
    expect(shown.frames.find((f) => f.id === frame.id)?.hidden).toBe(true)
  })
})
