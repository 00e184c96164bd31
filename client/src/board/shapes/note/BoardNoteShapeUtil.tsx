import { useCallback } from 'react'
import {
  getDisplayValues,
  Group2d,
  NoteShapeUtil,
  Rectangle2d,
  track,
  type NoteShapeUtilDisplayValues,
  type TLNoteShape,
} from 'tldraw'
import { noteBoxes } from './noteGeometry.ts'
import { useTextLegible } from '../textLegibility.ts'
import { isEmptyNoteText } from './emptyNote.ts'
import './note.css'

/**
 * tldraw's sticky note, with a geometry that needs no text measurement and no text drawn where it cannot be read.
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

  /**
   * tldraw's note, its text not rendered by the browser (`display: none`, see note.css) while too small to read:
   * a remote edit to such a note then changes nothing the browser lays out or paints, so a crowd's edits cost a
   * board zoomed out over them no raster. The note being edited always shows its text.
   */
  override component(shape: TLNoteShape) {
    return <LegibleNote util={this} shape={shape} />
  }

  /** tldraw's own note, drawn inside `LegibleNote`. */
  tldrawNote(shape: TLNoteShape) {
    return super.component(shape)
  }
}

/**
 * Tracked (`track`) like the component tldraw calls a shape util's `component` in: tldraw's note reads the
 * selection and other signals while it renders, and must re-render when they change.
 */
const LegibleNote = track(function LegibleNote({ util, shape }: { util: BoardNoteShapeUtil; shape: TLNoteShape }) {
  const { editor } = util
  const display = getDisplayValues(util, shape)
  const { fontSizeAdjustment, scale, richText } = shape.props
  const isBeingEdited = useCallback(() => editor.getEditingShapeId() === shape.id, [editor, shape.id])
  const legible = useTextLegible(editor, display.labelFontSize * (fontSizeAdjustment ?? 1) * scale, isBeingEdited)
  return (
    <div
      className="wp-note"
      data-text={legible ? 'drawn' : 'hint'}
      data-empty={isEmptyNoteText(richText) ? 'true' : 'false'}
    >
      {util.tldrawNote(shape)}
    </div>
  )
})
