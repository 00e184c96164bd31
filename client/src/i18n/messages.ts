import { en } from './en.ts'
import { resolveLocale } from './locale.ts'
import { type Messages, nl } from './nl.ts'

export type {
  AppMessages,
  FacilitationMessages,
  Messages,
  PrivacyMessages,
  TemplateLayerMessages,
  VotingMessages,
} from './nl.ts'

const catalogues: Record<ReturnType<typeof resolveLocale>, Messages> = { nl, en }

/** Our texts for a tldraw locale (see `resolveLocale`). */
export function messagesFor(locale: string | null | undefined): Messages {
  return catalogues[resolveLocale(locale)]
}
