import { describe, expect, it } from 'vitest'
import { clientConfigSchema } from './clientConfig.ts'

describe('the client configuration', () => {
  it('carries a licence key or null, and nothing else passes for one', () => {
    expect(clientConfigSchema.parse({ licenseKey: 'key' })).toEqual({ licenseKey: 'key' })
    expect(clientConfigSchema.parse({ licenseKey: null })).toEqual({ licenseKey: null })
    expect(clientConfigSchema.safeParse({}).success).toBe(false)
    expect(clientConfigSchema.safeParse({ licenseKey: 42 }).success).toBe(false)
  })
})
