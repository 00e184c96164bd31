import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from './ownPresence.ts'

/** y-websocket's message type for awareness (`messageAwareness`). */
const AWARENESS = 1

/** Stands in for the browser's WebSocket: opens at once and keeps what the provider sends. */
function openSocketClass(sent: Uint8Array[]) {
  return class OpenSocket {
    static readonly OPEN = 1
    readonly OPEN = 1
    readyState = 0
    binaryType = 'arraybuffer'
    onopen: (() => void) | null = null
    onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
    onclose: ((event: { code: number; reason: string }) => void) | null = null
    onerror: ((event: unknown) => void) | null = null
    constructor() {
      queueMicrotask(() => {
        this.readyState = 1
        this.onopen?.()
      })
    }
    send(data: Uint8Array) {
      sent.push(data)
    }
    close() {
      this.readyState = 3
    }
  }
}

/** The client ids each awareness message the provider sent speaks for. */
function awarenessClients(sent: Uint8Array[]): number[][] {
  return sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== AWARENESS) return []
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const ids: number[] = []
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      ids.push(decoding.readVarUint(update))
      decoding.readVarUint(update)
      decoding.readVarString(update)
    }
    return [ids]
  })
}

async function connectedProvider(sent: Uint8Array[], ownOnly: boolean): Promise<WebsocketProvider> {
  const provider = new WebsocketProvider('ws://localhost/yjs', 'room', new Y.Doc(), {
    WebSocketPolyfill: openSocketClass(sent) as unknown as typeof WebSocket,
    disableBc: true,
  })
  if (ownOnly) sendOwnPresenceOnly(provider)
  await new Promise<void>((done) =>
    provider.on('status', ({ status }: { status: string }) => status === 'connected' && done()),
  )
  sent.length = 0
  return provider
}

/** Another participant's cursor, as the server's presence frame brings it: applied with the provider as origin. */
function receiveOthersCursor(provider: WebsocketProvider): number {
  const other = new Awareness(new Y.Doc())
  other.setLocalState({ presence: { cursor: { x: 10, y: 20 } } })
  applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), provider)
  return other.clientID
}

describe("the provider's presence upstream", () => {
  it('sends its own cursor, and never echoes the cursors the server brought', async () => {
    const sent: Uint8Array[] = []
    const provider = await connectedProvider(sent, true)
    receiveOthersCursor(provider)
    provider.awareness.setLocalStateField('presence', { cursor: { x: 1, y: 2 } })
    expect(awarenessClients(sent)).toEqual([[provider.awareness.clientID]])
    provider.destroy()
  })

  it('still says goodbye for its own client when destroyed', async () => {
    const sent: Uint8Array[] = []
    const provider = await connectedProvider(sent, true)
    provider.awareness.setLocalStateField('presence', { cursor: { x: 1, y: 2 } })
    sent.length = 0
    const id = provider.awareness.clientID
    provider.awareness.setLocalState(null)
    expect(awarenessClients(sent)).toEqual([[id]])
    provider.destroy()
    // Removed with the provider: a later change sends nothing.
    sent.length = 0
    provider.awareness.setLocalStateField('presence', { cursor: { x: 3, y: 4 } })
    expect(awarenessClients(sent)).toEqual([])
  })

  it('the stock provider, without it, echoes what it received (why this exists)', async () => {
    const sent: Uint8Array[] = []
    const provider = await connectedProvider(sent, false)
    const other = receiveOthersCursor(provider)
    expect(awarenessClients(sent)).toEqual([[other]])
    provider.destroy()
  })
})
