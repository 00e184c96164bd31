import { describe, expect, it } from 'vitest'
import { mayExportSummary, mayIncludeNames } from './rights.ts'

describe('who may export the summary', () => {
  it('lets the facilitator always, and the others only when allowed', () => {
    expect(mayExportSummary('facilitator', false)).toBe(true)
    expect(mayExportSummary('participant', false)).toBe(false)
    expect(mayExportSummary('observer', false)).toBe(false)
    expect(mayExportSummary('participant', true)).toBe(true)
    expect(mayExportSummary('observer', true)).toBe(true)
  })

  it('leaves names to the facilitator', () => {
    expect(mayIncludeNames('facilitator')).toBe(true)
    expect(mayIncludeNames('participant')).toBe(false)
    expect(mayIncludeNames('observer')).toBe(false)
  })
})
