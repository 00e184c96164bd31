import { T, type RecordProps } from 'tldraw'
import '../templateShapes.css'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { passOfShapeId } from '../../templateLayer/ids.ts'
import { QuestionCard } from './QuestionCard.tsx'
import { QUESTION_CARD_TYPE, type QuestionCardShape } from './questionCardShape.ts'
export { QUESTION_CARD_TYPE, type QuestionCardShape } from './questionCardShape.ts'

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
      <QuestionCard
        questionId={shape.props.questionId}
        text={shape.props.text}
        voteLabel={shape.props.voteLabel}
        pass={passOfShapeId(shape.id)}
      />
    )
  }
}
