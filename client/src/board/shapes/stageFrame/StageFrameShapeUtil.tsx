import { T, type RecordProps } from 'tldraw'
import '../templateShapes.css'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { StageFrame } from './StageFrame.tsx'
import { STAGE_FRAME_TYPE, type StageFrameShape } from './stageFrameShape.ts'
export { STAGE_FRAME_TYPE, type StageFrameShape } from './stageFrameShape.ts'

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
    return <StageFrame title={shape.props.title} minutes={shape.props.minutes} />
  }
}
