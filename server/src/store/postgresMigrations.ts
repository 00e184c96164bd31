import {
  linkSecretsSql,
  sessionDoorSql,
  sessionLifecycleSql,
  sessionTablesSql,
  voteTablesSql,
} from './sqliteMigrations.ts'

/**
 * The PostgreSQL schema, as numbered migrations run at start. Column for column the SQLite schema
 * (`sqliteMigrations.ts`), so both engines share their row mapping (`rows.ts`); the differences are PostgreSQL's
 * own types (BYTEA, identity columns) and the per-room sequence counter that several instances need.
 * A migration is never edited once released; a change is a new one.
 */
export const postgresMigrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'document update log with per-room sequence numbers',
    // document_rooms.last_seq hands out each room's sequence numbers. Incrementing it locks the room's row until
    // the append commits, so numbers are contiguous and in commit order even with several instances appending.
    sql: `CREATE TABLE document_rooms (
            room TEXT PRIMARY KEY,
            last_seq BIGINT NOT NULL
          );
          CREATE TABLE document_updates (
            room TEXT NOT NULL,
            seq BIGINT NOT NULL,
            data BYTEA NOT NULL,
            PRIMARY KEY (room, seq)
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
    sql: voteTablesSql('id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
  {
    version: 4,
    name: 'deleted rooms',
    // The mark sits on the room's counter row, which every append and compaction locks: a delete is thus wholly
    // before or wholly after each of them, also across instances (see PostgresDocumentStore.delete).
    sql: 'ALTER TABLE document_rooms ADD COLUMN deleted_at BIGINT',
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
