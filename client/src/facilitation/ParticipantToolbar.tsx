import {
  ArrowToolbarItem,
  DefaultToolbar,
  DrawToolbarItem,
  EraserToolbarItem,
  HandToolbarItem,
  NoteToolbarItem,
  SelectToolbarItem,
  TextToolbarItem,
} from 'tldraw'

/**
 * The toolbar a participant needs and no more: select, hand, sticky, text, pen, arrow, eraser. Workshops
 * run on stickies; fewer tools mean less to explain and fewer shapes nobody can find again.
 */
export function ParticipantToolbar() {
  return (
    <DefaultToolbar>
      <SelectToolbarItem />
      <HandToolbarItem />
      <NoteToolbarItem />
      <TextToolbarItem />
      <DrawToolbarItem />
      <ArrowToolbarItem />
      <EraserToolbarItem />
    </DefaultToolbar>
  )
}
