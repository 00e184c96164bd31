import './schemasWithoutEval.ts'
import 'tldraw/tldraw.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { inviteFromFragment, tokenFromFragment } from '@werkplaats/shared'
import { linkExchangeFromFragment } from './join/linkExchange.ts'
import { registerServiceWorker } from './offline/registerServiceWorker.ts'
import { parseRoute } from './routing/route.ts'
import { recentSessions } from './session/recentSessions.ts'
import { adoptTokenFromAddress, browserAddressBar, sessionTokens } from './session/sessionTokens.ts'
import { safeLocalStorage } from './storage/localStore.ts'
import { createLocalUser } from './user/localUser.ts'

const storage = safeLocalStorage()
const tokens = sessionTokens(storage)
const route = parseRoute(window.location.pathname)
// Before anything renders: a participants' link's `#i=` invitation is kept in memory for the join form, a handover's
// `#h=` or the observers' `#w=` secret for its exchange, and the fragment (with it a `#t=` token of an old link,
// which moves into storage) leaves the address bar at once.
const initialInvite = route.kind === 'session' ? inviteFromFragment(window.location.hash) : null
const initialExchange = route.kind === 'session' ? linkExchangeFromFragment(window.location.hash) : null
const initialToken =
  route.kind === 'session' ? adoptTokenFromAddress(route.sessionId, browserAddressBar(), tokens) : null
// A link of the same session opened in this tab changes only the fragment, which loads nothing: start afresh so
// its invitation or token is read like the first one.
window.addEventListener('hashchange', () => {
  const hash = window.location.hash
  if (inviteFromFragment(hash) || linkExchangeFromFragment(hash) || tokenFromFragment(hash)) window.location.reload()
})

registerServiceWorker()

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
createRoot(rootElement).render(
  <StrictMode>
    <App
      route={route}
      initialToken={initialToken}
      initialInvite={initialInvite}
      initialExchange={initialExchange}
      user={createLocalUser(storage)}
      tokens={tokens}
      recent={recentSessions(storage)}
    />
  </StrictMode>,
)
