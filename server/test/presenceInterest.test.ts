import { IDENTITY_AWARENESS_FIELD, PRESENCE_AWARENESS_FIELD } from '@werkplaats/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { createSession } from './support/sessions.ts'
import { ServerProcess } from './support/serverProcess.ts'

/**
 * A crowded board over real WebSockets with stock y-websocket providers: presence by interest from three
 * connections, a far frame every second.
 */
describe('presence by interest', () => {
  let server: ServerProcess

  beforeAll(async () => {
    server = await ServerProcess.launch({ PRESENCE_INTEREST_FROM: '3', PRESENCE_FAR_INTERVAL_MS: '1000' })
  })
  afterAll(() => server.destroy())

  function cursorOf(viewer: WebsocketProvider, other: WebsocketProvider): unknown {
    const state = viewer.awareness.getStates().get(other.awareness.clientID)
    return (state?.[PRESENCE_AWARENESS_FIELD] as { cursor?: unknown } | undefined)?.cursor
  }

  function place(provider: WebsocketProvider, x: number, y: number) {
    provider.awareness.setLocalStateField(PRESENCE_AWARENESS_FIELD, {
      pageId: 'page:page',
      cursor: { x, y },
      viewport: { x: x - 500, y: y - 400, w: 1000, h: 800 },
    })
  }

  it('near cursors arrive at once, far ones with the far frame; a stock client without a view still sees everyone', async () => {
    const session = await createSession(server.wsUrl)
    const join = async (name: string) => connectProvider(server.wsUrl, session.board((await session.join(name)).token))
    const [anna, bert, verweg, stock] = await Promise.all(['Anna', 'Bert', 'Verweg', 'Stock'].map(join))
    const everyone = [anna, bert, verweg, stock] as WebsocketProvider[]
    await Promise.all(everyone.map((provider) => whenSynced(provider)))
    place(anna as WebsocketProvider, 0, 0)
    place(bert as WebsocketProvider, 300, 200)
    place(verweg as WebsocketProvider, 90_000, 0)
    stock?.awareness.setLocalStateField('name', 'stock')
    const [a, b, v, s] = everyone as [WebsocketProvider, WebsocketProvider, WebsocketProvider, WebsocketProvider]
    await eventually(() => cursorOf(a, v) !== undefined && cursorOf(s, b) !== undefined, 'everyone seen once')
    expect(a.awareness.getStates().get(v.awareness.clientID)?.[IDENTITY_AWARENESS_FIELD]).toMatchObject({
      name: 'Verweg',
    })

    place(b, 310, 210)
    await eventually(() => JSON.stringify(cursorOf(a, b)) === JSON.stringify({ x: 310, y: 210 }), 'near cursor')
    place(v, 90_100, 0)
    await eventually(() => JSON.stringify(cursorOf(a, v)) === JSON.stringify({ x: 90_100, y: 0 }), 'far cursor', 5000)
    await eventually(() => JSON.stringify(cursorOf(s, v)) === JSON.stringify({ x: 90_100, y: 0 }), 'stock client', 5000)
    for (const provider of everyone) provider.destroy()
  })
})
