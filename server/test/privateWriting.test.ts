import { privateRoomName, readBoardRecords, readControlSession } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { recordRoom } from './support/recorder.ts'
import { createSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

describe('private writing', () => {
  const server = useServerProcess()

  it("keeps a participant's private sticky off every other participant's wire until it is revealed", async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const [anna, bram] = [await session.join('Anna'), await session.join('Bram')]
    const annaPrivate = { room: privateRoomName(session.id, anna.participantId), token: anna.token }
    // Bram listens on every room he may enter, and records every byte.
    const bramRooms = [
      await recordRoom(server.wsUrl, session.board(bram.token)),
      await recordRoom(server.wsUrl, session.control(bram.token)),
    ]
    // …and may not enter Anna's private room, nor may an observer.
    for (const token of [bram.token, session.observerToken]) {
      const refused = await connectRaw(server.wsUrl, { room: annaPrivate.room, token })
      expect(await refused.closed).toEqual({ code: 4403, reason: "another participant's private notes" })
    }

    const secret = 'Geheim idee van Anna: pilot met de gemeente'
    const writer = connectProvider(server.wsUrl, annaPrivate)
    await whenSynced(writer)
    writer.doc.getMap('records').set('shape:anna1', {
      id: 'shape:anna1',
      typeName: 'shape',
      type: 'note',
      x: 10,
      y: 20,
      meta: { private: true },
      props: { text: secret },
    })
    // The facilitator sees it, live.
    const facilitator = connectProvider(server.wsUrl, { room: annaPrivate.room, token: session.facilitatorToken })
    await whenSynced(facilitator)
    await eventually(
      () => facilitator.doc.getMap('records').has('shape:anna1'),
      'the facilitator sees the private sticky',
    )
    // Markers written after the secret, one in each of Bram's rooms: had the secret leaked into either room, it
    // would have reached Bram before the marker that followed it there.
    const annaOnBoard = connectProvider(server.wsUrl, session.board(anna.token))
    await whenSynced(annaOnBoard)
    annaOnBoard.doc.getMap('records').set('shape:marker', { id: 'shape:marker', typeName: 'shape', type: 'note' })
    const retitled = await fetch(`${server.url}/api/sessions/${session.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${session.facilitatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Marker' }),
    })
    expect(retitled.status).toBe(200)
    await eventually(
      () =>
        readBoardRecords(bramRooms[0]!.doc()).has('shape:marker') &&
        readControlSession(bramRooms[1]!.doc())?.title === 'Marker',
      'the markers reach Bram',
    )
    annaOnBoard.destroy()
    const wire = () => bramRooms.map((room) => Buffer.concat(room.frames).toString('utf8')).join('')
    expect(wire()).not.toContain('Geheim idee')

    const response = await fetch(`${server.url}/api/sessions/${session.id}/private/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bram.token}` },
    })
    expect(response.status).toBe(403)
    const revealed = await fetch(`${server.url}/api/sessions/${session.id}/private/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.facilitatorToken}` },
    })
    expect(await revealed.json()).toEqual({ revealed: 1 })
    await eventually(
      () => readBoardRecords(bramRooms[0]!.doc()).has('shape:anna1'),
      'the sticky reaches Bram after reveal',
    )
    expect(wire()).toContain('Geheim idee')
    const onBoard = readBoardRecords(bramRooms[0]!.doc()).get('shape:anna1') as unknown as {
      x: number
      meta: { private: boolean }
    }
    expect(onBoard).toMatchObject({ x: 10, meta: { private: false } })
    // Where it was written, and no longer in the private room.
    await eventually(() => !writer.doc.getMap('records').has('shape:anna1'), 'the private room is emptied')
    for (const room of bramRooms) room.close()
    writer.destroy()
    facilitator.destroy()
  })

  it('tells each client the server time', async () => {
    const before = Date.now()
    const { now } = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number }
    expect(now).toBeGreaterThanOrEqual(before - 1000)
    expect(now).toBeLessThanOrEqual(Date.now() + 1000)
  })
})
