import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { boardStore } from '../../templateLayer/fixtures.ts'
import { accepts, noEditor, shapeOf } from '../testing.ts'
import { StageFrame } from './StageFrame.tsx'
import { StageFrameShapeUtil, type StageFrameShape } from './StageFrameShapeUtil.tsx'

const frame = (props: Partial<StageFrameShape['props']> = {}) =>
  shapeOf<StageFrameShape>('stage-frame', { w: 1400, h: 900, title: 'Welkom & check-in', minutes: 15, ...props })

describe('the stage frame shape', () => {
  it('accepts a titled frame and refuses props that do not fit', () => {
    const store = boardStore()
    expect(accepts(store, frame())).toBe(true)
    expect(accepts(store, frame({ minutes: 0, title: 'Achtergrond' }))).toBe(true)
    expect(accepts(store, frame({ w: 0 }))).toBe(false)
    expect(accepts(store, frame({ minutes: -5 }))).toBe(false)
    expect(accepts(store, frame({ minutes: 2.5 }))).toBe(false)
  })

  it('is a box of its layout size that nobody edits, resizes or rotates', () => {
    const util = new StageFrameShapeUtil(noEditor)
    const shape = frame()
    expect(util.getGeometry(shape).bounds.toJson()).toEqual({ x: 0, y: 0, w: 1400, h: 900 })
    expect(util.canEdit()).toBe(false)
    expect(util.canResize()).toBe(false)
    expect(util.hideRotateHandle()).toBe(true)
    expect(util.getText(shape)).toBe('Welkom & check-in')
  })

  it('shows the title and the minutes, as text', () => {
    const html = renderToStaticMarkup(createElement(StageFrame, { title: '<b>Welkom</b>', minutes: 15 }))
    expect(html).toContain('&lt;b&gt;Welkom&lt;/b&gt;')
    expect(html).toContain('15 min')
    expect(renderToStaticMarkup(createElement(StageFrame, { title: 'Achtergrond', minutes: 0 }))).not.toContain('min')
  })
})
