import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ActionPlanItem } from './layout.ts'
import {
  PLAN_TABLE_HEADER_HEIGHT,
  PLAN_TABLE_LINE_HEIGHT,
  PLAN_TABLE_MAX_CELL_LINES,
  PLAN_TABLE_MORE_HEIGHT,
  planTable,
} from './table.ts'

const area = { x: 1000, y: 2000, w: 1280, h: 640 }

const item = (id: string, text: string, more: Partial<ActionPlanItem> = {}): ActionPlanItem => ({
  id,
  text,
  owner: '',
  firstStep: '',
  date: '',
  source: null,
  createdAt: 1,
  ...more,
})

describe('the action plan table on the board', () => {
  it('gives each item a row under the header, in the plan order, with "Nog niemand" for a missing owner', () => {
    const table = planTable(
      [item('a', 'Hackathon', { owner: 'Zoë', date: '2027-01-15' }), item('b', 'Innovatiebudget')],
      area,
      'Nog niemand',
    )
    expect(table.rows.map((r) => [r.id, r.cells.text, r.cells.owner, r.cells.date])).toEqual([
      ['a', 'Hackathon', 'Zoë', '2027-01-15'],
      ['b', 'Innovatiebudget', 'Nog niemand', ''],
    ])
    expect(table.rows[0]?.y).toBe(PLAN_TABLE_HEADER_HEIGHT)
    expect(table.rows[1]?.y).toBe(PLAN_TABLE_HEADER_HEIGHT + (table.rows[0]?.h ?? 0))
    expect(table.columns.map((c) => c.key)).toEqual(['text', 'owner', 'firstStep', 'date'])
    expect(table.hidden).toBe(0)
  })

  it('makes a row as tall as its longest cell, up to a few lines', () => {
    const long = 'Een week lang elke ochtend een kwartier met het hele team de uitdagingen bespreken '.repeat(2)
    const [short, wrapped, capped] = planTable(
      [item('a', 'Kort'), item('b', 'Kort', { firstStep: long }), item('c', long.repeat(10))],
      area,
      '—',
    ).rows
    expect(short?.lines).toBe(1)
    expect(wrapped?.lines).toBeGreaterThan(1)
    expect(wrapped?.h).toBe((wrapped?.lines ?? 0) * PLAN_TABLE_LINE_HEIGHT + 24)
    expect(capped?.lines).toBe(PLAN_TABLE_MAX_CELL_LINES)
  })

  it('leaves out the rows that do not fit and counts them, keeping room for that line', () => {
    const items = Array.from({ length: 40 }, (_, i) => item(`i${i}`, `Actie ${i}`))
    const table = planTable(items, area, '—')
    expect(table.rows.length).toBeGreaterThan(0)
    expect(table.hidden).toBe(40 - table.rows.length)
    const last = table.rows.at(-1)
    expect((last?.y ?? 0) + (last?.h ?? 0) + PLAN_TABLE_MORE_HEIGHT).toBeLessThanOrEqual(area.h)
  })

  it('stays inside its area for any plan', () => {
    const text = fc.string({ maxLength: 400 }).map((s) => s.replace(/\s/g, ' ').trim() || 'x')
    const plan = fc.array(
      fc.record({ text, owner: fc.string({ maxLength: 60 }), firstStep: fc.string({ maxLength: 600 }) }),
      { maxLength: 30 },
    )
    const box = fc.record({ w: fc.integer({ min: 200, max: 3000 }), h: fc.integer({ min: 100, max: 3000 }) })
    fc.assert(
      fc.property(plan, box, (items, size) => {
        const table = planTable(
          items.map((it, i) => item(`r${i}`, it.text, it)),
          { x: 0, y: 0, ...size },
          'Nog niemand',
        )
        expect(table.w).toBeLessThanOrEqual(size.w)
        expect(table.h).toBeLessThanOrEqual(size.h)
        for (const row of table.rows) expect(row.y + row.h).toBeLessThanOrEqual(size.h)
        for (const column of table.columns) expect(column.x + column.w).toBeLessThanOrEqual(size.w)
        expect(table.rows.length + table.hidden).toBe(items.length)
      }),
    )
  })
})
