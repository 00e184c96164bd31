import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { boardStore } from '../../templateLayer/fixtures.ts'
import { accepts, noEditor, shapeOf } from '../testing.ts'
import { QuestionCard } from './QuestionCard.tsx'
import { QuestionCardShapeUtil, type QuestionCardShape } from './QuestionCardShapeUtil.tsx'

const question = (props: Partial<QuestionCardShape['props']> = {}) =>
  shapeOf<QuestionCardShape>('question-card', {
    w: 320,
    h: 150,
    questionId: 'vertrouwen-in-leiderschap',
    text: 'Steunen politici en leiders innovatie expliciet?',
    voteLabel: 'We moeten dit verbeteren!',
    ...props,
  })

describe('the question card shape', () => {
  it('accepts a question with or without a vote place and refuses missing texts', () => {
    const store = boardStore()
    expect(accepts(store, question())).toBe(true)
    expect(accepts(store, question({ voteLabel: '' }))).toBe(true)
    expect(accepts(store, question({ text: undefined as never }))).toBe(false)
  })

  it('is a fixed box', () => {
    const util = new QuestionCardShapeUtil(noEditor)
    expect(util.getGeometry(question({ h: 200 })).bounds.toJson()).toEqual({ x: 0, y: 0, w: 320, h: 200 })
    expect(util.hideRotateHandle()).toBe(true)
    expect(util.isAspectRatioLocked()).toBe(true)
  })

  it('shows the vote place as a label, not as a button that does nothing yet', () => {
    const html = renderToStaticMarkup(
      createElement(QuestionCard, { text: 'Steunen leiders innovatie?', voteLabel: 'We moeten dit verbeteren!' }),
    )
    expect(html).toContain('We moeten dit verbeteren!')
    expect(html).toContain('data-vote-place')
    expect(html).not.toContain('<button')
    expect(renderToStaticMarkup(createElement(QuestionCard, { text: 'Vraag', voteLabel: '' }))).not.toContain(
      'data-vote-place',
    )
  })
})
