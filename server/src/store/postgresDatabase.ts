import pg from 'pg'
import { postgresMigrations } from './postgresMigrations.ts'
import { log } from '../observability/log.ts'

/** An arbitrary constant: the advisory lock instances take while migrating, so two starting at once take turns. */
const migrationLock = 0x7765726b

/** DATABASE_URL could not be used; the message says what to check. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}

/**
 * One PostgreSQL connection pool, shared by the document store and the repositories of one server instance.
 * Each of them takes a share (`retain`) and gives it back on close; the pool ends with the last.
 */
export class PostgresDatabase {
  readonly pool: pg.Pool
  /** `host:port/database`, for messages (never the password). */
  readonly where: string
  #users = 0

  private constructor(pool: pg.Pool, where: string) {
    this.pool = pool
    this.where = where
  }

  /**
   * Connects to `url`, checks the server answers, and brings the schema up to date. Fails with
   * `DatabaseUnavailableError` naming the host (never the password) when it cannot.
   */
  static async connect(url: string, options: { maxConnections?: number } = {}): Promise<PostgresDatabase> {
    const where = describe(url)
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5000,
    })
    // An idle client whose server went away emits 'error' on the pool; without a listener that ends the process.
    // The next query fails on its own and says so where it is handled.
    pool.on('error', (error) =>
      log.error({ part: 'store', where, error: error.message }, 'PostgreSQL: an idle connection was lost'),
    )
    try {
      await pool.query('SELECT 1')
    } catch (error) {
      await pool.end().catch(() => {})
      throw new DatabaseUnavailableError(
        `cannot reach PostgreSQL at ${where} (DATABASE_URL): ${(error as Error).message}`,
      )
    }
    const database = new PostgresDatabase(pool, where)
    try {
      await database.#migrate()
    } catch (error) {
      await pool.end().catch(() => {})
      throw new DatabaseUnavailableError(`PostgreSQL at ${where}: ${(error as Error).message}`)
    }
    return database
  }

  retain(): void {
    this.#users++
  }

  async release(): Promise<void> {
    if (--this.#users === 0) await this.pool.end()
  }

  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async #migrate(): Promise<void> {
    // DDL is transactional in PostgreSQL: all pending migrations apply together or not at all.
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock])
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
                            version INTEGER PRIMARY KEY,
                            name TEXT NOT NULL,
                            applied_at BIGINT NOT NULL
                          )`)
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (row) => row.version,
        ),
      )
      for (const migration of postgresMigrations) {
        if (applied.has(migration.version)) continue
        try {
          await client.query(migration.sql)
        } catch (error) {
          throw new Error(
            `database migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
            { cause: error },
          )
        }
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ])
      }
    })
  }
}

/** `host:port/database` of a connection string, for messages: never its password. */
function describe(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    return 'an unreadable DATABASE_URL'
  }
}

/** Bytes as `pg` sends them (a Buffer over the same memory). */
export function toBytea(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** A BYTEA value as a plain Uint8Array, as the SQLite store hands them out. */
export function fromBytea(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
