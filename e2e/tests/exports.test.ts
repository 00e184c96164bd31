import { readFile } from 'node:fs/promises'
import { getTemplate } from '@werkplaats/playbook-data'
import { readPdf } from '@werkplaats/server/testing/pdf'
import { runWorkshop, TEMPLATE_ID, type Workshop } from '@werkplaats/server/testing/workshop'
import { layoutTemplate, sessionSummarySchema } from '@werkplaats/shared'
import type { Download } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { facilitatorLink } from '../support/server.ts'
import { useBrowserSession } from '../support/session.ts'

/**
 * After a small workshop (three participants, a revealed anonymous vote round, marks, a check-in sticky and an
 * action-plan item, made through the HTTP API and Yjs where the UI does not exist yet), the facilitator opens
 * "Exporteren" and downloads every format; each file holds the votes and the action plan, and the PNG of a
 * stage is a real image of that stage frame's size.
 */
describe('the facilitator exports the session', () => {
  const {
    server,
    people: { Fien: fien },
  } = useBrowserSession({ people: ['Fien'] })
  let workshop: Workshop

  beforeAll(async () => {
    workshop = await runWorkshop(server.url, server.wsUrl, { title: 'Exportsessie café' })
    await fien.open(await facilitatorLink(server.url, workshop.session))
    await fien.page.getByRole('button', { name: 'Exporteren', exact: true }).click()
  })

  async function download(buttonName: string): Promise<{ download: Download; body: Buffer }> {
    const menu = fien.page.getByRole('region', { name: 'Exporteren' })
    const waiting = fien.page.waitForEvent('download').catch(async (error: unknown) => {
      // Say what the menu says instead of only that no download came.
      throw new Error(`no download; the menu says: ${await menu.getByRole('status').textContent()}`, { cause: error })
    })
    const [file] = await Promise.all([waiting, menu.getByRole('button', { name: buttonName }).click()])
    const path = await file.path()
    return { download: file, body: await readFile(path) }
  }

  it('downloads Markdown, CSV and JSON that hold the votes and the action plan', async () => {
    const { topQuestion, actionPlan } = workshop
    const md = await download('Markdown downloaden')
    expect(md.download.suggestedFilename()).toMatch(/^exportsessie-café-\d{4}-\d{2}-\d{2}\.md$/)
    const markdown = md.body.toString('utf8')
    expect(markdown).toContain(`| ${topQuestion.text} | 3 | 100% |`)
    expect(markdown).toContain(
      `| ${actionPlan.text} | ${actionPlan.owner} | ${actionPlan.firstStep} | ${actionPlan.date} |`,
    )

    const csv = await download('CSV downloaden')
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csvText = csv.body.toString('utf8')
    expect(csvText).toContain(`;${topQuestion.text};;3;100%;`)
    expect(csvText).toContain(
      `;${actionPlan.text};;;;;;;${actionPlan.owner};${actionPlan.firstStep};${actionPlan.date};`,
    )

    const json = sessionSummarySchema.parse(JSON.parse((await download('JSON downloaden')).body.toString('utf8')))
    expect(json.voteRounds[0]?.tallies?.[0]).toMatchObject({ label: topQuestion.text, votes: 3 })
    expect(json.actionPlan.map((item) => item.action)).toEqual([actionPlan.text])
    expect(json.participants.names).toBeNull()
  })

  it('puts names in only when the facilitator ticks the box', async () => {
    await fien.page.getByLabel('Namen van deelnemers opnemen').check()
    const json = sessionSummarySchema.parse(JSON.parse((await download('JSON downloaden')).body.toString('utf8')))
    expect(json.participants.names).toEqual(['Anna', 'Bert', 'Zoë'])
    await fien.page.getByLabel('Namen van deelnemers opnemen').uncheck()
  })

  it('downloads a PDF whose text holds the tallies and the action plan', async () => {
    const pdf = await download('PDF downloaden')
    expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/)
    const { text, info } = readPdf(new Uint8Array(pdf.body))
    const flat = text.replace(/\s+/g, ' ')
    expect(info['Page size']).toMatch(/A4/)
    expect(flat).toContain('3 (100%)')
    expect(flat).toContain(workshop.actionPlan.text)
    expect(flat).toContain(workshop.actionPlan.owner)
  })

  it("downloads the check-in stage as a PNG of that frame's size, and the whole board as SVG", async () => {
    const template = getTemplate(TEMPLATE_ID)
    if (!template) throw new Error('no template')
    const principle = template.principles[0]
    const frame = layoutTemplate(template, {
      rounds: [{ principleIds: principle ? [principle.id] : [], playIds: [workshop.play.id] }],
      layoutOverrides: {},
    }).frames.find((f) => f.kind === 'stage' && f.stageId === template.agenda[0]?.id && f.round === 0)
    if (!frame) throw new Error('no check-in frame')
    await fien.page
      .getByRole('region', { name: 'Exporteren' })
      .getByLabel('Wat')
      .selectOption({ label: template.agenda[0]?.title ?? '' })
    const png = await download('PNG downloaden')
    expect(png.download.suggestedFilename()).toMatch(
      new RegExp(`^exportsessie-café-${frame.stageId}-\\d{4}-\\d{2}-\\d{2}\\.png$`),
    )
    expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    // IHDR: width and height, big-endian, right after the signature and the chunk's length and type.
    expect(png.body.subarray(12, 16).toString('latin1')).toBe('IHDR')
    expect(png.body.readUInt32BE(16)).toBe(Math.ceil(frame.w))
    expect(png.body.readUInt32BE(20)).toBe(Math.ceil(frame.h))

    await fien.page
      .getByRole('region', { name: 'Exporteren' })
      .getByLabel('Wat')
      .selectOption({ label: 'Het hele bord' })
    const svg = (await download('SVG downloaden')).body.toString('utf8')
    expect(svg).toMatch(/^<svg[\s>]/)
    expect(svg).toContain('Check-in')

    // The whole board is wider than any image viewer wants: scaled down to 8,000 px on its longest side.
    const board = (await download('PNG downloaden')).body
    const [width, height] = [board.readUInt32BE(16), board.readUInt32BE(20)]
    expect(Math.max(width, height)).toBe(8_000)
    expect(Math.min(width, height)).toBeGreaterThan(1_000)
  })
})
