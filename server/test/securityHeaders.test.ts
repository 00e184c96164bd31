import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { configFromEnvironment } from '../src/config.ts'
import { securityHeaders } from '../src/http/securityHeaders.ts'
import { useServerProcess, useStandInClient } from './support/useServer.ts'

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  expect(header, 'a Content-Security-Policy header').not.toBeNull()
  return new Map(
    (header ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values]
    }),
  )
}

describe('every answer carries the browser-side policy', () => {
  const client = useStandInClient()
  const server = useServerProcess({ CLIENT_DIR: client.path })

  const paths = [
    '/',
    '/s/AbCdEfGhIjKlMnOpQrStUv',
    '/assets/main-abc123.js',
    '/sw.js',
    '/api/templates',
    '/api/nothing-here',
    '/api/docs',
    '/api/openapi.json',
    '/healthz',
  ]

  it.each(paths)('%s', async (path) => {
    const response = await fetch(`${server.url}${path}`)
    await response.arrayBuffer()
    const csp = directives(response.headers.get('content-security-policy'))
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('worker-src')).toEqual(["'self'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(csp.get('font-src')).toEqual(["'self'"])
    expect(csp.get('frame-src')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })

  it('serves the service worker as a script, which browsers require before they register it', async () => {
    const response = await fetch(`${server.url}/sw.js`)
    await response.arrayBuffer()
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/)
  })
})

describe('FRAME_ANCESTORS', () => {
  it('names the origins that may frame the app, and nothing else changes', async () => {
    const config = configFromEnvironment({
      FRAME_ANCESTORS: 'https://intranet.example.org  http://portal.example.org:8443/some/path',
    })
    expect(config.frameAncestors).toEqual(['https://intranet.example.org', 'http://portal.example.org:8443'])
    const app = new Hono().use('*', securityHeaders(config)).get('/', (c) => c.text('ok'))
    const response = await app.request('/')
    const csp = directives(response.headers.get('content-security-policy'))
    expect(csp.get('frame-ancestors')).toEqual(['https://intranet.example.org', 'http://portal.example.org:8443'])
    expect(csp.get('script-src')).toEqual(["'self'"])
    // The older header knows only "no one" or "this origin": it would overrule the list in older browsers.
    expect(response.headers.get('x-frame-options')).toBeNull()
  })

  it('is empty by default, and refuses what is not an http(s) origin', () => {
    expect(configFromEnvironment({}).frameAncestors).toEqual([])
    expect(() => configFromEnvironment({ FRAME_ANCESTORS: "'self' javascript:alert(1)" })).toThrow(/FRAME_ANCESTORS/)
    expect(() => configFromEnvironment({ FRAME_ANCESTORS: 'https://a.example.org;script-src *' })).toThrow(
      /FRAME_ANCESTORS/,
    )
  })
})
