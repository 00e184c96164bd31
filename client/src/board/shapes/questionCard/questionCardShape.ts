import type { TLShape } from 'tldraw'

export const QUESTION_CARD_TYPE = 'question-card'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [QUESTION_CARD_TYPE]: {
      w: number
      h: number
      /** The template's question id: votes and tallies attach to it. */
      questionId: string
      text: string
      /** The label of the place for votes ("We moeten dit verbeteren!"), or '' where the stage has no vote. */
      voteLabel: string
    }
  }
}

export type QuestionCardShape = TLShape<typeof QUESTION_CARD_TYPE>
