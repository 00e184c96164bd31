import type { DatabaseSync } from 'node:sqlite'

/**
 * The SQLite schema, as numbered migrations run at start in one transaction each. A migration is never edited
 * once released; a change is a new one. Every SQLite store calls `migrate` on the file it opens, so whichever
 * opens first brings the file up to date, and the others find nothing to do.
 *
 * The SQL stays portable (no SQLite-only types or functions) so the PostgreSQL adapter can follow it.
 *
 * Tables whose SQL both engines run as it stands (sqliteMigrations and postgresMigrations), so the schemas cannot
 * drift apart. Only the votes' own key differs: SQLite's rowid, PostgreSQL's identity column.
 */
export const sessionTablesSql = `CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            template_id TEXT NOT NULL,
            code TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL
          );
          CREATE TABLE people (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at BIGINT NOT NULL
          );
          CREATE INDEX people_by_session ON people (session_id, created_at);
          CREATE TABLE grants (
            token_hash TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            participant_id TEXT REFERENCES people (id) ON DELETE CASCADE
          );
          CREATE INDEX grants_by_session ON grants (session_id)`

/**
 * The door of a session: the hash of the participants' link's secret, and whether joining is open. Both engines
 * run it as it stands (join_open an INTEGER, 0 or 1, as SQLite has no boolean).
 */
export const sessionDoorSql = `ALTER TABLE sessions ADD COLUMN invite_hash TEXT;
          ALTER TABLE sessions ADD COLUMN join_open INTEGER NOT NULL DEFAULT 1`

/**
 * Closing a session, and when anything last happened in it (for the retention sweep, which finds idle sessions
 * through the index). Both engines run it as it stands; sessions already there count as active since they were made.
 */
export const sessionLifecycleSql = `ALTER TABLE sessions ADD COLUMN closed_at BIGINT;
          ALTER TABLE sessions ADD COLUMN last_active_at BIGINT NOT NULL DEFAULT 0;
          UPDATE sessions SET last_active_at = created_at;
          CREATE INDEX sessions_by_activity ON sessions (last_active_at)`

/**
 * What links carry instead of tokens. `handovers`: a facilitator's single-use handover secrets, by their hash, each
 * until it expires. `invitation_secrets`: the participants' and the observers' invitation's secret of each session
 * (`kind`), kept as they are, like the join code: they must be shown to the facilitator on any of their devices,
 * and a reader of the database learns no more from them than from the code and the board it holds anyway.
 * Both engines run it as it stands.
 */
export const linkSecretsSql = `CREATE TABLE handovers (
            secret_hash TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            expires_at BIGINT NOT NULL
          );
          CREATE INDEX handovers_by_session ON handovers (session_id);
          CREATE INDEX handovers_by_expiry ON handovers (expires_at);
          CREATE TABLE invitation_secrets (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            secret TEXT NOT NULL,
            PRIMARY KEY (session_id, kind)
          )`

export function voteTablesSql(voteId: string): string {
  return `CREATE TABLE vote_rounds (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            stage_id TEXT NOT NULL,
            title TEXT,
            card_ids TEXT NOT NULL,
            settings TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL
          );
          CREATE INDEX vote_rounds_by_session ON vote_rounds (session_id, created_at);
          CREATE TABLE votes (
            ${voteId},
            round_id TEXT NOT NULL REFERENCES vote_rounds (id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL,
            card_id TEXT NOT NULL,
            created_at BIGINT NOT NULL
          );
          CREATE INDEX votes_by_round ON votes (round_id, participant_id);
          CREATE TABLE action_marks (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL,
            action_id TEXT NOT NULL,
            mark TEXT NOT NULL,
            PRIMARY KEY (session_id, participant_id, action_id)
          )`
}

const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'document update log',
    // IF NOT EXISTS: files written before migrations existed already have this table.
    sql: `CREATE TABLE IF NOT EXISTS document_updates (
            id INTEGER PRIMARY KEY,
            room TEXT NOT NULL,
            seq INTEGER NOT NULL,
            data BLOB NOT NULL,
            UNIQUE (room, seq)
          )`,
  },
  {
    version: 2,
    name: 'sessions, people and token grants',
    sql: sessionTablesSql,
  },
  {
    version: 3,
    name: 'vote rounds, votes and action marks',
    sql: voteTablesSql('id INTEGER PRIMARY KEY'),
  },
  {
    version: 4,
    name: 'deleted rooms',
    // A deleted room's name, so that nothing of it is stored again (see DocumentStore.delete).
    sql: `CREATE TABLE deleted_rooms (
            room TEXT PRIMARY KEY,
            deleted_at BIGINT NOT NULL
          )`,
  },
  {
    version: 5,
    name: 'invitation secret and open door',
    sql: sessionDoorSql,
  },
  {
    version: 6,
    name: 'closed sessions and last activity',
    sql: sessionLifecycleSql,
  },
  {
    version: 7,
    name: 'handovers and invitation secrets',
    sql: linkSecretsSql,
  },
]

export function migrate(db: DatabaseSync): void {
  // Only takes effect on a file without tables; lets compaction hand freed pages back (see SqliteDocumentStore).
  db.exec('PRAGMA auto_vacuum = INCREMENTAL')
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY,
             name TEXT NOT NULL,
             applied_at BIGINT NOT NULL
           )`)
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((row) => row.version),
  )
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue
    db.exec('BEGIN IMMEDIATE')
    try {
      // Another process may have applied it between our read and our lock.
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)
      if (!done) {
        db.exec(migration.sql)
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          Date.now(),
        )
      }
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw new Error(
        `database migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      )
    }
  }
}

/** The newest schema version this build knows; for tests and diagnostics. */
export const latestMigration = migrations.at(-1)?.version ?? 0
