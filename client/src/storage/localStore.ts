/**
 * The browser's localStorage, read and written so that a blocked or full storage never breaks the page:
 * privacy settings can make merely touching `window.localStorage` throw, and a write can fail when it is full.
 * What is read back came from an earlier version or a hand-edited entry, so callers validate it.
 */
export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function readJson(storage: Storage | null, key: string): unknown {
  try {
    const text = storage?.getItem(key)
    return text ? (JSON.parse(text) as unknown) : null
  } catch {
    return null
  }
}

/** Returns false when the value could not be kept (it then holds for this visit only, in the caller's memory). */
export function writeJson(storage: Storage | null, key: string, value: unknown): boolean {
  try {
    storage?.setItem(key, JSON.stringify(value))
    return storage !== null
  } catch {
    return false
  }
}

export function removeKey(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key)
  } catch {
    // Nothing to do: a storage that cannot be written cannot hold the key either.
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
