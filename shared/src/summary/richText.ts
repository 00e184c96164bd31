/**
 * tldraw 5 keeps a note's text as rich text: a TipTap (ProseMirror) JSON document such as
 * `{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hallo' }] }] }`.
 * The summary needs the words only. This reads any such tree without trusting it: it comes from the board room,
 * which every participant writes, so unknown node types are read for their text and depth and size are bounded.
 */

/** Nodes that are a line (or lines) of their own, even when empty: an empty paragraph is a blank line. */
const LINES = new Set(['paragraph', 'heading', 'codeBlock'])
/** Nodes that hold lines: their text never runs on into what stands before or after them. */
const CONTAINERS = new Set(['blockquote', 'listItem', 'taskItem', 'horizontalRule', 'bulletList', 'orderedList', 'taskList'])
/** Deeper than any document an editor makes; a crafted one stops here instead of exhausting the stack. */
const MAX_DEPTH = 32
/** A note's text beyond this is cut: the summary is for reading, not for archiving a pasted book. */
export const MAX_STICKY_TEXT = 10_000

interface Walk {
  lines: string[]
  current: string
  length: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function endLine(walk: Walk): void {
  walk.lines.push(walk.current)
  walk.current = ''
}

function visit(node: unknown, depth: number, walk: Walk): void {
  if (depth > MAX_DEPTH || walk.length > MAX_STICKY_TEXT || !isRecord(node)) return
  const type = typeof node.type === 'string' ? node.type : ''
  if (type === 'text' && typeof node.text === 'string') {
    walk.current += node.text
    walk.length += node.text.length
    return
  }
  if (type === 'hardBreak') {
    endLine(walk)
    return
  }
  const line = LINES.has(type)
  const block = line || CONTAINERS.has(type)
  if (block && walk.current !== '') endLine(walk)
  if (Array.isArray(node.content)) for (const child of node.content) visit(child, depth + 1, walk)
  if (line || (block && walk.current !== '')) endLine(walk)
}

/**
 * The plain text of a rich-text document: one line per paragraph, list item or hard break, trimmed, without
 * empty lines at either end or runs of them inside. Anything that is not a rich-text tree gives ''.
 */
export function richTextToPlainText(richText: unknown): string {
  const walk: Walk = { lines: [], current: '', length: 0 }
  visit(richText, 0, walk)
  if (walk.current !== '') endLine(walk)
  const text = walk.lines
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return text.length > MAX_STICKY_TEXT ? `${text.slice(0, MAX_STICKY_TEXT)}…` : text
}
