import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../storage/memoryStorage.ts'
import { adoptTokenFromAddress, sessionTokens, type AddressBar } from './sessionTokens.ts'

const id = 'AbCdEfGhIjKlMnOpQrStUv'
const token = 'tok_en-1234567890abcdef'

function addressBar(hash: string): AddressBar & { replaced: string[] } {
  const replaced: string[] = []
  return { pathname: `/s/${id}`, search: '', hash, replace: (url) => replaced.push(url), replaced }
}

describe('session tokens', () => {
  it('are kept per session, and survive a new page (a reload) through storage', () => {
    const storage = memoryStorage()
    sessionTokens(storage).remember(id, token)
    const afterReload = sessionTokens(storage)
    expect(afterReload.tokenFor(id)).toBe(token)
    expect(afterReload.tokenFor('ZZZZZZZZZZZZZZZZZZZZZZ')).toBeNull()
    afterReload.forget(id)
    expect(sessionTokens(storage).tokenFor(id)).toBeNull()
  })

  it('still work for this visit when storage is blocked', () => {
    const tokens = sessionTokens(null)
    tokens.remember(id, token)
    expect(tokens.tokenFor(id)).toBe(token)
  })

  it('ignore a stored value that is not a token', () => {
    const storage = memoryStorage()
    storage.setItem(`werkplaats.session.v1.${id}`, JSON.stringify({ token: '<script>' }))
    expect(sessionTokens(storage).tokenFor(id)).toBeNull()
  })
})

describe('a token in the address', () => {
  it('moves into storage and the fragment is cleared at once', () => {
    const tokens = sessionTokens(memoryStorage())
    const address = addressBar(`#t=${token}`)
    expect(adoptTokenFromAddress(id, address, tokens)).toBe(token)
    expect(address.replaced).toEqual([`/s/${id}`])
    expect(tokens.tokenFor(id)).toBe(token)
  })

  it('replaces the token stored before (an observer link opened where one was a participant)', () => {
    const tokens = sessionTokens(memoryStorage())
    tokens.remember(id, 'old_token_0123456789')
    expect(adoptTokenFromAddress(id, addressBar(`#t=${token}`), tokens)).toBe(token)
  })

  it('without a fragment, the stored token is used and the address is left alone', () => {
    const tokens = sessionTokens(memoryStorage())
    tokens.remember(id, token)
    const address = addressBar('')
    expect(adoptTokenFromAddress(id, address, tokens)).toBe(token)
    expect(address.replaced).toEqual([])
  })

  it('a fragment without a plausible token is cleared and changes nothing', () => {
    const tokens = sessionTokens(memoryStorage())
    const address = addressBar('#t=<script>')
    expect(adoptTokenFromAddress(id, address, tokens)).toBeNull()
    expect(address.replaced).toEqual([`/s/${id}`])
  })
})
