import './schemasWithoutEval.ts'
import 'tldraw/tldraw.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { parseRoute } from './routing/route.ts'
import { recentSessions } from './session/recentSessions.ts'
import { adoptTokenFromAddress, browserAddressBar, sessionTokens } from './session/sessionTokens.ts'
import { safeLocalStorage } from './storage/localStore.ts'
import { createLocalUser } from './user/localUser.ts'

const storage = safeLocalStorage()
const tokens = sessionTokens(storage)
const route = parseRoute(window.location.pathname)
// Before anything renders: a `#t=` token leaves the address bar at once, into storage.
const initialToken = route.kind === 'session' ? adoptTokenFromAddress(route.sessionId, browserAddressBar(), tokens) : null

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
createRoot(rootElement).render(
  <StrictMode>
    <App
      route={route}
      initialToken={initialToken}
      user={createLocalUser(storage)}
      tokens={tokens}
      recent={recentSessions(storage)}
    />
  </StrictMode>,
)
