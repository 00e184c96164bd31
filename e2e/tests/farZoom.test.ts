import type { CDPSession } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserSession, useNoteWriter } from '../support/session.ts'

const PRINCIPLE = 'INNOVATIE BINNEN DE OVERHEIDSSECTOR VERWELKOMEN EN VERSTERKEN'

/**
 * Zoomed out over the whole board, text is a few pixels high: nobody reads it, yet drawing it was most of what a
 * crowd cost the facilitator's browser (each remote edit re-rastered the tiles around it, full of cards' text,
 * and the editor's focus outline repainted the whole board). There, notes and cards show their boxes and a hint of
 * lines; the text stays in the DOM, and zooming in to read brings it back.
 */
describe('a board zoomed out too far to read', () => {
  const {
    server,
    people: { Bram: bram },
  } = useBrowserSession({ people: ['Bram'] })
  const writer = useNoteWriter(server, bram, { templateId: 'oecd-innovatie-playbook', title: 'Ver weg' })

  const note = (text: string) => bram.shapeWithText(text).locator('.wp-note')
  const card = () => bram.page.locator('.wp-tpl-shape').filter({ hasText: PRINCIPLE }).first()

  // Where the view people are brought to shows it, in the template's first stage.
  const writeNote = (id: string, text: string) => writer.writeNote(id, text, 200, 200)

  it('draws the text of notes and cards at the view people are brought to', async () => {
    writeNote('shape:ver-weg', 'Ver weg idee')
    await note('Ver weg idee').waitFor({ state: 'attached', timeout: 15_000 })
    await card().waitFor({ state: 'attached' })
    expect(await note('Ver weg idee').getAttribute('data-text')).toBe('drawn')
    expect(
      await note('Ver weg idee')
        .locator('.tl-text-label')
        .evaluate((label) => label.getClientRects().length),
    ).toBe(1)
  })

  it("zoomed out to the whole board, shows boxes with lines and the stages' titles, the text still in the DOM", async () => {
    // The editor takes the keys once focused; a click could land on a card or the toolbar.
    await bram.page.locator('.tl-container').focus()
    await bram.page.keyboard.press('Shift+1')
    await note('Ver weg idee').and(bram.page.locator('[data-text="hint"]')).waitFor({ state: 'attached' })
    await bram.nextFrames()
    const hinted = await note('Ver weg idee').evaluate((wrapper) => {
      const label = wrapper.querySelector('.tl-text-label')
      const container = wrapper.querySelector('.tl-note__container')
      return {
        labelBoxes: label?.getClientRects().length,
        bar: container ? getComputedStyle(container, '::before').backgroundColor : undefined,
        text: wrapper.textContent,
      }
    })
    expect(hinted.labelBoxes).toBe(0)
    expect(hinted.bar).not.toBe('rgba(0, 0, 0, 0)')
    expect(hinted.text).toContain('Ver weg idee')
    expect(await card().getAttribute('data-text')).toBe('hint')
    expect(await card().evaluate((shape) => shape.querySelector('.wp-tpl-title')?.getClientRects().length)).toBe(0)
    // The stages' titles are what people find their way by: drawn larger, readable on screen.
    const title = await bram.page.locator('.wp-tpl-frame__title').filter({ hasText: 'Welkom & check-in' }).boundingBox()
    expect(title?.height).toBeGreaterThanOrEqual(12)
  })

  it('repaints nothing of a note another participant edits there, nor the board around it', async () => {
    const cdp = await bram.page.context().newCDPSession(bram.page)
    const stop = await tracePaintInvalidations(cdp)
    writeNote('shape:ver-weg', 'Ver weg idee, herschreven')
    await bram.shapeWithText('Ver weg idee, herschreven').waitFor({ state: 'attached' })
    await bram.nextFrames()
    // The marker: a new note does appear, so a repaint in this window would have been recorded.
    writeNote('shape:teken', 'Teken')
    await note('Teken').waitFor({ state: 'attached' })
    await bram.nextFrames()
    const repainted = await stop()
    await cdp.detach()
    expect(
      repainted.some((item) => item.includes("id='shape:teken'")),
      repainted.join('\n'),
    ).toBe(true)
    // No text nor its paragraph, and not the editor's outline: those would re-raster the board's tiles. (The
    // marker's bars are pseudo-elements, `LayoutTextFragment`, drawn once as it appears.)
    expect(repainted.filter((item) => /LayoutText #text| P( |$)|\(outline\)/.test(item))).toEqual([])
  })

  it('draws the text again once zoomed in to read', async () => {
    const zoomedIn = note('Ver weg idee, herschreven').and(bram.page.locator('[data-text="drawn"]'))
    // Control and the wheel over the note, as people zoom in to read, until its text is drawn.
    for (let step = 0; step < 25 && (await zoomedIn.count()) === 0; step++) {
      const box = await bram.settledBox(bram.shapeWithText('Ver weg idee, herschreven'))
      if (!box) throw new Error('the note is not on screen')
      await bram.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await bram.page.keyboard.down('Control')
      await bram.page.mouse.wheel(0, -600)
      await bram.page.keyboard.up('Control')
    }
    await zoomedIn.waitFor({ state: 'attached' })
    await bram.nextFrames()
    expect(
      await note('Ver weg idee, herschreven')
        .locator('.tl-text-label')
        .evaluate((label) => label.getClientRects().length),
    ).toBe(1)
    expect(bram.problems).toEqual([])
  })
})

/** Records Blink's paint invalidations (display item client and reason) until the returned function is called. */
async function tracePaintInvalidations(cdp: CDPSession): Promise<() => Promise<string[]>> {
  const items: string[] = []
  const onData = (data: { value: object[] }) => {
    for (const event of data.value as { name?: string; args?: { client?: string; reason?: string } }[]) {
      if (event.name === 'InvalidateDisplayItemClient') items.push(`${event.args?.client} (${event.args?.reason})`)
    }
  }
  cdp.on('Tracing.dataCollected', onData)
  await cdp.send('Tracing.start', {
    categories: 'disabled-by-default-blink.invalidation',
    transferMode: 'ReportEvents',
  })
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
    await cdp.send('Tracing.end')
    await complete
    cdp.off('Tracing.dataCollected', onData)
    return items
  }
}
