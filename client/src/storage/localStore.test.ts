import { describe, expect, it, vi } from 'vitest'
import { isRecord, readJson, removeKey, safeLocalStorage, writeJson } from './localStore.ts'
import { memoryStorage } from './memoryStorage.ts'

/** A storage as privacy settings or a full disk leave it: every call throws. */
function blockedStorage(): Storage {
  const refuse = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  }
  return { length: 0, clear: refuse, getItem: refuse, key: refuse, removeItem: refuse, setItem: refuse }
}

describe('localStorage that never breaks the page', () => {
  it('is null when merely touching window.localStorage throws, or there is no window', () => {
    expect(safeLocalStorage()).toBeNull()
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    })
    try {
      expect(safeLocalStorage()).toBeNull()
    } finally {
      vi.unstubAllGlobals()
    }
    const storage = memoryStorage()
    vi.stubGlobal('window', { localStorage: storage })
    try {
      expect(safeLocalStorage()).toBe(storage)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('writes JSON and reads it back', () => {
    const storage = memoryStorage()
    expect(writeJson(storage, 'k', { a: [1, 'twee'] })).toBe(true)
    expect(storage.getItem('k')).toBe('{"a":[1,"twee"]}')
    expect(readJson(storage, 'k')).toEqual({ a: [1, 'twee'] })
    removeKey(storage, 'k')
    expect(readJson(storage, 'k')).toBeNull()
  })

  it('reads a hand-edited or truncated entry as nothing, not as an exception', () => {
    const storage = memoryStorage()
    storage.setItem('broken', '{"a":')
    storage.setItem('empty', '')
    expect(readJson(storage, 'broken')).toBeNull()
    expect(readJson(storage, 'empty')).toBeNull()
    expect(readJson(storage, 'missing')).toBeNull()
  })

  it('says a value was not kept when storage is missing, blocked or full, and never throws', () => {
    const blocked = blockedStorage()
    expect(writeJson(null, 'k', 1)).toBe(false)
    expect(writeJson(blocked, 'k', 1)).toBe(false)
    expect(readJson(blocked, 'k')).toBeNull()
    expect(() => removeKey(blocked, 'k')).not.toThrow()
    expect(() => removeKey(null, 'k')).not.toThrow()
    const full = memoryStorage()
    full.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    }
    expect(writeJson(full, 'k', 'x'.repeat(100))).toBe(false)
  })

  it('does not write what JSON cannot hold', () => {
    const storage = memoryStorage()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(writeJson(storage, 'k', cyclic)).toBe(false)
    expect(storage.length).toBe(0)
  })
})

describe('a record read back', () => {
  it('is a plain object, not null, an array or a primitive', () => {
    expect(isRecord({})).toBe(true)
    expect(isRecord({ a: 1 })).toBe(true)
    expect([null, [], [1], 'x', 1, true, undefined].map(isRecord)).toEqual(Array(7).fill(false))
  })
})

describe('the memory storage the tests use', () => {
  it('behaves as localStorage does: strings in, null for what is missing, keys by index', () => {
    const storage = memoryStorage()
    storage.setItem('a', '1')
    storage.setItem('b', String(2))
    expect(storage.length).toBe(2)
    expect(storage.key(0)).toBe('a')
    expect(storage.key(5)).toBeNull()
    expect(storage.getItem('c')).toBeNull()
    storage.removeItem('a')
    expect(storage.getItem('a')).toBeNull()
    storage.clear()
    expect(storage.length).toBe(0)
  })
})
