import { cursorSettingSchema, type CursorSetting } from '@werkplaats/shared'
import { useValue } from 'tldraw'
import type { Facilitation } from '../facilitation/facilitation.ts'
import type { AppMessages } from '../i18n/messages.ts'
import { useMessages } from '../i18n/useMessages.tsx'

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
