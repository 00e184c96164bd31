import type { ActionPlanTableShape } from './actionPlanTableShape.ts'
import './actionPlanTable.css'

/**
 * The action plan's rows drawn where `planTable` placed them: every text a React child, cut to the lines the
 * layout gave its row, so the table looks the same on every screen and in the board image.
 */
export function ActionPlanTable({ headers, columns, rows, more }: Omit<ActionPlanTableShape['props'], 'w' | 'h'>) {
  return (
    <div className="wp-plan-table" role="table" aria-label={headers[0]}>
      <div className="wp-plan-table__row wp-plan-table__row--header" role="row" style={{ top: 0 }}>
        {headers.map((header, index) => (
          <div key={index} className="wp-plan-table__cell" role="columnheader" style={cellBox(columns[index])}>
            {header}
          </div>
        ))}
      </div>
      {rows.map((row) => (
        <div
          key={row.id}
          className="wp-plan-table__row"
          role="row"
          data-plan-row={row.id}
          style={{ top: row.y, height: row.h }}
        >
          {row.cells.map((text, index) => (
            <div key={index} className="wp-plan-table__cell" role="cell" style={cellBox(columns[index])}>
              <span className="wp-plan-table__text" style={{ WebkitLineClamp: row.lines }}>
                {text}
              </span>
            </div>
          ))}
        </div>
      ))}
      {more ? (
        <p className="wp-plan-table__more" style={{ top: rows.reduce((end, row) => Math.max(end, row.y + row.h), 0) }}>
          {more}
        </p>
      ) : null}
    </div>
  )
}

function cellBox(column: { x: number; w: number } | undefined) {
  return { left: column?.x ?? 0, width: column?.w ?? 0 }
}
