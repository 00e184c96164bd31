import type { SessionView, Template } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { Facilitation } from './facilitation.ts'

/** The facilitation of the open session, for as long as its control room is open. */
export function useFacilitation(
  view: SessionView,
  controlDoc: Y.Doc | null,
  template: Template | null,
): Facilitation | null {
  const [facilitation, setFacilitation] = useState<Facilitation | null>(null)
  const { templateId, role } = view
  const participantId = view.participantId ?? null
  useEffect(() => {
    if (!controlDoc) return
    const created = new Facilitation({ controlDoc, templateId, role, participantId })
    setFacilitation(created)
    return () => {
      created.dispose()
      setFacilitation(null)
    }
  }, [controlDoc, templateId, role, participantId])
  useEffect(() => facilitation?.setTemplate(template), [facilitation, template])
  return facilitation
}
