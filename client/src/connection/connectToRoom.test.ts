import { REMOVED_FROM_SESSION_REASON } from '@werkplaats/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { connectToRoom, roomNameFromPath, yjsServerUrl, type RoomConnection } from './roomConnection.ts'

const ROOM = 'AbCdEfGhIjKlMnOpQrStUv-board'

describe('where a room is', () => {
  it('is the /yjs endpoint of the origin that served the page, over wss when the page came over https', () => {
    expect(yjsServerUrl({ protocol: 'https:', host: 'werkplaats.example.org' } as Location)).toBe(
      'wss://werkplaats.example.org/yjs',
    )
    expect(yjsServerUrl({ protocol: 'http:', host: '192.168.1.20:8080' } as Location)).toBe(
      'ws://192.168.1.20:8080/yjs',
    )
  })

  it('is named by the path the session API hands out, without its /yjs/ prefix', () => {
    expect(roomNameFromPath(`/yjs/${ROOM}`)).toBe(ROOM)
    expect(roomNameFromPath(ROOM)).toBe(ROOM)
  })
})

/**
 * The connection's state as the participant reads it, driven by the stock provider's own events. The page's
 * window is a small stand-in (its location and 'offline' event); the ticket request never answers, so no socket
 * is ever opened and the provider's events are the test's to send.
 */
describe("a room connection's state", () => {
  const listeners = new Map<string, () => void>()
  const connections: RoomConnection[] = []

  beforeEach(() => {
    vi.stubGlobal('window', {
      location: { protocol: 'https:', host: 'werkplaats.example.org' },
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
    })
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined))
  })
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.dispose()
    listeners.clear()
    vi.unstubAllGlobals()
  })

  function connect(): RoomConnection {
    const connection = connectToRoom(ROOM, new Y.Doc(), 'secret_token')
    connections.push(connection)
    return connection
  }

  /** The provider's line: connected (or not), and then in sync (or not). */
  function line(connection: RoomConnection, connected: boolean, synced: boolean) {
    const { provider } = connection
    provider.wsconnected = connected
    provider.emit('status', [{ status: connected ? 'connected' : 'disconnected' }])
    provider.synced = synced
  }

  it('is connecting until the first sync, online while in sync, and offline (not connecting) after a drop', () => {
    const connection = connect()
    expect(connection.provider.url).toBe(`wss://werkplaats.example.org/yjs/${ROOM}`)
    expect(connection.provider.url).not.toContain('secret_token')
    expect(connection.state.get()).toBe('connecting')
    line(connection, true, false)
    expect(connection.state.get()).toBe('connecting')
    line(connection, true, true)
    expect(connection.state.get()).toBe('online')
    line(connection, false, false)
    expect(connection.state.get()).toBe('offline')
    line(connection, true, true)
    expect(connection.state.get()).toBe('online')
  })

  it('is refused for good with the reason of the close, and stays refused whatever the line does after', () => {
    const connection = connect()
    line(connection, true, true)
    connection.provider.emit('closed', [{ code: 4401, reason: REMOVED_FROM_SESSION_REASON }, connection.provider])
    expect(connection.state.get()).toBe('refused')
    expect(connection.refusal.get()).toBe('removed')
    line(connection, true, true)
    expect(connection.state.get()).toBe('refused')
  })

  it('closes the socket when the browser says it went offline, and stops listening once disposed', () => {
    const connection = connect()
    const close = vi.fn()
    Object.defineProperty(connection.provider, 'ws', { value: { close }, configurable: true, writable: true })
    listeners.get('offline')?.()
    expect(close).toHaveBeenCalledTimes(1)
    connection.dispose()
    connections.splice(connections.indexOf(connection), 1)
    expect(listeners.has('offline')).toBe(false)
  })
})
