import { useContext } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { CardVote, CardVoteContext } from './CardVote.tsx'

/**
 * Dots on the stickies put to the vote: tldraw's `OnTheCanvas` layer moves with the camera, so each vote
 * place is drawn at the sticky's page position, just below it, where the sticky cannot cover it.
 */
export function StickyVotes() {
  const editor = useEditor()
  const session = useContext(CardVoteContext)
  const places = useValue(
    'sticky vote places',
    () => {
      const round = session?.current.get()
      if (!round) return []
      return round.cardIds.flatMap((cardId) => {
        if (!cardId.startsWith('shape:')) return []
        const shape = editor.getShape(cardId as TLShapeId)
        const bounds = shape ? editor.getShapePageBounds(shape) : undefined
        if (!shape || !bounds) return []
        return [{ cardId, x: bounds.x, y: bounds.maxY + 6, text: editor.getShapeUtil(shape).getText(shape) ?? '' }]
      })
    },
    [editor, session],
  )
  return (
    <>
      {places.map((place) => (
        <div
          key={place.cardId}
          className="wp-sticky-vote"
          style={{ transform: `translate(${place.x}px, ${place.y}px)` }}
        >
          <CardVote cardId={place.cardId} label="" text={place.text} compact />
        </div>
      ))}
    </>
  )
}
