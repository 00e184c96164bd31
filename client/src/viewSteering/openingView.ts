import type { LaidOutFrame, Rect, TemplateLayout } from '@werkplaats/shared'

/**
 * Where a view goes when a stage opens: the stage's working area, at a zoom where its cards can be read. Fitting
 * a whole frame on a laptop gave 30–45 % zoom and card lines 8 px high; here the zoom never goes below the one
 * that makes a card's text line `READABLE_LINE_PX` high on screen. When the working area does not fit at that
 * zoom, the view starts where reading starts: the stage's title and its first cards, top left. Pure: the
 * screen's size comes in, a page rectangle of the screen's shape goes out (for `editor.zoomToBounds`, inset 0).
 */

/** A card's text line on the board, in page units: `.wp-tpl-card` is 14px/20px (board/shapes/templateShapes.css). */
export const CARD_LINE_HEIGHT = 20
/** A text line this high on screen is read without leaning in. */
export const READABLE_LINE_PX = 14
/** The least zoom a stage opens at: card lines are `READABLE_LINE_PX` high on screen (0.7). */
export const READABLE_ZOOM = READABLE_LINE_PX / CARD_LINE_HEIGHT
/** A small stage is not blown up beyond its real size. */
export const MAX_OPENING_ZOOM = 1

export interface Size {
  readonly w: number
  readonly h: number
}

/** Screen pixels along each edge that the editor's own controls cover (menu and top bar above, toolbar below). */
export interface ScreenInsets {
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly left: number
}

export const BOARD_CHROME: ScreenInsets = { top: 64, right: 16, bottom: 80, left: 16 }

/**
 * The part of a stage's frame that matters when it opens: its visible cards (the template's texts and the writing
 * zone) with the title band above them; the frame's empty margins are left out. A frame without cards is itself.
 */
export function workingArea(layout: TemplateLayout, frame: LaidOutFrame): Rect {
  const cards = layout.cards.filter((card) => card.frameId === frame.id && !card.hidden)
  if (cards.length === 0) return frame
  const left = Math.min(...cards.map((card) => card.x))
  const right = Math.max(...cards.map((card) => card.x + card.w))
  const bottom = Math.max(...cards.map((card) => card.y + card.h))
  return { x: left, y: frame.y, w: right - left, h: bottom - frame.y }
}

/** The zoom a stage opens at: the working area fitted between the insets, but never unreadable nor above 100 %. */
export function openingZoom(area: Rect, screen: Size, insets: ScreenInsets = BOARD_CHROME): number {
  const usable = usableSize(screen, insets)
  const fit = Math.min(usable.w / area.w, usable.h / area.h)
  return Math.min(MAX_OPENING_ZOOM, Math.max(READABLE_ZOOM, fit))
}

/**
 * The page rectangle to show (the screen's shape): the area centred between the insets along each side it fits
 * on, and from its start (top, left) along a side it does not, so the title and the first cards are in view.
 */
export function openingView(area: Rect, screen: Size, insets: ScreenInsets = BOARD_CHROME): Rect {
  const zoom = openingZoom(area, screen, insets)
  const usable = usableSize(screen, insets)
  const place = (start: number, length: number, usableLength: number, before: number) =>
    length * zoom <= usableLength ? start + length / 2 - (before + usableLength / 2) / zoom : start - before / zoom
  return {
    x: place(area.x, area.w, usable.w, insets.left),
    y: place(area.y, area.h, usable.h, insets.top),
    w: screen.w / zoom,
    h: screen.h / zoom,
  }
}

function usableSize(screen: Size, insets: ScreenInsets): Size {
  return {
    w: Math.max(1, screen.w - insets.left - insets.right),
    h: Math.max(1, screen.h - insets.top - insets.bottom),
  }
}
