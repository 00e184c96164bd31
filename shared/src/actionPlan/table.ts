import { estimateLines } from '../layout/cardSize.ts'
import type { Rect } from '../layout/templateLayout.ts'
import type { ActionPlanItem } from './layout.ts'

/**
 * The action plan as a table on the board, in the Actieplan stage's frame: one row per item, columns action,
 * owner, first step and date. Laid out here, without a DOM, so every screen (the projector's and the board image
 * included) draws the same rows at the same heights, and the table never runs out of its area: rows that do not
 * fit are left out and counted, for a "+ n more" line under the last row shown.
 */

export const PLAN_TABLE_COLUMNS = ['text', 'owner', 'firstStep', 'date'] as const
export type PlanTableColumn = (typeof PLAN_TABLE_COLUMNS)[number]

/** Each column's share of the table's width: the action and its first step carry the most words. */
const COLUMN_SHARES: Record<PlanTableColumn, number> = { text: 0.36, owner: 0.2, firstStep: 0.3, date: 0.14 }

/** Cell text is set at the estimate's 'title' metrics (28 px lines), readable on a projector at the stage's zoom. */
export const PLAN_TABLE_LINE_HEIGHT = 28
export const PLAN_TABLE_CELL_PADDING = 12
/** A long cell shows this many lines and ends in "…"; the board is an overview, the drawer holds the whole text. */
export const PLAN_TABLE_MAX_CELL_LINES = 4
export const PLAN_TABLE_HEADER_HEIGHT = PLAN_TABLE_LINE_HEIGHT + 2 * PLAN_TABLE_CELL_PADDING
/** The line under the rows saying how many did not fit. */
export const PLAN_TABLE_MORE_HEIGHT = PLAN_TABLE_LINE_HEIGHT + PLAN_TABLE_CELL_PADDING

export interface PlanTableColumnBox {
  readonly key: PlanTableColumn
  /** From the table's left edge. */
  readonly x: number
  readonly w: number
}

export interface PlanTableRow {
  readonly id: string
  /** From the table's top edge. */
  readonly y: number
  readonly h: number
  /** Lines each cell shows (at most `PLAN_TABLE_MAX_CELL_LINES`). */
  readonly lines: number
  readonly cells: Readonly<Record<PlanTableColumn, string>>
}

export interface PlanTable extends Rect {
  readonly columns: readonly PlanTableColumnBox[]
  readonly rows: readonly PlanTableRow[]
  /** Items left out because the area is full. */
  readonly hidden: number
}

/**
 * The table of `items` (in the plan's order) in `area`. An empty owner is shown as `nobody` ("Nog niemand"); an
 * empty first step or date stays empty. The table is as tall as its rows, never taller than `area`.
 */
export function planTable(items: readonly ActionPlanItem[], area: Rect, nobody: string): PlanTable {
  let x = 0
  const columns = PLAN_TABLE_COLUMNS.map((key) => {
    const w = Math.floor(area.w * COLUMN_SHARES[key])
    const box = { key, x, w }
    x += w
    return box
  })
  const rows: PlanTableRow[] = []
  let y = PLAN_TABLE_HEADER_HEIGHT
  for (const [index, item] of items.entries()) {
    const cells = { text: item.text, owner: item.owner || nobody, firstStep: item.firstStep, date: item.date }
    const lines = Math.min(
      PLAN_TABLE_MAX_CELL_LINES,
      Math.max(...columns.map((c) => estimateLines(cells[c.key], c.w - 2 * PLAN_TABLE_CELL_PADDING, 'title'))),
    )
    const h = lines * PLAN_TABLE_LINE_HEIGHT + 2 * PLAN_TABLE_CELL_PADDING
    // The last item may use the room of the "+ n more" line; any other must leave it free.
    const room = area.h - (index === items.length - 1 ? 0 : PLAN_TABLE_MORE_HEIGHT)
    if (y + h > room) break
    rows.push({ id: item.id, y, h, lines, cells })
    y += h
  }
  const hidden = items.length - rows.length
  const height = Math.min(area.h, y + (hidden > 0 ? PLAN_TABLE_MORE_HEIGHT : 0))
  return { x: area.x, y: area.y, w: x, h: height, columns, rows, hidden }
}
