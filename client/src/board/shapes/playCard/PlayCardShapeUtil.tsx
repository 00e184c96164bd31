import { T, type RecordProps } from 'tldraw'
import '../templateShapes.css'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { PlayCard } from './PlayCard.tsx'
import { PLAY_CARD_TYPE, type PlayCardAction, type PlayCardReference, type PlayCardShape } from './playCardShape.ts'
export { PLAY_CARD_TYPE, type PlayCardAction, type PlayCardReference, type PlayCardShape } from './playCardShape.ts'

const referenceValidator = T.object<PlayCardReference>({
  heading: T.string,
  title: T.string.optional(),
  text: T.string,
  links: T.arrayOf(T.httpUrl),
}).nullable()

/** A play: what the team can do about the gap one assessment question revealed, with working links. */
export class PlayCardShapeUtil extends TemplateShapeUtil<PlayCardShape> {
  static override type = PLAY_CARD_TYPE
  static override props: RecordProps<PlayCardShape> = {
    w: T.nonZeroNumber,
    h: T.nonZeroNumber,
    playId: T.string,
    title: T.string,
    question: T.string,
    actionsHeading: T.string,
    actions: T.arrayOf(T.object<PlayCardAction>({ id: T.string, text: T.string, attribution: T.string.optional() })),
    case: referenceValidator,
    toolkit: referenceValidator,
  }

  getDefaultProps(): PlayCardShape['props'] {
    return {
      w: 320,
      h: 400,
      playId: '',
      title: '',
      question: '',
      actionsHeading: '',
      actions: [],
      case: null,
      toolkit: null,
    }
  }

  override getText(shape: PlayCardShape): string {
    const { title, question, actions } = shape.props
    return [title, question, ...actions.map((action) => action.text)].join('\n')
  }

  content(shape: PlayCardShape) {
    return <PlayCard {...shape.props} />
  }
}
