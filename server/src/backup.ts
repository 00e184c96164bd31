import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { configFromEnvironment } from './config.ts'
import { backupSqlite } from './store/sqliteBackup.ts'

/**
 * `pnpm backup --out FILE`: a consistent copy of the SQLite store in DATA_DIR, made while the server runs (see
 * `sqliteBackup.ts`). With DATABASE_URL the data is in PostgreSQL, which `pg_dump` backs up (docs/deploy.md).
 */
try {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true })
  if (!values.out) throw new Error('usage: pnpm backup --out FILE')
  const config = configFromEnvironment()
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL is set: the data is in PostgreSQL; back it up with pg_dump (see docs/deploy.md)')
  }
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
  backupSqlite(config.dataDir, out)
  console.log(`Backup of ${config.dataDir} written to ${out}`)
} catch (error) {
  console.error(`No backup made: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
