import type { SessionView } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { voteApi } from '../api/voteApi.ts'
import { VotingSession } from './votingSession.ts'

/** One voting session per open board, for the dock and the cards on the board alike; null until the control room is there. */
export function useVotingSession(view: SessionView, token: string, controlDoc: Y.Doc | null): VotingSession | null {
  const [session, setSession] = useState<VotingSession | null>(null)
  useEffect(() => {
    if (!controlDoc) return
    const created = new VotingSession({ role: view.role, api: voteApi(view.id, token), controlDoc })
    setSession(created)
    return () => {
      created.dispose()
      setSession(null)
    }
  }, [view.id, view.role, token, controlDoc])
  return session
}
