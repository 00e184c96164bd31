import { useEffect } from 'react'
import { useClientConfig } from '../config/useClientConfig.ts'
import { START_PATH } from '../routing/route.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * `/privacy`: what is stored, who sees what, how long it is kept (the server's RETENTION_DAYS) and whom to ask (its
 * PRIVACY_CONTACT), both from `/api/config`, so the statement follows the installation's settings.
 */
export function PrivacyPage() {
  const messages = useMessages().privacy
  const config = useClientConfig()
  useEffect(() => {
    document.title = `${messages.title} · Werkplaats`
  }, [messages.title])
  return (
    <main className="wp-page wp-privacy">
      <header className="wp-page__header">
        <h1>{messages.title}</h1>
        <p>{messages.intro}</p>
      </header>
      <section aria-labelledby="wp-privacy-stored">
        <h2 id="wp-privacy-stored">{messages.storedHeading}</h2>
        <ul>
          {messages.stored.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="wp-privacy-who">
        <h2 id="wp-privacy-who">{messages.whoHeading}</h2>
        <ul>
          {messages.who.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="wp-privacy-kept" aria-busy={config === null}>
        <h2 id="wp-privacy-kept">{messages.keptHeading}</h2>
        <p>{messages.kept(config?.retentionDays ?? null)}</p>
        <p>{messages.keptEarlier}</p>
      </section>
      <section aria-labelledby="wp-privacy-ask">
        <h2 id="wp-privacy-ask">{messages.askHeading}</h2>
        <p>{messages.ask(config?.privacyContact ?? null)}</p>
      </section>
      <p>
        <a href={START_PATH}>{messages.back}</a>
      </p>
    </main>
  )
}
