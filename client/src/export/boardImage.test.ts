import { Box, type Editor, type TLShapeId } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { boardImage } from './boardImage.ts'
import { formatNames, saveBlob } from './download.ts'
import { MAX_IMAGE_SIDE } from './imageSize.ts'

type ToImageOptions = { format: string; padding: number; scale: number; bounds?: Box; background: boolean }

/** The part of tldraw's editor an export reads: the page's shapes and their bounds, and `toImage`, recorded. */
function boardOf(shapes: Record<string, { x: number; y: number; w: number; h: number }>) {
  const exported: { ids: TLShapeId[]; options: ToImageOptions }[] = []
  const editor = {
    getCurrentPageShapeIds: () => new Set(Object.keys(shapes) as TLShapeId[]),
    getShapePageBounds: (id: TLShapeId) => {
      const b = shapes[id]
      return b ? new Box(b.x, b.y, b.w, b.h) : undefined
    },
    async toImage(ids: TLShapeId[], options: ToImageOptions) {
      exported.push({ ids, options })
      return { blob: new Blob(['image']), width: 1, height: 1 }
    },
  }
  return { editor: editor as unknown as Editor, exported }
}

describe('an image of the board', () => {
  it('is every shape on the page, with room around it, one pixel per board unit', async () => {
    const { editor, exported } = boardOf({
      'shape:a': { x: 0, y: 0, w: 100, h: 100 },
      'shape:b': { x: 500, y: 0, w: 100, h: 100 },
    })
    expect(await boardImage(editor, 'png', null)).not.toBeNull()
    expect(exported[0]?.ids.sort()).toEqual(['shape:a', 'shape:b'])
    expect(exported[0]?.options).toMatchObject({ format: 'png', padding: 32, scale: 1, background: true })
    expect(exported[0]?.options.bounds).toBeUndefined()
  })

  it("of one stage is exactly its frame's area, with what overlaps it and nothing else", async () => {
    const { editor, exported } = boardOf({
      'shape:in': { x: 10, y: 10, w: 50, h: 50 },
      'shape:edge': { x: 990, y: 10, w: 50, h: 50 },
      'shape:out': { x: 2000, y: 0, w: 50, h: 50 },
    })
    await boardImage(editor, 'svg', { x: 0, y: 0, w: 1000, h: 600 })
    expect(exported[0]?.ids.sort()).toEqual(['shape:edge', 'shape:in'])
    expect(exported[0]?.options).toMatchObject({ format: 'svg', padding: 0, scale: 1 })
    expect(exported[0]?.options.bounds).toMatchObject({ x: 0, y: 0, w: 1000, h: 600 })
  })

  it('is scaled down when its longest side would pass the maximum', async () => {
    const { editor, exported } = boardOf({ 'shape:wide': { x: 0, y: 0, w: 4 * MAX_IMAGE_SIDE, h: 100 } })
    await boardImage(editor, 'png', { x: 0, y: 0, w: 4 * MAX_IMAGE_SIDE, h: 100 })
    expect(exported[0]?.options.scale).toBe(0.25)
  })

  it('is nothing for an empty board or an empty stage', async () => {
    expect(await boardImage(boardOf({}).editor, 'png', null)).toBeNull()
    const { editor, exported } = boardOf({ 'shape:a': { x: 0, y: 0, w: 10, h: 10 } })
    expect(await boardImage(editor, 'png', { x: 100, y: 100, w: 10, h: 10 })).toBeNull()
    expect(exported).toHaveLength(0)
  })
})

describe('saving a downloaded file', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('clicks a hidden link to an object URL under the name, and lets the URL go only after the browser took it', () => {
    vi.useFakeTimers()
    const clicked: { href: string; download: string; rel: string }[] = []
    const revoked: string[] = []
    const body: unknown[] = []
    const link = {
      href: '',
      download: '',
      rel: '',
      style: { display: '' },
      click() {
        clicked.push({ href: this.href, download: this.download, rel: this.rel })
      },
      remove: () => body.splice(body.indexOf(link), 1),
    }
    vi.stubGlobal('document', { createElement: () => link, body: { append: (node: unknown) => body.push(node) } })
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:werkplaats/1')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url))
    saveBlob(new Blob(['# Sessie']), 'sessie.md')
    expect(clicked).toEqual([{ href: 'blob:werkplaats/1', download: 'sessie.md', rel: 'noopener' }])
    expect(link.style.display).toBe('none')
    expect(body).toEqual([])
    vi.advanceTimersByTime(9_999)
    expect(revoked).toEqual([])
    vi.advanceTimersByTime(1)
    expect(revoked).toEqual(['blob:werkplaats/1'])
  })

  it('names every format the menu offers', () => {
    expect(Object.values(formatNames)).toEqual(['PDF', 'Markdown', 'CSV', 'JSON', 'PNG', 'SVG'])
  })
})
