import { atom, createTLCurrentUser, type Atom, type TLCurrentUser, type TLUserPreferences } from 'tldraw'
import { DEFAULT_LOCALE } from '../i18n/locale.ts'
import { randomId } from '../ids.ts'
import { isRecord, readJson, safeLocalStorage, writeJson } from '../storage/localStore.ts'

/**
 * The person at this browser: id, last used display name, colour, language and tldraw's other preferences.
 * We own them (instead of tldraw's own localStorage entry) so that the colour of the cursor others see, the
 * Dutch default and the name offered in the next join form all come from one place. The name others see in a
 * session is not this one: it is the name the server holds for this browser's token in that session.
 */
const STORAGE_KEY = 'werkplaats.user.v1'

export const MAX_NAME_LENGTH = 64

/** Saturated colours that read well as cursor and name tag on a white canvas. */
const USER_COLORS = [
  '#E03131',
  '#D6336C',
  '#AE3EC9',
  '#7048E8',
  '#4263EB',
  '#1971C2',
  '#0C8599',
  '#099268',
  '#2F9E44',
  '#E8590C',
] as const

export interface LocalUser {
  readonly preferences: Atom<TLUserPreferences>
  /** Handed to `<Tldraw user>`: tldraw's menus (language, dark mode, …) write back through it. */
  readonly tldrawUser: TLCurrentUser
  /** Remembered to fill in the next join form. */
  setName(name: string): void
  setLocale(locale: string): void
}

export function createLocalUser(storage: Storage | null = safeLocalStorage()): LocalUser {
  const preferences = atom<TLUserPreferences>('werkplaats user', load(storage))
  const setPreferences = (next: TLUserPreferences) => {
    preferences.set(next)
    save(storage, next)
  }
  return {
    preferences,
    tldrawUser: createTLCurrentUser({ userPreferences: preferences, setUserPreferences: setPreferences }),
    setName(name) {
      setPreferences({ ...preferences.get(), name: cleanName(name) })
    },
    setLocale(locale) {
      setPreferences({ ...preferences.get(), locale })
    },
  }
}

export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH)
}

function load(storage: Storage | null): TLUserPreferences {
  const fresh: TLUserPreferences = {
    id: randomId(),
    name: null,
    color: USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? USER_COLORS[0],
    locale: DEFAULT_LOCALE,
  }
  const stored = readJson(storage, STORAGE_KEY)
  if (!isRecord(stored)) return fresh
  // Stored values came from an earlier version or a hand-edited entry: keep only what still fits.
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined)
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)
  const id = text(stored.id)
  const color = text(stored.color)
  const name = text(stored.name)
  const colorScheme = stored.colorScheme
  const inputMode = stored.inputMode
  return {
    id: id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : fresh.id,
    name: name ? cleanName(name) || null : null,
    color: color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : fresh.color,
    locale: text(stored.locale) ?? fresh.locale,
    animationSpeed: num(stored.animationSpeed),
    edgeScrollSpeed: num(stored.edgeScrollSpeed),
    areKeyboardShortcutsEnabled: flag(stored.areKeyboardShortcutsEnabled),
    colorScheme:
      colorScheme === 'dark' || colorScheme === 'light' || colorScheme === 'system' ? colorScheme : undefined,
    isSnapMode: flag(stored.isSnapMode),
    isWrapMode: flag(stored.isWrapMode),
    isDynamicSizeMode: flag(stored.isDynamicSizeMode),
    isPasteAtCursorMode: flag(stored.isPasteAtCursorMode),
    enhancedA11yMode: flag(stored.enhancedA11yMode),
    inputMode: inputMode === 'mouse' || inputMode === 'trackpad' ? inputMode : null,
    isZoomDirectionInverted: flag(stored.isZoomDirectionInverted),
  }
}

function save(storage: Storage | null, preferences: TLUserPreferences): void {
  // When storage is full or blocked the preferences still hold for this visit.
  writeJson(storage, STORAGE_KEY, preferences)
}
