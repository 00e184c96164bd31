import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/**
 * A read-only look into a running server's SQLite file, to show that a request changed nothing stored.
 * `version()` is SQLite's `data_version`: it moves whenever another connection (the server) commits, so it is
 * a cheap first check; `rows()` is every row of every table, to say what changed.
 */
export class StoreSnapshot {
  readonly #db: DatabaseSync

  constructor(dataDir: string) {
    this.#db = new DatabaseSync(join(dataDir, 'werkplaats.sqlite'), { readOnly: true })
  }

  version(): number {
    const row = this.#db.prepare('PRAGMA data_version').get() as { data_version: number }
    return row.data_version
  }

  /** Each table's rows, as sorted JSON lines (bytes as hex). */
  rows(): Map<string, string[]> {
    const tables = this.#db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ name: string }>
    const snapshot = new Map<string, string[]>()
    for (const { name } of tables) {
      const rows = this.#db.prepare(`SELECT * FROM "${name}"`).all()
      snapshot.set(
        name,
        rows
          .map((row) =>
            JSON.stringify(row, (_key, value: unknown) =>
              value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value,
            ),
          )
          .sort(),
      )
    }
    return snapshot
  }

  close(): void {
    this.#db.close()
  }
}

type Rows = Map<string, string[]>

/** Each table's rows that one `rows()` snapshot has and the other has not; tables without a change are left out. */
export function tableChanges(before: Rows, after: Rows): Array<{ table: string; added: string[]; removed: string[] }> {
  const changes: Array<{ table: string; added: string[]; removed: string[] }> = []
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const was = new Set(before.get(table) ?? [])
    const is = new Set(after.get(table) ?? [])
    const added = [...is].filter((row) => !was.has(row))
    const removed = [...was].filter((row) => !is.has(row))
    if (added.length + removed.length > 0) changes.push({ table, added, removed })
  }
  return changes
}

/** What differs between two `rows()` snapshots, one line per table ('' when nothing does). */
export function describeChanges(before: Rows, after: Rows): string {
  return tableChanges(before, after)
    .map(
      ({ table, added, removed }) =>
        `${table}: +${added.length} -${removed.length} ${[...added.map((r) => `+${r}`), ...removed.map((r) => `-${r}`)].join(' ').slice(0, 400)}`,
    )
    .join('\n')
}

/** True when the only change between two snapshots is updates appended to a control room. */
export function onlyControlRoomAppends(before: Rows, after: Rows): boolean {
  return tableChanges(before, after).every(
    ({ table, added, removed }) =>
      removed.length === 0 &&
      table === 'document_updates' &&
      added.every((row) => /"room":"[A-Za-z0-9_-]+-control"/.test(row)),
  )
}
