import { createContext, type ReactNode, useContext } from 'react'
import { messagesFor } from './messages.ts'
import type { Messages } from './nl.ts'

// Dutch outside any provider, as everywhere else where no language was chosen.
const MessagesContext = createContext<Messages>(messagesFor(null))

/** Gives everything below it the texts of `locale`; the app sets it once, from the user's preference. */
export function MessagesProvider({ locale, children }: { locale: string | null | undefined; children: ReactNode }) {
  return <MessagesContext.Provider value={messagesFor(locale)}>{children}</MessagesContext.Provider>
}

/** The texts in the user's language; a component takes its feature's section (`useMessages().voting`). */
export function useMessages(): Messages {
  return useContext(MessagesContext)
}
