import { cardIdSchema, defaultFacilitationState, type FacilitationState, type Template } from '@werkplaats/shared'
import { PageRecordType, type TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { boardStore, laidOut, nidoTemplate, oecdTemplate } from './fixtures.ts'
import { layoutIdOf, TEMPLATE_SHAPE_ID_PREFIX } from './ids.ts'
import { HIDDEN_CARD_OPACITY, layerIndex, templateLayerShapes, type TemplateLayerState } from './layerShapes.ts'
import { messagesFor } from '../../i18n/messages.ts'

const page = PageRecordType.createId('page')
const nl = messagesFor('nl').templateLayer

function layer(
  template: Template | null,
  facilitation: Partial<FacilitationState> = {},
  role: TemplateLayerState['role'] = 'participant',
) {
  return templateLayerShapes(
    laidOut({
      template,
      facilitation: { ...defaultFacilitationState, ...facilitation },
      role,
      messages: nl,
      actionPlan: [],
    }),
    page,
  )
}

const ofType = <T extends TLShape['type']>(shapes: TLShape[], type: T) =>
  shapes.filter((shape): shape is Extract<TLShape, { type: T }> => shape.type === type)
const inFrame = (shapes: TLShape[], frameId: string) =>
  shapes.filter((shape) => shape.id.startsWith(`${TEMPLATE_SHAPE_ID_PREFIX}${frameId}:`))

/** The OECD session after the team chose its first principle and the facilitator selected two plays. */
const chosen: Partial<FacilitationState> = {
  rounds: [
    { principleIds: ['verwelkomen-en-versterken'], playIds: ['vertrouwen-in-leiderschap', 'innovatie-in-de-praktijk'] },
  ],
}

describe('the template layer as shapes', () => {
  it('gives the OECD playbook one titled frame per stage, with its minutes, and the background', () => {
    const frames = ofType(layer(oecdTemplate), 'stage-frame')
    expect(frames.map((f) => f.props.title)).toEqual([
      'Achtergrond',
      ...oecdTemplate.agenda.map((stage) => stage.title),
    ])
    expect(frames.map((f) => f.props.minutes)).toEqual([0, ...oecdTemplate.agenda.map((stage) => stage.minutes)])
  })

  it('shows the intro and the journey at Welkom, and the five principles with their challenges at Startpunt', () => {
    const shapes = layer(oecdTemplate)
    const welkom = ofType(inFrame(shapes, 'r0:welkom'), 'playbook-card')
    expect(welkom.map((card) => card.props.title)).toEqual(
      [...oecdTemplate.intro, ...oecdTemplate.journey].map((s) => s.title),
    )
    const startpunt = ofType(inFrame(shapes, 'r0:startpunt'), 'playbook-card')
    expect(startpunt).toHaveLength(5)
    expect(startpunt[0]?.props).toMatchObject({
      kind: 'principle',
      kicker: 'Principe 1',
      title: oecdTemplate.principles[0]?.title,
      listHeading: 'Uitdagingen',
      list: oecdTemplate.principles[0]?.challengeQuestions,
    })
    // Nothing is chosen yet: Kaderen and Verbeteren show only where the team writes.
    expect(inFrame(shapes, 'r0:kaderen').map((s) => s.type)).toEqual(['writing-zone'])
    expect(inFrame(shapes, 'r0:verbeteren').map((s) => s.type)).toEqual(['writing-zone'])
  })

  it('shows the chosen principle with its questions and vote place, and the selected plays with their links', () => {
    const shapes = layer(oecdTemplate, chosen)
    const principle = oecdTemplate.principles[0]
    const details = ofType(inFrame(shapes, 'r0:kaderen'), 'playbook-card')
    expect(details.map((d) => d.props.kind)).toEqual(['principle-details'])
    expect(details[0]?.props.list).toEqual(principle?.dimensions)
    expect(details[0]?.props.noteHeading).toBe('Waarom is dit principe zo belangrijk?')
    const questions = ofType(inFrame(shapes, 'r0:kaderen'), 'question-card')
    expect(questions.map((q) => q.props.questionId)).toEqual(principle?.assessmentQuestions.map((q) => q.id))
    expect(new Set(questions.map((q) => q.props.voteLabel))).toEqual(new Set(['We moeten dit verbeteren!']))

    const plays = ofType(inFrame(shapes, 'r0:verbeteren'), 'play-card')
    expect(plays.map((p) => p.props.playId)).toEqual(['vertrouwen-in-leiderschap', 'innovatie-in-de-praktijk'])
    const first = principle?.plays[0]
    expect(plays[0]?.props).toMatchObject({
      title: first?.title,
      question: first?.question,
      actionsHeading: 'Hoe verbeteren we',
    })
    expect(plays[0]?.props.actions.map((a) => a.text)).toEqual(first?.actions.map((a) => a.text))
    expect(plays[0]?.props.toolkit).toEqual({
      heading: 'Toolkit',
      text: first?.toolkit?.text,
      links: first?.toolkit?.links,
    })
  })

  it('lays the Nido template out through the same code: every principle assessed, one play each', () => {
    const shapes = layer(nidoTemplate, {
      rounds: [{ principleIds: [], playIds: nidoTemplate.principles.flatMap((p) => p.plays.map((play) => play.id)) }],
    })
    expect(ofType(shapes, 'stage-frame').map((f) => f.props.title)).toEqual([
      'Achtergrond',
      ...nidoTemplate.agenda.map((s) => s.title),
    ])
    expect(ofType(shapes, 'question-card')).toHaveLength(6)
    expect(ofType(shapes, 'question-card').every((q) => q.props.voteLabel !== '')).toBe(true)
    expect(ofType(shapes, 'play-card')).toHaveLength(6)
    expect(ofType(shapes, 'writing-zone')).toHaveLength(nidoTemplate.agenda.length)
  })

  it('has nothing on a blank board', () => {
    expect(layer(null)).toEqual([])
  })

  it('names every shape after its layout id, validly, and the store accepts every record', () => {
    const shapes = layer(oecdTemplate, chosen, 'facilitator')
    const store = boardStore()
    store.put(shapes)
    for (const shape of shapes) {
      const layoutId = layoutIdOf(shape.id)
      expect(layoutId !== null && cardIdSchema.safeParse(layoutId).success).toBe(true)
      expect(store.get(shape.id)).toEqual(shape)
    }
    expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length)
  })

  it('is the same, record for record, every time it is computed', () => {
    expect(layer(oecdTemplate, chosen)).toEqual(layer(oecdTemplate, chosen))
  })

  it('lies below everything else on the page, frames below their cards', () => {
    const shapes = layer(oecdTemplate, chosen)
    const indices = shapes.map((s) => s.index)
    expect([...indices].sort()).toEqual(indices)
    expect(indices.every((index) => index < 'a0')).toBe(true)
    expect(layerIndex(0)).toBe('X000')
    expect(() => layerIndex(62 ** 3)).toThrow(RangeError)
  })

  it('moves a card the facilitator moved, for everyone', () => {
    const id = 'r0:startpunt:principle:verwelkomen-en-versterken'
    const moved = layer(oecdTemplate, { layoutOverrides: { [id]: { x: 5000, y: -300 } } })
    expect(moved.find((s) => s.id === `${TEMPLATE_SHAPE_ID_PREFIX}${id}`)).toMatchObject({ x: 5000, y: -300 })
  })

  it('takes what the facilitator hid from participants, and shows it faded to the facilitator', () => {
    const card = 'r0:startpunt:principle:verwelkomen-en-versterken'
    const hidden = { layoutOverrides: { [card]: { hidden: true }, background: { hidden: true } } }
    const participant = layer(oecdTemplate, hidden)
    expect(participant.some((s) => s.id === `${TEMPLATE_SHAPE_ID_PREFIX}${card}`)).toBe(false)
    expect(participant.some((s) => layoutIdOf(s.id)?.startsWith('background'))).toBe(false)
    const facilitator = layer(oecdTemplate, hidden, 'facilitator')
    expect(facilitator.find((s) => s.id === `${TEMPLATE_SHAPE_ID_PREFIX}${card}`)?.opacity).toBe(HIDDEN_CARD_OPACITY)
    expect(
      facilitator
        .filter((s) => layoutIdOf(s.id)?.startsWith('background'))
        .every((s) => s.opacity === HIDDEN_CARD_OPACITY),
    ).toBe(true)
  })

  it('locks every shape, except the cards for the facilitator while the layer is unlocked (frames and the plan stay)', () => {
    const unlocked = { templateLock: 'unlocked' as const }
    expect(layer(oecdTemplate, unlocked, 'participant').every((s) => s.isLocked)).toBe(true)
    expect(layer(oecdTemplate, unlocked, 'observer').every((s) => s.isLocked)).toBe(true)
    expect(layer(oecdTemplate, {}, 'facilitator').every((s) => s.isLocked)).toBe(true)
    const facilitator = layer(oecdTemplate, unlocked, 'facilitator')
    expect(
      facilitator.filter((s) => s.isLocked).every((s) => s.type === 'stage-frame' || s.type === 'action-plan-table'),
    ).toBe(true)
    expect(facilitator.some((s) => !s.isLocked)).toBe(true)
  })

  it('titles the frames of a later round with its number', () => {
    const shapes = layer(oecdTemplate, {
      rounds: [
        { principleIds: [], playIds: [] },
        { principleIds: [], playIds: [] },
      ],
    })
    const titles = ofType(shapes, 'stage-frame').map((f) => f.props.title)
    expect(titles).toContain(`${oecdTemplate.agenda[1]?.title} · ronde 2`)
  })

  it('builds the whole OECD layer, all principles and plays in one round, into over a hundred shapes (time printed, not checked)', () => {
    const everything: Partial<FacilitationState> = {
      rounds: [
        {
          principleIds: oecdTemplate.principles.map((p) => p.id),
          playIds: oecdTemplate.principles.flatMap((p) => p.plays.map((play) => play.id)),
        },
      ],
    }
    layer(oecdTemplate, everything) // warm-up: the first run also compiles
    const runs = 20
    const start = performance.now()
    let count = 0
    for (let i = 0; i < runs; i++) count = layer(oecdTemplate, everything, 'facilitator').length
    const perRun = (performance.now() - start) / runs
    console.info(`template layer: whole OECD playbook (${count} shapes) built in ${perRun.toFixed(2)} ms`)
    expect(count).toBeGreaterThan(100)
  })

  it("draws the action plan as a table inside the Actieplan frame, in the viewer's language, and only there", () => {
    const plan = [
      {
        id: 'p1',
        text: 'Een dag meelopen met de balie',
        owner: 'Bert',
        firstStep: 'Teamleider bellen',
        date: '2030-06-01',
      },
      { id: 'p2', text: 'Innovatiebudget aanvragen', owner: '', firstStep: '', date: '' },
    ].map((item, index) => ({ ...item, source: null, createdAt: index }))
    const state = laidOut({
      template: oecdTemplate,
      facilitation: defaultFacilitationState,
      role: 'participant' as const,
      messages: nl,
      actionPlan: plan,
    })
    const tables = ofType(templateLayerShapes(state, page), 'action-plan-table')
    expect(tables).toHaveLength(1)
    const table = tables[0]
    expect(table?.id).toBe(`${TEMPLATE_SHAPE_ID_PREFIX}r0:actieplan:writing-zone:plan`)
    expect(table?.props.headers).toEqual(['Actie', 'Eigenaar', 'Eerste stap', 'Datum'])
    expect(table?.props.rows.map((row) => row.cells)).toEqual([
      ['Een dag meelopen met de balie', 'Bert', 'Teamleider bellen', '2030-06-01'],
      ['Innovatiebudget aanvragen', 'Nog niemand', '', ''],
    ])
    const frame = state.layout.frames.find((f) => f.id === 'r0:actieplan')
    if (!table || !frame) throw new Error('no table or frame')
    expect(table.x).toBeGreaterThanOrEqual(frame.x)
    expect(table.y).toBeGreaterThanOrEqual(frame.y)
    expect(table.x + table.props.w).toBeLessThanOrEqual(frame.x + frame.w)
    expect(table.y + table.props.h).toBeLessThanOrEqual(frame.y + frame.h)
    expect(table.isLocked).toBe(true)

    const english = templateLayerShapes({ ...state, messages: messagesFor('en').templateLayer }, page)
    expect(ofType(english, 'action-plan-table')[0]?.props.headers).toEqual(['Action', 'Owner', 'First step', 'Date'])
    expect(boardStore().schema.validateRecord(boardStore(), table, 'createRecord', null)).toEqual(table)
  })
})
