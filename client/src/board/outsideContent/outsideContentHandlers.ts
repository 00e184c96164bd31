import {
  defaultHandleExternalTextContent,
  defaultHandleExternalTldrawContent,
  type Editor,
  type TLContent,
  type TLUiOverrides,
} from 'tldraw'
import { outsideContentShapeTypes } from './outsideContentShapes.tsx'

/**
 * What comes onto the board from outside (a pasted link, a dropped picture or file, a pasted drawing) never
 * becomes a shape that shows outside content (see `outsideContentShapes.tsx`), and nothing is fetched to
 * describe it:
 * - a pasted link becomes text on a text shape, not a bookmark or an embed (either would fetch the address);
 * - dropped or pasted files and pictures, pasted SVG and Excalidraw drawings are not taken (a picture would
 *   have to be stored in the board for everyone; the board holds stickies and text, not files);
 * - a tldraw drawing pasted from another board keeps its shapes, without images, videos, bookmarks, embeds
 *   or their assets.
 * Call from the editor's `onMount`: it replaces tldraw's default handlers, which are registered before it.
 */
export function refuseOutsideContent(editor: Editor): void {
  editor.registerExternalAssetHandler('file', null)
  editor.registerExternalAssetHandler('url', null)
  editor.registerExternalContentHandler('files', null)
  editor.registerExternalContentHandler('file-replace', null)
  editor.registerExternalContentHandler('svg-text', null)
  editor.registerExternalContentHandler('embed', null)
  editor.registerExternalContentHandler('excalidraw', null)
  editor.registerExternalContentHandler('url', ({ url, point }) =>
    defaultHandleExternalTextContent(editor, point ? { text: url, point } : { text: url }),
  )
  editor.registerExternalContentHandler('tldraw', ({ content, point }) =>
    defaultHandleExternalTldrawContent(
      editor,
      point ? { content: withoutOutsideContent(content), point } : { content: withoutOutsideContent(content) },
    ),
  )
}

/** Copied tldraw content without the shapes that show outside content, their bindings, and any asset. */
export function withoutOutsideContent(content: TLContent): TLContent {
  const shapes = content.shapes.filter((shape) => !outsideContentShapeTypes.has(shape.type))
  const kept = new Set<string>(shapes.map((shape) => shape.id))
  return {
    ...content,
    shapes,
    rootShapeIds: content.rootShapeIds.filter((id) => kept.has(id)),
    bindings: content.bindings?.filter((binding) => kept.has(binding.fromId) && kept.has(binding.toId)),
    // Every asset tldraw knows (image, video, bookmark) belongs to one of those shapes.
    assets: [],
  }
}

/** tldraw's UI without the ways to insert a picture, a video or an embed ("Media invoegen", "Embed invoegen"). */
export const outsideContentUiOverrides: TLUiOverrides = {
  tools(_editor, tools) {
    const { asset: _asset, embed: _embed, ...rest } = tools
    return rest
  },
  actions(_editor, actions) {
    const { 'insert-media': _media, 'insert-embed': _embed, ...rest } = actions
    return rest
  },
}
