import {
  deviceTokenSchema,
  handoverFromFragment,
  handoverSchema,
  invitationSchema,
  observerInviteFromFragment,
  sessionViewSchema,
} from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { MAX_OBSERVER_SCREENS } from '../src/sessions/sessionService.ts'
import { callApi } from './support/api.ts'
import { createSession, type TestSession } from './support/sessions.ts'
import { useServer } from './support/useServer.ts'

const TTL_SECONDS = 60

/**
 * Links carry secrets, never tokens: "Op een ander apparaat openen" hands the facilitator's role to another device
 * through a single-use, short-lived secret, and the observers' link is an invitation the facilitator can replace.
 */
describe('handover links and observer invitations', () => {
  let clock = 1_800_000_000_000
  const server = useServer({
    env: {
      HANDOVER_TTL_SECONDS: String(TTL_SECONDS),
      JOIN_CODE_ATTEMPTS_PER_MINUTE: '30',
      // Enough for the observer-screen cap to be reached before the per-address join limit.
      JOIN_BURST_PER_ADDRESS: '1000',
    },
    backends: () => ({ now: () => clock }),
  })
  const api = (path: string, token?: string, method = 'GET', body?: unknown) =>
    callApi(server.url, path, token, method, body)

  async function newHandover(session: TestSession, token = session.facilitatorToken) {
    const answer = await api(`/api/sessions/${session.id}/handover`, token, 'POST')
    expect(answer.status).toBe(201)
    const handover = handoverSchema.parse(answer.body)
    return { ...handover, secret: handoverFromFragment(new URL(handover.link).hash) ?? '' }
  }
  const redeem = (session: TestSession, secret: string) =>
    api(`/api/sessions/${session.id}/handover/redeem`, undefined, 'POST', { secret })
  const watch = (session: TestSession, invite: string) =>
    api(`/api/sessions/${session.id}/observers`, undefined, 'POST', { invite })
  const viewWith = async (session: TestSession, token: string) =>
    sessionViewSchema.parse((await api(`/api/sessions/${session.id}`, token)).body)

  it("makes another device the facilitator's with a token of its own, once", async () => {
    const session = await createSession(server.url)
    const handover = await newHandover(session)
    expect(handover.link).toMatch(new RegExp(`^${server.url}/s/${session.id}#h=[A-Za-z0-9_-]{43}$`))
    expect(handover.expiresAt).toBe(clock + TTL_SECONDS * 1000)

    const first = await redeem(session, handover.secret)
    expect(first.status).toBe(201)
    const { token } = deviceTokenSchema.parse(first.body)
    expect(token).not.toBe(session.facilitatorToken)
    const onSecondDevice = await viewWith(session, token)
    const onFirstDevice = await viewWith(session, session.facilitatorToken)
    expect(onSecondDevice.role).toBe('facilitator')
    expect(onSecondDevice.participantId).toBe(onFirstDevice.participantId)
    // The second device is shown the same invitations: the participants' link handed out before keeps working.
    expect(onSecondDevice.invitation).toEqual(onFirstDevice.invitation)
    expect(onSecondDevice.invitation?.links.participant).toBe(session.links.participant)

    const again = await redeem(session, handover.secret)
    expect(again.status).toBe(403)
    expect(again.body).toEqual({ error: expect.stringMatching(/used already or has expired/) })
  })

  it('refuses a handover once it has expired, and one of another session', async () => {
    const session = await createSession(server.url)
    const other = await createSession(server.url)
    const late = await newHandover(session)
    const elsewhere = await newHandover(session)
    clock += TTL_SECONDS * 1000
    expect((await redeem(session, late.secret)).status).toBe(403)
    const inTime = await newHandover(session)
    expect((await redeem(other, inTime.secret)).status).toBe(403)
    // Handed to the wrong session, it is spent: it does not work for its own either.
    expect((await redeem(session, inTime.secret)).status).toBe(403)
    expect((await redeem(session, elsewhere.secret)).status).toBe(403)
  })

  it('refuses malformed secrets with 400 and a JSON error', async () => {
    const session = await createSession(server.url)
    for (const body of [{}, { secret: 'kort' }, { secret: 'x'.repeat(200) }, { secret: '<script>alert(1)</script>' }]) {
      const answer = await api(`/api/sessions/${session.id}/handover/redeem`, undefined, 'POST', body)
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ error: expect.any(String) })
    }
    expect((await api(`/api/sessions/${session.id}/observers`, undefined, 'POST', { invite: 42 })).status).toBe(400)
  })

  it("gives each screen that opens the observers' link a token of its own, until the facilitator replaces the link", async () => {
    const session = await createSession(server.url)
    const invite = observerInviteFromFragment(new URL(session.links.observer).hash) ?? ''
    const projector = deviceTokenSchema.parse((await watch(session, invite)).body).token
    const laptop = deviceTokenSchema.parse((await watch(session, invite)).body).token
    expect(projector).not.toBe(laptop)
    expect((await viewWith(session, projector)).role).toBe('observer')
    expect((await viewWith(session, projector)).invitation).toBeUndefined()

    const replaced = await api(`/api/sessions/${session.id}/observer-invitation`, session.facilitatorToken, 'POST')
    expect(replaced.status).toBe(200)
    const links = invitationSchema.parse(replaced.body).links
    expect(links.observer).not.toBe(session.links.observer)
    expect(links.participant).toBe(session.links.participant)
    expect((await viewWith(session, session.facilitatorToken)).invitation?.links.observer).toBe(links.observer)

    const stale = await watch(session, invite)
    expect(stale.status).toBe(403)
    expect(stale.body).toEqual({ error: expect.stringMatching(/observers' link is not valid/) })
    // Screens that opened the link before keep watching.
    expect((await viewWith(session, projector)).role).toBe('observer')
    const fresh = await watch(session, observerInviteFromFragment(new URL(links.observer).hash) ?? '')
    expect(fresh.status).toBe(201)
  })

  it('caps the handover links waiting at once per session', async () => {
    const session = await createSession(server.url)
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) {
      statuses.push((await api(`/api/sessions/${session.id}/handover`, session.facilitatorToken, 'POST')).status)
    }
    expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true)
    expect(statuses[20]).toBe(409)
    clock += TTL_SECONDS * 1000
    expect((await api(`/api/sessions/${session.id}/handover`, session.facilitatorToken, 'POST')).status).toBe(201)
  })

  it('admits a bounded number of observer screens per session, whoever has the link', async () => {
    const session = await createSession(server.url)
    const invite = observerInviteFromFragment(new URL(session.links.observer).hash) ?? ''
    const statuses: number[] = []
    // The session was made with one observer's token; each opening of the link adds one more.
    for (let i = 1; i <= MAX_OBSERVER_SCREENS; i++) statuses.push((await watch(session, invite)).status)
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([201]))
    const refused = statuses.at(-1)
    expect(refused).toBe(409)
    const answer = await watch(session, invite)
    expect(answer.body).toEqual({ error: expect.stringMatching(/admits \d+ observer screens/) })
    // Another session's screens are its own.
    const other = await createSession(server.url)
    expect((await watch(other, observerInviteFromFragment(new URL(other.links.observer).hash) ?? '')).status).toBe(201)
  })

  it('puts no token in any link an answer carries', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const handover = await newHandover(session)
    const device = deviceTokenSchema.parse((await redeem(session, handover.secret)).body).token
    const tokens = [session.facilitatorToken, session.observerToken, device]
    const answers = [
      session,
      handover,
      (await api(`/api/sessions/${session.id}`, session.facilitatorToken)).body,
      (await api(`/api/sessions/${session.id}`, device)).body,
      (await api(`/api/sessions/${session.id}/invitation`, device, 'POST')).body,
      (await api(`/api/sessions/${session.id}/observer-invitation`, device, 'POST')).body,
      (await api(`/api/sessions/${session.id}/duplicate`, device, 'POST')).body,
    ]
    const links = answers.flatMap((answer) => stringsIn(answer).filter((text) => /^https?:\/\//.test(text)))
    expect(links.length).toBeGreaterThanOrEqual(8)
    for (const link of links) {
      expect(link).not.toMatch(/#t=/)
      for (const token of tokens) expect(link).not.toContain(token)
    }
  })
})

describe('guessing handover and observer secrets', () => {
  const server = useServer({ env: { JOIN_CODE_ATTEMPTS_PER_MINUTE: '2' } })

  it('is rate-limited per address like join-code look-ups; a right secret costs nothing', async () => {
    const session = await createSession(server.url)
    const wrong = 'w'.repeat(43)
    const invite = observerInviteFromFragment(new URL(session.links.observer).hash) ?? ''
    // The bucket holds twice the minute's attempts: rights in between do not use them up.
    for (let i = 0; i < 4; i++) {
      expect(
        (await callApi(server.url, `/api/sessions/${session.id}/observers`, undefined, 'POST', { invite })).status,
      ).toBe(201)
      const guess =
        i % 2 === 0 ? `/api/sessions/${session.id}/handover/redeem` : `/api/sessions/${session.id}/observers`
      expect((await callApi(server.url, guess, undefined, 'POST', { secret: wrong, invite: wrong })).status).toBe(403)
    }
    const refused = await callApi(server.url, `/api/sessions/${session.id}/handover/redeem`, undefined, 'POST', {
      secret: wrong,
    })
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({ error: expect.stringMatching(/wrong secrets/) })
    // The join-code look-ups share the address's guesses.
    expect((await callApi(server.url, '/api/join/ABCDEF', undefined)).status).toBe(429)
  })
})

/** Every string anywhere in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}
