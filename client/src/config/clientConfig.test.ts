import { describe, expect, it } from 'vitest'
import { isLocalHost } from './clientConfig.ts'

describe('a host where tldraw runs unlicensed', () => {
  it('is localhost, a .localhost name and the loopback addresses', () => {
    for (const host of ['localhost', 'LOCALHOST', 'werkplaats.localhost', '127.0.0.1', '127.10.0.254', '::1', '[::1]'])
      expect(isLocalHost(host), host).toBe(true)
  })

  it('is no other host, however close its name', () => {
    for (const host of [
      'werkplaats.example.org',
      'localhost.example.org',
      'mylocalhost',
      '192.168.1.20',
      '10.0.0.1',
      '127.0.0.1.nip.io',
      '128.0.0.1',
      '::2',
      '',
    ])
      expect(isLocalHost(host), host).toBe(false)
  })
})
