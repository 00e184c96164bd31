import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Participant } from '../support/browser.ts'
import { useBrowserSession, useNoteWriter } from '../support/session.ts'

/**
 * tldraw draws selection and hover outlines on one canvas over the whole board. Another participant's new or
 * edited note that is nobody's selection changes nothing on it, so the canvas is not cleared and drawn again (on a
 * busy board that was nearly every frame); what it shows still follows the selection.
 */
describe('the overlay canvas of selection outlines', () => {
  const {
    server,
    people: { Bram: bram },
  } = useBrowserSession({ people: ['Bram'] })
  const { writeNote } = useNoteWriter(server, bram, { templateId: 'blank', title: 'Omlijning' })

  it('outlines the note a participant selects', async () => {
    writeNote('shape:eerste', 'Eerste idee', 300, 250)
    await bram.shapeWithText('Eerste idee').waitFor({ timeout: 15_000 })
    await countOverlayRedraws(bram.page)
    await bram.shapeWithText('Eerste idee').click()
    await bram.nextFrames()
    expect(await overlayRedraws(bram.page)).toBeGreaterThan(0)
    expect(await outlinePixels(bram, 'Eerste idee')).toBeGreaterThan(0)
  })

  it('is not redrawn for notes someone else writes', async () => {
    await countOverlayRedraws(bram.page)
    writeNote('shape:tweede', 'Tweede idee', 600, 250)
    await bram.shapeWithText('Tweede idee').waitFor({ timeout: 15_000 })
    writeNote('shape:tweede', 'Tweede idee, herschreven', 600, 250)
    await bram.shapeWithText('Tweede idee, herschreven').waitFor({ timeout: 15_000 })
    await bram.nextFrames()
    expect(await overlayRedraws(bram.page)).toBe(0)
    // What was drawn stays: the selected note is still outlined.
    expect(await outlinePixels(bram, 'Eerste idee')).toBeGreaterThan(0)
  })

  it('follows a change to the selected note', async () => {
    await countOverlayRedraws(bram.page)
    writeNote('shape:eerste', 'Eerste idee, verplaatst', 300, 450)
    await bram.shapeWithText('Eerste idee, verplaatst').waitFor({ timeout: 15_000 })
    await bram.nextFrames()
    expect(await overlayRedraws(bram.page)).toBeGreaterThan(0)
    expect(await outlinePixels(bram, 'Eerste idee, verplaatst')).toBeGreaterThan(0)
  })

  it('loses the outline when the selection ends', async () => {
    await bram.page.mouse.move(5, 650)
    await bram.page.keyboard.press('Escape')
    await bram.nextFrames()
    expect(await outlinePixels(bram, 'Eerste idee, verplaatst')).toBe(0)
  })
})

/** Starts counting how often the overlay canvas is cleared (each redraw begins with a clear). */
async function countOverlayRedraws(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.tl-canvas-overlays')
    const context = canvas?.getContext('2d')
    if (!context) throw new Error('no overlay canvas')
    const counted = window as unknown as { overlayRedraws: number }
    counted.overlayRedraws = 0
    const clear = CanvasRenderingContext2D.prototype.clearRect
    context.clearRect = (...args: Parameters<typeof clear>) => {
      counted.overlayRedraws += 1
      clear.apply(context, args)
    }
  })
}

async function overlayRedraws(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { overlayRedraws: number }).overlayRedraws)
}

/** Drawn pixels of the overlay canvas on a band around the note's edge: its outline, if it has one. */
async function outlinePixels(person: Participant, text: string): Promise<number> {
  const note = await person.settledBox(person.shapeWithText(text).locator('.tl-note__container'))
  if (!note) throw new Error(`no note "${text}"`)
  return person.page.evaluate((box) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.tl-canvas-overlays')
    const context = canvas?.getContext('2d')
    if (!canvas || !context) throw new Error('no overlay canvas')
    const at = canvas.getBoundingClientRect()
    const scale = canvas.width / at.width
    const band = 4
    const left = Math.max(0, Math.floor((box.x - at.x - band) * scale))
    const top = Math.max(0, Math.floor((box.y - at.y - band) * scale))
    const width = Math.ceil((box.width + 2 * band) * scale)
    const height = Math.ceil((box.height + 2 * band) * scale)
    const { data } = context.getImageData(left, top, width, height)
    let drawn = 0
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn += 1
    return drawn
  }, note)
}
