import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { getTemplate, listTemplates } from '@werkplaats/playbook-data'
import { WebSocketServer } from 'ws'
import { createApp } from './app.ts'
import { createHttpServer } from './http/nodeServer.ts'
import { answerOnSocket } from './http/rawResponse.ts'
import { Metrics } from './observability/metrics.ts'
import { notReadyBecause } from './observability/readiness.ts'
import { meteredStore } from './store/meteredStore.ts'
import { ExportService } from './exports/exportService.ts'
import { ApiRateLimits } from './http/rateLimits.ts'
import { AddressLimiter } from './http/addressLimiter.ts'
import { RenderPool } from './exports/renderPool.ts'
import type { ServerConfig } from './config.ts'
import { type Cluster, singleInstance, sqliteStores, type Stores } from './backends.ts'
import type { Connection } from './rooms/connection.ts'
import { CloseCode } from './rooms/peer.ts'
import { LoadGauge } from './rooms/loadGauge.ts'
import { serverPersistenceTimings } from './rooms/persistedDoc.ts'
import { startKeepAlive } from './rooms/keepAlive.ts'
import { attachRoomEndpoint } from './rooms/roomEndpoint.ts'
import { RoomManager } from './rooms/roomManager.ts'
import { RoomTickets } from './sessions/roomTickets.ts'
import { PersonBudgets } from './rooms/personBudgets.ts'
import { ReconnectLimiter } from './rooms/reconnectLimiter.ts'
import { RetentionSweep } from './sessions/retentionSweep.ts'
import { SessionActivity } from './sessions/sessionActivity.ts'
import { SessionService, sessionWritesClosed } from './sessions/sessionService.ts'
import type { DocumentStore } from './store/documentStore.ts'
import { VoteService } from './votes/voteService.ts'

export { configFromEnvironment, type ServerConfig } from './config.ts'
// The parts a host (or the heap benchmark, which wires a bare `ws` server to them) needs besides `startServer`.
export { Connection, type ConnectionLimits } from './rooms/connection.ts'
export { RoomManager, type RoomManagerOptions } from './rooms/roomManager.ts'
export { serverPersistenceTimings } from './rooms/persistedDoc.ts'
export type { DocumentStore, StoredDocument } from './store/documentStore.ts'
export { SqliteDocumentStore } from './store/sqliteStore.ts'

export interface RunningServer {
  url: string
  port: number
  rooms: RoomManager
  store: DocumentStore
  sessions: SessionService
  votes: VoteService
  retention: RetentionSweep
  close(): Promise<void>
}

/** What a server runs on, chosen by `openStores` and `openCluster` (`backends.ts`). */
export interface ServerBackends {
  /** Default: the SQLite stores in the configured data directory. */
  stores?: Pick<Stores, 'documents' | 'sessions' | 'votes'>
  /** Default: one instance on its own. */
  cluster?: Cluster
  /** The clock sessions age by (activity, closing, retention); tests hand in their own. Default: `Date.now`. */
  now?: () => number
}

/** Starts on `backends`, then listens; resolves once connections are accepted. */
export async function startServer(config: ServerConfig, backends: ServerBackends = {}): Promise<RunningServer> {
  const { documents, sessions: repository, votes: voteRepository } = backends.stores ?? sqliteStores(config.dataDir)
  const cluster = backends.cluster ?? singleInstance
  const now = backends.now ?? Date.now
  const activity = new SessionActivity(repository, now)
  const connections = new Set<Connection>()
  const metrics = new Metrics({
    connections: () => connections,
    roomsLoaded: (): number => rooms.loadedRooms,
    openVoteRounds: () => voteRepository.countOpenRounds(),
    ...(cluster.fanoutLag ? { fanoutLag: cluster.fanoutLag } : {}),
  })
  const store = meteredStore(documents, metrics)
  const load = new LoadGauge()
  load.start()
  const rooms = new RoomManager(
    store,
    {
      ...config.rooms,
      ...serverPersistenceTimings(),
      slowdown: () => load.slowdown,
      relays: metrics,
      writesClosed: sessionWritesClosed(repository),
      onStored: (room) => activity.touchRoom(room),
    },
    cluster.fanout,
  )
  const sessions = new SessionService(
    repository,
    rooms,
    { has: (id) => getTemplate(id) !== undefined },
    config.maxParticipantsPerSession,
    { now, activity, retentionDays: config.retentionDays, handoverTtlSeconds: config.handoverTtlSeconds },
  )
  const retention = new RetentionSweep(repository, sessions, { retentionDays: config.retentionDays, now })
  const votes = new VoteService(voteRepository, repository, rooms, getTemplate, undefined, config.liveTallyMinVoters)
  sessions.onDeleted((sessionId) => votes.forgetSession(sessionId))
  const renderPool = new RenderPool(config.exports)
  const exports = new ExportService(repository, rooms, renderPool, metrics)
  const joinLimiter = cluster.joinLimiter(config.joinCodeAttemptsPerMinute, config.joinCodeAttemptsPerMinute * 2)
  const rateLimits = new ApiRateLimits(
    config.rateLimits,
    (scope, limit) => cluster.rateLimiter(scope, limit),
    config.trustProxy,
    joinLimiter,
  )
  const tickets = new RoomTickets(cluster.ticketStore(), sessions)
  const ticketLimiter = new AddressLimiter(config.ticketsPerMinute, config.ticketsPerMinute * 2)
  let ready = false
  let draining = false
  const notReady = () =>
    notReadyBecause(
      { draining: () => draining, store: () => store.ping(), cluster: () => cluster.ping() },
      config.readinessTimeoutMs,
    )
  const app = createApp({
    config,
    sessions,
    votes,
    exports,
    templates: listTemplates,
    template: getTemplate,
    joinLimiter,
    rateLimits,
    isReady: () => ready,
    notReady,
    metrics,
    tickets,
    ticketLimiter,
  })
  // ws rejects frames over maxPayload itself, closing with 1009 before we buffer them.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false })
  const server = createHttpServer(app.fetch)
  const budgets = new PersonBudgets(config.connection)
  const reconnects = new ReconnectLimiter(config.reconnects)
  attachRoomEndpoint(server, wss, {
    sessions,
    tickets,
    rooms,
    limits: config.connection,
    budgets,
    reconnects,
    trustProxy: config.trustProxy,
    connections,
    meter: metrics,
  })

  const stopKeepAlive = startKeepAlive(connections, config.keepAliveMs)
  retention.start()

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  ready = true
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://localhost:${port}`,
    port,
    rooms,
    store,
    sessions,
    votes,
    retention,
    /**
     * The drain: stops accepting (the listening socket closes, `/readyz` says so, an upgrade on a connection
     * still open is refused 503), tells every open socket 1012 "service restart" so that its client reconnects
     * (behind a load balancer, to another instance), waits for every write under way (rooms' updates, vote
     * rounds' paced writes, the rooms' last compaction), then closes the stores. What a client sent that was not
     * yet acknowledged it sends again after reconnecting, in its sync step 2.
     */
    async close() {
      draining = true
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.removeAllListeners('upgrade')
      server.on('upgrade', (_request, socket: Duplex) => {
        socket.on('error', () => socket.destroy())
        answerOnSocket(socket, 503, 'the server is restarting; connect again')
      })
      server.closeIdleConnections()
      stopKeepAlive()
      await retention.stop()
      joinLimiter.stop()
      rateLimits.stop()
      ticketLimiter.stop()
      budgets.stop()
      reconnects.stop()
      load.stop()
      for (const connection of connections) connection.close(CloseCode.serviceRestart, 'service restart')
      // Renders in progress end with a 503 now, rather than hold the close up until they finish.
      await renderPool.close()
      await stopped
      await votes.settled()
      await rooms.closeAll()
      await cluster.close()
      await store.close()
      await repository.close()
      await voteRepository.close()
    },
  }
}
