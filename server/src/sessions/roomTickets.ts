import {
  type IssuedRoomTicket,
  parseSessionRoomName,
  ROOM_TICKET_TTL_SECONDS,
  roomTicketSchema,
} from '@werkplaats/shared'
import type { Redis } from 'ioredis'
import { ForbiddenError, UnauthorizedError, UnavailableError } from '../domainErrors.ts'
import type { PeerAccess } from '../rooms/peer.ts'
import { hashToken, newToken } from './secrets.ts'
import type { SessionService } from './sessionService.ts'

/** What a ticket stands for: a token of one session, by its hash (the token itself is never kept). */
export interface TicketEntry {
  sessionId: string
  tokenHash: string
}

/**
 * Where outstanding tickets wait, keyed by the ticket's hash. `take` must remove what it returns in the same
 * step, so that two connections showing one ticket at once cannot both get in.
 */
export interface TicketStore {
  put(ticketHash: string, entry: TicketEntry, ttlMs: number): Promise<void>
  /** The entry, removed; null when the ticket was never issued, is spent or has expired. */
  take(ticketHash: string): Promise<TicketEntry | null>
}

/** Past this many outstanding tickets on one instance, new ones are refused (503) rather than memory growing. */
export const MAX_OUTSTANDING_TICKETS = 100_000

/**
 * Tickets of one instance, in its memory. Entries are kept in the order they were issued; with one lifetime for
 * all, that is the order they expire in, so pruning looks only at the oldest.
 */
export class MemoryTicketStore implements TicketStore {
  readonly #entries = new Map<string, { entry: TicketEntry; expiresAt: number }>()
  readonly #now: () => number
  readonly #capacity: number

  constructor(now: () => number = Date.now, capacity = MAX_OUTSTANDING_TICKETS) {
    this.#now = now
    this.#capacity = capacity
  }

  get size(): number {
    return this.#entries.size
  }

  async put(ticketHash: string, entry: TicketEntry, ttlMs: number): Promise<void> {
    this.#prune()
    if (this.#entries.size >= this.#capacity)
      throw new UnavailableError('too many tickets outstanding; try again in a minute')
    this.#entries.set(ticketHash, { entry, expiresAt: this.#now() + ttlMs })
  }

  async take(ticketHash: string): Promise<TicketEntry | null> {
    this.#prune()
    const found = this.#entries.get(ticketHash)
    this.#entries.delete(ticketHash)
    return found && found.expiresAt > this.#now() ? found.entry : null
  }

  #prune(): void {
    const now = this.#now()
    for (const [hash, { expiresAt }] of this.#entries) {
      if (expiresAt > now) return
      this.#entries.delete(hash)
    }
  }
}

/**
 * Tickets in Redis, for instances behind a load balancer: the browser may ask instance A for a ticket and have its
 * WebSocket land on instance B. `SET … PX` lets Redis expire them; `GETDEL` spends one atomically on whichever
 * instance it is shown. While Redis is unreachable the instance keeps its own tickets (`fallback`): they work
 * when the connection lands on the same instance, as with a single one.
 */
export class RedisTicketStore implements TicketStore {
  readonly #redis: Redis
  readonly #fallback: TicketStore

  constructor(redis: Redis, fallback: TicketStore) {
    this.#redis = redis
    this.#fallback = fallback
  }

  async put(ticketHash: string, entry: TicketEntry, ttlMs: number): Promise<void> {
    try {
      await this.#redis.set(key(ticketHash), JSON.stringify(entry), 'PX', ttlMs)
    } catch {
      await this.#fallback.put(ticketHash, entry, ttlMs)
    }
  }

  async take(ticketHash: string): Promise<TicketEntry | null> {
    let stored: string | null = null
    try {
      stored = await this.#redis.getdel(key(ticketHash))
    } catch {
      // Redis is down: only a ticket this instance kept itself can be known.
    }
    return stored === null ? this.#fallback.take(ticketHash) : parseEntry(stored)
  }
}

function key(ticketHash: string): string {
  return `werkplaats:ticket:${ticketHash}`
}

function parseEntry(stored: string): TicketEntry | null {
  try {
    const value: unknown = JSON.parse(stored)
    if (typeof value !== 'object' || value === null) return null
    const { sessionId, tokenHash } = value as Record<string, unknown>
    return typeof sessionId === 'string' && typeof tokenHash === 'string' ? { sessionId, tokenHash } : null
  } catch {
    return null
  }
}

/**
 * Single-use tickets for WebSocket connections: `issue` for a token the session service has accepted, `admit` to
 * spend one on a room. The ticket stands for the token, not for the grant it had when issued: a person removed
 * or a session deleted in between is refused at `admit` like their token would be.
 */
export class RoomTickets {
  readonly #store: TicketStore
  readonly #sessions: SessionService
  readonly #ttlMs: number

  constructor(store: TicketStore, sessions: SessionService, ttlSeconds = ROOM_TICKET_TTL_SECONDS) {
    this.#store = store
    this.#sessions = sessions
    this.#ttlMs = ttlSeconds * 1000
  }

  /** A new ticket for `token`, which the caller has checked belongs to `sessionId`. */
  async issue(sessionId: string, token: string): Promise<IssuedRoomTicket> {
    const ticket = newToken()
    await this.#store.put(hashToken(ticket), { sessionId, tokenHash: hashToken(token) }, this.#ttlMs)
    return { ticket, expiresInSeconds: this.#ttlMs / 1000 }
  }

  /** Spends `ticket` on `roomName`: who may connect there, and with which rights. */
  async admit(roomName: string, ticket: string): Promise<PeerAccess> {
    // Anything that is not the shape of a ticket is refused without a look-up.
    const entry = roomTicketSchema.safeParse(ticket).success ? await this.#store.take(hashToken(ticket)) : null
    if (!entry) throw new UnauthorizedError('this ticket was already used or has expired; ask for a new one')
    const room = parseSessionRoomName(roomName)
    if (room && room.sessionId !== entry.sessionId) {
      throw new ForbiddenError('this ticket belongs to another session')
    }
    return this.#sessions.authorizeRoom(roomName, { tokenHash: entry.tokenHash })
  }
}
