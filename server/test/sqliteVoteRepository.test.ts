import { SqliteSessionRepository } from '../src/store/sqliteSessionRepository.ts'
import { SqliteVoteRepository } from '../src/store/sqliteVoteRepository.ts'
import { temporaryDataDir } from './support/serverProcess.ts'
import { voteRepositoryContract } from './voteRepository.contract.ts'

voteRepositoryContract('SqliteVoteRepository', () => {
  const dir = temporaryDataDir()
  return {
    votes: new SqliteVoteRepository(dir.path),
    sessions: new SqliteSessionRepository(dir.path),
    another: () => new SqliteVoteRepository(dir.path),
    cleanup: () => dir.remove(),
  }
})
