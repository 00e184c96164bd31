import { describe, expect, it } from 'vitest'
import { cacheName, cacheRoute, precacheList, staleCaches } from './cacheRules.ts'

const origin = 'https://werkplaats.example'
const precached = new Set(['/index.html', '/assets/index-abc123.js', '/assets/nl-9f8e.json'])
const get = (path: string, mode = 'no-cors') => ({ url: origin + path, method: 'GET', mode })

describe('what the service worker answers from its cache', () => {
  it('answers navigations network first with the shell as fallback, whatever the app path', () => {
    expect(cacheRoute(get('/s/abc', 'navigate'), origin, precached)).toBe('app-shell')
    expect(cacheRoute(get('/', 'navigate'), origin, precached)).toBe('app-shell')
  })

  it('answers the build’s files from the cache, and nothing else', () => {
    expect(cacheRoute(get('/assets/index-abc123.js'), origin, precached)).toBe('precached')
    expect(cacheRoute(get('/assets/other-000.js'), origin, precached)).toBe('network')
  })

  it('never touches the API, the rooms, other methods or another host', () => {
    expect(cacheRoute(get('/api/sessions/x', 'navigate'), origin, precached)).toBe('network')
    expect(cacheRoute(get('/yjs/room'), origin, precached)).toBe('network')
    expect(cacheRoute(get('/healthz'), origin, precached)).toBe('network')
    expect(cacheRoute({ ...get('/assets/index-abc123.js'), method: 'POST' }, origin, precached)).toBe('network')
    expect(
      cacheRoute({ url: 'https://cdn.example/assets/index-abc123.js', method: 'GET', mode: 'cors' }, origin, precached),
    ).toBe('network')
  })
})

describe('what the build precaches', () => {
  it('every emitted file from the root, without source maps or the worker itself', () => {
    expect(precacheList(['index.html', 'assets/a.js', 'assets/a.js.map', 'sw.js', 'favicon.svg'], 'sw.js')).toEqual([
      '/assets/a.js',
      '/favicon.svg',
      '/index.html',
    ])
  })

  it('drops only earlier builds’ caches of this app', () => {
    const current = cacheName('new')
    expect(staleCaches([cacheName('old'), current, 'someone-else'], current)).toEqual([cacheName('old')])
  })
})
