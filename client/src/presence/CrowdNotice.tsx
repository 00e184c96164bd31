import { cursorSettingSchema, type CursorSetting } from '@werkplaats/shared'
import { useEffect } from 'react'
import { react, useValue } from 'tldraw'
import type { BoardSession } from '../board/boardSession.ts'
import type { Facilitation } from '../facilitation/facilitation.ts'
import type { AppMessages } from '../i18n/messages.ts'
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

/**
 * The facilitator's choice, for everyone, whether cursors follow the size of the board, are always on, or off.
 * In the drawer beside the participant list, not over the board: it is set once, if at all.
 */
export function CursorSettingControl({ facilitation }: { facilitation: Facilitation }) {
  const messages = useMessages().app
  const setting = useValue('cursor setting', () => facilitation.state.get().cursors, [facilitation])
  if (!facilitation.isFacilitator) return null
  return (
    <label className="wp-crowd__setting">
      {messages.cursorSettingLabel}{' '}
      <select
        value={setting}
        onChange={(event) => facilitation.write({ cursors: cursorSettingSchema.parse(event.currentTarget.value) })}
      >
        {cursorSettingSchema.options.map((option) => (
          <option key={option} value={option}>
            {settingLabel(option, messages)}
          </option>
        ))}
      </select>
    </label>
  )
}

function settingLabel(setting: CursorSetting, messages: AppMessages): string {
  switch (setting) {
    case 'auto':
      return messages.cursorSettingAuto
    case 'on':
      return messages.cursorSettingOn
    case 'off':
      return messages.cursorSettingOff
  }
}
