import { currentStageFrame, defaultFacilitationState, layoutTemplate } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { loadTemplate } from '../facilitation/testTemplates.ts'
import {
  BOARD_CHROME,
  CARD_LINE_HEIGHT,
  MAX_OPENING_ZOOM,
  openingView,
  openingZoom,
  READABLE_LINE_PX,
  workingArea,
} from './openingView.ts'

const laptop = { w: 1440, h: 900 }
const phone = { w: 390, h: 844 }
const oecdTemplate = loadTemplate('oecd-innovatie-playbook')
const layout = layoutTemplate(oecdTemplate, defaultFacilitationState)

function frameOf(stageId: string) {
  const frame = currentStageFrame(layout, { stageId, rounds: [{ principleIds: [], playIds: [] }] })
  if (!frame) throw new Error(`no frame for ${stageId}`)
  return frame
}

/** The page rectangle's on-screen zoom: the screen's width over the rectangle's. */
const zoomOf = (view: { w: number }, screen: { w: number }) => screen.w / view.w

describe("a stage's opening view", () => {
  it('makes card text lines at least 14 px high on a 1440×900 screen, on every stage of the OECD playbook', () => {
    for (const stage of oecdTemplate.agenda) {
      const view = openingView(workingArea(layout, frameOf(stage.id)), laptop)
      expect(CARD_LINE_HEIGHT * zoomOf(view, laptop), stage.id).toBeGreaterThanOrEqual(READABLE_LINE_PX - 1e-9)
      // The rectangle has the screen's shape, so zooming to it (inset 0) is exactly this zoom.
      expect(view.w / view.h).toBeCloseTo(laptop.w / laptop.h, 9)
    }
  })

  it('shows a small stage whole, centred between the menu and the toolbar, and never above 100 %', () => {
    const area = workingArea(layout, frameOf('actieplan'))
    const view = openingView(area, { w: 2560, h: 1440 })
    expect(zoomOf(view, { w: 2560 })).toBe(MAX_OPENING_ZOOM)
    const shown = openingView(area, laptop)
    const zoom = zoomOf(shown, laptop)
    // Every corner of the area is on screen, clear of the chrome.
    expect((area.x - shown.x) * zoom).toBeGreaterThanOrEqual(BOARD_CHROME.left - 1e-6)
    expect((area.y - shown.y) * zoom).toBeGreaterThanOrEqual(BOARD_CHROME.top - 1e-6)
    expect((shown.x + shown.w - area.x - area.w) * zoom).toBeGreaterThanOrEqual(BOARD_CHROME.right - 1e-6)
    expect((shown.y + shown.h - area.y - area.h) * zoom).toBeGreaterThanOrEqual(BOARD_CHROME.bottom - 1e-6)
  })

  it('starts a stage too large to read whole where reading starts: its title and first cards, top left', () => {
    const area = workingArea(layout, frameOf('welkom'))
    const view = openingView(area, laptop)
    const zoom = zoomOf(view, laptop)
    expect(zoom).toBeCloseTo(READABLE_LINE_PX / CARD_LINE_HEIGHT, 9)
    expect((area.x - view.x) * zoom).toBeCloseTo(BOARD_CHROME.left, 6)
    expect((area.y - view.y) * zoom).toBeCloseTo(BOARD_CHROME.top, 6)
    // Startpunt is too wide but not too tall: it starts at the left and is centred from top to bottom.
    const wide = workingArea(layout, frameOf('startpunt'))
    const wideView = openingView(wide, laptop)
    expect((wide.x - wideView.x) * zoom).toBeCloseTo(BOARD_CHROME.left, 6)
    const above = (wide.y - wideView.y) * zoom - BOARD_CHROME.top
    const below = (wideView.y + wideView.h - wide.y - wide.h) * zoom - BOARD_CHROME.bottom
    expect(above).toBeCloseTo(below, 6)
  })

  it('is readable on a phone too', () => {
    const view = openingView(workingArea(layout, frameOf('kaderen')), phone)
    expect(CARD_LINE_HEIGHT * zoomOf(view, phone)).toBeGreaterThanOrEqual(READABLE_LINE_PX - 1e-9)
  })

  it("fits the stage's cards and title band, not the frame's empty margins", () => {
    const frame = frameOf('verbeteren')
    const area = workingArea(layout, frame)
    expect(area.y).toBe(frame.y)
    expect(area.x).toBeGreaterThan(frame.x)
    expect(area.x + area.w).toBeLessThan(frame.x + frame.w)
    expect(openingZoom(area, laptop)).toBeGreaterThanOrEqual(openingZoom(frame, laptop))
    // A frame without cards is its own working area.
    expect(workingArea({ frames: [frame], cards: [] }, frame)).toBe(frame)
  })
})
