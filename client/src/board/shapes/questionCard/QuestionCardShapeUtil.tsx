import { T, type RecordProps, type TLShape } from 'tldraw'
import '../templateShapes.css'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { QuestionCard } from './QuestionCard.tsx'

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

/** An assessment question, with its vote place ("We moeten dit verbeteren!" in an open round; see `QuestionCard.tsx`). */
export class QuestionCardShapeUtil extends TemplateShapeUtil<QuestionCardShape> {
  static override type = QUESTION_CARD_TYPE
  static override props: RecordProps<QuestionCardShape> = {
    w: T.nonZeroNumber,
    h: T.nonZeroNumber,
    questionId: T.string,
    text: T.string,
    voteLabel: T.string,
  }

  getDefaultProps(): QuestionCardShape['props'] {
    return { w: 320, h: 160, questionId: '', text: '', voteLabel: '' }
  }

  override getText(shape: QuestionCardShape): string {
    return shape.props.text
  }

  content(shape: QuestionCardShape) {
    return (
      <QuestionCard questionId={shape.props.questionId} text={shape.props.text} voteLabel={shape.props.voteLabel} />
    )
  }
}
