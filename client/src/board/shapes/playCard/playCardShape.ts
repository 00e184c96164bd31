import type { TLShape } from 'tldraw'

export const PLAY_CARD_TYPE = 'play-card'

/** A "Hoe verbeteren we" action; its id is the template's, so action marks can attach to it. */
export interface PlayCardAction {
  id: string
  text: string
  attribution?: string
}

/** The praktijkvoorbeeld or the toolkit: a heading, an optional title, the text and its links. */
export interface PlayCardReference {
  heading: string
  title?: string
  text: string
  links: string[]
}

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [PLAY_CARD_TYPE]: {
      w: number
      h: number
      playId: string
      title: string
      question: string
      /** Heading of `actions` ("Hoe verbeteren we"). */
      actionsHeading: string
      actions: PlayCardAction[]
      case: PlayCardReference | null
      toolkit: PlayCardReference | null
    }
  }
}

export type PlayCardShape = TLShape<typeof PLAY_CARD_TYPE>
