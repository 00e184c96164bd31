import { describe, expect, it } from 'vitest'
import { AddressLimiter, limitKey } from './addressLimiter.ts'

describe('per-address limits', () => {
  it('count an IPv6 /64 as one address, IPv4 as itself', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7')
    expect(limitKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(limitKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(limitKey('2001:0db8:0001:0002::1'))
    expect(limitKey('2001:db8:1:2::1')).not.toBe(limitKey('2001:db8:1:3::1'))
    expect(limitKey('::1')).toBe('0:0:0:0::/64')
  })

  it('use an attempt per take, give it back on refund, and refuse when none is left', () => {
    const limiter = new AddressLimiter(1, 2)
    limiter.take('a', 'tries')
    limiter.take('a', 'tries')
    expect(() => limiter.take('a', 'tries')).toThrow(/too many tries/)
    limiter.refund('a')
    limiter.take('a', 'tries')
    // Another address has its own attempts, a neighbour in the same /64 does not.
    limiter.take('2001:db8::1', 'tries')
    limiter.take('2001:db8::2', 'tries')
    expect(() => limiter.take('2001:db8::3', 'tries')).toThrow(/too many/)
    limiter.stop()
  })
})

describe('the address behind a proxy', () => {
  it('is the last X-Forwarded-For entry only when the proxy is trusted', async () => {
    const { clientAddress } = await import('./rateLimits.ts')
    expect(clientAddress('10.0.0.2', '198.51.100.9, 203.0.113.7', true)).toBe('203.0.113.7')
    expect(clientAddress('10.0.0.2', '203.0.113.7', false)).toBe('10.0.0.2')
    expect(clientAddress('10.0.0.2', undefined, true)).toBe('10.0.0.2')
  })
})
