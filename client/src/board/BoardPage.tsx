import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useState } from 'react'
import { Tldraw, useValue } from 'tldraw'
import { fetchClientConfig, isLocalHost, type ClientConfig } from '../config/clientConfig.ts'
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx'
import { messagesFor } from '../i18n/messages.ts'
import { LicenceNotice } from '../licence/LicenceNotice.tsx'
import { hasName, type LocalUser } from '../user/localUser.ts'
import { NamePrompt } from '../user/NamePrompt.tsx'
import { BoardSession } from './boardSession.ts'

// Fonts, icons and translations come from our own build (Vite emits them under /assets), never from a CDN:
// workshops run on networks that block, or should not be told about, third-party hosts.
const assetUrls = getAssetUrlsByImport()

export function BoardPage({ room, user }: { room: string; user: LocalUser }) {
  const preferences = useValue('user preferences', () => user.preferences.get(), [user])
  const messages = messagesFor(preferences.locale)
  const session = useBoardSession(room, user, messages.pageName)
  const config = useClientConfig()
  const phase = useValue('board phase', () => session?.phase.get() ?? { kind: 'loading' as const }, [session])
  const connection = useValue('connection', () => session?.connectionState.get() ?? 'connecting', [session])

  useEffect(() => {
    document.documentElement.lang = preferences.locale ?? 'nl'
  }, [preferences.locale])

  return (
    <div className="wp-board">
      {phase.kind === 'ready' && config ? (
        <Tldraw
          store={phase.store}
          user={user.tldrawUser}
          assetUrls={assetUrls}
          licenseKey={config.licenseKey ?? undefined}
          autoFocus
        />
      ) : phase.kind === 'failed' ? (
        <div className="wp-message" role="alert">
          <p>{phase.reason === 'too-new' ? messages.boardTooNew : messages.boardUnreadable}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {messages.reload}
          </button>
        </div>
      ) : (
        <div className="wp-message" aria-busy="true">
          <p>{messages.loadingBoard}</p>
        </div>
      )}
      <ConnectionStatus state={connection} messages={messages} />
      {config && config.licenseKey === null && !isLocalHost(window.location.hostname) ? (
        <LicenceNotice messages={messages} />
      ) : null}
      {hasName(preferences) ? null : <NamePrompt messages={messages} onSubmit={(name) => user.setName(name)} />}
    </div>
  )
}

function useBoardSession(room: string, user: LocalUser, firstPageName: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    const created = new BoardSession({ room, preferences: user.preferences, firstPageName })
    setSession(created)
    return () => created.dispose()
    // The first page's name is only used when the board is created; a language switch must not reconnect.
  }, [room, user])
  return session
}

function useClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    void fetchClientConfig(abort.signal).then((result) => {
      if (!abort.signal.aborted) setConfig(result)
    })
    return () => abort.abort()
  }, [])
  return config
}
