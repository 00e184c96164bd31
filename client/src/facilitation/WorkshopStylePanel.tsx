import { DefaultStylePanel, useEditor, useValue } from 'tldraw'

/** Tools that make nothing: with one of them and nothing selected, there are no styles to choose. */
const toolsWithoutStyles = new Set(['select', 'hand', 'eraser'])

/**
 * tldraw's style panel, shown only when there is something to style (a selection, or a tool that makes
 * shapes). On a board beside the facilitation panel it would otherwise always cover part of the stage.
 */
export function WorkshopStylePanel() {
  const editor = useEditor()
  const show = useValue(
    'show style panel',
    () => editor.getSelectedShapeIds().length > 0 || !toolsWithoutStyles.has(editor.getCurrentToolId()),
    [editor],
  )
  return show ? <DefaultStylePanel /> : null
}
