import 'tldraw/tldraw.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { boardPath, newRoomId, parseRoute, type Route } from './routing/route.ts'
import { createLocalUser } from './user/localUser.ts'

/** `/` opens a brand-new board: pick its id and put it in the address bar, so it can be shared right away. */
function initialRoute(): Exclude<Route, { kind: 'new' }> {
  const route = parseRoute(window.location.pathname)
  if (route.kind !== 'new') return route
  const room = newRoomId()
  window.history.replaceState(null, '', boardPath(room))
  return { kind: 'board', room }
}

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
createRoot(rootElement).render(
  <StrictMode>
    <App route={initialRoute()} user={createLocalUser()} />
  </StrictMode>,
)
