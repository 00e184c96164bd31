import { BLANK_TEMPLATE_ID, sessionPath, type TemplateSummary } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import { JOIN_PATH, PRIVACY_PATH } from '../routing/route.ts'
import type { RecentSessions } from '../session/recentSessions.ts'
import { createSession, listTemplates } from '../api/apiClient.ts'
import type { SessionTokens } from '../session/sessionTokens.ts'
import { RecentSessionList } from './RecentSessionList.tsx'
import { NewSessionDialog, type NewSessionChoice, type NewSessionInput } from './NewSessionDialog.tsx'
import { useMessages } from '../i18n/useMessages.tsx'

type TemplatesState = { kind: 'loading' } | { kind: 'ready'; templates: TemplateSummary[] } | { kind: 'failed' }

/**
 * `/`: where a facilitator starts a session (from a template or a blank board) or goes back to one made
 * earlier in this browser, and where a participant finds the way to the join page.
 */
export function StartPage({
  locale,
  tokens,
  recent,
  initialName,
  onNameChosen,
}: {
  locale: string
  tokens: SessionTokens
  recent: RecentSessions
  initialName: string
  onNameChosen: (name: string) => void
}) {
  const messages = useMessages().app
  const templates = useTemplates()
  const [choice, setChoice] = useState<NewSessionChoice | null>(null)

  const create = async ({ templateId, title, facilitatorName }: NewSessionInput) => {
    const created = await createSession({ templateId, title, facilitatorName })
    tokens.remember(created.id, created.facilitatorToken)
    recent.add({ id: created.id, title, createdAt: new Date().toISOString() })
    onNameChosen(facilitatorName)
    // The token is already in storage: the session's address need not carry it.
    window.location.assign(sessionPath(created.id))
  }

  const cards: Array<NewSessionChoice & { facts: string }> = [
    { templateId: BLANK_TEMPLATE_ID, templateTitle: messages.blankTitle, facts: messages.blankFacts },
    ...(templates.kind === 'ready'
      ? templates.templates.map((template) => ({
          templateId: template.id,
          templateTitle: template.title,
          facts: messages.templateFacts(template.stages, template.minutes, template.language),
        }))
      : []),
  ]

  return (
    <main className="wp-page">
      <header className="wp-page__header">
        <h1>{messages.appName}</h1>
        <p>{messages.startIntro}</p>
        <a className="wp-link-button" href={JOIN_PATH}>
          {messages.joinWithCode}
        </a>
      </header>

      <section aria-labelledby="wp-templates-heading">
        <h2 id="wp-templates-heading">{messages.templatesHeading}</h2>
        {templates.kind === 'loading' ? <p aria-busy="true">{messages.templatesLoading}</p> : null}
        {templates.kind === 'failed' ? <p role="alert">{messages.templatesFailed}</p> : null}
        <ul className="wp-cards">
          {cards.map((card) => (
            <li key={card.templateId} className="wp-card">
              <h3>{card.templateTitle}</h3>
              <p>{card.facts}</p>
              <button
                type="button"
                aria-label={messages.chooseTemplate(card.templateTitle)}
                onClick={() => setChoice({ templateId: card.templateId, templateTitle: card.templateTitle })}
              >
                {messages.chooseTemplateVisible}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="wp-recent-heading">
        <h2 id="wp-recent-heading">{messages.recentHeading}</h2>
        <RecentSessionList locale={locale} tokens={tokens} recent={recent} />
      </section>

      <footer className="wp-page__footer">
        <a href={PRIVACY_PATH}>{messages.privacyLink}</a>
      </footer>

      {choice ? (
        <NewSessionDialog
          choice={choice}
          initialName={initialName}
          onCreate={create}
          onCancel={() => setChoice(null)}
        />
      ) : null}
    </main>
  )
}

function useTemplates(): TemplatesState {
  const [state, setState] = useState<TemplatesState>({ kind: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    listTemplates(abort.signal).then(
      (templates) => setState({ kind: 'ready', templates }),
      () => {
        if (!abort.signal.aborted) setState({ kind: 'failed' })
      },
    )
    return () => abort.abort()
  }, [])
  return state
}
