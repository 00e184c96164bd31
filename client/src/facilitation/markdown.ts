/**
 * The little Markdown the templates' facilitator guides use — paragraphs, bullet and numbered lists, **bold**
 * and *italic* — parsed into a tree that React renders as elements with text children. Nothing is ever
 * handed to the DOM as HTML, so a template (which an organisation may write itself) cannot inject markup:
 * `<script>` in a guide shows up as the characters `<script>`. Anything this parser does not know stays text.
 */

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }

export type Block =
  | { readonly kind: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }

const bulletItem = /^\s*[-*+]\s+(.*)$/
const numberedItem = /^\s*\d+[.)]\s+(.*)$/

/** Splits the text into blocks at blank lines; a run of list lines is one list, other lines one paragraph. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let paragraph: string[] = []
    let list: { ordered: boolean; items: string[] } | null = null
    const flushParagraph = () => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) })
      paragraph = []
    }
    const flushList = () => {
      if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) })
      list = null
    }
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue
      const bullet = bulletItem.exec(line)
      const numbered = bullet ? null : numberedItem.exec(line)
      const item = bullet ?? numbered
      if (item) {
        const ordered = numbered !== null
        flushParagraph()
        if (list && list.ordered !== ordered) flushList()
        list ??= { ordered, items: [] }
        list.items.push(item[1] ?? '')
      } else if (list && /^\s+\S/.test(line)) {
        // An indented line continues the list item above it.
        list.items[list.items.length - 1] += ` ${line.trim()}`
      } else {
        flushList()
        paragraph.push(line.trim())
      }
    }
    flushParagraph()
    flushList()
  }
  return blocks
}

/**
 * `**bold**` and `*italic*` (or `_italic_`), nested either way. A marker without its closing partner is
 * left as the characters it is.
 */
export function parseInline(text: string): Inline[] {
  const result: Inline[] = []
  let plain = ''
  let i = 0
  const pushPlain = () => {
    if (plain) result.push({ kind: 'text', text: plain })
    plain = ''
  }
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2)
      if (end > i + 2) {
        pushPlain()
        result.push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) })
        i = end + 2
        continue
      }
    }
    const marker = text[i]
    if (
      (marker === '*' || marker === '_') &&
      text[i + 1] !== marker &&
      text[i + 1] !== ' ' &&
      text[i + 1] !== undefined
    ) {
      const end = closingEmphasis(text, marker, i + 1)
      // `_` inside a word (snake_case) is not emphasis.
      const wordInside = marker === '_' && /\w/.test(text[i - 1] ?? '')
      if (end > i + 1 && !wordInside) {
        pushPlain()
        result.push({ kind: 'em', children: parseInline(text.slice(i + 1, end)) })
        i = end + 1
        continue
      }
    }
    plain += text[i]
    i += 1
  }
  pushPlain()
  return result
}

/** Where a single `marker` closes emphasis opened before `from`, skipping `**` pairs inside; -1 if nowhere. */
function closingEmphasis(text: string, marker: string, from: number): number {
  let i = from
  while (i < text.length) {
    if (marker === '*' && text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2)
      if (end < 0) return -1
      i = end + 2
      continue
    }
    if (text[i] === marker && text[i - 1] !== ' ') return i
    i += 1
  }
  return -1
}

/** The text of a parsed tree without its marks (for tests and accessible summaries). */
export function plainText(blocks: readonly Block[]): string {
  const inline = (nodes: readonly Inline[]): string =>
    nodes.map((node) => (node.kind === 'text' ? node.text : inline(node.children))).join('')
  return blocks
    .map((block) => (block.kind === 'paragraph' ? inline(block.children) : block.items.map(inline).join('\n')))
    .join('\n\n')
}
