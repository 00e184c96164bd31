import {
  noteBox,
  placeWithoutOverlap,
  BLANK_TEMPLATE_ID,
  type CreatedSession,
  type CreateSessionRequest,
  type DeviceToken,
  type Handover,
  handoverLink,
  type Invitation,
  type Joined,
  type JoinCodeLookup,
  observerInvitationLink,
  mayEnterPrivateRoom,
  normalizeJoinCode,
  parseSessionRoomName,
  privateRoomName,
  revealedRecord,
  readBoardRecords,
  boardRecords,
  type BoardRecord,
  participantLink,
  type Participant,
  type Role,
  REMOVED_FROM_SESSION_REASON,
  removeControlParticipant,
  roomPath,
  sessionRoomName,
  type SessionView,
  writeControlParticipant,
  writeControlSession,
  writeSessionClosed,
} from '@werkplaats/shared'
import * as Y from 'yjs'
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, UnavailableError } from '../domainErrors.ts'
import { CloseCode, type PeerAccess } from '../rooms/peer.ts'
import { type RoomManager, RoomGoneError } from '../rooms/roomManager.ts'
import {
  type GrantRecord,
  type InvitationKind,
  JoinCodeTakenError,
  type PersonRecord,
  type SessionRecord,
  type SessionRepository,
} from '../store/sessionRepository.ts'
import { hashToken, invitationSecret, newId, newJoinCode, newToken, sameSecret } from './secrets.ts'
import { log } from '../observability/log.ts'
import { DAY_MS } from './retentionSweep.ts'
import type { SessionActivity } from './sessionActivity.ts'

/** Whoever holds a valid token: which session, which role, which person (observers share one, no person). */
export interface Grant {
  sessionId: string
  role: Role
  participantId: string | null
}

/** What the service needs to know of the template catalogue. */
export interface TemplateCatalog {
  has(templateId: string): boolean
}

/** A join without a valid invitation (403); the route counts it as a guess of the join code. */
export class InvitationRefusedError extends ForbiddenError {
  override name = 'InvitationRefusedError'
  constructor() {
    super("a valid invitation is needed: the join code or the participants' link")
  }
}

/** An observers' link that is not (or no longer) the session's (403); the route counts it as a guess. */
export class ObserverInvitationRefusedError extends ForbiddenError {
  override name = 'ObserverInvitationRefusedError'
  constructor() {
    super("this observers' link is not valid (any more): ask the facilitator for the current one")
  }
}

/** A handover that was used already, has expired, or never was (403); the route counts it as a guess. */
export class HandoverRefusedError extends ForbiddenError {
  override name = 'HandoverRefusedError'
  constructor() {
    super('this handover link has been used already or has expired: make a new one on the first device')
  }
}

/** A change the closed session refuses (409): its board stays as it was decided until the facilitator reopens it. */
export class SessionClosedError extends ConflictError {
  override name = 'SessionClosedError'
  constructor() {
    super('this session is closed')
  }
}

/** Throws `SessionClosedError` for a closed session: every change to what a session decided asks this first. */
export function requireOpen(session: Pick<SessionRecord, 'closedAt'>): void {
  if (session.closedAt !== null) throw new SessionClosedError()
}

/**
 * Whether writing in the rooms of a room's session is closed: what `RoomManager` asks of the store when a room
 * loads and when the session is closed or reopened on any instance.
 */
export function sessionWritesClosed(repository: Pick<SessionRepository, 'findSession'>) {
  return async (roomName: string): Promise<boolean> => {
    const room = parseSessionRoomName(roomName)
    if (!room) return false
    const session = await repository.findSession(room.sessionId)
    return session !== null && session.closedAt !== null
  }
}

/** How sessions age: the clock, where activity is noted, and how long an idle session is kept. */
export interface SessionLifecycle {
  now?: () => number
  activity?: SessionActivity
  /** Days an idle session is kept (`RETENTION_DAYS`); the facilitator is shown the date. */
  retentionDays?: number
  /** Seconds a handover link works (`HANDOVER_TTL_SECONDS`). */
  handoverTtlSeconds?: number
}

/** Ten minutes: enough to pick up another device and scan, too short for a forgotten link to matter. */
export const DEFAULT_HANDOVER_TTL_SECONDS = 600
/**
 * Handover links one session may have waiting at once. A facilitator needs one or two; the cap keeps a stuck
 * button (or a script with the facilitator's token) from filling the store within the links' lifetime.
 */
export const MAX_PENDING_HANDOVERS = 20
/**
 * Observer screens one session admits: every opening of the observers' link stores a grant that lasts as long as
 * the session, so whoever has the link could otherwise grow the store without end. A room of projectors and
 * watching managers needs a handful.
 */
export const MAX_OBSERVER_SCREENS = 200

const DEFAULT_FACILITATOR_NAME = 'Facilitator'
/** Drawing a free code fails only when codes run short; a few tries are plenty long before that. */
const JOIN_CODE_ATTEMPTS = 8

/**
 * Sessions: creating, joining, and the one place where a token becomes a grant, for HTTP requests and
 * WebSocket connections alike. The rooms' documents are the room manager's; what the server itself writes into
 * a session's control room (title, participants) goes through it, stored before it is relayed like any edit.
 */
export class SessionService {
  readonly #repository: SessionRepository
  readonly #rooms: RoomManager
  readonly #templates: TemplateCatalog

  readonly #maxParticipants: number
  readonly #deletedListeners: Array<(sessionId: string) => void> = []
  readonly #now: () => number
  readonly #activity: SessionActivity | undefined
  readonly #retentionDays: number | undefined
  readonly #handoverTtlMs: number

  /** `maxParticipants`: people one session admits; every join grows the control room each client downloads. */
  constructor(
    repository: SessionRepository,
    rooms: RoomManager,
    templates: TemplateCatalog,
    maxParticipants = 1000,
    lifecycle: SessionLifecycle = {},
  ) {
    this.#maxParticipants = maxParticipants
    this.#repository = repository
    this.#rooms = rooms
    this.#templates = templates
    this.#now = lifecycle.now ?? Date.now
    this.#activity = lifecycle.activity
    this.#retentionDays = lifecycle.retentionDays
    this.#handoverTtlMs = (lifecycle.handoverTtlSeconds ?? DEFAULT_HANDOVER_TTL_SECONDS) * 1000
  }

  async create(
    request: Required<Pick<CreateSessionRequest, 'templateId' | 'title'>> & { facilitatorName?: string | undefined },
    origin: string,
  ): Promise<CreatedSession> {
    if (request.templateId !== BLANK_TEMPLATE_ID && !this.#templates.has(request.templateId)) {
      throw new NotFoundError(`no template "${request.templateId}"`)
    }
    const created = await this.#createRecords(request.title, request.templateId, request.facilitatorName)
    await this.#writeControl(created.session, created.people)
    return this.#createdAnswer(created, origin)
  }

  /** A new session with the board of `grant`'s session and its settings, without its participants or votes. */
  async duplicate(grant: Grant, origin: string): Promise<CreatedSession> {
    requireRole(grant, 'facilitator')
    const source = await this.#requireSession(grant.sessionId)
    const facilitator = (await this.#repository.listPeople(source.id)).find((p) => p.role === 'facilitator')
    const board = await this.#rooms.read(sessionRoomName(source.id, 'board'), (doc) => Y.encodeStateAsUpdate(doc))
    const created = await this.#createRecords(source.title, source.templateId, facilitator?.name)
    await this.#rooms.change(sessionRoomName(created.session.id, 'board'), (doc) => Y.applyUpdate(doc, board))
    await this.#writeControl(created.session, created.people)
    return this.#createdAnswer(created, origin)
  }

  /**
   * "Nieuwe waarnemerslink": a new secret for the observers' link; the link before stops working at once, screens
   * that opened it already keep their tokens. Answers the invitations as the facilitator is shown them.
   */
  async newObserverInvitation(grant: Grant, facilitatorToken: string, origin: string): Promise<Invitation> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    await this.#repository.setInvitationSecret(session.id, 'observer', newToken())
    return this.#invitation(session, facilitatorToken, origin)
  }

  /** The observers' link was opened: a token of this screen's own, to watch with, if the link is the current one. */
  async joinAsObserver(sessionId: string, invite: string): Promise<DeviceToken> {
    const session = await this.#requireSession(sessionId)
    const secret = await this.#repository.findInvitationSecret(session.id, 'observer')
    if (secret === null || !sameSecret(invite, secret)) throw new ObserverInvitationRefusedError()
    const token = newToken()
    const grant = { tokenHash: hashToken(token), sessionId, role: 'observer' as const, participantId: null }
    if (!(await this.#repository.addObserverGrant(grant, MAX_OBSERVER_SCREENS))) {
      throw new ConflictError(`this session admits ${MAX_OBSERVER_SCREENS} observer screens, and has them all`)
    }
    this.#activity?.touch(sessionId)
    return { token }
  }

  /**
   * "Op een ander apparaat openen": a link that makes one more device the facilitator's, with a token of its own, so
   * the facilitator's token never has to travel. It works once and only for a few minutes; only its hash is stored.
   */
  async newHandover(grant: Grant, facilitatorToken: string, origin: string): Promise<Handover> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    if (grant.participantId === null) throw new ForbiddenError('only the facilitator may do this')
    // The other device must be able to show the invitations too: they are stored now if they were not yet.
    await this.#invitation(session, facilitatorToken, origin)
    const secret = newToken()
    const now = this.#now()
    const expiresAt = now + this.#handoverTtlMs
    const handover = {
      secretHash: hashToken(secret),
      sessionId: session.id,
      participantId: grant.participantId,
      expiresAt,
    }
    if (!(await this.#repository.addHandover(handover, now, MAX_PENDING_HANDOVERS))) {
      throw new ConflictError(`${MAX_PENDING_HANDOVERS} handover links are waiting already; use one or let them expire`)
    }
    return { link: handoverLink(origin, session.id, secret), expiresAt }
  }

  /** A handover link was opened: the first to hand in its secret in time gets a facilitator's token; nobody after. */
  async redeemHandover(sessionId: string, secret: string): Promise<DeviceToken> {
    // Taken before it is judged: a late or misdirected secret is spent as well, never tried twice.
    const handover = await this.#repository.takeHandover(hashToken(secret))
    if (!handover || handover.sessionId !== sessionId || handover.expiresAt <= this.#now()) {
      throw new HandoverRefusedError()
    }
    const token = newToken()
    await this.#repository.addGrant({
      tokenHash: hashToken(token),
      sessionId,
      role: 'facilitator',
      participantId: handover.participantId,
    })
    this.#activity?.touch(sessionId)
    return { token }
  }

  /**
   * A new participant, if `invite` is the session's join code or its link's secret and the door is open. The
   * invitation is checked first, so that only who holds one learns whether joining is closed.
   */
  async join(sessionId: string, name: string, invite: string): Promise<Joined> {
    const session = await this.#requireSession(sessionId)
    if (!isInvitation(session, invite)) throw new InvitationRefusedError()
    requireOpen(session)
    if (!session.joinOpen) throw new ForbiddenError('joining is closed')
    if ((await this.#repository.listPeople(sessionId)).length >= this.#maxParticipants) {
      throw new ConflictError(`this session is full (at most ${this.#maxParticipants} people)`)
    }
    const token = newToken()
    const person: PersonRecord = {
      participantId: newId(),
      sessionId,
      name,
      role: 'participant',
      createdAt: this.#now(),
    }
    await this.#repository.addPerson(person, {
      tokenHash: hashToken(token),
      sessionId,
      role: 'participant',
      participantId: person.participantId,
    })
    try {
      await this.#rooms.change(sessionRoomName(sessionId, 'control'), (doc) =>
        writeControlParticipant(doc, toParticipant(person)),
      )
    } catch (error) {
      // Nobody gets the token and nobody's list shows them: the store must not keep them either (they would
      // count against the session's size and get a private room nobody knows of).
      await this.#repository.removePerson(person.participantId)
      throw roomWriteFailure(error)
    }
    this.#activity?.touch(sessionId)
    return { participantId: person.participantId, token }
  }

  async lookupCode(code: string): Promise<JoinCodeLookup> {
    const session = await this.#repository.findSessionByCode(code)
    if (!session) throw new NotFoundError('no session with this code')
    return { sessionId: session.id, title: session.title }
  }

  /**
   * The token check for HTTP: the grant of `token` for `sessionId`. 401 without a known token, 403 for a
   * token of another session or without `role`, 404 when the session is gone.
   */
  async authorize(token: string | undefined, sessionId: string, role?: Role): Promise<Grant> {
    const grant = await this.#grantFor(token, sessionId, new UnauthorizedError())
    if (role) requireRole(grant, role)
    return grant
  }

  /**
   * The token check for WebSockets: who may connect to `roomName`, and with which rights. The token comes as
   * `?token=`, or by its hash from a spent ticket (`RoomTickets.admit`).
   */
  async authorizeRoom(roomName: string, token: string | { tokenHash: string } | undefined): Promise<PeerAccess> {
    const room = parseSessionRoomName(roomName)
    if (!room) throw new NotFoundError('no such board')
    const grant = await this.#grantFor(
      token,
      room.sessionId,
      new UnauthorizedError('a valid token is needed (?token=)'),
    )
    if (room.kind === 'private') {
      if (!mayEnterPrivateRoom(grant.role, grant.participantId, room.ownerId)) {
        throw new ForbiddenError("another participant's private notes")
      }
      // Only a participant of this session has a private room: no room can be named after anyone else, so the
      // session's people are every private room there is (deletion relies on it).
      const owner = await this.#repository.findPerson(room.ownerId)
      if (!owner || owner.sessionId !== grant.sessionId || owner.role !== 'participant') {
        throw new NotFoundError('no such participant in this session')
      }
    }
    const person = grant.participantId ? await this.#repository.findPerson(grant.participantId) : null
    this.#activity?.touch(grant.sessionId)
    return {
      room: room.kind,
      role: grant.role,
      identity: { participantId: grant.participantId, name: person?.name ?? '', role: grant.role },
    }
  }

  /**
   * The session as `grant`'s holder sees it. The facilitator (who passes their token, from which the link's secret
   * follows) also gets the invitation; nobody else sees the code or the secret.
   */
  async view(grant: Grant, facilitator?: { token: string; origin: string }): Promise<SessionView> {
    const session = await this.#requireSession(grant.sessionId)
    const people = await this.#repository.listPeople(session.id)
    const invitation =
      grant.role === 'facilitator' && facilitator
        ? await this.#invitation(session, facilitator.token, facilitator.origin)
        : undefined
    return {
      id: session.id,
      title: session.title,
      templateId: session.templateId,
      status: session.closedAt === null ? 'open' : 'closed',
      ...(grant.role === 'facilitator' && this.#retentionDays !== undefined
        ? { removedIfIdleAt: session.lastActiveAt + this.#retentionDays * DAY_MS }
        : {}),
      joinOpen: session.joinOpen,
      ...(invitation ? { invitation } : {}),
      role: grant.role,
      ...(grant.participantId ? { participantId: grant.participantId } : {}),
      rooms: {
        board: roomPath(sessionRoomName(session.id, 'board')),
        control: roomPath(sessionRoomName(session.id, 'control')),
      },
      participants: people.map(toParticipant),
    }
  }

  async rename(grant: Grant, title: string): Promise<void> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    await this.#repository.renameSession(session.id, title)
    try {
      await this.#rooms.change(sessionRoomName(session.id, 'control'), (doc) =>
        writeControlSession(doc, { title, templateId: session.templateId }),
      )
    } catch (error) {
      // Everyone still sees the old title: so does the store again, and the request fails.
      await this.#repository.renameSession(session.id, session.title)
      throw roomWriteFailure(error)
    }
  }

  /** `listener` hears of every session deleted here (services that keep something per session let go of it). */
  onDeleted(listener: (sessionId: string) => void): void {
    this.#deletedListeners.push(listener)
  }

  /** "Deelnemen sluiten" / "Deelnemen openen": while closed, joins are refused; people already in stay in. */
  async setJoinOpen(grant: Grant, joinOpen: boolean): Promise<void> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    await this.#repository.setJoinOpen(session.id, joinOpen)
  }

  /**
   * "Sessie afsluiten" and "Heropenen": while closed, the board and every room of the session are read-only for
   * everyone (a write closes its connection with 4403 "session closed"; reading still syncs), joining and votes
   * are refused, exports still work. The store says so first, then every instance's rooms, then every screen
   * through the control room. Closing a closed session (or reopening an open one) changes nothing.
   */
  async setClosed(grant: Grant, closed: boolean): Promise<void> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    if ((session.closedAt !== null) === closed) return
    await this.#repository.setClosed(session.id, closed ? this.#now() : null)
    await this.#rooms.writesChanged(await this.#roomsOf(session.id))
    try {
      await this.#rooms.change(sessionRoomName(session.id, 'control'), (doc) => writeSessionClosed(doc, closed))
    } catch (error) {
      // The rooms follow the store already; the screens would not show it, so the facilitator must hear that it failed.
      throw roomWriteFailure(error)
    }
    this.#activity?.touch(session.id)
  }

  /** Every room of a session: board, control, and each participant's private room. */
  async #roomsOf(sessionId: string): Promise<string[]> {
    const people = await this.#repository.listPeople(sessionId)
    return [
      sessionRoomName(sessionId, 'board'),
      sessionRoomName(sessionId, 'control'),
      ...people
        .filter((person) => person.role === 'participant')
        .map((person) => privateRoomName(sessionId, person.participantId)),
    ]
  }

  /**
   * "Nieuwe uitnodiging": a new join code, and with it a new link secret; the old code and link stop working at
   * once. People already in keep their tokens.
   */
  async newInvitation(grant: Grant, facilitatorToken: string, origin: string): Promise<Invitation> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    for (let attempt = 1; ; attempt++) {
      const code = newJoinCode()
      if (code === session.code) continue
      const secret = newToken()
      try {
        await this.#repository.setInvitation(session.id, code, hashToken(secret))
        await this.#repository.setInvitationSecret(session.id, 'participant', secret)
        return this.#invitation({ ...session, code, inviteHash: hashToken(secret) }, facilitatorToken, origin)
      } catch (error) {
        if (!(error instanceof JoinCodeTakenError) || attempt >= JOIN_CODE_ATTEMPTS) throw error
      }
    }
  }

  /**
   * "Verwijderen": the participant's token is refused from now on, they leave everyone's participant list, and
   * their open connections are closed (4401, on every instance); what they wrote on the board stays. Their
   * private notes not yet revealed go with them.
   */
  async removeParticipant(grant: Grant, participantId: string): Promise<void> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    const person = await this.#repository.findPerson(participantId)
    if (!person || person.sessionId !== session.id) throw new NotFoundError('no such participant in this session')
    if (person.role !== 'participant') throw new ConflictError('the facilitator cannot be removed')
    // The grant first: from here on no request and no new connection of theirs gets in.
    await this.#repository.removePerson(participantId)
    let listFailure: unknown = null
    try {
      await this.#rooms.change(sessionRoomName(session.id, 'control'), (doc) =>
        removeControlParticipant(doc, participantId),
      )
    } catch (error) {
      listFailure = error
    }
    // Their sockets go whatever the list says: the token is refused already.
    for (const room of [sessionRoomName(session.id, 'board'), sessionRoomName(session.id, 'control')]) {
      await this.#rooms.closePeersOf(room, participantId, CloseCode.unauthorized, REMOVED_FROM_SESSION_REASON)
    }
    const own = privateRoomName(session.id, participantId)
    await this.#rooms.closePeersOf(own, participantId, CloseCode.unauthorized, REMOVED_FROM_SESSION_REASON)
    // They are out, but everyone's participant list still names them: the facilitator must hear that it failed.
    if (listFailure !== null) throw roomWriteFailure(listFailure)
    await this.#rooms.discard(own, CloseCode.gone, 'this participant was removed')
  }

  /** Removes the session, its people and tokens, and every room's document; connected clients are closed. */
  async delete(grant: Grant): Promise<void> {
    requireRole(grant, 'facilitator')
    await this.#delete(await this.#requireSession(grant.sessionId))
  }

  /**
   * The retention sweep's delete: removes the session as `delete` does, if it has still had no activity since
   * `idleSince` (something may have happened since the sweep listed it). Resolves to whether it was removed.
   */
  async deleteIfIdle(sessionId: string, idleSince: number): Promise<boolean> {
    const session = await this.#repository.findSession(sessionId)
    if (!session || session.lastActiveAt >= idleSince) return false
    await this.#delete(session)
    return true
  }

  async #delete(session: SessionRecord): Promise<void> {
    const rooms = await this.#roomsOf(session.id)
    // Grants first: from here on no request and no new connection gets in. Rounds, votes and marks go with the
    // session (ON DELETE CASCADE).
    await this.#repository.deleteSession(session.id)
    for (const room of rooms) await this.#rooms.discard(room, CloseCode.gone, 'this session was deleted')
    for (const listener of this.#deletedListeners) listener(session.id)
  }

  /**
   * "Onthullen": every participant's private stickies move onto the board, where they were written, and leave
   * the private rooms. See `#revealPrivateOf` for how a move stays right while its author keeps writing.
   */
  async revealPrivate(grant: Grant): Promise<{ revealed: number }> {
    requireRole(grant, 'facilitator')
    const session = await this.#requireSession(grant.sessionId)
    requireOpen(session)
    const board = sessionRoomName(session.id, 'board')
    let revealed = 0
    for (const person of await this.#repository.listPeople(session.id)) {
      // Only participants have private rooms (see `authorizeRoom`).
      if (person.role !== 'participant') continue
      const own = privateRoomName(session.id, person.participantId)
      if (!(await this.#rooms.fitsInto(own, board))) {
        // What moved so far stays moved; the rest stays private rather than pass the board's cap.
        throw new ConflictError(
          `the board is full: ${person.name}'s private stickies do not fit on it (revealed ${revealed})`,
        )
      }
      try {
        revealed += await this.#revealPrivateOf(board, own)
      } catch (error) {
        // What moved so far stays moved; the next "Onthullen" moves the rest.
        throw roomWriteFailure(error)
      }
    }
    return { revealed }
  }

  /**
   * Moves one private room's stickies onto the board, in two steps that each read and write both rooms in one
   * turn, so no edit of the author's falls between what is read and what is written:
   *
   * 1. Each private sticky is copied to the board (stored there before anything leaves the private room, so a
   *    crash shows it at worst in both, never in neither). A sticky whose id the board has already keeps the
   *    board's copy: the board's is the one the group has been working on since an earlier reveal (and a private
   *    room must not be a way to overwrite someone else's sticky), so the private copy just goes.
   * 2. Once the board has stored the copies, each leaves the private room. What the author did meanwhile, before
   *    their screen could show the reveal, counts: a sticky they deleted leaves the board again, one they edited
   *    goes on with the newer text, unless someone has already changed the board's copy.
   */
  async #revealPrivateOf(board: string, room: string): Promise<number> {
    /** Per moved sticky: the private copy as read and the board's copy as written (JSON, to compare). */
    const moved = new Map<string, { read: string; written: string }>()
    await this.#rooms.changeTogether([board, room], (docs) => {
      const [boardDoc, privateDoc] = docs as [Y.Doc, Y.Doc]
      const onBoard = boardRecords(boardDoc)
      const own = boardRecords(privateDoc)
      // Well-formed records only; a malformed one stays where it is.
      const incoming = [...readBoardRecords(privateDoc).values()].filter((record) => !onBoard.has(record.id))
      // Laid out so that no revealed sticky covers another, each near where it was written.
      const places = placeWithoutOverlap(
        [...readBoardRecords(boardDoc).values()].flatMap((record) => noteBox(record) ?? []),
        incoming.flatMap((record) => noteBox(record) ?? []),
      )
      for (const id of readBoardRecords(privateDoc).keys()) {
        if (onBoard.has(id)) {
          own.delete(id)
          continue
        }
        const stored = own.get(id) as BoardRecord
        const revealed = { ...revealedRecord(stored), ...places.get(id) }
        onBoard.set(id, revealed)
        moved.set(id, { read: JSON.stringify(stored), written: JSON.stringify(revealed) })
      }
    })
    if (moved.size === 0) return 0
    let revealed = 0
    await this.#rooms.changeTogether([board, room], (docs) => {
      const [boardDoc, privateDoc] = docs as [Y.Doc, Y.Doc]
      const onBoard = boardRecords(boardDoc)
      const own = boardRecords(privateDoc)
      for (const [id, { read, written }] of moved) {
        const now = own.get(id)
        const boardUntouched = JSON.stringify(onBoard.get(id)) === written
        if (now === undefined) {
          if (boardUntouched) onBoard.delete(id)
          continue
        }
        own.delete(id)
        revealed++
        if (boardUntouched && JSON.stringify(now) !== read && typeof now === 'object' && now !== null) {
          // The newer text, at the place the reveal gave it unless the author moved it meanwhile.
          const before = JSON.parse(read) as Record<string, unknown>
          const placed = JSON.parse(written) as Record<string, unknown>
          const latest = now as BoardRecord & Record<string, unknown>
          const unmoved = latest.x === before.x && latest.y === before.y
          onBoard.set(id, { ...revealedRecord(latest), ...(unmoved ? { x: placed.x, y: placed.y } : {}) })
        }
      }
    })
    return revealed
  }

  /** The invitations as the facilitator is shown them, on whichever of their devices. */
  async #invitation(session: SessionRecord, facilitatorToken: string, origin: string): Promise<Invitation> {
    return {
      code: session.code,
      links: {
        participant: participantLink(origin, session.id, await this.#participantSecret(session, facilitatorToken)),
        observer: observerInvitationLink(origin, session.id, await this.#secretOf(session.id, 'observer')),
      },
    }
  }

  /**
   * The participants' link's secret. Sessions from before it was stored had it derived from the facilitator's first
   * token: that device stores it now; a device that cannot derive it (a handover's) gets a new link secret (the code
   * stays), as does a session from before link secrets.
   */
  async #participantSecret(session: SessionRecord, facilitatorToken: string): Promise<string> {
    const stored = await this.#repository.findInvitationSecret(session.id, 'participant')
    const matches = (secret: string) => session.inviteHash !== null && sameSecret(hashToken(secret), session.inviteHash)
    if (stored !== null && matches(stored)) return stored
    const derived = invitationSecret(facilitatorToken, session.id, session.code)
    const secret = matches(derived) ? derived : newToken()
    if (!matches(secret)) await this.#repository.setInvitation(session.id, session.code, hashToken(secret))
    await this.#repository.setInvitationSecret(session.id, 'participant', secret)
    return secret
  }

  /** The secret of the session's invitation of `kind`, made now if it has none yet. */
  async #secretOf(sessionId: string, kind: InvitationKind): Promise<string> {
    const stored = await this.#repository.findInvitationSecret(sessionId, kind)
    if (stored !== null) return stored
    const secret = newToken()
    await this.#repository.setInvitationSecret(sessionId, kind, secret)
    return secret
  }

  /**
   * The one grant look-up, for HTTP requests and WebSockets alike: the grant of `token` within `sessionId`,
   * `unknown` when the token is none of ours, Forbidden when it belongs to another session.
   */
  async #grantFor(
    token: string | { tokenHash: string } | undefined,
    sessionId: string,
    unknown: UnauthorizedError,
  ): Promise<Grant> {
    const grant = token ? await this.#grantOf(token) : null
    if (!grant) throw unknown
    if (grant.sessionId !== sessionId) throw new ForbiddenError('this token belongs to another session')
    return grant
  }

  async #grantOf(token: string | { tokenHash: string }): Promise<Grant | null> {
    const grant = await this.#repository.findGrant(typeof token === 'string' ? hashToken(token) : token.tokenHash)
    return grant && { sessionId: grant.sessionId, role: grant.role, participantId: grant.participantId }
  }

  async #requireSession(id: string): Promise<SessionRecord> {
    const session = await this.#repository.findSession(id)
    if (!session) throw new NotFoundError('no such session')
    return session
  }

  async #createRecords(
    title: string,
    templateId: string,
    facilitatorName: string | undefined,
  ): Promise<CreatedRecords> {
    const id = newId()
    const facilitatorToken = newToken()
    const observerToken = newToken()
    const createdAt = this.#now()
    const facilitator: PersonRecord = {
      participantId: newId(),
      sessionId: id,
      name: facilitatorName ?? DEFAULT_FACILITATOR_NAME,
      role: 'facilitator',
      createdAt,
    }
    const grants: GrantRecord[] = [
      {
        tokenHash: hashToken(facilitatorToken),
        sessionId: id,
        role: 'facilitator',
        participantId: facilitator.participantId,
      },
      { tokenHash: hashToken(observerToken), sessionId: id, role: 'observer', participantId: null },
    ]
    const participantSecret = newToken()
    const inviteHash = hashToken(participantSecret)
    for (let attempt = 1; ; attempt++) {
      const code = newJoinCode()
      const session: SessionRecord = {
        id,
        title,
        templateId,
        code,
        inviteHash,
        joinOpen: true,
        createdAt,
        closedAt: null,
        lastActiveAt: createdAt,
      }
      try {
        await this.#repository.createSession(session, [facilitator], grants)
        await this.#repository.setInvitationSecret(id, 'participant', participantSecret)
        const observerSecret = newToken()
        await this.#repository.setInvitationSecret(id, 'observer', observerSecret)
        return { session, people: [facilitator], facilitatorToken, observerToken, participantSecret, observerSecret }
      } catch (error) {
        if (!(error instanceof JoinCodeTakenError) || attempt >= JOIN_CODE_ATTEMPTS) throw error
      }
    }
  }

  async #writeControl(session: SessionRecord, people: PersonRecord[]): Promise<void> {
    await this.#rooms.change(sessionRoomName(session.id, 'control'), (doc) => {
      writeControlSession(doc, { title: session.title, templateId: session.templateId })
      for (const person of people) writeControlParticipant(doc, toParticipant(person))
    })
  }

  #createdAnswer(created: CreatedRecords, origin: string): CreatedSession {
    const { session, facilitatorToken, observerToken, participantSecret, observerSecret } = created
    return {
      id: session.id,
      title: session.title,
      code: session.code,
      facilitatorToken,
      observerToken,
      links: {
        participant: participantLink(origin, session.id, participantSecret),
        observer: observerInvitationLink(origin, session.id, observerSecret),
      },
    }
  }
}

interface CreatedRecords {
  session: SessionRecord
  people: PersonRecord[]
  facilitatorToken: string
  observerToken: string
  participantSecret: string
  observerSecret: string
}

/** A server write to a room that failed (after the room manager's retries, if any): the request fails with 503. */
function roomWriteFailure(error: unknown): Error {
  // Deleted meanwhile: the session is gone, as a later request would be told.
  if (error instanceof RoomGoneError) return new NotFoundError('no such session')
  log.error({ part: 'sessions', err: error }, 'a change could not be saved in its room')
  return new UnavailableError('the change could not be saved; try again')
}

/** Whether `invite` is the session's join code (as people type it) or its link's secret. */
function isInvitation(session: SessionRecord, invite: string): boolean {
  const isCode = sameSecret(normalizeJoinCode(invite), session.code)
  const isLinkSecret = session.inviteHash !== null && sameSecret(hashToken(invite), session.inviteHash)
  return isCode || isLinkSecret
}

function requireRole(grant: Grant, role: Role): void {
  if (grant.role !== role) throw new ForbiddenError(`only the ${role} may do this`)
}

function toParticipant(person: PersonRecord): Participant {
  return { participantId: person.participantId, name: person.name, role: person.role }
}
