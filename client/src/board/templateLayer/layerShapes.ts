import {
  planTable,
  type ActionPlanItem,
  type CardContent,
  type FacilitationState,
  type LaidOutCard,
  type LaidOutFrame,
  type LinkedText,
  type Role,
  type Template,
  type TemplateLayout,
} from '@werkplaats/shared'
import type { IndexKey, TLPageId, TLShape } from 'tldraw'
import type { PlayCardReference } from '../shapes/playCard/PlayCardShapeUtil.tsx'
import { templateShapeId } from './ids.ts'
import type { TemplateLayerMessages } from '../../i18n/messages.ts'

/**
 * The template layer as tldraw shape records: a pure function of the template's layout (the control room's),
 * the facilitation state, the viewer's role and language. Every client computes it for itself from the control room, so it is never stored
 * in the board room, where participants could change it (see the room kinds in `shared/src/session/rights.ts`).
 */

/** Everything the template layer depends on. Any other change of the facilitation state leaves it as it is. */
export interface TemplateLayerState {
  template: Template | null
  /** The template laid out for the session's rounds and overrides: `ControlRoom.layout`. */
  layout: TemplateLayout
  facilitation: Pick<FacilitationState, 'layoutOverrides' | 'templateLock'>
  role: Role
  messages: TemplateLayerMessages
  /** The board room's action plan, drawn as a table in each Actieplan frame. */
  actionPlan: readonly ActionPlanItem[]
}

/** How the facilitator sees a card they hid: still there, faded, so it can be found and shown again. */
export const HIDDEN_CARD_OPACITY = 0.3

/**
 * Whether this viewer may move and hide the layer's cards now: the facilitator, while the layer is unlocked.
 * Frames are never moved (the layout places them; only hiding applies to them).
 */
export function canRearrange(state: Pick<TemplateLayerState, 'role' | 'facilitation'>): boolean {
  return state.role === 'facilitator' && state.facilitation.templateLock === 'unlocked'
}

/**
 * Template shapes lie below everything participants draw: their index keys are the integers 'X000' to
 * 'Xzzz' of tldraw's fractional indexing, below its first key 'a1', so whatever participants add lies above.
 * (A shape someone sends to the back still goes below the layer: tldraw puts it under the lowest shape.) They are made here, in
 * order, rather than by tldraw's `getIndicesBetween`, which jitters keys in production: the same layout
 * must give the same records, or every recomputation would rewrite the whole layer.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const MAX_SHAPES = 62 ** 3

export function layerIndex(position: number): IndexKey {
  if (!Number.isInteger(position) || position < 0 || position >= MAX_SHAPES) {
    throw new RangeError(`template layer position ${position} out of range`)
  }
  const digit = (n: number) => BASE62[n % 62] ?? '0'
  return `X${digit(Math.floor(position / 3844))}${digit(Math.floor(position / 62))}${digit(position)}` as IndexKey
}

/** The shape records of the template layer, frames first (so they lie below their cards), then the cards. */
export function templateLayerShapes(state: TemplateLayerState, pageId: TLPageId): TLShape[] {
  const { template, layout, role, messages } = state
  const rearrangeable = canRearrange(state)
  const minutesOf = new Map(template?.agenda.map((stage) => [stage.id, stage.minutes]))
  const shapes: TLShape[] = []
  // Participants and observers never get what the facilitator hid; the facilitator sees it faded.
  const visible = <T extends { hidden: boolean }>(item: T) => role === 'facilitator' || !item.hidden

  const base = (id: string, x: number, y: number, hidden: boolean, locked: boolean) => ({
    id: templateShapeId(id),
    typeName: 'shape' as const,
    x,
    y,
    rotation: 0,
    index: layerIndex(shapes.length),
    parentId: pageId,
    isLocked: locked,
    opacity: hidden ? HIDDEN_CARD_OPACITY : 1,
    meta: {},
  })

  for (const frame of layout.frames.filter(visible)) {
    shapes.push({
      ...base(frame.id, frame.x, frame.y, frame.hidden, true),
      type: 'stage-frame',
      props: {
        w: frame.w,
        h: frame.h,
        title: frameTitle(frame, messages),
        minutes: frame.stageId ? (minutesOf.get(frame.stageId) ?? 0) : 0,
      },
    })
  }
  for (const card of layout.cards.filter(visible)) {
    shapes.push(cardShape(card, messages, base(card.id, card.x, card.y, card.hidden, !rearrangeable)))
  }
  const planStages = new Set(template?.agenda.filter((s) => s.kind === 'action-plan').map((s) => s.id))
  for (const zone of layout.cards.filter(visible)) {
    if (zone.content.kind !== 'writing-zone' || zone.stageId === null || !planStages.has(zone.stageId)) continue
    const { props, x, y } = actionPlanTableOf(state.actionPlan, zone, messages)
    // Above its zone and, being the layer's, below every sticky; placed by the plan, so never moved by hand.
    shapes.push({ ...base(actionPlanTableId(zone.id), x, y, zone.hidden, true), type: 'action-plan-table', props })
  }
  return shapes
}

/** The layout id of the action plan's table in writing zone `zoneId`: the zone's, so the table goes with it. */
export function actionPlanTableId(zoneId: string): string {
  return `${zoneId}:plan`
}

/** Room above the table for the zone's label ("Actieplan"), and around it to the zone's dashed edge. */
const TABLE_TOP = 56
const TABLE_INSET = 16

function actionPlanTableOf(items: readonly ActionPlanItem[], zone: LaidOutCard, messages: TemplateLayerMessages) {
  const area = {
    x: zone.x + TABLE_INSET,
    y: zone.y + TABLE_TOP,
    w: zone.w - 2 * TABLE_INSET,
    h: zone.h - TABLE_TOP - TABLE_INSET,
  }
  const table = planTable(items, area, messages.planNobody)
  const { text, owner, firstStep, date } = messages.planColumns
  return {
    x: table.x,
    y: table.y,
    props: {
      w: Math.max(1, table.w),
      h: Math.max(1, table.h),
      headers: [text, owner, firstStep, date],
      columns: table.columns.map(({ x, w }) => ({ x, w })),
      rows: table.rows.map(({ id, y, h, lines, cells }) => ({
        id,
        y,
        h,
        lines,
        cells: [cells.text, cells.owner, cells.firstStep, cells.date],
      })),
      more: table.hidden > 0 ? messages.planMore(table.hidden) : '',
    },
  }
}

function frameTitle(frame: LaidOutFrame, messages: TemplateLayerMessages): string {
  if (frame.kind === 'background' || frame.title === null) return messages.backgroundTitle
  return frame.round !== null && frame.round > 0 ? `${frame.title} · ${messages.round} ${frame.round + 1}` : frame.title
}

/** The type and props of a card's shape: the texts it shows and the template ids it stands for. */
function cardShape(card: LaidOutCard, messages: TemplateLayerMessages, b: Omit<TLShape, 'type' | 'props'>): TLShape {
  const { w, h } = card
  const content: CardContent = card.content
  const playbook = { kicker: '', title: '', body: '', listHeading: '', list: [] as string[], noteHeading: '', note: '' }
  switch (content.kind) {
    case 'section':
      return {
        ...b,
        type: 'playbook-card',
        props: { ...playbook, w, h, kind: 'section', title: content.title, body: content.text },
      }
    case 'group-heading':
      return { ...b, type: 'playbook-card', props: { ...playbook, w, h, kind: 'group-heading', title: content.title } }
    case 'principle':
      return {
        ...b,
        type: 'playbook-card',
        props: {
          ...playbook,
          w,
          h,
          kind: 'principle',
          kicker: `${messages.principle} ${content.number}`,
          title: content.title,
          body: content.summary ?? '',
          listHeading: content.challengeQuestions.length > 0 ? messages.challengeQuestions : '',
          list: [...content.challengeQuestions],
        },
      }
    case 'principle-details':
      return {
        ...b,
        type: 'playbook-card',
        props: {
          w,
          h,
          kind: 'principle-details',
          kicker: `${messages.principle} ${content.number}`,
          title: content.title,
          body: content.summary ?? '',
          listHeading: content.dimensions.length > 0 ? messages.dimensions : '',
          list: [...content.dimensions],
          noteHeading: content.why ? messages.why : '',
          note: content.why ?? '',
        },
      }
    case 'assessment-question':
      return {
        ...b,
        type: 'question-card',
        props: { w, h, questionId: content.questionId, text: content.text, voteLabel: content.vote?.label ?? '' },
      }
    case 'play':
      return {
        ...b,
        type: 'play-card',
        props: {
          w,
          h,
          playId: content.playId,
          title: content.title,
          question: content.question,
          actionsHeading: messages.actions,
          actions: content.actions.map((a) =>
            a.attribution ? { id: a.id, text: a.text, attribution: a.attribution } : { id: a.id, text: a.text },
          ),
          case: reference(messages.case, content.case),
          toolkit: reference(messages.toolkit, content.toolkit),
        },
      }
    case 'writing-zone':
      return { ...b, type: 'writing-zone', props: { w, h, label: content.label } }
  }
}

function reference(heading: string, linked: LinkedText | undefined): PlayCardReference | null {
  if (!linked) return null
  return { heading, ...(linked.title ? { title: linked.title } : {}), text: linked.text, links: [...linked.links] }
}
