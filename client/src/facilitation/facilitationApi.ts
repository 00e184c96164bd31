import { fetchParsed, send } from '../session/sessionApi.ts'

/** The HTTP calls of facilitation, through the session API client (errors as `ApiError`, answers parsed). */

/** `{ "now": <server epoch ms> }`, checked by hand: the client has no schema library of its own. */
const serverTimeSchema = {
  safeParse(value: unknown): { success: true; data: { now: number } } | { success: false; error: { message: string } } {
    const now = typeof value === 'object' && value !== null && 'now' in value ? value.now : undefined
    return typeof now === 'number' && Number.isFinite(now) && now >= 0
      ? { success: true, data: { now } }
      : { success: false, error: { message: 'expected { now: <epoch ms> }' } }
  },
}

/** `GET /api/time`: the server's clock, for the offset every screen's timer adds to its own. */
export async function fetchServerTime(signal?: AbortSignal): Promise<number> {
  return (await fetchParsed('/api/time', serverTimeSchema, { signal })).now
}

/**
 * "Onthullen": the server moves every participant's private stickies into the board room, where they were
 * written, and empties the private rooms (only the facilitator's token may ask).
 */
export async function revealPrivateWriting(sessionId: string, token: string): Promise<void> {
  await send(`/api/sessions/${encodeURIComponent(sessionId)}/private/reveal`, { method: 'POST', token })
}
