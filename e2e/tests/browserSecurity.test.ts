import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { boardRecords, sessionRoomName, type BoardRecord } from '@werkplaats/shared'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import { connectProvider, eventually, whenSynced } from '@werkplaats/server/testing/clients'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Participant, requestsElsewhere } from '../support/browser.ts'
import { useBrowserSession } from '../support/session.ts'

/**
 * An outside host that logs every request it gets: what a hostile participant would point a board's images,
 * bookmarks and embeds at, to learn who opens the board and when.
 */
interface Recorder {
  readonly origin: string
  readonly host: string
  readonly paths: string[]
  /** Resolves once `path` has been asked for. */
  arrival(path: string): Promise<void>
  close(): Promise<void>
}

async function startRecorder(): Promise<Recorder> {
  const paths: string[] = []
  const waiting = new Map<string, () => void>()
  const server: Server = createServer((request, response) => {
    const path = request.url ?? ''
    paths.push(path)
    waiting.get(path)?.()
    response.writeHead(200, { 'content-type': 'text/plain' }).end('recorded')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin: `http://${host}`,
    host,
    paths,
    arrival: (path) => (paths.includes(path) ? Promise.resolve() : new Promise((done) => waiting.set(path, done))),
    close: () => new Promise((done) => server.close(() => done())),
  }
}

/** tldraw 5 records that would each load something from `origin` in a browser showing the board. */
function outsideContentRecords(origin: string): BoardRecord[] {
  const shape = (id: string, type: string, x: number, props: Record<string, unknown>) =>
    ({
      id,
      typeName: 'shape',
      type,
      x,
      y: 120,
      rotation: 0,
      parentId: 'page:page',
      index: `a${x}`,
      isLocked: false,
      opacity: 1,
      meta: {},
      props,
    }) as unknown as BoardRecord
  const asset = (id: string, type: string, props: Record<string, unknown>) =>
    ({ id, typeName: 'asset', type, props, meta: {} }) as unknown as BoardRecord
  return [
    asset('asset:image', 'image', {
      name: 'x.png',
      src: `${origin}/image-asset.png`,
      w: 200,
      h: 150,
      mimeType: 'image/png',
      isAnimated: false,
    }),
    shape('shape:image', 'image', 2, {
      w: 200,
      h: 150,
      assetId: 'asset:image',
      playing: true,
      url: `${origin}/image-link`,
      crop: null,
      flipX: false,
      flipY: false,
      altText: '',
    }),
    asset('asset:video', 'video', {
      name: 'x.mp4',
      src: `${origin}/video-asset.mp4`,
      w: 200,
      h: 150,
      mimeType: 'video/mp4',
      isAnimated: true,
    }),
    shape('shape:video', 'video', 3, {
      w: 200,
      h: 150,
      assetId: 'asset:video',
      autoplay: true,
      url: `${origin}/video-link`,
      altText: '',
      time: 0,
      playing: true,
    }),
    asset('asset:bookmark', 'bookmark', {
      title: 'Kijk',
      description: '',
      image: `${origin}/bookmark-image.png`,
      favicon: `${origin}/bookmark-favicon.ico`,
      src: `${origin}/bookmark`,
    }),
    shape('shape:bookmark', 'bookmark', 4, { w: 300, h: 320, assetId: 'asset:bookmark', url: `${origin}/bookmark` }),
    shape('shape:embed', 'embed', 5, { w: 300, h: 300, url: `${origin}/embed` }),
  ]
}

describe('the browser side: headers, tickets, no outside content', () => {
  const {
    server,
    browser,
    people: { Fien: fien, Anna: anna },
  } = useBrowserSession({ people: ['Fien', 'Anna'] })
  let recorder: Recorder
  let sessionId: string
  let participantLink: string
  const sockets = new Map<Participant, string[]>()

  beforeAll(async () => {
    recorder = await startRecorder()
    for (const person of [fien, anna]) {
      const urls: string[] = []
      sockets.set(person, urls)
      person.page.on('websocket', (socket) => urls.push(socket.url()))
    }
  })

  afterAll(async () => {
    await recorder?.close()
  })

  it('the page comes with its Content-Security-Policy, and the app works under it without a refusal', async () => {
    const response = await fien.page.goto(`${server.url}/`)
    const headers = response?.headers() ?? {}
    expect(headers['content-security-policy']).toContain("default-src 'self'")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['x-content-type-options']).toBe('nosniff')

    await fien.createSession(`${server.url}/`, 'Leeg bord', 'Veilig bord')
    sessionId = new URL(fien.page.url()).pathname.split('/').at(-1) ?? ''
    participantLink = (await fien.shareDetails()).participantLink
    await anna.joinByLink(participantLink)
    await anna.addStickyNote(400, 300, 'Onder de CSP')
    await fien.shapeWithText('Onder de CSP').waitFor()
    expect(fien.cspViolations).toEqual([])
    expect(anna.cspViolations).toEqual([])
  })

  it("the app's WebSocket URLs carry single-use tickets, never the token", () => {
    for (const [person, urls] of sockets) {
      expect(urls.length, person.name).toBeGreaterThanOrEqual(2)
      for (const url of urls) {
        const query = new URL(url).searchParams
        expect(query.has('token'), url).toBe(false)
        expect(query.get('ticket'), url).toMatch(/^[A-Za-z0-9_-]{43}$/)
      }
    }
    const tickets = [...sockets.values()].flat().map((url) => new URL(url).searchParams.get('ticket'))
    expect(new Set(tickets).size).toBe(tickets.length)
  })

  it("a participant's image, video, bookmark and embed with an outside URL make nobody's browser fetch it", async () => {
    const joined = await fetch(`${server.url}/api/sessions/${sessionId}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Any participant: the link's invitation is in its fragment.
      body: JSON.stringify({
        name: 'Mallory',
        invite: new URLSearchParams(new URL(participantLink).hash.slice(1)).get('i'),
      }),
    })
    expect(joined.status).toBe(201)
    const { token } = (await joined.json()) as { token: string }
    // A stock y-websocket client, as any participant can run one with their token.
    const provider = connectProvider(server.wsUrl, { room: sessionRoomName(sessionId, 'board'), token })
    try {
      await whenSynced(provider)
      const records = boardRecords(provider.doc)
      provider.doc.transact(() => {
        for (const record of outsideContentRecords(recorder.origin)) records.set(record.id, record)
      })
      // The marker comes after the outside content, in a later update: once it shows, so has everything before it.
      provider.doc.transact(() => records.set('shape:marker', noteRecord('shape:marker', 'Na de plaatjes', 700, 500)))
      for (const person of [fien, anna]) {
        await person.shapeWithText('Na de plaatjes').waitFor()
        // The shapes are on the board, each shown as an empty box that says its content is not shown.
        await expect.poll(() => person.page.locator('.wp-outside-content').count()).toBe(4)
        expect(await person.page.locator(`iframe, video, img[src*="${recorder.host}"]`).count()).toBe(0)
      }
    } finally {
      provider.destroy()
    }
    // Now the same browser asks the recorder something on purpose: whatever the board made it fetch would have
    // been asked for before this arrives.
    const probe = await fien.context.newPage()
    await probe.goto(`${recorder.origin}/marker`)
    await recorder.arrival('/marker')
    await probe.close()
    // The probe page's own icon is the browser's doing, not the board's.
    expect(recorder.paths.filter((path) => path !== '/favicon.ico')).toEqual(['/marker'])
    for (const person of [fien, anna]) {
      expect(requestsElsewhere(person.requests, server.host).filter((url) => !url.endsWith('/marker'))).toEqual([])
      // Not even tried: the client drew nothing that points outside (the policy would have reported it).
      expect(person.cspViolations).toEqual([])
    }
  })

  it('and were the client to try, the policy refuses it before anything leaves the browser', async () => {
    await fien.page.evaluate((origin) => {
      const image = new Image()
      image.src = `${origin}/tried-image.png`
      document.body.append(image)
      const frame = document.createElement('iframe')
      frame.src = `${origin}/tried-frame`
      document.body.append(frame)
      void fetch(`${origin}/tried-fetch`).catch(() => undefined)
    }, recorder.origin)
    await eventually(() => fien.cspViolations.length >= 3, 'the three refusals are reported')
    expect(fien.cspViolations.sort()).toEqual([
      `connect-src ${recorder.origin}/tried-fetch`,
      // Chromium reports only the origin of a refused frame.
      `frame-src ${recorder.origin}`,
      `img-src ${recorder.origin}/tried-image.png`,
    ])
    const probe = await fien.context.newPage()
    await probe.goto(`${recorder.origin}/second-marker`)
    await recorder.arrival('/second-marker')
    await probe.close()
    expect(recorder.paths.filter((path) => path !== '/favicon.ico')).toEqual(['/marker', '/second-marker'])
  })

  it('the API documentation works under its policy', async () => {
    const reader = await Participant.open(browser, 'Lezer')
    try {
      await reader.page.goto(`${server.url}/api/docs`)
      await reader.page.getByText('/api/sessions/{id}/tickets').first().waitFor()
      expect(reader.cspViolations).toEqual([])
      expect(requestsElsewhere(reader.requests, server.host)).toEqual([])
    } finally {
      await reader.close()
    }
  })
})
