import { T, type RecordProps } from 'tldraw'
import '../templateShapes.css'
import { TemplateShapeUtil } from '../templateShapeUtil.tsx'
import { WritingZone } from './WritingZone.tsx'
import { WRITING_ZONE_TYPE, type WritingZoneShape } from './writingZoneShape.ts'
export { WRITING_ZONE_TYPE, type WritingZoneShape } from './writingZoneShape.ts'

/**
 * The empty part of a stage's frame where the team puts its stickies, with the stage's label ("Onze
 * uitdagingen"). Stickies lie above it and stay independent shapes of the board room.
 */
export class WritingZoneShapeUtil extends TemplateShapeUtil<WritingZoneShape> {
  static override type = WRITING_ZONE_TYPE
  static override props: RecordProps<WritingZoneShape> = {
    w: T.nonZeroNumber,
    h: T.nonZeroNumber,
    label: T.string,
  }

  /** Its only text is the zone's label (templateShapes.css). */
  override readonly textSizePx = 20

  getDefaultProps(): WritingZoneShape['props'] {
    return { w: 664, h: 720, label: '' }
  }

  override getText(shape: WritingZoneShape): string {
    return shape.props.label
  }

  content(shape: WritingZoneShape) {
    return <WritingZone label={shape.props.label} />
  }
}
