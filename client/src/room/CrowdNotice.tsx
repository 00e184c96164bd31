import { useEffect } from 'react'
import { react, useValue } from 'tldraw'
import type { BoardSession } from '../board/boardSession.ts'
import type { Facilitation } from '../facilitation/facilitation.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * Says when the board draws only some cursors (crowd mode, or cursors off) and how many it does not draw; the
 * participant list finds anyone. Keeps the board's presence in step with the facilitator's choice
 * (`CursorSettingControl`).
 */
export function CrowdNotice({ board, facilitation }: { board: BoardSession; facilitation: Facilitation }) {
  const messages = useMessages().app
  // The control room owns the choice; the board's presence reads it from its session.
  useEffect(
    () =>
      react('cursor setting from the control room', () => board.cursorSetting.set(facilitation.state.get().cursors)),
    [board, facilitation],
  )
  const crowd = useValue('crowd', () => board.crowd.get(), [board])
  const notice = crowd.mode === 'crowd' ? messages.crowdNotice : crowd.mode === 'off' ? messages.cursorsOffNotice : null
  if (!notice) return null
  return (
    <div className="wp-crowd" data-mode={crowd.mode}>
      <span role="status" aria-live="polite">
        {notice}
      </span>
      {crowd.others > 0 ? (
        <span className="wp-crowd__count" role="img" aria-label={messages.hiddenCursors(crowd.others)}>
          +{crowd.others}
        </span>
      ) : null}
    </div>
  )
}
