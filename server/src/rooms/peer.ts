import type { Identity, Role, RoomKind } from '@werkplaats/shared'

/** Who a connection is and what it may do in its room, decided once from its token when it connects. */
export interface PeerAccess {
  role: Role
  room: RoomKind
  /** Written over the `identity` field of every awareness state the connection sends. */
  identity: Identity
}

/**
 * Whose budget a connection counts against: a person's own (participants and the facilitator carry their
 * participant id) or the observers' shared one (observers are nobody in particular, and the facilitator can hand out
more observer links, which must not multiply the budget). A grant without a person that is not
 * an observer's does not occur; it would count against its role's budget rather than escape counting.
 */
export function connectionOwner(access: PeerAccess): string {
  if (access.role === 'observer') return 'observers'
  return access.identity.participantId === null ? `role:${access.role}` : `person:${access.identity.participantId}`
}

/** One connected client as a room sees it. The WebSocket details stay in `connection.ts`. */
export interface Peer {
  readonly access: PeerAccess
  /** Sends one frame. The same bytes are handed to every peer of a broadcast; a peer must not modify them. */
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
  /** Stops reading what the client sends (the store is behind); frames already read may still arrive. */
  pause(): void
  resume(): void
}

/**
 * WebSocket close codes the server uses, each with the situation it stands for. The reason text that goes
 * with them is for people reading logs and browser consoles.
 */
export const CloseCode = {
  /** A frame that is not a y-websocket message (text, truncated, unknown kind, an update Yjs rejects). */
  malformed: 1007,
  /** A text frame: the protocol is binary only. */
  unsupported: 1003,
  /** Too many messages per second, or a consumer too slow to keep up. */
  policy: 1008,
  /** A frame larger than the configured maximum (sent by `ws` itself). */
  tooBig: 1009,
  /** Something on our side failed (storage). The client reconnects and resyncs. */
  internal: 1011,
  /**
   * The board already has its maximum number of connections, or this person (or the observers together) has as
   * many on it as they may (one person may have several tabs open, not hundreds). In the 4400–4499 range, which
   * the stock y-websocket client treats as permanent: it stops retrying instead of hammering a full board.
   */
  roomFull: 4429,
  /**
   * Connections opened too often: from one address, or by one person (or a session's observers together); see
   * `ReconnectLimiter`. The same 4429, permanent for the stock client: a client reconnecting in a loop stops.
   */
  tooManyReconnects: 4429,
  /**
   * An update would take the board past its size cap (`MAX_BOARD_BYTES` and the smaller caps of private and
   * control rooms); nothing of it was kept. Permanent for the stock client: sending it again cannot help.
   */
  boardFull: 4413,
  /** No token, or one the server does not know. Permanent for the stock client, like every 44xx. */
  unauthorized: 4401,
  /** A token of another session, or a write from a connection that may only read. */
  forbidden: 4403,
  /** No such session: it never existed, or it was deleted. */
  gone: 4404,
  /** The server is shutting down for good; the client reconnects. */
  goingAway: 1001,
  /**
   * The server is restarting (a drain: SIGTERM); the client reconnects, behind a load balancer to another
   * instance. What it sent that the server did not acknowledge goes again in its sync step 2.
   */
  serviceRestart: 1012,
} as const
