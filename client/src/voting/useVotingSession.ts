import type { SessionView } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import type { ControlRoom } from '../session/controlRoom.ts'
import { voteApi } from '../api/voteApi.ts'
import { VotingSession } from './votingSession.ts'

/** One voting session per open board, for the dock and the cards on the board alike; null until the control room is there. */
export function useVotingSession(view: SessionView, token: string, control: ControlRoom | null): VotingSession | null {
  const [session, setSession] = useState<VotingSession | null>(null)
  useEffect(() => {
    if (!control) return
    const created = new VotingSession({ api: voteApi(view.id, token), control })
    setSession(created)
    return () => {
      created.dispose()
      setSession(null)
    }
  }, [view.id, token, control])
  return session
}
