import { describe, expect, it } from 'vitest'
import { clientConfigSchema } from './clientConfig.ts'

describe('the client configuration', () => {
  it('carries a licence key or null, and nothing else passes for one', () => {
    const privacy = { retentionDays: 90, privacyContact: null }
    expect(clientConfigSchema.parse({ licenseKey: 'key', ...privacy })).toEqual({ licenseKey: 'key', ...privacy })
    expect(clientConfigSchema.parse({ licenseKey: null, ...privacy })).toEqual({ licenseKey: null, ...privacy })
    expect(clientConfigSchema.safeParse({}).success).toBe(false)
    expect(clientConfigSchema.safeParse({ licenseKey: 42, ...privacy }).success).toBe(false)
    expect(clientConfigSchema.safeParse({ licenseKey: null, retentionDays: 0, privacyContact: null }).success).toBe(
      false,
    )
  })
})
