import {
  getDisplayValues,
  Group2d,
  NoteShapeUtil,
  Rectangle2d,
  type NoteShapeUtilDisplayValues,
  type TLNoteShape,
} from 'tldraw'
import { noteBoxes } from './noteGeometry.ts'

/**
 * tldraw's sticky note, with a geometry that needs no text measurement.
 *
 * tldraw measures a note's text in the DOM for its geometry, once per record object; every change that arrives
 * from another participant is a new record, so on a busy board each remote edit cost a forced layout. The
 * writer's browser already measured the text when it changed (tldraw's `onBeforeUpdate`, kept as is) and wrote
 * the result into the record (`growY`, `fontSizeAdjustment`), so the note's size is known from its props.
 */
export class BoardNoteShapeUtil extends NoteShapeUtil {
  override getGeometry(shape: TLNoteShape): Group2d {
    const display: NoteShapeUtilDisplayValues = getDisplayValues(this, shape)
    const { note, label } = noteBoxes({
      noteWidth: display.noteWidth,
      noteHeight: display.noteHeight,
      labelPadding: display.labelPadding,
      growY: shape.props.growY,
      scale: shape.props.scale,
    })
    return new Group2d({
      children: [
        new Rectangle2d({ ...note, isFilled: true }),
        new Rectangle2d({ ...label, isFilled: true, isLabel: true, excludeFromShapeBounds: true }),
      ],
    })
  }
}
