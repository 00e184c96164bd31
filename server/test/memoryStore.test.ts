import { MemoryDocumentStore } from '../src/store/memoryStore.ts'
import { documentStoreContract } from './documentStore.contract.ts'

// A memory store keeps nothing past close, so it offers no reopen and the contract skips that case.
documentStoreContract('MemoryDocumentStore', () => ({ store: new MemoryDocumentStore(), cleanup: () => {} }))
