import type { Editor, TLUiActionsContextType, TLUiToolsContextType } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { outsideContentUiOverrides, refuseOutsideContent } from './outsideContentHandlers.ts'

/** The editor's two registries of handlers for what comes from outside, as `refuseOutsideContent` leaves them. */
function registeredOn() {
  const assets = new Map<string, unknown>()
  const content = new Map<string, unknown>()
  const editor = {
    registerExternalAssetHandler: (type: string, handler: unknown) => assets.set(type, handler),
    registerExternalContentHandler: (type: string, handler: unknown) => content.set(type, handler),
  }
  refuseOutsideContent(editor as unknown as Editor)
  return { assets, content }
}

describe('what comes onto the board from outside', () => {
  it('takes no file or address as an asset', () => {
    const { assets } = registeredOn()
    expect(Object.fromEntries(assets)).toEqual({ file: null, url: null })
  })

  it('takes no dropped file, picture, SVG, embed or Excalidraw drawing', () => {
    const { content } = registeredOn()
    for (const type of ['files', 'file-replace', 'svg-text', 'embed', 'excalidraw'])
      expect(content.get(type), type).toBeNull()
  })

  it("handles pasted links and tldraw drawings itself, in place of tldraw's own handlers", () => {
    const { content } = registeredOn()
    expect(typeof content.get('url')).toBe('function')
    expect(typeof content.get('tldraw')).toBe('function')
    // Text stays tldraw's own: a pasted sentence becomes a text shape as usual.
    expect(content.has('text')).toBe(false)
  })
})

describe("tldraw's menus", () => {
  it('offer no way to insert a picture, a video or an embed, and keep the rest', () => {
    const tools = { asset: {}, embed: {}, note: {}, select: {} } as unknown as TLUiToolsContextType
    const actions = { 'insert-media': {}, 'insert-embed': {}, undo: {} } as unknown as TLUiActionsContextType
    const editor = {} as Editor
    const helpers = {} as never
    expect(Object.keys(outsideContentUiOverrides.tools?.(editor, tools, helpers) ?? {})).toEqual(['note', 'select'])
    expect(Object.keys(outsideContentUiOverrides.actions?.(editor, actions, helpers) ?? {})).toEqual(['undo'])
  })
})
