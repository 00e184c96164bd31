import { roundIndex, type FacilitationState, type LayoutOverrides, type Round } from '../facilitation/state.ts'
import type { Stage, StageContent } from '../template/agenda.ts'
import type { Action, AssessmentQuestion, Play, Principle } from '../template/principle.ts'
import type { LinkedText } from '../template/text.ts'
import type { Section, Template } from '../template/template.ts'
import { CARD_WIDTH, estimateCardHeight } from './cardSize.ts'
import type { TextBlock } from './cardSize.ts'

/**
 * The template layer: where a template's content lies on the board. Every client computes it from the
 * template and the facilitation state, so it is the same on every screen and never stored in the board
 * room (nobody but the facilitator, through the control state, can change it).
 *
 * - One frame per agenda stage, left to right in agenda order, titled with the stage. A frame holds the
 *   content its stage `shows`, stacked in that order, and a writing zone to the right of it.
 * - Frame widths depend on the template and the agenda only, never on the facilitator's choices, so the
 *   x of every frame and every writing zone stays put when a principle is chosen or plays are selected:
 *   stickies written there stay where they were written. Choices only make frames taller.
 * - "Kies een andere uitdaging" adds a round: the stages from the restart stage on are laid out again,
 *   beside the earlier rounds, which stay as they were.
 * - The background (reference material) lies left of the first Welkom frame, one column per group.
 * - The facilitator's overrides move a card to another place or hide a card or a whole frame; hidden
 *   things stay in the layout, marked, so the facilitator can still find and restore them.
 */

/** Gap between cards. */
export const CARD_GAP = 24
/** Space inside a frame around its content. */
export const FRAME_PADDING = 48
/** Room at the top of a frame for its title. */
export const FRAME_TITLE_HEIGHT = 96
/** Gap between two stage frames, and between the background and the first frame. */
export const FRAME_GAP = 160
/** Gap between two rounds. */
export const ROUND_GAP = 480
/** Width of a stage's writing zone; a stage that shows nothing gets a double one. */
export const ZONE_WIDTH = 2 * CARD_WIDTH + CARD_GAP
/** A writing zone is never shorter than this, however little content stands beside it. */
export const MIN_ZONE_HEIGHT = 720
/** Assessment questions per row, beside their principle's details. */
const QUESTION_COLUMNS = 3
/** The id of the background frame (and of its override, to hide it). */
export const BACKGROUND_FRAME_ID = 'background'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export type CardContent =
  | {
      readonly kind: 'section'
      readonly source: 'intro' | 'journey' | 'background'
      readonly sectionId: string
      readonly title: string
      readonly text: string
    }
  /** The title of a background group, above its sections. */
  | { readonly kind: 'group-heading'; readonly groupId: string; readonly title: string }
  | {
      readonly kind: 'principle'
      readonly principleId: string
      readonly number: number
      readonly title: string
      readonly summary?: string
      readonly challengeQuestions: readonly string[]
    }
  | {
      readonly kind: 'principle-details'
      readonly principleId: string
      readonly number: number
      readonly title: string
      readonly summary?: string
      readonly dimensions: readonly string[]
      readonly why?: string
    }
  | {
      readonly kind: 'assessment-question'
      readonly principleId: string
      readonly questionId: string
      readonly text: string
      /** The place for votes ("We moeten dit verbeteren!"): present on an assess stage. */
      readonly vote?: { readonly label: string; readonly hiddenUntilRevealed: boolean }
    }
  | {
      readonly kind: 'play'
      readonly principleId: string
      readonly playId: string
      /** The assessment question whose votes led here. */
      readonly questionId: string
      readonly title: string
      readonly question: string
      readonly actions: readonly Action[]
      readonly case?: LinkedText
      readonly toolkit?: LinkedText
    }
  | { readonly kind: 'writing-zone'; readonly label: string }

export type CardKind = CardContent['kind']

export interface LaidOutCard extends Rect {
  /** Stable: derived from the template's ids and the round, the same on every client. */
  readonly id: string
  readonly frameId: string
  /** The stage this card belongs to; null for background cards. */
  readonly stageId: string | null
  readonly round: number | null
  readonly content: CardContent
  /** Hidden by the facilitator (itself or its frame): participants do not see it. */
  readonly hidden: boolean
  /** Moved by the facilitator from where the layout put it. */
  readonly moved: boolean
}

export interface LaidOutFrame extends Rect {
  readonly id: string
  readonly kind: 'stage' | 'background'
  readonly stageId: string | null
  readonly round: number | null
  /** The stage's title, or the background's; the client adds the round number for rounds after the first. */
  readonly title: string | null
  readonly hidden: boolean
}

export interface TemplateLayout {
  readonly frames: readonly LaidOutFrame[]
  readonly cards: readonly LaidOutCard[]
}

/** What of the facilitation state the layout depends on. */
export type LayoutInputs = Pick<FacilitationState, 'rounds' | 'layoutOverrides'>

/** A card before it is placed: its id, content and size. */
interface CardSpec {
  readonly id: string
  readonly content: CardContent
  readonly w: number
  readonly h: number
}

/**
 * A run of cards laid out as a grid of `columns` columns, rows as tall as their tallest card. A `lead`
 * card (a principle's details beside its questions) takes the first column, the cards fill the others.
 */
interface Block {
  readonly columns: number
  readonly cards: readonly CardSpec[]
  readonly lead?: CardSpec
}

const emptyRound: Round = { principleIds: [], playIds: [] }

export function frameId(stageId: string, round: number): string {
  return `r${round}:${stageId}`
}

export function cardId(stageId: string, round: number, kind: CardKind, refId?: string): string {
  return refId === undefined ? `${frameId(stageId, round)}:${kind}` : `${frameId(stageId, round)}:${kind}:${refId}`
}

export function backgroundCardId(kind: 'section' | 'group-heading', refId: string): string {
  return `${BACKGROUND_FRAME_ID}:${kind}:${refId}`
}

function card(id: string, content: CardContent, blocks: readonly TextBlock[]): CardSpec {
  return { id, content, w: CARD_WIDTH, h: estimateCardHeight(blocks) }
}

function sectionCard(id: string, source: 'intro' | 'journey' | 'background', s: Section): CardSpec {
  return card(id, { kind: 'section', source, sectionId: s.id, title: s.title, text: s.text }, [
    { text: s.title, style: 'title' },
    { text: s.text, style: 'body' },
  ])
}

function linkedBlocks(t: LinkedText | undefined): TextBlock[] {
  if (!t) return []
  return [
    { text: t.title ?? '', style: 'body' },
    { text: t.text, style: 'small' },
    { text: t.links.join('\n'), style: 'small' },
  ]
}

/** The principles a stage's principle content is about in this round (see `stageContentKinds`). */
function principlesInScope(template: Template, stage: Stage, round: Round): readonly Principle[] {
  if (stage.kind === 'assess' && stage.scope === 'all-principles') return template.principles
  if (!template.agenda.some((s) => s.kind === 'challenges')) return template.principles
  return template.principles.filter((p) => round.principleIds.includes(p.id))
}

/** The selected plays, in template order, each with the question that leads to it. */
function selectedPlays(
  template: Template,
  round: Round,
): { principle: Principle; play: Play; question: AssessmentQuestion }[] {
  const selected = new Set(round.playIds)
  return template.principles.flatMap((principle) =>
    principle.plays.flatMap((play) => {
      const question = principle.assessmentQuestions.find((q) => q.playId === play.id)
      return selected.has(play.id) && question ? [{ principle, play, question }] : []
    }),
  )
}

/** How many columns a content kind takes on a stage: fixed by template and agenda, never by choices. */
function columnsOf(template: Template, stage: Stage, content: StageContent): number {
  switch (content) {
    case 'intro':
      return Math.min(4, Math.max(1, template.intro.length))
    case 'journey':
      return Math.min(4, Math.max(1, template.journey.length))
    case 'principles':
      return template.principles.length
    case 'principle-details':
    case 'assessment-questions':
      return 1 + QUESTION_COLUMNS
    case 'plays':
      return stage.kind === 'improve' ? stage.topQuestions : 3
  }
}

function blocksOf(template: Template, stage: Stage, round: number, choices: Round): Block[] {
  const id = (kind: CardKind, ref?: string) => cardId(stage.id, round, kind, ref)
  const blocks: Block[] = []
  const shows = new Set(stage.shows)
  for (const content of stage.shows) {
    const columns = columnsOf(template, stage, content)
    switch (content) {
      case 'intro':
        blocks.push({ columns, cards: template.intro.map((s) => sectionCard(id('section', s.id), 'intro', s)) })
        break
      case 'journey':
        blocks.push({ columns, cards: template.journey.map((s) => sectionCard(id('section', s.id), 'journey', s)) })
        break
      case 'principles':
        blocks.push({
          columns,
          cards: template.principles.map((p) =>
            card(
              id('principle', p.id),
              {
                kind: 'principle',
                principleId: p.id,
                number: p.number,
                title: p.title,
                ...(p.summary ? { summary: p.summary } : {}),
                challengeQuestions: p.challengeQuestions,
              },
              [
                { text: p.title, style: 'title' },
                { text: p.summary ?? '', style: 'body' },
                { text: p.challengeQuestions.join('\n'), style: 'body' },
              ],
            ),
          ),
        })
        break
      case 'principle-details':
        // Shown together with the questions when the stage has both: one row per principle.
        if (shows.has('assessment-questions')) break
        blocks.push({ columns, cards: principlesInScope(template, stage, choices).map((p) => detailsCard(id, p)) })
        break
      case 'assessment-questions': {
        const vote =
          stage.kind === 'assess'
            ? { label: stage.voteLabel, hiddenUntilRevealed: stage.hiddenUntilRevealed }
            : undefined
        for (const p of principlesInScope(template, stage, choices)) {
          // The details card takes the first column; its questions fill the others, row after row.
          const questions = p.assessmentQuestions.map((q) =>
            card(
              id('assessment-question', q.id),
              {
                kind: 'assessment-question',
                principleId: p.id,
                questionId: q.id,
                text: q.text,
                ...(vote ? { vote } : {}),
              },
              [
                { text: q.text, style: 'body' },
                { text: vote?.label ?? '', style: 'title' },
              ],
            ),
          )
          blocks.push(
            shows.has('principle-details')
              ? { columns, cards: questions, lead: detailsCard(id, p) }
              : { columns, cards: questions },
          )
        }
        break
      }
      case 'plays':
        blocks.push({
          columns,
          cards: selectedPlays(template, choices).map(({ principle, play, question }) =>
            card(
              id('play', play.id),
              {
                kind: 'play',
                principleId: principle.id,
                playId: play.id,
                questionId: question.id,
                title: play.title,
                question: play.question,
                actions: play.actions,
                ...(play.case ? { case: play.case } : {}),
                ...(play.toolkit ? { toolkit: play.toolkit } : {}),
              },
              [
                { text: play.title, style: 'title' },
                { text: play.question, style: 'body' },
                {
                  text: play.actions.map((a) => (a.attribution ? `${a.text} (${a.attribution})` : a.text)).join('\n'),
                  style: 'body',
                },
                ...linkedBlocks(play.case),
                ...linkedBlocks(play.toolkit),
              ],
            ),
          ),
        })
        break
    }
  }
  return blocks
}

function detailsCard(id: (kind: CardKind, ref?: string) => string, p: Principle): CardSpec {
  const content: CardContent = {
    kind: 'principle-details',
    principleId: p.id,
    number: p.number,
    title: p.title,
    ...(p.summary ? { summary: p.summary } : {}),
    dimensions: p.dimensions,
    ...(p.why ? { why: p.why } : {}),
  }
  return card(id('principle-details', p.id), content, [
    { text: p.title, style: 'title' },
    { text: p.summary ?? '', style: 'body' },
    { text: p.dimensions.join('\n'), style: 'body' },
    { text: p.why ?? '', style: 'small' },
  ])
}

interface Placed {
  readonly spec: CardSpec
  readonly x: number
  readonly y: number
}

/** Lays blocks out one under the other from (x, y); returns the cards and the height they take. */
function placeBlocks(blocks: readonly Block[], x: number, y: number): { placed: Placed[]; height: number } {
  const placed: Placed[] = []
  let top = y
  for (const block of blocks) {
    if (block.cards.length === 0 && !block.lead) continue
    let left = x
    let columns = block.columns
    let bottom = top
    if (block.lead) {
      placed.push({ spec: block.lead, x, y: top })
      bottom = top + block.lead.h + CARD_GAP
      left += CARD_WIDTH + CARD_GAP
      columns = Math.max(1, columns - 1)
    }
    let rowTop = top
    for (let i = 0; i < block.cards.length; i += columns) {
      const row = block.cards.slice(i, i + columns)
      row.forEach((spec, j) => placed.push({ spec, x: left + j * (CARD_WIDTH + CARD_GAP), y: rowTop }))
      rowTop += Math.max(...row.map((c) => c.h)) + CARD_GAP
    }
    top = Math.max(bottom, rowTop)
  }
  return { placed, height: Math.max(0, top - y - CARD_GAP) }
}

function columnsWidth(columns: number): number {
  return columns <= 0 ? 0 : columns * CARD_WIDTH + (columns - 1) * CARD_GAP
}

interface FrameDraft {
  readonly frame: Omit<LaidOutFrame, 'hidden'>
  readonly placed: readonly Placed[]
  readonly stageId: string | null
  readonly round: number | null
}

/** One stage's frame at (x, y): its content on the left, its writing zone on the right. */
function stageFrame(template: Template, stage: Stage, round: number, choices: Round, x: number, y: number): FrameDraft {
  const contentWidth = Math.max(0, ...stage.shows.map((c) => columnsWidth(columnsOf(template, stage, c))))
  const contentX = x + FRAME_PADDING
  const contentY = y + FRAME_TITLE_HEIGHT
  const { placed, height: contentHeight } = placeBlocks(blocksOf(template, stage, round, choices), contentX, contentY)
  const zone = stage.writingZone
  const zoneWidth = zone ? (contentWidth === 0 ? 2 * ZONE_WIDTH : ZONE_WIDTH) : 0
  const zoneX = contentX + contentWidth + (contentWidth > 0 && zone ? 2 * CARD_GAP : 0)
  const innerHeight = Math.max(contentHeight, zone ? MIN_ZONE_HEIGHT : 0, CARD_WIDTH)
  const all = [...placed]
  if (zone) {
    all.push({
      spec: {
        id: cardId(stage.id, round, 'writing-zone'),
        content: { kind: 'writing-zone', label: zone.label },
        w: zoneWidth,
        h: innerHeight,
      },
      x: zoneX,
      y: contentY,
    })
  }
  const innerWidth = Math.max(CARD_WIDTH, zoneX + zoneWidth - contentX)
  return {
    frame: {
      id: frameId(stage.id, round),
      kind: 'stage',
      stageId: stage.id,
      round,
      title: stage.title,
      x,
      y,
      w: innerWidth + 2 * FRAME_PADDING,
      h: FRAME_TITLE_HEIGHT + innerHeight + FRAME_PADDING,
    },
    placed: all,
    stageId: stage.id,
    round,
  }
}

/** The background frame, its right edge `FRAME_GAP` left of `rightOf`: one column per group. */
function backgroundFrame(template: Template, rightOf: number, y: number): FrameDraft | null {
  if (template.background.length === 0) return null
  const w = columnsWidth(template.background.length) + 2 * FRAME_PADDING
  const x = rightOf - FRAME_GAP - w
  const placed: Placed[] = []
  let height = 0
  template.background.forEach((group, i) => {
    const heading = card(
      backgroundCardId('group-heading', group.id),
      { kind: 'group-heading', groupId: group.id, title: group.title },
      [{ text: group.title, style: 'title' }],
    )
    const sections = group.sections.map((s) => sectionCard(backgroundCardId('section', s.id), 'background', s))
    const column = placeBlocks(
      [{ columns: 1, cards: [heading, ...sections] }],
      x + FRAME_PADDING + i * (CARD_WIDTH + CARD_GAP),
      y + FRAME_TITLE_HEIGHT,
    )
    placed.push(...column.placed)
    height = Math.max(height, column.height)
  })
  return {
    frame: {
      id: BACKGROUND_FRAME_ID,
      kind: 'background',
      stageId: null,
      round: null,
      title: null,
      x,
      y,
      w,
      h: FRAME_TITLE_HEIGHT + height + FRAME_PADDING,
    },
    placed,
    stageId: null,
    round: null,
  }
}

/** The stages each round lays out: all of them in the first, from the restart stage on in later ones. */
function stagesOfRound(template: Template, round: number): readonly Stage[] {
  if (round === 0) return template.agenda
  const restartId = template.agenda.find((s) => s.kind === 'closing')?.restart?.stageId
  const from = template.agenda.findIndex((s) => s.id === restartId)
  return from < 0 ? template.agenda : template.agenda.slice(from)
}

function applyOverrides(drafts: readonly FrameDraft[], overrides: LayoutOverrides): TemplateLayout {
  const frames: LaidOutFrame[] = []
  const cards: LaidOutCard[] = []
  for (const { frame, placed, stageId, round } of drafts) {
    const frameHidden = overrides[frame.id]?.hidden === true
    frames.push({ ...frame, hidden: frameHidden })
    for (const { spec, x, y } of placed) {
      const override = overrides[spec.id]
      cards.push({
        id: spec.id,
        frameId: frame.id,
        stageId,
        round,
        content: spec.content,
        x: override?.x ?? x,
        y: override?.y ?? y,
        w: spec.w,
        h: spec.h,
        hidden: frameHidden || override?.hidden === true,
        moved: override?.x !== undefined || override?.y !== undefined,
      })
    }
  }
  return { frames, cards }
}

/**
 * Lays `template` out on the board for the session's rounds and the facilitator's overrides. A blank
 * board (no template) has no template layer. Pure and deterministic: the same inputs give the same layout,
 * card for card, on every client.
 */
export function layoutTemplate(template: Template | null, inputs: LayoutInputs): TemplateLayout {
  if (!template) return { frames: [], cards: [] }
  const drafts: FrameDraft[] = []
  const rounds = inputs.rounds.length > 0 ? inputs.rounds : [emptyRound]
  let x = 0
  rounds.forEach((choices, round) => {
    if (round > 0) x += ROUND_GAP - FRAME_GAP
    for (const stage of stagesOfRound(template, round)) {
      const draft = stageFrame(template, stage, round, choices, x, 0)
      drafts.push(draft)
      x += draft.frame.w + FRAME_GAP
    }
  })
  const background = backgroundFrame(template, 0, 0)
  return applyOverrides(background ? [background, ...drafts] : drafts, inputs.layoutOverrides)
}

/**
 * `layout` with `overrides` on top, each replacing the card's or frame's own: what the facilitator's screen shows
 * of a move or a removal it has reported and not yet seen come back through the control room, without laying the
 * template out again. An override here must keep what the card's earlier override said (as the template layer's
 * overrides do), and then the result is the layout of the merged overrides.
 */
export function withOverrides(layout: TemplateLayout, overrides: LayoutOverrides): TemplateLayout {
  if (Object.keys(overrides).length === 0) return layout
  const hiddenFrames = new Set(layout.frames.filter((f) => overrides[f.id]?.hidden === true).map((f) => f.id))
  return {
    frames: layout.frames.map((frame) => (hiddenFrames.has(frame.id) ? { ...frame, hidden: true } : frame)),
    cards: layout.cards.map((card) => {
      const override = overrides[card.id]
      const frameHidden = hiddenFrames.has(card.frameId)
      if (!override && !frameHidden) return card
      return {
        ...card,
        x: override?.x ?? card.x,
        y: override?.y ?? card.y,
        hidden: card.hidden || frameHidden || override?.hidden === true,
        moved: card.moved || override?.x !== undefined || override?.y !== undefined,
      }
    }),
  }
}

/**
 * Where "go to stage" brings a view: the stage's frame in `round`, or, for a stage a later round does not
 * repeat (Welkom), its frame in the latest round that has it.
 */
export function stageFrameOf(layout: TemplateLayout, stageId: string, round: number): LaidOutFrame | undefined {
  let found: LaidOutFrame | undefined
  for (const f of layout.frames) {
    if (
      f.kind === 'stage' &&
      f.stageId === stageId &&
      f.round !== null &&
      f.round <= round &&
      (!found || (found.round ?? 0) < f.round)
    )
      found = f
  }
  return found
}

/** The frame of the current stage in the current pass; undefined before the first stage, or while none is laid out. */
export function currentStageFrame(
  layout: TemplateLayout,
  state: Pick<FacilitationState, 'stageId' | 'rounds'>,
): LaidOutFrame | undefined {
  return state.stageId === null ? undefined : stageFrameOf(layout, state.stageId, roundIndex(state))
}
