import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { boardStore } from '../../templateLayer/fixtures.ts'
import { isSafeLink } from '../cardText.tsx'
import { accepts, noEditor, shapeOf } from '../testing.ts'
import { PlayCard } from './PlayCard.tsx'
import { PlayCardShapeUtil, type PlayCardShape } from './PlayCardShapeUtil.tsx'

const props: PlayCardShape['props'] = {
  w: 320,
  h: 900,
  playId: 'vertrouwen-in-leiderschap',
  title: 'HET VERTROUWEN IN LEIDERSCHAP',
  question: 'STEUNEN POLITICI EN LEIDERS IN DE PUBLIEKE SECTOR INNOVATIE EXPLICIET?',
  actionsHeading: 'Hoe verbeteren we',
  actions: [
    { id: 'a-1', text: 'Het bewustzijn vergroten.' },
    { id: 'a-2', text: 'Belemmeringen aanpakken.', attribution: 'Expert' },
  ],
  case: {
    heading: 'Praktijkvoorbeeld',
    title: 'Een voorbeeld',
    text: 'Zo deed een ander het.',
    links: ['https://oecd-opsi.org/innovations/voorbeeld/'],
  },
  toolkit: { heading: 'Toolkit', text: 'Een instrument.', links: ['https://oecd-opsi.org/toolkits/prompt/'] },
}
const play = (change: Partial<PlayCardShape['props']> = {}) =>
  shapeOf<PlayCardShape>('play-card', { ...props, ...change })

describe('the play card shape', () => {
  it('accepts a play with and without praktijkvoorbeeld and toolkit', () => {
    const store = boardStore()
    expect(accepts(store, play())).toBe(true)
    expect(accepts(store, play({ case: null, toolkit: null }))).toBe(true)
  })

  it('refuses links that are not web addresses and actions without text', () => {
    const store = boardStore()
    expect(accepts(store, play({ toolkit: { heading: 'Toolkit', text: 'x', links: ['javascript:alert(1)'] } }))).toBe(
      false,
    )
    expect(accepts(store, play({ actions: [{ id: 'a' } as never] }))).toBe(false)
  })

  it('is a fixed box whose text is its title, question and actions', () => {
    const util = new PlayCardShapeUtil(noEditor)
    expect(util.getGeometry(play()).bounds.toJson()).toEqual({ x: 0, y: 0, w: 320, h: 900 })
    expect(util.canResize()).toBe(false)
    expect(util.getText(play())).toContain('Belemmeringen aanpakken.')
  })

  it('renders working links that open in a new tab without handing over the board', () => {
    const html = renderToStaticMarkup(createElement(PlayCard, props))
    expect(html).toContain(
      '<a class="wp-tpl-link" href="https://oecd-opsi.org/toolkits/prompt/" target="_blank" rel="noopener noreferrer"',
    )
    expect(html.match(/<a /g)).toHaveLength(2)
    for (const heading of ['Hoe verbeteren we', 'Praktijkvoorbeeld', 'Toolkit']) expect(html).toContain(heading)
    expect(html).toContain('(Expert)')
  })

  it('never turns a tampered link into a working one', () => {
    expect(isSafeLink('https://oecd-opsi.org/')).toBe(true)
    expect(isSafeLink('javascript:alert(1)')).toBe(false)
    expect(isSafeLink('http://example.org/')).toBe(false)
    const html = renderToStaticMarkup(
      createElement(PlayCard, {
        ...props,
        case: null,
        toolkit: { heading: 'Toolkit', text: 'x', links: ['javascript:alert(1)'] },
      }),
    )
    expect(html).not.toContain('href="javascript')
    expect(html).not.toContain('<a ')
  })
})
