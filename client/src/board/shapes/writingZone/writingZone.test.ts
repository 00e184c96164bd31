import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { boardStore } from '../../templateLayer/fixtures.ts'
import { accepts, noEditor, shapeOf } from '../testing.ts'
import { WritingZone } from './WritingZone.tsx'
import { WritingZoneShapeUtil, type WritingZoneShape } from './WritingZoneShapeUtil.tsx'

const zone = (props: Partial<WritingZoneShape['props']> = {}) =>
  shapeOf<WritingZoneShape>('writing-zone', { w: 664, h: 720, label: 'Onze uitdagingen', ...props })

describe('the writing zone shape', () => {
  it('accepts a labelled zone and refuses a zone without size', () => {
    const store = boardStore()
    expect(accepts(store, zone())).toBe(true)
    expect(accepts(store, zone({ w: 0 }))).toBe(false)
    expect(accepts(store, zone({ label: 3 as never }))).toBe(false)
  })

  it('covers its whole area, so it can be found under the stickies', () => {
    const util = new WritingZoneShapeUtil(noEditor)
    const geometry = util.getGeometry(zone())
    expect(geometry.bounds.toJson()).toEqual({ x: 0, y: 0, w: 664, h: 720 })
    expect(geometry.isFilled).toBe(true)
    expect(util.canEdit()).toBe(false)
  })

  it('shows its label', () => {
    expect(renderToStaticMarkup(createElement(WritingZone, { label: 'Check-in' }))).toContain('>Check-in</span>')
  })
})
