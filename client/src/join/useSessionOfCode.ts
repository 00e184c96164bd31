import { joinCodeSchema } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import { ApiError, lookUpJoinCode } from '../api/apiClient.ts'

/** What the join page knows of the session behind the code typed so far. */
export type SessionOfCode =
  { kind: 'none' } | { kind: 'found'; code: string; title: string } | { kind: 'unknown'; code: string }

/**
 * The session a whole join code belongs to, looked up once the code is complete, so the page can name what the
 * person is about to join before they do. Only complete codes are looked up: each wrong one uses one of the
 * address's attempts at the server, like a wrong code sent with the form. A newer code cancels the older look-up.
 */
export function useSessionOfCode(typed: string): SessionOfCode {
  const parsed = joinCodeSchema.safeParse(typed)
  const code = parsed.success ? parsed.data : null
  const [known, setKnown] = useState<SessionOfCode>({ kind: 'none' })
  useEffect(() => {
    if (code === null) return
    const lookUp = new AbortController()
    lookUpJoinCode(code, lookUp.signal).then(
      ({ title }) => setKnown({ kind: 'found', code, title }),
      (failure: unknown) => {
        // Too many attempts or no network: the form's own submit says so, with its wait.
        if (failure instanceof ApiError && failure.status === 404) setKnown({ kind: 'unknown', code })
      },
    )
    return () => lookUp.abort()
  }, [code])
  return known.kind !== 'none' && known.code === code ? known : { kind: 'none' }
}
