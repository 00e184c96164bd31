import { useEffect } from 'react'
import { useValue } from 'tldraw'
import { DEFAULT_LOCALE, resolveLocale } from './i18n/locale.ts'
import { MessagesProvider, useMessages } from './i18n/useMessages.tsx'
import { JoinPage } from './join/JoinPage.tsx'
import { PrivacyPage } from './privacy/PrivacyPage.tsx'
import type { LinkExchange } from './join/linkExchange.ts'
import type { Route } from './routing/route.ts'
import type { RecentSessions } from './session/recentSessions.ts'
import { SessionPage } from './join/SessionPage.tsx'
import type { SessionTokens } from './session/sessionTokens.ts'
import { StartPage } from './start/StartPage.tsx'
import { LanguageSwitch } from './ui/LanguageSwitch.tsx'
import { ProblemPage } from './ui/ProblemPage.tsx'
import type { LocalUser } from './user/localUser.ts'

export interface AppProps {
  route: Route
  /** For a session route: the token from the link's fragment (already moved to storage) or from storage. */
  initialToken: string | null
  /** For a session route: the invitation from a participants' link's fragment, if it had one. */
  initialInvite: string | null
  /** For a session route: a handover's or the observers' link's secret to exchange for a token, if it had one. */
  initialExchange: LinkExchange | null
  user: LocalUser
  tokens: SessionTokens
  recent: RecentSessions
}

export function App({ route, initialToken, initialInvite, initialExchange, user, tokens, recent }: AppProps) {
  const preferences = useValue('user preferences', () => user.preferences.get(), [user])
  const locale = preferences.locale ?? DEFAULT_LOCALE

  useEffect(() => {
    document.documentElement.lang = resolveLocale(locale)
  }, [locale])

  return (
    <MessagesProvider locale={locale}>
      <Page
        route={route}
        initialToken={initialToken}
        initialInvite={initialInvite}
        initialExchange={initialExchange}
        user={user}
        tokens={tokens}
        recent={recent}
        locale={locale}
        initialName={preferences.name ?? ''}
      />
    </MessagesProvider>
  )
}

function Page({
  route,
  initialToken,
  initialInvite,
  initialExchange,
  user,
  tokens,
  recent,
  locale,
  initialName,
}: AppProps & { locale: string; initialName: string }) {
  const messages = useMessages().app
  if (route.kind === 'session') {
    return (
      <SessionPage
        sessionId={route.sessionId}
        initialToken={initialToken}
        initialInvite={initialInvite}
        initialExchange={initialExchange}
        user={user}
        tokens={tokens}
        recent={recent}
      />
    )
  }
  const languageSwitch = <LanguageSwitch locale={locale} onChange={user.setLocale} />
  if (route.kind === 'start') {
    return (
      <>
        {languageSwitch}
        <StartPage
          locale={locale}
          tokens={tokens}
          recent={recent}
          initialName={initialName}
          onNameChosen={user.setName}
        />
      </>
    )
  }
  if (route.kind === 'join') {
    return (
      <>
        {languageSwitch}
        <JoinPage
          tokens={tokens}
          initialCode={new URLSearchParams(window.location.search).get('code') ?? ''}
          initialName={initialName}
          onNameChosen={user.setName}
        />
      </>
    )
  }
  if (route.kind === 'privacy') {
    return (
      <>
        {languageSwitch}
        <PrivacyPage />
      </>
    )
  }
  return (
    <>
      {languageSwitch}
      <ProblemPage title={messages.notFoundTitle} body={messages.notFoundBody} startLabel={messages.toStart} />
    </>
  )
}
