import { clientConfigSchema, serverTimeSchema } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { freePort, ServerProcess, temporaryDataDir } from './support/serverProcess.ts'
import { useServerProcess, useStandInClient } from './support/useServer.ts'

describe('HTTP surface on the one port', () => {
  // The server serves whatever is in CLIENT_DIR.
  const client = useStandInClient()
  const server = useServerProcess({ CLIENT_DIR: client.path, TLDRAW_LICENSE_KEY: 'tldraw-test-key' })

  it('answers /healthz once the store is open', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('hands the tldraw licence key and the privacy settings to the browser at run time', async () => {
    const body: unknown = await (await fetch(`${server.url}/api/config`)).json()
    expect(body).toEqual({ licenseKey: 'tldraw-test-key', retentionDays: 90, privacyContact: null })
    expect(clientConfigSchema.safeParse(body).success).toBe(true)
  })

  it("tells the browser the server's time, uncached, in the shape the client parses", async () => {
    const before = Date.now()
    const response = await fetch(`${server.url}/api/time`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { now } = serverTimeSchema.parse(await response.json())
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('answers unknown API paths with a JSON error, not the page', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'no such API endpoint' })
  })

  it('serves the client, with the page for every app route (SPA fallback)', async () => {
    for (const path of ['/', '/b/abcDEF123', '/some/deep/link']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBe(200)
      expect(await response.text(), path).toContain('<title>Werkplaats</title>')
    }
  })

  it('lets browsers keep content-hashed assets', async () => {
    const response = await fetch(`${server.url}/assets/main-B4vR05nz.js`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toContain('immutable')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('logs the address to open', () => {
    expect(server.output).toContain(`open http://localhost:${server.port}/`)
  })
})

describe('configuration errors', () => {
  it('stop the start with a message naming the variable', async () => {
    const data = temporaryDataDir()
    const server = new ServerProcess(await freePort(), data.path, { MAX_CONNECTIONS_PER_BOARD: 'veel' })
    await expect(server.start()).rejects.toThrow(/MAX_CONNECTIONS_PER_BOARD/)
    data.remove()
  })
})
