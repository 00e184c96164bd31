import { BACKGROUND_FRAME_ID, type FacilitationState, type LayoutOverrides } from '@werkplaats/shared'

/**
 * What the facilitator's "Sjabloon" controls change in the control state: the lock of the template layer,
 * the background area beside Welkom, cards the facilitator hid, and whether everyone may export. Pure, so the
 * rules are tested without a board; the panel writes what these return.
 */

export function toggleTemplateLock(state: FacilitationState): Partial<FacilitationState> {
  return { templateLock: state.templateLock === 'locked' ? 'unlocked' : 'locked' }
}

/** The background area shows unless the facilitator hid it. */
export function isBackgroundShown(state: FacilitationState): boolean {
  return state.layoutOverrides[BACKGROUND_FRAME_ID]?.hidden !== true
}

export function toggleBackground(state: FacilitationState): Partial<FacilitationState> {
  const current = state.layoutOverrides[BACKGROUND_FRAME_ID] ?? {}
  return {
    layoutOverrides: {
      ...state.layoutOverrides,
      [BACKGROUND_FRAME_ID]: { ...current, hidden: isBackgroundShown(state) },
    },
  }
}

/** Cards (not the background area) the facilitator has hidden. */
export function hiddenCardIds(state: FacilitationState): string[] {
  return Object.entries(state.layoutOverrides)
    .filter(([id, override]) => id !== BACKGROUND_FRAME_ID && override.hidden === true)
    .map(([id]) => id)
}

/** Shows every hidden card again, where it was (moves are kept). */
export function showHiddenCards(state: FacilitationState): Partial<FacilitationState> {
  const layoutOverrides: LayoutOverrides = {}
  for (const [id, override] of Object.entries(state.layoutOverrides)) {
    if (id === BACKGROUND_FRAME_ID || override.hidden !== true) {
      layoutOverrides[id] = override
      continue
    }
    const { hidden: _hidden, ...kept } = override
    if (Object.keys(kept).length > 0) layoutOverrides[id] = kept
  }
  return { layoutOverrides }
}

export function setExportsForEveryone(allowed: boolean): Partial<FacilitationState> {
  return { exportsForEveryone: allowed }
}
