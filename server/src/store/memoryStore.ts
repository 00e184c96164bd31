import { type DocumentStore, RoomDeletedError, type StoredDocument } from './documentStore.ts'

/**
 * Keeps documents in memory only. For unit tests of rooms and for throwaway demo boards; it passes the same
 * contract tests as the durable stores, but a restart loses everything.
 */
export class MemoryDocumentStore implements DocumentStore {
  readonly #rooms = new Map<string, Array<{ seq: number; data: Uint8Array }>>()
  /** The last sequence number of each room: they are contiguous per room, as in every store. */
  readonly #lastSeq = new Map<string, number>()
  readonly #deleted = new Set<string>()
  #closed = false

  async load(room: string): Promise<StoredDocument> {
    return this.loadSince(room, 0)
  }

  async loadSince(room: string, afterSeq: number): Promise<StoredDocument> {
    const entries = (this.#rooms.get(room) ?? []).filter((entry) => entry.seq > afterSeq)
    return {
      updates: entries.map((entry) => entry.data),
      lastSeq: entries.at(-1)?.seq ?? afterSeq,
      bytes: entries.reduce((sum, entry) => sum + entry.data.byteLength, 0),
    }
  }

  async append(room: string, update: Uint8Array): Promise<number> {
    // As a durable store would: what is appended after close is not kept, so it must not look kept.
    if (this.#closed) throw new Error('the document store is closed')
    if (this.#deleted.has(room)) throw new RoomDeletedError(room)
    const entries = this.#rooms.get(room) ?? []
    this.#rooms.set(room, entries)
    const seq = (this.#lastSeq.get(room) ?? 0) + 1
    this.#lastSeq.set(room, seq)
    entries.push({ seq, data: update.slice() })
    return seq
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (this.#deleted.has(room)) throw new RoomDeletedError(room)
    const later = (this.#rooms.get(room) ?? []).filter((entry) => entry.seq > throughSeq)
    this.#rooms.set(room, [{ seq: throughSeq, data: snapshot.slice() }, ...later])
  }

  async delete(room: string): Promise<void> {
    this.#deleted.add(room)
    this.#rooms.delete(room)
    this.#lastSeq.delete(room)
  }

  async ping(): Promise<void> {
    if (this.#closed) throw new Error('the document store is closed')
  }

  async close(): Promise<void> {
    this.#closed = true
  }
}
