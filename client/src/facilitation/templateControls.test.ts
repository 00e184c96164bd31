import { BACKGROUND_FRAME_ID, defaultFacilitationState, type FacilitationState } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import {
  hiddenCardIds,
  isBackgroundShown,
  setExportsForEveryone,
  showHiddenCards,
  toggleBackground,
  toggleTemplateLock,
} from './templateControls.ts'

const state = (changes: Partial<FacilitationState> = {}): FacilitationState => ({
  ...defaultFacilitationState,
  ...changes,
})

describe("the facilitator's template controls", () => {
  it('lock and unlock the template layer', () => {
    expect(toggleTemplateLock(state())).toEqual({ templateLock: 'unlocked' })
    expect(toggleTemplateLock(state({ templateLock: 'unlocked' }))).toEqual({ templateLock: 'locked' })
  })

  it('hide and show the background area, keeping a move of it', () => {
    const shown = state({ layoutOverrides: { [BACKGROUND_FRAME_ID]: { x: 5 } } })
    expect(isBackgroundShown(shown)).toBe(true)
    const hidden = state(toggleBackground(shown))
    expect(isBackgroundShown(hidden)).toBe(false)
    expect(hidden.layoutOverrides[BACKGROUND_FRAME_ID]).toEqual({ x: 5, hidden: true })
    expect(isBackgroundShown(state(toggleBackground(hidden)))).toBe(true)
  })

  it('show every hidden card again, keeping moves and the hidden background', () => {
    const s = state({
      layoutOverrides: {
        'r0:welkom:section:a': { hidden: true },
        'r0:welkom:section:b': { x: 10, y: 20, hidden: true },
        'r0:welkom:section:c': { x: 1 },
        [BACKGROUND_FRAME_ID]: { hidden: true },
      },
    })
    expect(hiddenCardIds(s).sort()).toEqual(['r0:welkom:section:a', 'r0:welkom:section:b'])
    expect(showHiddenCards(s)).toEqual({
      layoutOverrides: {
        'r0:welkom:section:b': { x: 10, y: 20 },
        'r0:welkom:section:c': { x: 1 },
        [BACKGROUND_FRAME_ID]: { hidden: true },
      },
    })
  })

  it('allow or forbid exports for everyone', () => {
    expect(setExportsForEveryone(true)).toEqual({ exportsForEveryone: true })
  })
})
