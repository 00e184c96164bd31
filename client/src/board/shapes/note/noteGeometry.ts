/** What a note's geometry depends on: tldraw's display values for the note and the note's own props. */
export interface NoteDimensions {
  /** The note's width and height before growth and scale (tldraw: 200 × 200). */
  noteWidth: number
  noteHeight: number
  /** The inset of the text from the note's edge, unscaled. */
  labelPadding: number
  /** The extra height the writer's browser gave the note for its text (the note's `growY`). */
  growY: number
  scale: number
}

export interface NoteBoxes {
  note: { width: number; height: number }
  label: { x: number; y: number; width: number; height: number }
}

/**
 * The note's box and the box its text may take, from the note's record alone.
 *
 * The writer's browser measures the text once when it changes and records the growth in `growY`; every other
 * browser reads it from there. The label box is where the text can be (the note inside its padding), not the
 * measured size of the text: it only serves to hit the note's text, and the note itself is filled, so a point
 * inside the note hits the note either way.
 */
export function noteBoxes({ noteWidth, noteHeight, labelPadding, growY, scale }: NoteDimensions): NoteBoxes {
  const width = noteWidth * scale
  const height = (noteHeight + growY) * scale
  const inset = Math.min(labelPadding * scale, width / 2, height / 2)
  return {
    note: { width, height },
    label: { x: inset, y: inset, width: width - 2 * inset, height: height - 2 * inset },
  }
}
