import { T, type RecordProps } from 'tldraw'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { ActionPlanTable } from './ActionPlanTable.tsx'
import { ACTION_PLAN_TABLE_TYPE, type ActionPlanTableShape } from './actionPlanTableShape.ts'
export { ACTION_PLAN_TABLE_TYPE, type ActionPlanTableShape } from './actionPlanTableShape.ts'

/**
 * The action plan as a table in the Actieplan stage's frame. Derived on every screen from the plan in the board
 * room (like the rest of the template layer), so the projector and the board image show what the team decided;
 * nobody edits it on the board: the plan is edited in the drawer's "Acties".
 */
export class ActionPlanTableShapeUtil extends TemplateShapeUtil<ActionPlanTableShape> {
  static override type = ACTION_PLAN_TABLE_TYPE
  static override props: RecordProps<ActionPlanTableShape> = {
    w: T.nonZeroNumber,
    h: T.nonZeroNumber,
    headers: T.arrayOf(T.string),
    columns: T.arrayOf(T.object({ x: T.number, w: T.number })),
    rows: T.arrayOf(T.object({ id: T.string, y: T.number, h: T.number, lines: T.number, cells: T.arrayOf(T.string) })),
    more: T.string,
  }

  getDefaultProps(): ActionPlanTableShape['props'] {
    return { w: 640, h: 52, headers: [], columns: [], rows: [], more: '' }
  }

  override getText(shape: ActionPlanTableShape): string {
    return [shape.props.headers, ...shape.props.rows.map((row) => row.cells)]
      .map((cells) => cells.join(' | '))
      .join('\n')
  }

  content(shape: ActionPlanTableShape) {
    const { headers, columns, rows, more } = shape.props
    return <ActionPlanTable headers={headers} columns={columns} rows={rows} more={more} />
  }
}
