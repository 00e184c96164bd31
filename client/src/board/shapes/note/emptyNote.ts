/**
 * Whether a note has no text, so its far-away card shows no lines either. The same test as tldraw's own
 * (`isEmptyRichText`, not exported): an empty document, or one block with nothing in it.
 */
export function isEmptyNoteText(richText: { content: readonly unknown[] }): boolean {
  const [first, ...rest] = richText.content
  if (first === undefined) return true
  if (rest.length > 0) return false
  const inner = typeof first === 'object' && first !== null && 'content' in first ? first.content : undefined
  return !Array.isArray(inner) || inner.length === 0
}
