import {
  IDENTITY_AWARENESS_FIELD,
  PRESENCE_AWARENESS_FIELD,
  layoutTemplate,
  defaultFacilitationState,
  currentStageFrame,
  type TemplateLayout,
  type Viewport,
} from '@werkplaats/shared'
import { atom } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { watchPresenceStages, type PresenceStages } from './presenceStages.ts'

const ANNA = 'AnnaAnnaAnnaAnnaAnna01'
const layout = layoutTemplate(oecdTemplate, defaultFacilitationState)
const watches: PresenceStages[] = []
afterEach(() => {
  for (const watch of watches.splice(0)) watch.stop()
})

function frame(stageId: string): Viewport {
  const found = currentStageFrame(layout, { stageId, rounds: [] })
  if (!found) throw new Error(`no frame for ${stageId}`)
  return { x: found.x, y: found.y, w: found.w, h: found.h }
}

/** This screen's awareness, and a way to bring it another browser's state as the board room relays it. */
function boardRoom() {
  const own = new Awareness(new Y.Doc())
  const others = new Map<string, Awareness>()
  const say = (who: string, state: Record<string, unknown>) => {
    const other = others.get(who) ?? new Awareness(new Y.Doc())
    others.set(who, other)
    other.setLocalState(state)
    applyAwarenessUpdate(own, encodeAwarenessUpdate(other, [other.clientID]), 'server')
  }
  return { own, say }
}

/** A presence as a browser sends it, and the identity the server stamps on it. */
function presence(participantId: string | null, viewport: Viewport, name = 'Anna') {
  return {
    [IDENTITY_AWARENESS_FIELD]: { participantId, name, role: participantId ? 'participant' : 'observer' },
    [PRESENCE_AWARENESS_FIELD]: {
      userId: 'browser-1',
      name,
      color: '#336699',
      pageId: 'page:page',
      cursor: null,
      selectedShapeIds: [],
      viewport,
    },
  }
}

function watch(own: Awareness, laidOut = atom<TemplateLayout>('layout', layout)) {
  const watched = watchPresenceStages(own, laidOut)
  watches.push(watched)
  return { stages: watched.stages, laidOut }
}

describe('who is on which stage', () => {
  it("places each participant by the viewport their presence carries, under the server's identity", () => {
    const { own, say } = boardRoom()
    const { stages } = watch(own)
    say('anna', presence(ANNA, frame('kaderen')))
    expect(stages.get().get(ANNA)).toEqual({ stageId: 'kaderen', round: 0 })
    say('anna', presence(ANNA, frame('startpunt')))
    expect(stages.get().get(ANNA)).toEqual({ stageId: 'startpunt', round: 0 })
  })

  it('leaves out observers and presences without a viewport or a valid identity', () => {
    const { own, say } = boardRoom()
    const { stages } = watch(own)
    say('observer', presence(null, frame('kaderen')))
    say('forged', { ...presence(ANNA, frame('kaderen')), [IDENTITY_AWARENESS_FIELD]: { participantId: 7 } })
    say('no-viewport', { [IDENTITY_AWARENESS_FIELD]: { participantId: ANNA, name: 'Anna', role: 'participant' } })
    expect([...stages.get().keys()]).toEqual([])
  })

  it('changes its signal only when someone moves to another stage, not on every cursor move', () => {
    const { own, say } = boardRoom()
    const { stages } = watch(own)
    say('anna', presence(ANNA, frame('kaderen')))
    const before = stages.get()
    const inside = frame('kaderen')
    say('anna', presence(ANNA, { ...inside, x: inside.x + 5 }))
    expect(stages.get()).toBe(before)
  })

  it('places the same viewports again when the layout changes', () => {
    const { own, say } = boardRoom()
    const { stages, laidOut } = watch(own)
    say('anna', presence(ANNA, frame('kaderen')))
    laidOut.set({ frames: [], cards: [] })
    expect(stages.get().get(ANNA)).toBeNull()
  })
})
