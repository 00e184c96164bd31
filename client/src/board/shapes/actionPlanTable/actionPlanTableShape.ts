import type { TLShape } from 'tldraw'

export const ACTION_PLAN_TABLE_TYPE = 'action-plan-table'

/** A column of the table: where it starts and how wide it is, from the table's left edge. */
export interface PlanTableShapeColumn {
  x: number
  w: number
}

/** A row as laid out by `planTable` in `shared/`: its place, how many lines each cell shows, and the cells' texts. */
export interface PlanTableShapeRow {
  id: string
  y: number
  h: number
  lines: number
  cells: string[]
}

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [ACTION_PLAN_TABLE_TYPE]: {
      w: number
      h: number
      /** The column headers in the viewer's language ("Actie", "Eigenaar", "Eerste stap", "Datum"). */
      headers: string[]
      columns: PlanTableShapeColumn[]
      rows: PlanTableShapeRow[]
      /** Under the last row when some did not fit ("+ 3 meer in het actieplan"), or ''. */
      more: string
    }
  }
}

export type ActionPlanTableShape = TLShape<typeof ACTION_PLAN_TABLE_TYPE>
