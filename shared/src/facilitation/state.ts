import { z } from 'zod'
import { templateIdSchema } from '../template/text.ts'
import { participantIdSchema } from '../session/api.ts'
import { idleTimer, timerStateSchema } from '../timer/timer.ts'
import { cursorSettingSchema } from '../presence/crowd.ts'

/**
 * The facilitation control state: everything the facilitator steers and everyone's screen follows. It lives
 * in the session's control room (see `doc.ts`), which only the facilitator and the server may write, so a
 * participant's screen reads it but can never change it for others.
 *
 * Every field has a default, and each is read and validated on its own: a field that is missing or
 * malformed falls back to its default without taking the rest of the state with it.
 */

const finite = z.number().finite()

/** The visible area of someone's screen, in page coordinates. */
export const viewportSchema = z.object({ x: finite, y: finite, w: finite.positive(), h: finite.positive() })
export type Viewport = z.infer<typeof viewportSchema>

/**
 * "Volg mij": whose view the following participants track. `nonce` grows each time the facilitator starts
 * following anew, so a participant who stepped out is brought back by a new start but not by the old one.
 */
export const followSchema = z.object({ participantId: participantIdSchema, nonce: z.int().nonnegative() })
export type Follow = z.infer<typeof followSchema>

/** "Breng iedereen hierheen": each new `nonce` makes every screen jump once to `viewport`. */
export const summonSchema = z.object({ nonce: z.int().nonnegative(), viewport: viewportSchema })
export type Summon = z.infer<typeof summonSchema>

export const templateLockSchema = z.enum(['locked', 'unlocked'])
export type TemplateLock = z.infer<typeof templateLockSchema>

/** "Privé schrijven": while `on`, new stickies stay private; each "Onthullen" raises `revealNonce`. */
export const privateWritingSchema = z.object({ on: z.boolean(), revealNonce: z.int().nonnegative() })
export type PrivateWriting = z.infer<typeof privateWritingSchema>

/**
 * One pass through the journey. The first round is the session's; "Kies een andere uitdaging" adds one,
 * laid out beside the earlier ones (its place follows from the layout, see `layout/templateLayout.ts`).
 */
export const roundSchema = z.object({
  /** The principle(s) the facilitator chose at the challenges stage. */
  principleIds: z.array(templateIdSchema).max(50),
  /** The plays the facilitator selected (from the votes on their questions) for the improve stage. */
  playIds: z.array(templateIdSchema).max(200),
})
export type Round = z.infer<typeof roundSchema>

/** A card id of the template layer (see `layout/templateLayout.ts`). */
export const cardIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-:][a-z0-9]+)*$/)
  .max(200)

/** The facilitator's change to one card or frame of the template layer: moved to x, y, or hidden. */
export const layoutOverrideSchema = z.object({
  x: finite.optional(),
  y: finite.optional(),
  hidden: z.boolean().optional(),
})
export type LayoutOverride = z.infer<typeof layoutOverrideSchema>

export const layoutOverridesSchema = z
  .record(cardIdSchema, layoutOverrideSchema)
  .refine((r) => Object.keys(r).length <= 5000, 'too many layout overrides')
export type LayoutOverrides = z.infer<typeof layoutOverridesSchema>

/**
 * When each stage was opened, in server time, in the order the facilitator moved through them: the summary's
 * "time spent per stage" is the gap to the next entry. Appended by the facilitator's client on every move.
 */
export const stageVisitSchema = z.object({
  stageId: templateIdSchema,
  round: z.int().min(0).max(19),
  at: z.int().nonnegative(),
})
export type StageVisit = z.infer<typeof stageVisitSchema>

export const facilitationFieldSchemas = {
  /** The current stage (an agenda stage id), or null before the facilitator opens one. */
  stageId: templateIdSchema.nullable(),
  follow: followSchema.nullable(),
  summon: summonSchema.nullable(),
  timer: timerStateSchema,
  templateLock: templateLockSchema,
  privateWriting: privateWritingSchema,
  /** At least one round; the last is the current one. */
  rounds: z.array(roundSchema).min(1).max(20),
  layoutOverrides: layoutOverridesSchema,
  stageHistory: z.array(stageVisitSchema).max(1000),
  /** Whether participants and observers may download the summary exports (the facilitator always may). */
  exportsForEveryone: z.boolean(),
  /** Everyone's collaborator cursors: by the size of the board (crowd mode from 50 people), always, or off. */
  cursors: cursorSettingSchema,
  /** "Timer automatisch starten": a stage change starts the stage's timer instead of only setting it. */
  timerAutoStart: z.boolean(),
} as const

export const facilitationStateSchema = z.object(facilitationFieldSchemas)
export type FacilitationState = z.infer<typeof facilitationStateSchema>
export type FacilitationField = keyof FacilitationState

export const defaultFacilitationState: FacilitationState = {
  stageId: null,
  follow: null,
  summon: null,
  timer: idleTimer,
  templateLock: 'locked',
  privateWriting: { on: false, revealNonce: 0 },
  rounds: [{ principleIds: [], playIds: [] }],
  layoutOverrides: {},
  stageHistory: [],
  exportsForEveryone: false,
  cursors: 'auto',
  timerAutoStart: false,
}

/** The round being played: the last one. */
/** The index of the journey's current pass: 0 until a new round is started. */
export function roundIndex(state: Pick<FacilitationState, 'rounds'>): number {
  return Math.max(0, state.rounds.length - 1)
}

export function currentRound(state: FacilitationState): Round {
  return state.rounds.at(-1) ?? { principleIds: [], playIds: [] }
}
