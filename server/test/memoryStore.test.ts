import { MemoryDocumentStore } from '../src/store/memoryStore.ts'
import { documentStoreContract } from './documentStore.contract.ts'

documentStoreContract('MemoryDocumentStore', () => {
  // "Reopening" a memory store means the same instance: it only has to outlive close() within the test.
  const store = new MemoryDocumentStore()
  return { store, reopen: () => store, cleanup: () => {} }
})
