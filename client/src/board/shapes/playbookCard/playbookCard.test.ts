import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { boardStore } from '../../templateLayer/fixtures.ts'
import { accepts, noEditor, shapeOf } from '../testing.ts'
import { PlaybookCard } from './PlaybookCard.tsx'
import { PlaybookCardShapeUtil, type PlaybookCardShape } from './PlaybookCardShapeUtil.tsx'

const details: PlaybookCardShape['props'] = {
  w: 320,
  h: 480,
  kind: 'principle-details',
  kicker: 'Principe 1',
  title: 'INNOVATIE VERWELKOMEN',
  body: '',
  listHeading: 'Belangrijke dimensies',
  list: ['Innovatie verwelkomen.', 'Erkennen dat innovatie steun vereist.'],
  noteHeading: 'Waarom is dit principe zo belangrijk?',
  note: 'Eerste alinea.\n\nTweede alinea.',
}
const card = (props: Partial<PlaybookCardShape['props']> = {}) =>
  shapeOf<PlaybookCardShape>('playbook-card', { ...details, ...props })

describe('the playbook card shape', () => {
  it('accepts each kind of reading card and refuses unknown kinds and malformed lists', () => {
    const store = boardStore()
    for (const kind of ['section', 'group-heading', 'principle', 'principle-details'] as const) {
      expect(accepts(store, card({ kind }))).toBe(true)
    }
    expect(accepts(store, card({ kind: 'play' as never }))).toBe(false)
    expect(accepts(store, card({ list: [1, 2] as never }))).toBe(false)
    expect(accepts(store, card({ h: -1 }))).toBe(false)
  })

  it('is a fixed box and gives its text to tldraw (search, accessibility)', () => {
    const util = new PlaybookCardShapeUtil(noEditor)
    expect(util.getGeometry(card()).bounds.toJson()).toEqual({ x: 0, y: 0, w: 320, h: 480 })
    expect(util.canEdit()).toBe(false)
    expect(util.canResize()).toBe(false)
    expect(util.getText(card())).toContain('Erkennen dat innovatie steun vereist.')
  })

  it('renders headings, the list and each paragraph, and markup in the text stays text', () => {
    const html = renderToStaticMarkup(createElement(PlaybookCard, { ...details, title: '<script>alert(1)</script>' }))
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('Belangrijke dimensies')
    expect(html.match(/<li>/g)).toHaveLength(2)
    expect(html).toContain('<p class="wp-tpl-text wp-tpl-text--small">Tweede alinea.</p>')
  })

  it('leaves out what a card does not have', () => {
    const html = renderToStaticMarkup(
      createElement(PlaybookCard, { ...details, kind: 'group-heading', kicker: '', list: [], note: '' }),
    )
    expect(html).not.toContain('<ul')
    expect(html).not.toContain('Waarom')
  })
})
