import {
  IDENTITY_AWARENESS_FIELD,
  parseBoardPresence,
  parseIdentity,
  PRESENCE_AWARENESS_FIELD,
  type TemplateLayout,
  type Viewport,
} from '@werkplaats/shared'
import { atom, react, type Signal } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { stageOfViewport, type StageLocation } from './stageOfViewport.ts'

/**
 * On which stage each person in the board room is, from the viewport their presence carries and the server's
 * identity on it (never from what a browser claims about who it is). Keyed by participant id; several tabs
 * of one person: the last one heard wins. Presence changes many times a second; the signal changes only
 * when someone moves to another stage.
 */
export interface PresenceStages {
  readonly stages: Signal<ReadonlyMap<string, StageLocation | null>>
  stop(): void
}

export function watchPresenceStages(awareness: Awareness, layout: Signal<TemplateLayout>): PresenceStages {
  const stages = atom<ReadonlyMap<string, StageLocation | null>>('presence stages', new Map())
  let lastKey = ''
  const read = () => {
    const frames = layout.get().frames
    const result = new Map<string, StageLocation | null>()
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue
      const identity = parseIdentity(state[IDENTITY_AWARENESS_FIELD])
      const viewport: Viewport | undefined = parseBoardPresence(state[PRESENCE_AWARENESS_FIELD])?.viewport
      if (!identity?.participantId || !viewport) continue
      result.set(identity.participantId, stageOfViewport(viewport, frames))
    }
    const key = JSON.stringify([...result])
    if (key === lastKey) return
    lastKey = key
    stages.set(result)
  }
  awareness.on('change', read)
  // The layout changes when a round is added or frames are hidden: the same viewports may be elsewhere now.
  const stopLayout = react('presence stages layout', () => {
    layout.get()
    read()
  })
  return {
    stages,
    stop() {
      awareness.off('change', read)
      stopLayout()
    },
  }
}
