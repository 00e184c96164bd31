import type { SessionView } from '@werkplaats/shared'
import { useEffect, useMemo, useState } from 'react'
import { BoardPage } from '../room/BoardPage.tsx'
import { forgetSessionOnDevice, offlineViews } from '../offline/sessionOnDevice.ts'
import { ProblemPage } from '../ui/ProblemPage.tsx'
import type { LocalUser } from '../user/localUser.ts'
import type { RecentSessions } from '../session/recentSessions.ts'
import { ApiError, fetchSession } from '../api/apiClient.ts'
import { exchangeLink, type LinkExchange } from './linkExchange.ts'
import { SessionJoinForm } from './SessionJoinForm.tsx'
import type { SessionTokens } from '../session/sessionTokens.ts'
import { useMessages } from '../i18n/useMessages.tsx'

type ViewState =
  | { kind: 'loading' }
  | { kind: 'ready'; view: SessionView }
  | { kind: 'problem'; problem: 'unauthorized' | 'forbidden' | 'not-found' | 'unreachable' }

/**
 * `/s/<id>`: with a token (from an earlier visit, or exchanged for a handover's or the observers' link's secret)
 * the session opens in the token's role; without one, the join form makes this browser a participant, with the
 * invitation of the participants' link (or the code, typed).
 */
export function SessionPage({
  sessionId,
  initialToken,
  initialInvite,
  initialExchange = null,
  user,
  tokens,
  recent,
}: {
  sessionId: string
  initialToken: string | null
  initialInvite: string | null
  initialExchange?: LinkExchange | null
  user: LocalUser
  tokens: SessionTokens
  recent: RecentSessions
}) {
  const messages = useMessages().app
  // A browser that holds a token for the session already keeps it rather than watch: the facilitator who opens the
  // observers' link to try it must not lose their role on this device. A handover is always exchanged.
  const [exchangeAsked] = useState(() =>
    initialExchange?.kind === 'observer' && initialToken !== null ? null : initialExchange,
  )
  const [token, setToken] = useState(exchangeAsked ? null : initialToken)
  const [attempt, setAttempt] = useState(0)
  /** The join form learnt that the session does not exist. */
  const [missing, setMissing] = useState(false)
  const [exchangeAttempt, setExchangeAttempt] = useState(0)
  const exchanged = useLinkExchange(sessionId, exchangeAsked, exchangeAttempt, (token) => {
    tokens.remember(sessionId, token)
    setToken(token)
  })
  const exchange = exchanged.state
  const gone = missing || exchange === 'missing'
  const fetched = useSessionView(sessionId, token, attempt)
  const state: ViewState = useMemo(() => (gone ? { kind: 'problem', problem: 'not-found' } : fetched), [gone, fetched])

  useEffect(() => {
    if (state.kind === 'ready' && state.view.role === 'facilitator' && recent.find(sessionId)) {
      recent.rename(sessionId, state.view.title)
    }
    if (state.kind === 'problem' && state.problem === 'not-found') {
      tokens.forget(sessionId)
      recent.remove(sessionId)
      void forgetSessionOnDevice(sessionId)
    }
  }, [state, sessionId, recent, tokens])

  if (exchange === 'busy') {
    return (
      <div className="wp-message" aria-busy="true">
        <p>{messages.linkExchanging}</p>
      </div>
    )
  }
  if (exchange === 'refused' && exchangeAsked) {
    const handover = exchangeAsked.kind === 'handover'
    return (
      <ProblemPage
        title={handover ? messages.handoverRefusedTitle : messages.observerRefusedTitle}
        body={handover ? messages.handoverRefusedBody : messages.observerRefusedBody}
        startLabel={messages.toStart}
      />
    )
  }
  if (exchange === 'limited' || exchange === 'full') {
    return (
      <ProblemPage
        title={exchange === 'full' ? messages.observerScreensFullTitle : messages.linkExchangeLimitedTitle}
        body={
          exchange === 'full' ? messages.observerScreensFullBody : messages.tooManyAttempts(exchanged.retryAfterSeconds)
        }
        startLabel={messages.toStart}
      >
        <button type="button" onClick={() => setExchangeAttempt((n) => n + 1)}>
          {messages.retry}
        </button>
      </ProblemPage>
    )
  }
  if (exchange === 'unreachable') {
    return <ProblemPage title={messages.unreachableTitle} body={messages.unreachable} startLabel={messages.toStart} />
  }
  if (token === null && !gone) {
    return (
      <SessionJoinForm
        sessionId={sessionId}
        invite={initialInvite}
        initialName={user.preferences.get().name ?? ''}
        onJoined={(joinedToken, name) => {
          tokens.remember(sessionId, joinedToken)
          user.setName(name)
          setToken(joinedToken)
        }}
        onSessionMissing={() => setMissing(true)}
      />
    )
  }
  const forgotten = () => {
    tokens.forget(sessionId)
    recent.remove(sessionId)
  }
  // Without a network, the session as this device last saw it opens the board kept here (see `offline/`).
  const offlineView =
    state.kind === 'problem' && state.problem === 'unreachable' ? offlineViews.recall(sessionId) : null
  const view = state.kind === 'ready' ? state.view : offlineView
  if (state.kind === 'ready' || view)
    return token && view ? (
      <BoardPage view={view} token={token} user={user} recent={recent} onForgotten={forgotten} />
    ) : null
  if (state.kind === 'loading') {
    return (
      <div className="wp-message" aria-busy="true">
        <p>{messages.loadingSession}</p>
      </div>
    )
  }
  const joinAgain = () => {
    tokens.forget(sessionId)
    setToken(null)
  }
  switch (state.problem) {
    case 'unauthorized':
      return (
        <ProblemPage title={messages.unauthorizedTitle} body={messages.unauthorizedBody} startLabel={messages.toStart}>
          <button type="button" onClick={joinAgain}>
            {messages.sessionJoinTitle}
          </button>
        </ProblemPage>
      )
    case 'forbidden':
      return <ProblemPage title={messages.forbiddenTitle} body={messages.forbiddenBody} startLabel={messages.toStart} />
    case 'not-found':
      return (
        <ProblemPage
          title={messages.sessionNotFoundTitle}
          body={messages.sessionNotFoundBody}
          startLabel={messages.toStart}
        />
      )
    case 'unreachable':
      return (
        <ProblemPage title={messages.unreachableTitle} body={messages.unreachable} startLabel={messages.toStart}>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {messages.retry}
          </button>
        </ProblemPage>
      )
  }
}

/**
 * Exchanges a handover's or the observers' link's secret once, handing the token to `onToken`. 'refused' when the
 * link is used, expired or replaced (403), 'missing' when the session is gone (the page says so as for any token).
 */
type ExchangeState = 'none' | 'busy' | 'done' | 'refused' | 'missing' | 'limited' | 'full' | 'unreachable'

/**
 * Exchanges the link's secret once per `attempt`. Besides a refusal, the server can say "not now": too many
 * attempts from this address (429, with how long to wait) or, for the observers' link, a session that has as many
 * screens as it admits (409). Both leave the secret usable, so the page offers to try again.
 */
function useLinkExchange(
  sessionId: string,
  exchange: LinkExchange | null,
  attempt: number,
  onToken: (token: string) => void,
): { state: ExchangeState; retryAfterSeconds: number | null } {
  const [outcome, setOutcome] = useState<{ state: ExchangeState; retryAfterSeconds: number | null }>({
    state: exchange ? 'busy' : 'none',
    retryAfterSeconds: null,
  })
  const [handOver] = useState(() => onToken)
  useEffect(() => {
    if (!exchange) return
    let current = true
    setOutcome({ state: 'busy', retryAfterSeconds: null })
    exchangeLink(sessionId, exchange).then(
      (token) => {
        if (!current) return
        handOver(token)
        setOutcome({ state: 'done', retryAfterSeconds: null })
      },
      (error: unknown) => {
        if (!current) return
        const status = error instanceof ApiError ? error.status : 0
        const retryAfterSeconds = error instanceof ApiError ? error.retryAfterSeconds : null
        setOutcome({ state: exchangeStateOf(status), retryAfterSeconds })
      },
    )
    return () => {
      current = false
    }
  }, [sessionId, exchange, attempt, handOver])
  return outcome
}

function exchangeStateOf(status: number): ExchangeState {
  if (status === 403 || status === 400) return 'refused'
  if (status === 404) return 'missing'
  if (status === 429) return 'limited'
  if (status === 409) return 'full'
  return 'unreachable'
}

function useSessionView(sessionId: string, token: string | null, attempt: number): ViewState {
  const [state, setState] = useState<ViewState>({ kind: 'loading' })
  useEffect(() => {
    if (token === null) return
    setState({ kind: 'loading' })
    const abort = new AbortController()
    fetchSession(sessionId, token, abort.signal).then(
      (view) => setState({ kind: 'ready', view }),
      (error: unknown) => {
        if (abort.signal.aborted) return
        setState({ kind: 'problem', problem: problemOf(error) })
      },
    )
    return () => abort.abort()
  }, [sessionId, token, attempt])
  return state
}

function problemOf(error: unknown): 'unauthorized' | 'forbidden' | 'not-found' | 'unreachable' {
  if (!(error instanceof ApiError)) return 'unreachable'
  if (error.status === 401) return 'unauthorized'
  if (error.status === 403) return 'forbidden'
  if (error.status === 404) return 'not-found'
  return 'unreachable'
}
