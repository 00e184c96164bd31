import { CUT_MARK, keptLength, MAX_STICKY_TEXT_CHARS } from './cut.ts'

/**
 * tldraw 5 keeps a note's text as rich text: a TipTap (ProseMirror) JSON document such as
 * `{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hallo' }] }] }`.
 * The summary needs the words only. This reads any such tree without trusting it: it comes from the board room,
 * which every participant writes, so unknown node types are read for their text and depth and size are bounded.
 */

/** Nodes that are a line (or lines) of their own, even when empty: an empty paragraph is a blank line. */
const LINES = new Set(['paragraph', 'heading', 'codeBlock'])
/** Nodes that hold lines: their text never runs on into what stands before or after them. */
const CONTAINERS = new Set([
  'blockquote',
  'listItem',
  'taskItem',
  'horizontalRule',
  'bulletList',
  'orderedList',
  'taskList',
])
/** Deeper than any document an editor makes; a crafted one stops here instead of exhausting the stack. */
const MAX_DEPTH = 32

/**
 * The text read so far. `left` is what may still be read: characters, and one per line, so that neither one
 * long text node nor a million empty paragraphs make the walk hold more than the summary keeps.
 */
interface Walk {
  lines: string[]
  current: string
  left: number
  /** Something was left unread: the text gets the cut mark. */
  cut: boolean
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function endLine(walk: Walk): void {
  walk.lines.push(walk.current)
  walk.current = ''
  walk.left -= 1
}

function visit(node: unknown, depth: number, walk: Walk): void {
  if (depth > MAX_DEPTH || !isRecord(node)) return
  if (walk.left <= 0) {
    walk.cut = true
    return
  }
  const type = typeof node.type === 'string' ? node.type : ''
  if (type === 'text' && typeof node.text === 'string') {
    const kept = keptLength(node.text, walk.left)
    walk.current += kept === node.text.length ? node.text : node.text.slice(0, kept)
    walk.left -= node.text.length
    if (kept < node.text.length) walk.cut = true
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
 * empty lines at either end or runs of them inside. At most `MAX_STICKY_TEXT_CHARS` of it are read; a longer
 * text ends in `…`. Anything that is not a rich-text tree gives ''. Linear in what it reads: `trimEnd` and a
 * pattern that cannot backtrack, never a pattern such as `\s+$`, which retries from every space of a long run.
 */
export function richTextToPlainText(richText: unknown, max = MAX_STICKY_TEXT_CHARS): string {
  const walk: Walk = { lines: [], current: '', left: max, cut: false }
  visit(richText, 0, walk)
  if (walk.current !== '') endLine(walk)
  const text = walk.lines
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return walk.cut ? `${text}${CUT_MARK}` : text
}
