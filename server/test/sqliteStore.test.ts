import { SqliteDocumentStore } from '../src/store/sqliteStore.ts'
import { documentStoreContract } from './documentStore.contract.ts'
import { temporaryDataDir } from './support/serverProcess.ts'

documentStoreContract('SqliteDocumentStore', () => {
  const dir = temporaryDataDir()
  return {
    store: new SqliteDocumentStore(dir.path),
    reopen: () => new SqliteDocumentStore(dir.path),
    cleanup: () => dir.remove(),
  }
})
