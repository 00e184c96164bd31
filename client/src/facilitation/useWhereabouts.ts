import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { RosterEntry } from '../participants/roster.ts'
import type { Facilitation } from './facilitation.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { watchPresenceStages, type PresenceStages } from './presenceStages.ts'
import { stageById } from './stageMoves.ts'

/** For the participant list: "Op: <stage>" for each online person whose view we know, from presence. */
export function useWhereabouts(
  facilitation: Facilitation | null,
  awareness: Awareness | null,
): ((entry: RosterEntry) => string | null) | undefined {
  const messages = useMessages().facilitation
  const [watch, setWatch] = useState<PresenceStages | null>(null)
  useEffect(() => {
    if (!facilitation || !awareness) return
    const created = watchPresenceStages(awareness, facilitation.layout)
    setWatch(created)
    return () => {
      created.stop()
      setWatch(null)
    }
  }, [facilitation, awareness])
  const stages = useValue('presence stages', () => watch?.stages.get() ?? null, [watch])
  const template = useValue('template', () => facilitation?.template.get() ?? null, [facilitation])
  if (!stages || template?.kind !== 'ready') return undefined
  return (entry) => {
    if (!stages.has(entry.key)) return null
    const location = stages.get(entry.key) ?? null
    const stage = location ? stageById(template.template, location.stageId) : null
    if (!stage || !location) return messages.offStage
    return messages.onStage(
      location.round > 0 ? `${stage.title} (${messages.roundLabel(location.round + 1)})` : stage.title,
    )
  }
}
