import { T, useValue, type Editor, type RecordProps } from 'tldraw'
import '../templateShapes.css'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { titleEnlargement } from '../textLegibility.ts'
import { StageFrame } from './StageFrame.tsx'
import { STAGE_FRAME_TYPE, type StageFrameShape } from './stageFrameShape.ts'
export { STAGE_FRAME_TYPE, type StageFrameShape } from './stageFrameShape.ts'

/**
 * `.wp-tpl-frame__title`'s font size. A frame's only text is its title, which `StageFrame` enlarges rather than
 * hides when far out (templateShapes.css leaves frames out of the hint), so the frame needs no `textSizePx`.
 */
const TITLE_SIZE_PX = 32

/**
 * The area of one agenda stage (or of the background) on the board. Not a tldraw frame: it has no children,
 * so participants' stickies never get a parent that exists only on clients that derive the template layer.
 * It lies below every other shape and is never selectable by participants (the layer locks it).
 */
export class StageFrameShapeUtil extends TemplateShapeUtil<StageFrameShape> {
  static override type = STAGE_FRAME_TYPE
  static override props: RecordProps<StageFrameShape> = {
    w: T.nonZeroNumber,
    h: T.nonZeroNumber,
    title: T.string,
    minutes: T.positiveInteger,
  }

  getDefaultProps(): StageFrameShape['props'] {
    return { w: 960, h: 720, title: '', minutes: 0 }
  }

  override getText(shape: StageFrameShape): string {
    return shape.props.title
  }

  content(shape: StageFrameShape) {
    return <StageFrameOnBoard editor={this.editor} title={shape.props.title} minutes={shape.props.minutes} />
  }
}

/** The frame with its title enlarged as the board is zoomed far out. */
function StageFrameOnBoard({ editor, title, minutes }: { editor: Editor; title: string; minutes: number }) {
  const enlargement = useValue(
    'stage title enlargement',
    () => titleEnlargement(editor.getEfficientZoomLevel(), TITLE_SIZE_PX),
    [editor],
  )
  return <StageFrame title={title} minutes={minutes} titleEnlargement={enlargement} />
}
