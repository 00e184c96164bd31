import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rawExchange } from '../../test/support/rawHttp.ts'
import { createHttpServer } from './nodeServer.ts'
import { log } from '../observability/log.ts'

async function listen(
  app: (request: Request) => Response | Promise<Response>,
): Promise<{ server: Server; url: string; port: number }> {
  const server = createHttpServer(app)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()))
  const port = (server.address() as AddressInfo).port
  return { server, url: `http://127.0.0.1:${port}`, port }
}

describe('the Node HTTP server around the app', () => {
  let running: Server | undefined
  afterEach(async () => {
    vi.restoreAllMocks()
    await new Promise((done) => running?.close(done))
  })

  it.each([
    [
      'throws',
      () => {
        throw new Error('a bug')
      },
    ],
    ['rejects', () => Promise.reject(new Error('a bug'))],
  ])('answers 500 JSON and logs when the app %s', async (_how, app) => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {})
    const { server, url } = await listen(app)
    running = server
    const response = await fetch(url)
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ error: 'internal server error' })
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ message: 'a bug' }) }),
      'unhandled error',
    )
  })

  it('answers 400 JSON for a target or Host that is no URL, without asking the app', async () => {
    const app = vi.fn(() => new Response('reached'))
    const { server, port } = await listen(app)
    running = server
    for (const request of [
      'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: [\r\n\r\n',
      'GET http://[/ HTTP/1.1\r\nHost: x\r\n\r\n',
    ]) {
      const answer = await rawExchange(port, request)
      expect(answer.status, request).toBe(400)
      expect(answer.status !== 'no answer' && answer.head, request).toMatch(/content-type: application\/json/i)
    }
    expect(app).not.toHaveBeenCalled()
  })
})
