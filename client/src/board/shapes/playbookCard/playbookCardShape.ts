import type { TLShape } from 'tldraw'

export const PLAYBOOK_CARD_TYPE = 'playbook-card'

/** The layout's card kinds this shape shows: the template's reading texts. */
export const playbookCardKinds = ['section', 'group-heading', 'principle', 'principle-details'] as const
export type PlaybookCardKind = (typeof playbookCardKinds)[number]

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [PLAYBOOK_CARD_TYPE]: {
      w: number
      h: number
      kind: PlaybookCardKind
      /** A small line above the title ("Principe 2"), or ''. */
      kicker: string
      title: string
      /** The section's text or the principle's summary: paragraphs separated by a blank line, or ''. */
      body: string
      /** Heading of `list` ("Uitdagingen", "Belangrijke dimensies"), or ''. */
      listHeading: string
      /** Challenge questions or dimensions, one per item. */
      list: string[]
      /** Heading of `note` ("Waarom is dit principe zo belangrijk?"), or ''. */
      noteHeading: string
      note: string
    }
  }
}

export type PlaybookCardShape = TLShape<typeof PLAYBOOK_CARD_TYPE>
