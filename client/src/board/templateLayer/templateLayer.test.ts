import { defaultFacilitationState, type FacilitationState, type LayoutOverride, type Role } from '@werkplaats/shared'
import type { TLShape, TLStore } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { boardStore, laidOut, oecdTemplate } from './fixtures.ts'
import { isTemplateLayerRecordId, templateShapeId } from './ids.ts'
import { HIDDEN_CARD_OPACITY } from './layerShapes.ts'
import { messagesFor } from '../../i18n/messages.ts'
import { mountTemplateLayer, withLayoutOverride, type TemplateLayer } from './templateLayer.ts'

const messages = messagesFor('nl').templateLayer
const CARD = 'r0:startpunt:principle:verwelkomen-en-versterken'
const FRAME = 'r0:startpunt'
const layers: TemplateLayer[] = []

afterEach(() => {
  for (const layer of layers.splice(0)) layer.dispose()
})

function mount(store: TLStore, role: Role, facilitation: Partial<FacilitationState> = {}) {
  const reported: [string, LayoutOverride][] = []
  const layer = mountTemplateLayer(store, {
    overrideDelayMs: 10,
    onLayoutOverride: (id, override) => reported.push([id, override]),
  })
  layers.push(layer)
  const state = (change: Partial<FacilitationState> = {}) =>
    laidOut({
      template: oecdTemplate,
      facilitation: { ...defaultFacilitationState, ...facilitation, ...change },
      role,
      messages,
      actionPlan: [],
    })
  layer.update(state())
  return { layer, reported, state }
}

const shape = (store: TLStore, layoutId: string): TLShape | undefined => store.get(templateShapeId(layoutId))
const templateShapes = (store: TLStore) => store.allRecords().filter((r) => isTemplateLayerRecordId(r.id))
/**
 * Lets tldraw's frame-scheduled store listeners run (a frame is a 16 ms timer in Node): the layer's guard answers a
 * user change only then, and what is checked is the store after that answer.
 */
const rest = (ms = 30) => new Promise((done) => setTimeout(done, ms))

/** What a person does with the mouse or the console: a change with source 'user'. */
function drag(store: TLStore, layoutId: string, dx: number, dy: number) {
  store.update(templateShapeId(layoutId), (record) => ({ ...record, x: record.x + dx, y: record.y + dy }))
}

describe('the template layer in a store', () => {
  it('puts the layer as remote changes, which never reach the undo history', async () => {
    const store = boardStore()
    const byUser: string[] = []
    store.listen(({ changes }) => byUser.push(...Object.keys(changes.added), ...Object.keys(changes.updated)), {
      source: 'user',
    })
    mount(store, 'participant')
    expect(templateShapes(store).length).toBeGreaterThan(20)
    await rest()
    expect(byUser.filter(isTemplateLayerRecordId)).toEqual([])
  })

  it('does nothing when only what the layer does not depend on changes (stage, timer)', async () => {
    const store = boardStore()
    const { layer, state } = mount(store, 'participant')
    const changes = vi.fn()
    store.listen(changes)
    layer.update(state({ stageId: 'kaderen', follow: null }))
    await rest()
    expect(changes).not.toHaveBeenCalled()
  })

  it('puts only the records that changed', async () => {
    const store = boardStore()
    const { layer, state } = mount(store, 'participant')
    const changed: string[] = []
    store.listen(({ changes }) =>
      changed.push(...Object.keys(changes.updated), ...Object.keys(changes.added), ...Object.keys(changes.removed)),
    )
    layer.update(state({ layoutOverrides: { [CARD]: { x: 10, y: 20 } } }))
    await rest()
    expect(changed).toEqual([templateShapeId(CARD)])
  })

  it("reverts a participant's attempt to move, delete or restyle a card", async () => {
    const store = boardStore()
    const { reported } = mount(store, 'participant', { templateLock: 'unlocked' })
    const before = shape(store, CARD)
    drag(store, CARD, 100, 100)
    store.update(templateShapeId(CARD), (record) => ({ ...record, isLocked: false, opacity: 0.1 }))
    store.remove([templateShapeId(CARD)])
    expect(shape(store, CARD)).toEqual(before)
    await rest()
    expect(reported).toEqual([])
  })

  it('repairs a template record someone rewrote behind the guards at the next change', () => {
    const store = boardStore()
    const { layer, state } = mount(store, 'participant')
    const before = shape(store, CARD)
    store.mergeRemoteChanges(() => store.update(templateShapeId(CARD), (record) => ({ ...record, x: 99999 })))
    layer.update(state({ rounds: [{ principleIds: ['verwelkomen-en-versterken'], playIds: [] }] }))
    expect(shape(store, CARD)).toEqual(before)
  })

  it("reverts the facilitator's move while the layer is locked", async () => {
    const store = boardStore()
    const { reported } = mount(store, 'facilitator')
    const before = shape(store, CARD)
    drag(store, CARD, 100, 100)
    store.remove([templateShapeId(CARD)])
    expect(shape(store, CARD)).toEqual(before)
    await rest()
    expect(reported).toEqual([])
  })

  it("reports the facilitator's move while unlocked as one layout override, after the drag rests", async () => {
    const store = boardStore()
    const { layer, reported, state } = mount(store, 'facilitator', { templateLock: 'unlocked' })
    const { x, y } = shape(store, CARD) ?? { x: 0, y: 0 }
    for (let step = 1; step <= 5; step++) drag(store, CARD, 20, 10)
    expect(shape(store, CARD)).toMatchObject({ x: x + 100, y: y + 50 })
    expect(reported).toEqual([])
    await rest()
    expect(reported).toEqual([[CARD, { x: x + 100, y: y + 50 }]])

    // The control room answers with the override: the card stays where the facilitator put it.
    const overrides = withLayoutOverride({}, CARD, { x: x + 100, y: y + 50 })
    layer.update(state({ templateLock: 'unlocked', layoutOverrides: overrides }))
    expect(shape(store, CARD)).toMatchObject({ x: x + 100, y: y + 50 })
  })

  it('keeps a card where the facilitator dropped it while the control room has not answered yet', async () => {
    const store = boardStore()
    const { layer, state } = mount(store, 'facilitator', { templateLock: 'unlocked' })
    const { x } = shape(store, CARD) ?? { x: 0 }
    drag(store, CARD, 300, 0)
    layer.update(
      state({ templateLock: 'unlocked', rounds: [{ principleIds: ['verwelkomen-en-versterken'], playIds: [] }] }),
    )
    expect(shape(store, CARD)?.x).toBe(x + 300)
  })

  it('lets the facilitator hide a card while unlocked by deleting it: it stays, faded, and is reported hidden', async () => {
    const store = boardStore()
    const { reported } = mount(store, 'facilitator', { templateLock: 'unlocked' })
    store.remove([templateShapeId(CARD)])
    await rest()
    expect(shape(store, CARD)?.opacity).toBe(HIDDEN_CARD_OPACITY)
    expect(reported).toEqual([[CARD, { hidden: true }]])
  })

  it('never moves a frame, not even for the facilitator', async () => {
    const store = boardStore()
    const { reported } = mount(store, 'facilitator', { templateLock: 'unlocked' })
    const before = shape(store, FRAME)
    drag(store, FRAME, 50, 50)
    expect(shape(store, FRAME)).toEqual(before)
    await rest()
    expect(reported).toEqual([])
  })

  it('takes its shapes away when disposed, and a blank board has none', () => {
    const store = boardStore()
    const { layer, state } = mount(store, 'participant')
    layer.update(laidOut({ ...state(), template: null }))
    expect(templateShapes(store)).toEqual([])
    layer.update(state())
    layer.dispose()
    expect(templateShapes(store)).toEqual([])
  })
})
