import { actionPlanMap, addActionPlanItem, sessionSummarySchema } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { createSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

describe('the action plan', () => {
  const server = useServerProcess()

  it('leaves an action without text out of the plan, even one a client writes into the board room by hand', async () => {
    const session = await createSession(server.wsUrl, 'oecd-innovatie-playbook')
    const participant = await session.join('Bert')
    const provider = connectProvider(server.wsUrl, session.board(participant.token))
    try {
      await whenSynced(provider)
      const doc = provider.doc
      const handMade = new Y.Map<unknown>()
      const empty = { id: 'leeg', text: '   ', owner: 'Bert', firstStep: '', date: '', source: null, createdAt: 1 }
      for (const [key, value] of Object.entries(empty)) handMade.set(key, value)
      actionPlanMap(doc).set('leeg', handMade)
      addActionPlanItem(doc, { ...empty, id: 'echt', text: 'Een dag meelopen met de balie', createdAt: 2 })

      // The good item is written after the empty one: once the export shows it, the empty one has arrived too.
      let actions: string[] = []
      await eventually(async () => {
        const answer = await fetch(`${server.url}/api/sessions/${session.id}/export.json`, {
          headers: { authorization: `Bearer ${session.facilitatorToken}` },
        })
        expect(answer.status).toBe(200)
        actions = sessionSummarySchema.parse(await answer.json()).actionPlan.map((item) => item.action)
        return actions.length > 0
      }, 'the plan reaches the export')
      expect(actions).toEqual(['Een dag meelopen met de balie'])
    } finally {
      provider.destroy()
    }
  })
})
