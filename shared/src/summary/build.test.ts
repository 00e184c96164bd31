import { describe, expect, it } from 'vitest'
import { buildSummary, MAX_OPEN_STAGE_MS } from './build.ts'
import { fixtureInput, fixtureTemplate, HOSTILE, noteRecord, WORKSHOP_START } from './fixture.ts'
import { sessionSummarySchema, SUMMARY_SCHEMA_VERSION } from './model.ts'

const summary = buildSummary(fixtureInput)
const groupOf = (stageId: string | null, round: number | null) =>
  summary.stickyGroups.find((g) => g.stageId === stageId && g.round === round)

describe('the session summary', () => {
  it('fits its own schema and carries its version', () => {
    expect(sessionSummarySchema.parse(summary)).toEqual(summary)
    expect(summary.schemaVersion).toBe(SUMMARY_SCHEMA_VERSION)
    expect(summary.template).toEqual({ id: 'proef-playbook', title: 'Proef Playbook' })
  })

  it('dates the workshop by its first stage, in Amsterdam time', () => {
    expect(summary.session.date).toBe('2025-05-01')
    // 23:30 UTC on 30 April is already 1 May in Amsterdam.
    const lateStart = {
      ...fixtureInput.facilitation,
      stageHistory: [{ stageId: 'welkom', round: 0, at: Date.UTC(2025, 3, 30, 23, 30) }],
    }
    expect(buildSummary({ ...fixtureInput, facilitation: lateStart }).session.date).toBe('2025-05-01')
  })

  it('adds up time per stage over every visit, and lets the last stage run until the export', () => {
    const spent = Object.fromEntries(
      summary.stages.filter((s) => s.round === 0).map((s) => [s.stageId, s.spentMs / 60_000]),
    )
    expect(spent).toEqual({ welkom: 6, stand: 16, verbeteren: 20, actieplan: 18, afsluiting: 10 })
    expect(summary.duration).toEqual({
      startedAt: new Date(WORKSHOP_START).toISOString(),
      endedAt: new Date(WORKSHOP_START + 70 * 60_000).toISOString(),
      ms: 70 * 60_000,
    })
    expect(summary.stages.find((s) => s.stageId === 'stand' && s.round === 0)?.startedAt).toBe(
      new Date(WORKSHOP_START + 6 * 60_000).toISOString(),
    )
    // The second pass was laid out but never opened.
    expect(summary.stages.filter((s) => s.round === 1).map((s) => [s.stageId, s.startedAt, s.spentMs])).toEqual([
      ['stand', null, 0],
      ['verbeteren', null, 0],
      ['actieplan', null, 0],
      ['afsluiting', null, 0],
    ])
    const dayLater = buildSummary({ ...fixtureInput, now: WORKSHOP_START + 24 * 3_600_000 })
    expect(dayLater.stages.find((s) => s.stageId === 'afsluiting' && s.round === 0)?.spentMs).toBe(MAX_OPEN_STAGE_MS)
  })

  it('counts participants, and names them only when asked', () => {
    expect(summary.participants).toEqual({ count: 3, names: null })
    expect(buildSummary({ ...fixtureInput, includeNames: true }).participants.names).toEqual([
      'Anna',
      'Zoë <b>Ĳ</b>',
      HOSTILE.formula,
    ])
  })

  it('shows revealed tallies with labels and voter shares, and hides the rest', () => {
    const [revealed, hidden] = summary.voteRounds
    expect(revealed?.title).toBe('Waar staan we?')
    expect(revealed?.tallies).toEqual([
      { cardId: 'vraag-een', label: 'Kijken we naar de gebruiker?', votes: 3, voters: 3, share: 1 },
      { cardId: 'shape:idee-html', label: HOSTILE.html, votes: 2, voters: 2, share: 2 / 3 },
      { cardId: 'vraag-twee', label: 'Delen we wat we zien?', votes: 1, voters: 1, share: 1 / 3 },
    ])
    expect(hidden?.status).toBe('closed')
    expect(hidden?.tallies).toBeNull()
    expect(JSON.stringify(summary)).not.toMatch(/ballot|participantId/)
  })

  it('lists the chosen principle and the selected plays with their question, marks and links', () => {
    expect(summary.principles).toEqual([
      { round: 0, principleId: 'zie-wat-niemand-ziet', number: 1, title: 'Zie wat niemand ziet' },
      { round: 1, principleId: 'zie-wat-niemand-ziet', number: 1, title: 'Zie wat niemand ziet' },
    ])
    expect(summary.plays).toHaveLength(1)
    const play = summary.plays[0]
    expect(play?.question).toEqual({ questionId: 'vraag-een', text: 'Kijken we naar de gebruiker?', votes: 3 })
    expect(play?.actions.map((a) => [a.text, a.attribution, a.marks])).toEqual([
      ['Loop een dag mee', null, { geprobeerd: 1, 'willen-we-proberen': 2, 'niet-relevant': 0 }],
      ['Bel drie burgers', 'Een ambtenaar', { geprobeerd: 0, 'willen-we-proberen': 0, 'niet-relevant': 0 }],
    ])
    expect(play?.case).toEqual({
      title: 'Gemeente Voorbeeld',
      text: 'Zij liepen mee met de wijkagent.',
      links: ['https://example.org/casus'],
    })
    expect(play?.toolkit?.links).toEqual(['https://example.org/gids'])
  })

  it('carries the action plan as written', () => {
    expect(summary.actionPlan.map((i) => [i.action, i.owner, i.firstStep, i.date])).toEqual([
      ['Loop een dag mee met de wijkagent', 'Zoë Ĳzerman', 'Agenda’s naast elkaar leggen', '2025-06-01'],
      [HOSTILE.formula, HOSTILE.at, HOSTILE.html, ''],
    ])
  })

  it('groups every sticky by the stage frame it sits in, check-in and check-out included, empty stages kept', () => {
    expect(groupOf('welkom', 0)?.stickies.map((s) => s.text)).toEqual([HOSTILE.emoji, HOSTILE.dutch])
    expect(groupOf('stand', 0)?.stickies.map((s) => [s.id, s.votes])).toEqual([
      ['shape:idee-html', 2],
      ['shape:idee-md', null],
    ])
    expect(groupOf('verbeteren', 0)?.stickies.map((s) => s.text)).toEqual([HOSTILE.formula, HOSTILE.at])
    expect(groupOf('stand', 1)?.stickies.map((s) => s.text)).toEqual([HOSTILE.plusMinus])
    expect(groupOf('afsluiting', 0)?.stickies).toEqual([])
    expect(summary.stickyGroups.at(-1)).toEqual({
      kind: 'elsewhere',
      stageId: null,
      round: null,
      title: null,
      stickies: [{ id: 'shape:verdwaald', text: HOSTILE.tab.trim(), votes: null }],
    })
    expect(summary.stickyGroups.flatMap((g) => g.stickies)).toHaveLength(9)
  })

  it("places a sticky inside a frame of the participants' own by its page position", () => {
    const frame = {
      id: 'shape:eigen-frame',
      typeName: 'shape',
      type: 'frame',
      x: -50_000,
      y: -50_000,
      rotation: 0,
      parentId: 'page:page',
      props: {},
    }
    const inside = noteRecord('shape:in-frame', 'binnen', 0, 0, 'shape:eigen-frame')
    const records = new Map(fixtureInput.boardRecords)
    records.set(frame.id, frame)
    records.set(inside.id, inside)
    const elsewhere = buildSummary({ ...fixtureInput, boardRecords: records }).stickyGroups.at(-1)
    expect(elsewhere?.stickies.map((s) => s.id)).toContain('shape:in-frame')
  })

  it('puts every sticky of a blank board in one group', () => {
    const blank = buildSummary({ ...fixtureInput, template: null })
    expect(blank.template).toBeNull()
    expect(blank.stages).toEqual([])
    expect(blank.plays).toEqual([])
    expect(blank.stickyGroups).toHaveLength(1)
    expect(blank.stickyGroups[0]?.kind).toBe('board')
    expect(blank.stickyGroups[0]?.stickies).toHaveLength(9)
    expect(blank.voteRounds[0]?.tallies?.[0]?.label).toBe('vraag-een')
  })

  it('has no duration before the first stage opened, and dates the session by its creation', () => {
    const fresh = buildSummary({ ...fixtureInput, facilitation: { ...fixtureInput.facilitation, stageHistory: [] } })
    expect(fresh.duration).toBeNull()
    expect(fresh.session.date).toBe('2025-05-01')
    expect(fresh.stages.every((s) => s.spentMs === 0 && s.startedAt === null)).toBe(true)
  })

  it('uses a template fixture that passes the template schema', async () => {
    const { templateSchema } = await import('../template/template.ts')
    expect(templateSchema.safeParse(fixtureTemplate).error?.issues).toBeUndefined()
  })
})
