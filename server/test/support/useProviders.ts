import { afterAll } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider } from './clients.ts'

/**
 * `connectProvider` for a describe: every provider it opens is destroyed after the describe's tests, so a test
 * that fails halfway leaves no client reconnecting behind it.
 */
export function useProviders(): (...args: Parameters<typeof connectProvider>) => WebsocketProvider {
  const providers: WebsocketProvider[] = []
  afterAll(() => {
    for (const provider of providers.splice(0)) provider.destroy()
  })
  return (...args) => {
    const provider = connectProvider(...args)
    providers.push(provider)
    return provider
  }
}
