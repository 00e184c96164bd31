import { useValue } from 'tldraw'
import { BoardPage } from './board/BoardPage.tsx'
import { messagesFor } from './i18n/messages.ts'
import type { Route } from './routing/route.ts'
import type { LocalUser } from './user/localUser.ts'

/** `route` is never 'new' here: main.tsx has already turned `/` into a fresh board's address. */
export function App({ route, user }: { route: Exclude<Route, { kind: 'new' }>; user: LocalUser }) {
  const locale = useValue('locale', () => user.preferences.get().locale, [user])
  if (route.kind === 'board') return <BoardPage room={route.room} user={user} />
  const messages = messagesFor(locale)
  return (
    <main className="wp-message">
      <h1>{messages.invalidRoomTitle}</h1>
      <p>{messages.invalidRoomBody}</p>
      <a href="/">{messages.newBoard}</a>
    </main>
  )
}
