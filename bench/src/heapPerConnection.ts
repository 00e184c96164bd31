/**
 * Heap per idle connection, measured exactly (in one process, after forced GC) rather than from RSS deltas,
 * which move in V8's heap-growth steps:
 *
 *   node bench/src/heapPerConnection.ts
 *
 * Three servers, each in this process, each with 400 silent y-websocket connections on one board:
 *   reference  — `@y/websocket-server@0.1.1`'s `setupWSConnection` on a plain `ws` server
 *   werkplaats — our server as it runs: `startServer`, a session created through the API, every connection
 *                with the facilitator's token on `<sessionId>-board` (the upgrade is `ws` `handleUpgrade` on the
 *                Node server, after the token check, see server/src/rooms/roomEndpoint.ts)
 *   werkplaats-rooms-on-plain-ws — our rooms and connections behind a bare `ws` upgrade with no token check,
 *                to show what the endpoint (token check, session identity) keeps per connection
 * The client side of each connection is in the same heap and the same for all three, so the differences
 * between the rows are server-side. Then the same for idle boards (20 stickies and one silent participant each),
 * reference and ours.
 */
import { mkdtempSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import WebSocket, { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import {
  Connection,
  configFromEnvironment,
  RoomManager,
  serverPersistenceTimings,
  SqliteDocumentStore,
  startServer,
} from '@werkplaats/server'
import { BenchClient, type ClientEvents } from './client.ts'
import { presenceState } from './records.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const connections = 400

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return (server.address() as { port: number }).port
}

async function reference(): Promise<string> {
  const wss = new WebSocketServer({ noServer: true })
  const server = http.createServer()
  wss.on('connection', setupWSConnection)
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
  )
  return `ws://127.0.0.1:${await listen(server)}/heap`
}

async function werkplaats(): Promise<string> {
  // All 400 connections use the facilitator's token: one person, far over the per-person cap a real board has.
  const config = configFromEnvironment({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'heap-')),
    MAX_CONNECTIONS_PER_PERSON: String(connections),
    RECONNECTS_PER_MINUTE_PER_PERSON: String(connections),
    RECONNECTS_PER_MINUTE_PER_ADDRESS: String(connections),
  })
  const running = await startServer(config)
  const response = await fetch(`http://127.0.0.1:${running.port}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ templateId: 'blank', title: 'heap' }),
  })
  const session = (await response.json()) as { id: string; facilitatorToken: string }
  return `ws://127.0.0.1:${running.port}/yjs/${session.id}-board?token=${session.facilitatorToken}`
}

async function werkplaatsRoomsOnPlainWs(): Promise<string> {
  const config = configFromEnvironment({
    PORT: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'heap-')),
    MAX_CONNECTIONS_PER_PERSON: String(connections),
  })
  const rooms = new RoomManager(new SqliteDocumentStore(config.dataDir), {
    ...config.rooms,
    ...serverPersistenceTimings(),
    slowdown: () => 1,
  })
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  const server = http.createServer()
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      const access = {
        role: 'facilitator',
        room: 'board',
        identity: { participantId: null, name: '', role: 'facilitator' },
      } as const
      const connection = new Connection(ws, 'heap', access, rooms, config.connection)
      ws.on('close', () => connection.onSocketClosed())
      void connection.open()
    }),
  )
  return `ws://127.0.0.1:${await listen(server)}/yjs/heap`
}

async function openSilent(url: string, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = []
  for (let i = 0; i < count; i++) {
    const socket = new WebSocket(url)
    // The server's first frame (sync step 1) means the connection is fully set up on its side.
    await new Promise((resolve) => socket.once('message', resolve))
    sockets.push(socket)
  }
  return sockets
}

async function settledHeap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 300))
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const rows: Array<[string, number]> = []
for (const [name, start] of [
  ['reference (@y/websocket-server 0.1.1)', reference],
  ['werkplaats (ws handleUpgrade, token check)', werkplaats],
  ['werkplaats rooms on a plain ws upgrade', werkplaatsRoomsOnPlainWs],
] as const) {
  const url = await start()
  const warm = await openSilent(url, 50)
  const before = await settledHeap()
  const sockets = await openSilent(url, connections)
  const after = await settledHeap()
  rows.push([name, (after - before) / connections / 1024])
  for (const socket of [...warm, ...sockets]) socket.terminate()
}
console.log(`heap per idle connection (KiB, ${connections} connections, client side included and equal for all)`)
for (const [name, kib] of rows) console.log(`  ${name.padEnd(42)} ${kib.toFixed(2)}`)

// Heap per idle board, as scenario 7 has it: 20 stickies and one silent participant with a presence state.
// RSS deltas of whole boards move in V8's heap-growth steps too (scenario 7 gave 167 and 219 KiB for ours in
// two runs an hour apart), so this is the exact figure. For ours every board is a session, created (with its
// control room loaded and, after ROOM_UNLOAD_AFTER_MS, unloaded again) before the first measurement.
const boards = 200
const quiet: ClientEvents = { updateReceived() {}, awarenessReceived() {}, sent() {}, unexpectedClose() {} }

async function seededBoards(urls: string[]): Promise<BenchClient[]> {
  const clients: BenchClient[] = []
  for (const [i, url] of urls.entries()) {
    const client = new BenchClient(url, `board-${i}`, i + 1, false, quiet)
    await client.connect()
    client.seed(20)
    client.setAwareness(presenceState(i + 1, 0, 0))
    clients.push(client)
  }
  // Let the server apply and store the seeds before the heap is read.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  return clients
}

async function referenceBoards(count: number): Promise<string[]> {
  const base = (await reference()).replace(/\/heap$/, '')
  return Array.from({ length: count }, (_, i) => `${base}/heap-board-${i}`)
}

async function werkplaatsBoards(count: number): Promise<string[]> {
  // All from 127.0.0.1: past an office's worth of connections per address.
  const config = configFromEnvironment({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'heap-')),
    RECONNECTS_PER_MINUTE_PER_ADDRESS: '1000000',
  })
  const running = await startServer(config)
  const urls: string[] = []
  for (let i = 0; i < count; i++) {
    const response = await fetch(`http://127.0.0.1:${running.port}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'blank', title: `heap ${i}` }),
    })
    const session = (await response.json()) as { id: string; facilitatorToken: string }
    urls.push(`ws://127.0.0.1:${running.port}/yjs/${session.id}-board?token=${session.facilitatorToken}`)
  }
  return urls
}

const boardRows: Array<[string, number]> = []
for (const [name, make] of [
  ['reference (@y/websocket-server 0.1.1)', referenceBoards],
  ['werkplaats (sessions, ws handleUpgrade)', werkplaatsBoards],
] as const) {
  const urls = await make(boards + 10)
  // Rooms of the measurements before (and our control rooms) unload after 10 s: not inside the measurement.
  await new Promise((resolve) => setTimeout(resolve, 11_000))
  const warm = await seededBoards(urls.slice(0, 10))
  const before = await settledHeap()
  const clients = await seededBoards(urls.slice(10))
  const after = await settledHeap()
  boardRows.push([name, (after - before) / boards / 1024])
  for (const client of [...warm, ...clients]) client.destroy()
}
console.log(
  `heap per idle board (KiB, ${boards} boards of 20 stickies and 1 silent participant, client side included and equal for all)`,
)
for (const [name, kib] of boardRows) console.log(`  ${name.padEnd(42)} ${kib.toFixed(2)}`)
process.exit(0)
