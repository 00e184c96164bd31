import { describe, expect, it } from 'vitest'
import { acceptsGzip } from './contentEncoding.ts'

describe("a request's Accept-Encoding", () => {
  it("takes gzip when browsers' and fetch's headers name it", () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true)
    expect(acceptsGzip('gzip, deflate')).toBe(true)
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('X-GZIP')).toBe(true)
  })

  it('does not when gzip is refused, not named, or nothing is said', () => {
    expect(acceptsGzip(undefined)).toBe(false)
    expect(acceptsGzip('')).toBe(false)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip('br')).toBe(false)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('*;q=0.5, gzip;q=0')).toBe(false)
    expect(acceptsGzip('gzip;q=nonsense')).toBe(false)
  })

  it('reads a hostile header in linear time', () => {
    expect(acceptsGzip(`${'a,'.repeat(500_000)}gzip`)).toBe(false)
    expect(acceptsGzip(';'.repeat(1_000_000))).toBe(false)
  })
})
