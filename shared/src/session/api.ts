import { z } from 'zod'
import { templateIdSchema } from '../template/text.ts'
import { roleSchema } from './role.ts'

/**
 * The session API's requests and answers. The server validates with these at its edge and generates the
 * OpenAPI document from them; the browser parses answers with them. One schema per concept, types derived.
 */

/** C0 and C1 controls, and the bidirectional overrides that make a name display as something else. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/

function humanText(what: string, max: number) {
  return z
    .string()
    .transform((s) => s.trim().replace(/ {2,}/g, ' '))
    .pipe(
      z
        .string()
        .min(1, `${what} must not be empty`)
        .max(max, `${what} is at most ${max} characters`)
        .refine((s) => !controlCharacters.test(s), `${what} must not contain control characters`),
    )
}

/** A person's name as the others see it: 1–64 characters after trimming. */
export const displayNameSchema = humanText('name', 64)
/** The most characters a session's title has: the schemas below cap every title they carry to it. */
export const SESSION_TITLE_MAX = 120
export const sessionTitleSchema = humanText('title', SESSION_TITLE_MAX)

/** Session and participant ids: 128 random bits, base64url (22 characters). */
export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a session id')
export const participantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a participant id')

/** `blank` is an empty board; anything else names a template of the catalogue. */
export const BLANK_TEMPLATE_ID = 'blank'
export const sessionTemplateIdSchema = templateIdSchema

export const templateSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  /** Number of agenda stages. */
  stages: z.int().min(0),
  /** Sum of the stages' suggested minutes. */
  minutes: z.int().min(0),
})
export type TemplateSummary = z.infer<typeof templateSummarySchema>

export const createSessionRequestSchema = z.object({
  templateId: sessionTemplateIdSchema,
  title: sessionTitleSchema,
  /** How the facilitator appears to the others; "Facilitator" when not given. */
  facilitatorName: displayNameSchema.optional(),
})
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>

/** Links to hand out: each carries a rotatable invitation's secret, never a token (see `links.ts`). */
export const sessionLinksSchema = z.object({
  participant: z.string(),
  observer: z.string(),
})
export type SessionLinks = z.infer<typeof sessionLinksSchema>

export const createdSessionSchema = z.object({
  id: sessionIdSchema,
  title: z.string(),
  code: z.string(),
  facilitatorToken: z.string(),
  observerToken: z.string(),
  links: sessionLinksSchema,
})
export type CreatedSession = z.infer<typeof createdSessionSchema>

/**
 * A secret from a link's fragment, handed in to be exchanged for a token of one's own: the observers' invitation
 * (`#w=…`) or a facilitator's handover (`#h=…`). base64url, as the server makes them.
 */
export const linkSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'not a secret from a link')

/**
 * "Op een ander apparaat openen": a link that makes the device that opens it the facilitator's as well. It works
 * once, until `expiresAt` (milliseconds since the epoch); the facilitator's own token is in no link.
 */
export const handoverSchema = z.object({ link: z.string(), expiresAt: z.int().min(0) })
export type Handover = z.infer<typeof handoverSchema>

export const handoverRequestSchema = z.object({ secret: linkSecretSchema })
export type HandoverRequest = z.infer<typeof handoverRequestSchema>

export const observerJoinRequestSchema = z.object({ invite: linkSecretSchema })
export type ObserverJoinRequest = z.infer<typeof observerJoinRequestSchema>

/** A token of this device's own, in exchange for a handover or an observers' invitation. */
export const deviceTokenSchema = z.object({ token: z.string() })
export type DeviceToken = z.infer<typeof deviceTokenSchema>

/**
 * An invitation as someone hands it in: the join code (six characters, read aloud or typed) or the secret from
 * the participants' link (`#i=…`). Either lets its holder join; the server tells them apart.
 */
export const inviteSchema = z.string().trim().max(128, 'not an invitation')

/** Without `invite` (or with an empty one) the answer is 403, like with a wrong one: the door says what it needs. */
export const joinRequestSchema = z.object({ name: displayNameSchema, invite: inviteSchema.default('') })
export type JoinRequest = z.input<typeof joinRequestSchema>

export const joinedSchema = z.object({ participantId: participantIdSchema, token: z.string() })
export type Joined = z.infer<typeof joinedSchema>

/**
 * What a join code tells anyone who has it, before they join: which session, and its title, so the join page can
 * say what they are joining. Nothing else: the code is read aloud in a room, so the answer holds no secret.
 */
export const joinCodeLookupSchema = z.object({ sessionId: sessionIdSchema, title: z.string().max(SESSION_TITLE_MAX) })
export type JoinCodeLookup = z.infer<typeof joinCodeLookupSchema>

/**
 * The session's current invitations, for the facilitator only: the join code and the participants' link, whose
 * fragment carries the invitation's secret (the code is its short form), and the observers' link. A new invitation
 * replaces the code and the participants' link; "Nieuwe waarnemerslink" replaces the observers' link.
 */
export const invitationSchema = z.object({
  code: z.string(),
  links: sessionLinksSchema,
})
export type Invitation = z.infer<typeof invitationSchema>

export const participantSchema = z.object({
  participantId: participantIdSchema,
  name: z.string(),
  role: roleSchema,
})
export type Participant = z.infer<typeof participantSchema>

/**
 * A session is open until the facilitator closes it ("Sessie afsluiten"): from then on its board and every room
 * are read-only for everyone, joining and voting are refused, exports still work; reopening ("Heropenen") undoes it.
 */
export const sessionStatusSchema = z.enum(['open', 'closed'])
export type SessionStatus = z.infer<typeof sessionStatusSchema>

export const sessionViewSchema = z.object({
  id: sessionIdSchema,
  title: z.string(),
  templateId: z.string(),
  status: sessionStatusSchema,
  /**
   * Only for the facilitator: when the session will be deleted (milliseconds since the epoch) if nothing happens in
   * it before then. Every join, connection and stored edit moves it on (see the server's retention sweep).
   */
  removedIfIdleAt: z.int().min(0).optional(),
  /** Whether new participants may join (the facilitator can close the door and open it again). */
  joinOpen: z.boolean(),
  /** Only for the facilitator: observers and participants see neither the code nor the link's secret. */
  invitation: invitationSchema.optional(),
  /** The role of the token that asked. */
  role: roleSchema,
  participantId: participantIdSchema.optional(),
  /** WebSocket paths of the session's rooms, e.g. `/yjs/<room>`; connect with `?token=`. */
  rooms: z.object({ board: z.string(), control: z.string() }),
  participants: z.array(participantSchema),
})
export type SessionView = z.infer<typeof sessionViewSchema>

/** A change to the session (facilitator): a new title, closing or opening the door, or both. */
export const updateSessionRequestSchema = z
  .object({
    title: sessionTitleSchema.optional(),
    /** false: joins are refused ("joining is closed") until it is true again; people already in stay in. */
    joinOpen: z.boolean().optional(),
  })
  .refine((update) => update.title !== undefined || update.joinOpen !== undefined, 'give a title, joinOpen or both')
export type UpdateSessionRequest = z.input<typeof updateSessionRequestSchema>

export const errorBodySchema = z.object({ error: z.string() })
export type ErrorBody = z.infer<typeof errorBodySchema>
