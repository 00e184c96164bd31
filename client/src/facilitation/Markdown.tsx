import { createElement, type ReactNode } from 'react'
import { parseMarkdown, type Block, type Inline } from './markdown.ts'

/** A template's Markdown as React elements with text children (see `markdown.ts`: never HTML). */
export function Markdown({ source }: { source: string }) {
  return <>{parseMarkdown(source).map(renderBlock)}</>
}

function renderBlock(block: Block, key: number): ReactNode {
  if (block.kind === 'paragraph') return <p key={key}>{renderInline(block.children)}</p>
  return createElement(
    block.ordered ? 'ol' : 'ul',
    { key },
    block.items.map((item, i) => <li key={i}>{renderInline(item)}</li>),
  )
}

function renderInline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>
    }
  })
}
