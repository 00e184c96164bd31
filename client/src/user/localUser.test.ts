import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../storage/memoryStorage.ts'
import { cleanName, createLocalUser, MAX_NAME_LENGTH } from './localUser.ts'

const KEY = 'werkplaats.user.v1'

function storageHolding(value: unknown): Storage {
  const storage = memoryStorage()
  storage.setItem(KEY, typeof value === 'string' ? value : JSON.stringify(value))
  return storage
}

describe('the person at this browser', () => {
  it('starts fresh in Dutch, with an id, no name and a colour of the palette', () => {
    const user = createLocalUser(memoryStorage())
    const preferences = user.preferences.get()
    expect(preferences.locale).toBe('nl')
    expect(preferences.name).toBeNull()
    expect(preferences.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    expect(preferences.color).toMatch(/^#[0-9A-F]{6}$/)
  })

  it('is the same person after a reload: id, colour, name and language come back from storage', () => {
    const storage = memoryStorage()
    const first = createLocalUser(storage)
    first.setName('  Anna   de  Vries ')
    first.setLocale('en')
    const again = createLocalUser(storage).preferences.get()
    expect(again).toMatchObject({
      id: first.preferences.get().id,
      color: first.preferences.get().color,
      name: 'Anna de Vries',
      locale: 'en',
    })
  })

  it("writes tldraw's own preference changes through the same storage", () => {
    const storage = memoryStorage()
    const user = createLocalUser(storage)
    user.tldrawUser.setUserPreferences({ ...user.preferences.get(), colorScheme: 'dark', isSnapMode: true })
    expect(createLocalUser(storage).preferences.get()).toMatchObject({ colorScheme: 'dark', isSnapMode: true })
  })

  it('keeps only what still fits of a stored entry from an older version or a hand edit', () => {
    const stored = createLocalUser(
      storageHolding({
        id: '../../etc',
        name: `  ${'x'.repeat(200)}  `,
        color: 'red; background: url(https://elders.example)',
        locale: 42,
        animationSpeed: 'fast',
        edgeScrollSpeed: 2,
        colorScheme: 'sepia',
        inputMode: 'pen',
        isSnapMode: 'yes',
        isWrapMode: false,
      }),
    ).preferences.get()
    expect(stored.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    expect(stored.id).not.toBe('../../etc')
    expect(stored.name).toBe('x'.repeat(MAX_NAME_LENGTH))
    expect(stored.color).toMatch(/^#[0-9A-F]{6}$/)
    expect(stored.locale).toBe('nl')
    expect(stored.animationSpeed).toBeUndefined()
    expect(stored.edgeScrollSpeed).toBe(2)
    expect(stored.colorScheme).toBeUndefined()
    expect(stored.inputMode).toBeNull()
    expect(stored.isSnapMode).toBeUndefined()
    expect(stored.isWrapMode).toBe(false)
  })

  it('starts fresh from an entry that is not an object, and from a blank name', () => {
    for (const entry of ['not json', '[1,2]', 'null', '"text"']) {
      expect(createLocalUser(storageHolding(entry)).preferences.get().locale).toBe('nl')
    }
    expect(createLocalUser(storageHolding({ name: '   ' })).preferences.get().name).toBeNull()
    expect(createLocalUser(storageHolding({ color: '#00aa11', id: 'abc' })).preferences.get()).toMatchObject({
      color: '#00aa11',
      id: 'abc',
    })
  })

  it('still works for the visit when there is no storage at all', () => {
    const user = createLocalUser(null)
    user.setName('Bram')
    expect(user.preferences.get().name).toBe('Bram')
  })
})

describe('a display name', () => {
  it('loses the white space around it and inside runs, and is cut at the maximum length', () => {
    expect(cleanName('  Anna \t\n de   Vries  ')).toBe('Anna de Vries')
    expect(cleanName('')).toBe('')
    expect(cleanName('y'.repeat(MAX_NAME_LENGTH + 10))).toHaveLength(MAX_NAME_LENGTH)
  })
})
