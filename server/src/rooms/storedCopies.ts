import type { DocumentStore } from '../store/documentStore.ts'
import { sharedCopies } from './sharedBytes.ts'

/**
 * The stored entries of rooms nobody is on, as last read for an export, so that exporting an idle board again
 * (a facilitator downloads the PDF, the Markdown and the image one after another; a script asks every minute)
 * costs the event loop one look for newer entries instead of reading the whole board again: with the SQLite store
 * that read is synchronous and, on a large board, the largest part of an export's work left on the event loop.
 *
 * A copy is valid as long as the store has nothing newer than its last sequence number (`loadSince`); any
 * instance's append makes a newer entry, so a copy never hides a change. A compaction replaces entries with a
 * snapshot of the same content under the last one's number: the copy stays what the room holds. A deleted room's
 * copy is forgotten by whoever deletes or drops it (`forget`); its session is refused before its rooms are read.
 *
 * The copies are kept in shared memory (`sharedCopies`), copied once when read from the store, so that each export
 * hands them to its render worker without copying them again on the event loop.
 */
export class StoredCopies {
  readonly #store: DocumentStore
  readonly #maxBytes: number
  /** Least recently read first (a Map keeps insertion order; a read moves its room to the end). */
  readonly #copies = new Map<string, { lastSeq: number; updates: Uint8Array[]; bytes: number }>()
  #bytes = 0

  /** `maxBytes`: what the copies may hold together; the least recently read go first. */
  constructor(store: DocumentStore, maxBytes: number) {
    this.#store = store
    this.#maxBytes = maxBytes
  }

  /** Every stored entry of `room`, from the copy when the store has nothing newer. */
  async read(room: string): Promise<Uint8Array[]> {
    const copy = this.#copies.get(room)
    if (copy) {
      const newer = await this.#store.loadSince(room, copy.lastSeq)
      if (newer.updates.length === 0) {
        this.#copies.delete(room)
        this.#copies.set(room, copy)
        return copy.updates
      }
    }
    const stored = await this.#store.load(room)
    const updates = sharedCopies(stored.updates)
    this.#keep(room, stored.lastSeq, updates)
    return updates
  }

  forget(room: string): void {
    const copy = this.#copies.get(room)
    if (!copy) return
    this.#copies.delete(room)
    this.#bytes -= copy.bytes
  }

  get bytes(): number {
    return this.#bytes
  }

  #keep(room: string, lastSeq: number, updates: Uint8Array[]): void {
    this.forget(room)
    const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
    if (bytes > this.#maxBytes) return
    this.#copies.set(room, { lastSeq, updates, bytes })
    this.#bytes += bytes
    for (const [name] of this.#copies) {
      if (this.#bytes <= this.#maxBytes) break
      this.forget(name)
    }
  }
}
