import { useContext } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { CardVote, CardVoteContext } from './CardVote.tsx'

/** Page units between a sticky's edge and its vote place. */
const INSET = 8

/**
 * Dots on the stickies put to the vote, and a ring around the winners once revealed. tldraw's `OnTheCanvas`
 * layer moves with the camera, so each vote place is drawn at the sticky's page position, on its bottom-left
 * corner; the layer shares its stacking with the shapes, and the places stand above them all (see
 * `.wp-sticky-vote`), so no frame or sticky covers a dot.
 */
export function StickyVotes() {
  const editor = useEditor()
  const session = useContext(CardVoteContext)
  const places = useValue(
    'sticky vote places',
    () => {
      const round = session?.current.get()
      if (!round) return []
      const winners = session?.winners.get() ?? new Set<string>()
      return round.cardIds.flatMap((cardId) => {
        if (!cardId.startsWith('shape:')) return []
        const shape = editor.getShape(cardId as TLShapeId)
        const bounds = shape ? editor.getShapePageBounds(shape) : undefined
        if (!shape || !bounds) return []
        const text = editor.getShapeUtil(shape).getText(shape) ?? ''
        return [{ cardId, bounds, text, winner: winners.has(cardId) }]
      })
    },
    [editor, session],
  )
  return (
    <>
      {places.map(({ cardId, bounds, text, winner }) => (
        <div key={cardId}>
          {winner ? (
            <div
              className="wp-sticky-vote--winner"
              style={{ transform: `translate(${bounds.x}px, ${bounds.y}px)`, width: bounds.w, height: bounds.h }}
            />
          ) : null}
          <div
            className="wp-sticky-vote"
            style={{ transform: `translate(${bounds.x + INSET}px, ${bounds.maxY - INSET}px) translateY(-100%)` }}
          >
            <CardVote cardId={cardId} label="" text={text} compact />
          </div>
        </div>
      ))}
    </>
  )
}
