import type { ServerConfig } from './config.ts'
import type { DocumentStore } from './store/documentStore.ts'
import { PostgresDatabase } from './store/postgresDatabase.ts'
import { PostgresSessionRepository } from './store/postgresSessionRepository.ts'
import { PostgresDocumentStore } from './store/postgresStore.ts'
import { PostgresVoteRepository } from './store/postgresVoteRepository.ts'
import type { SessionRepository } from './store/sessionRepository.ts'
import { SqliteSessionRepository } from './store/sqliteSessionRepository.ts'
import { SqliteDocumentStore } from './store/sqliteStore.ts'
import { SqliteVoteRepository } from './store/sqliteVoteRepository.ts'
import type { VoteRepository } from './store/voteRepository.ts'

export interface Stores {
  documents: DocumentStore
  sessions: SessionRepository
  votes: VoteRepository
  /** Where they are, for the start-up message. */
  description: string
}

/**
 * The stores the configuration asks for: PostgreSQL with DATABASE_URL (checked and migrated here, so a wrong URL
 * stops the start with a message instead of failing the first request), else the SQLite file in DATA_DIR.
 */
export async function openStores(config: ServerConfig): Promise<Stores> {
  if (config.databaseUrl) {
    const database = await PostgresDatabase.connect(config.databaseUrl)
    return {
      documents: new PostgresDocumentStore(database),
      sessions: new PostgresSessionRepository(database),
      votes: new PostgresVoteRepository(database),
      description: `PostgreSQL at ${database.where}`,
    }
  }
  return {
    documents: new SqliteDocumentStore(config.dataDir),
    sessions: new SqliteSessionRepository(config.dataDir),
    votes: new SqliteVoteRepository(config.dataDir),
    description: `SQLite in ${config.dataDir}`,
  }
}
