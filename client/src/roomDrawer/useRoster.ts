import type { SessionView } from '@werkplaats/shared'
import { useValue } from 'tldraw'
import type { BoardSession } from '../board/boardSession.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import type { ControlRoom } from '../session/controlRoom.ts'
import { roleLabel } from '../participants/roleLabel.ts'
import { buildRoster, type RosterEntry } from '../participants/roster.ts'

/** Everyone in the session as this screen knows them: who the control room names, online by the board's presence. */
export function useRoster(view: SessionView, board: BoardSession, control: ControlRoom): RosterEntry[] {
  const messages = useMessages().app
  const known = useValue('control participants', () => control.participants.get(), [control])
  const online = useValue('online identities', () => board.onlineIdentities.get(), [board])
  const connected = useValue('board online', () => board.connectionState.get() === 'online', [board])
  const self = view.participants.find((person) => person.participantId === view.participantId)
  return buildRoster({
    // The control room's list once it has synced (it always holds the facilitator), so that someone removed since
    // the page loaded leaves the list; the API's answer until then.
    known: known.length > 0 ? known : view.participants,
    online,
    self: {
      participantId: view.participantId ?? null,
      name: self?.name ?? roleLabel(view.role, messages),
      role: view.role,
      online: connected,
    },
  })
}
