import { T, type RecordProps } from 'tldraw'
import '../templateShapes.css'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { layoutIdOf, passOfShapeId } from '../../templateLayer/ids.ts'
import { PlaybookCard } from './PlaybookCard.tsx'
import { PLAYBOOK_CARD_TYPE, playbookCardKinds, type PlaybookCardShape } from './playbookCardShape.ts'
export {
  PLAYBOOK_CARD_TYPE,
  playbookCardKinds,
  type PlaybookCardKind,
  type PlaybookCardShape,
} from './playbookCardShape.ts'

/** A card of the template's text: an intro or journey section, a background section or heading, a principle. */
export class PlaybookCardShapeUtil extends TemplateShapeUtil<PlaybookCardShape> {
  static override type = PLAYBOOK_CARD_TYPE
  static override props: RecordProps<PlaybookCardShape> = {
    w: T.nonZeroNumber,
    h: T.nonZeroNumber,
    kind: T.literalEnum(...playbookCardKinds),
    kicker: T.string,
    title: T.string,
    body: T.string,
    listHeading: T.string,
    list: T.arrayOf(T.string),
    noteHeading: T.string,
    note: T.string,
  }

  getDefaultProps(): PlaybookCardShape['props'] {
    return {
      w: 320,
      h: 200,
      kind: 'section',
      kicker: '',
      title: '',
      body: '',
      listHeading: '',
      list: [],
      noteHeading: '',
      note: '',
    }
  }

  override getText(shape: PlaybookCardShape): string {
    const { kicker, title, body, list, note } = shape.props
    return [kicker, title, body, ...list, note].filter((text) => text !== '').join('\n')
  }

  content(shape: PlaybookCardShape) {
    return (
      <PlaybookCard
        {...shape.props}
        principleId={shape.props.kind === 'principle' ? principleIdOf(shape.id) : undefined}
        pass={passOfShapeId(shape.id)}
      />
    )
  }
}

/** A principle card's layout id ends in `:principle:<principle id>` (see `cardId` in the shared layout). */
function principleIdOf(shapeId: string): string | undefined {
  return layoutIdOf(shapeId)?.split(':principle:')[1]
}
