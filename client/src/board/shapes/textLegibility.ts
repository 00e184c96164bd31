import { useValue, type Editor } from 'tldraw'

/**
 * Below this size on screen letters are a grey smudge: no one reads 4-pixel text, yet drawing it is most of what a
 * crowded board costs a browser zoomed out over it. The browser rasters the board in tiles and redraws a whole
 * tile when anything in it changes; at "fit the whole board" a tile holds many cards' and notes' text.
 */
export const MIN_LEGIBLE_TEXT_PX = 5

/** Whether text of this size (page units, scale included) can be read at this zoom. */
export function isTextLegible(zoom: number, fontSizePx: number): boolean {
  return zoom * fontSizePx >= MIN_LEGIBLE_TEXT_PX
}

/** The default of `keepDrawn`: one function, so the hook's dependencies stay the same from render to render. */
const never = (): boolean => false

/**
 * Whether a shape's text is drawn: while it can be read, or while `keepDrawn` says it must be (the note being
 * typed in). Otherwise the shape shows its card and a hint of lines, as MURAL and Miro do when zoomed out. Reads
 * the editor's efficient zoom, which tldraw debounces on large boards, so zooming does not re-render every shape
 * on every step.
 */
export function useTextLegible(editor: Editor, fontSizePx: number, keepDrawn: () => boolean = never): boolean {
  return useValue('text legible', () => isTextLegible(editor.getEfficientZoomLevel(), fontSizePx) || keepDrawn(), [
    editor,
    fontSizePx,
    keepDrawn,
  ])
}

/** The smallest size on screen a stage's title is drawn at, however far out the board is zoomed. */
export const MIN_TITLE_SCREEN_PX = 12

/**
 * How much to enlarge a title of `fontSizePx` page units so it is at least `MIN_TITLE_SCREEN_PX` on screen: 1 while
 * it already is. Zoomed out over the whole board, the stages' titles are what people find their way by.
 */
export function titleEnlargement(zoom: number, fontSizePx: number): number {
  if (!(zoom > 0)) return 1
  return Math.max(1, MIN_TITLE_SCREEN_PX / (zoom * fontSizePx))
}
