import { existsSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, basename } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { sqliteFile } from './sqliteDatabase.ts'

/** The backup cannot be made as asked (no store in DATA_DIR, or the target exists); the message says why. */
export class BackupRefusedError extends Error {
  override name = 'BackupRefusedError'
}

/**
 * Copies the SQLite store in `dataDir` to `out` while the server keeps running. `VACUUM INTO` reads the whole
 * file inside one read transaction, so the copy is the store as it was at one moment, with every update committed
 * before it, and in WAL mode it does not hold up the server's writes meanwhile. The copy is written beside `out`
 * under another name and renamed when complete, so `out` is never half a database. A restore is this file as
 * `werkplaats.sqlite` in the `DATA_DIR` a stopped server then starts on.
 */
export function backupSqlite(dataDir: string, out: string): void {
  const source = sqliteFile(dataDir)
  if (!existsSync(source)) throw new BackupRefusedError(`no Werkplaats store at ${source} (check DATA_DIR)`)
  if (existsSync(out)) throw new BackupRefusedError(`${out} exists already; choose a new file`)
  const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`)
  rmSync(partial, { force: true })
  const db = new DatabaseSync(source, { readOnly: true })
  try {
    // Waits for a writer's lock rather than fail at once; the server's writes take milliseconds.
    db.exec('PRAGMA busy_timeout = 5000')
    db.prepare('VACUUM INTO ?').run(partial)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  } finally {
    db.close()
  }
  renameSync(partial, out)
}
