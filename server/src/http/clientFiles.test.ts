import { describe, expect, it } from 'vitest'
import { cacheControlFor, clientRequestKind } from './clientFiles.ts'

describe('what a request for the client asks for', () => {
  it('knows content-hashed assets, which alone may be kept for good', () => {
    for (const path of [
      '/assets/index-CV1ekm40.js',
      '/assets/0_merged-B4vR05nz.svg',
      '/assets/IBMPlexSans-Bold-CDYgCOW4.woff2',
    ]) {
      expect(clientRequestKind(path), path).toBe('hashed-asset')
      expect(cacheControlFor(clientRequestKind(path))).toContain('immutable')
    }
  })

  it('treats files without a hash as files that must be checked again', () => {
    for (const path of ['/favicon.svg', '/assets/main.js', '/assets/does-not-exist.js', '/sw.js', '/assets/']) {
      expect(clientRequestKind(path), path).toBe('file')
      expect(cacheControlFor(clientRequestKind(path))).toBe('no-cache')
    }
  })

  it('answers app routes with the page', () => {
    for (const path of ['/', '/join', '/s/abcdefghijklmnopqrstuv', '/privacy']) {
      expect(clientRequestKind(path), path).toBe('page')
    }
  })
})
