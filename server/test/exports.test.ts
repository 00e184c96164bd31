import { sessionSummarySchema, writeFacilitationField } from '@werkplaats/shared'
import { request, type IncomingHttpHeaders } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { readPdf } from './support/pdf.ts'
import { createSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'
import { runWorkshop, type Workshop } from './support/workshop.ts'

const formats = ['md', 'csv', 'json', 'pdf'] as const

describe('exporting the session summary', () => {
  const server = useServerProcess()
  let workshop: Workshop

  beforeAll(async () => {
    workshop = await runWorkshop(server.url, server.wsUrl, { title: 'Werksessie café Zoë' })
  }, 60_000)

  const download = (
    format: string,
    token: string | undefined,
    query = '',
    sessionId = workshop.session.id,
    acceptEncoding?: string,
  ) =>
    fetch(`${server.url}/api/sessions/${sessionId}/export.${format}${query}`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
      },
    })

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(Date.now())

  it('gives the facilitator every format with its content type and a file name from title and date', async () => {
    const types = {
      md: 'text/markdown; charset=utf-8',
      csv: 'text/csv; charset=utf-8; header=present',
      json: 'application/json; charset=utf-8',
      pdf: 'application/pdf',
    }
    // The workshop's date (the day its first stage opened, Amsterdam time), not the day the test runs: the two
    // differ for a test run that crosses midnight there.
    const summary = sessionSummarySchema.parse(await (await download('json', workshop.session.facilitatorToken)).json())
    const day = summary.session.date
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const format of formats) {
      const response = await download(format, workshop.session.facilitatorToken)
      expect(response.status, format).toBe(200)
      expect(response.headers.get('content-type')).toBe(types[format])
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      const name = `werksessie-cafe-zoe-${day}.${format}`
      const unicode = encodeURIComponent(`werksessie-café-zoë-${day}.${format}`)
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="${name}"; filename*=UTF-8''${unicode}`,
      )
      await response.arrayBuffer()
    }
  })

  it('holds the revealed tallies and the action plan in every format, and no names unless asked', async () => {
    const { topQuestion, actionPlan, checkIn, play } = workshop
    const markdown = await (await download('md', workshop.session.facilitatorToken)).text()
    expect(markdown).toContain(`| ${topQuestion.text} | 3 | 100% |`)
    expect(markdown).toContain(
      `| ${actionPlan.text} | ${actionPlan.owner} | ${actionPlan.firstStep} | ${actionPlan.date} |`,
    )
    expect(markdown).toContain(`- ${checkIn}`)
    expect(markdown).toContain(`### ${play.title}`)

    const csvBytes = new Uint8Array(await (await download('csv', workshop.session.facilitatorToken)).arrayBuffer())
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = new TextDecoder().decode(csvBytes)
    // Type;Ronde;Fase;Stemronde;Play;Tekst;Vraag;Stemmen;Aandeel;Geprobeerd;Willen we proberen;Niet relevant;…
    const voteLine = csv.split('\r\n').find((line) => line.includes(`;${topQuestion.text};;3;100%;`))
    expect(voteLine?.startsWith(`stem;;${workshop.voteStageTitle};`)).toBe(true)
    expect(csv).toContain(
      `\r\nactieplan;;;;;${actionPlan.text};;;;;;;${actionPlan.owner};${actionPlan.firstStep};${actionPlan.date};;;\r\n`,
    )
    expect(csv).toContain(`\r\nactie;1;;;${play.title};${play.actionText};;;;1;1;0;`)

    const summary = sessionSummarySchema.parse(await (await download('json', workshop.session.facilitatorToken)).json())
    expect(summary.voteRounds[0]?.tallies?.[0]).toMatchObject({ cardId: topQuestion.id, votes: 3, voters: 3, share: 1 })
    expect(summary.actionPlan[0]).toMatchObject({ action: actionPlan.text, owner: actionPlan.owner })
    expect(summary.participants).toEqual({ count: 3, names: null })
    expect(summary.stickyGroups.find((g) => g.stageId === 'welkom')?.stickies.map((s) => s.text)).toEqual([checkIn])
    expect(summary.stages.every((s) => s.startedAt !== null)).toBe(true)
    // Anonymous: nothing of who voted what, nor any participant's id.
    const raw = JSON.stringify(summary)
    for (const person of workshop.participants) expect(raw).not.toContain(person.participantId)
    expect(raw).not.toMatch(/ballot/i)

    const named = sessionSummarySchema.parse(
      await (await download('json', workshop.session.facilitatorToken, '?names=true')).json(),
    )
    expect(named.participants.names).toEqual(['Anna', 'Bert', 'Zoë'])
  })

  it('makes a PDF that pdftotext reads, with the tallies and the action plan', async () => {
    const response = await download('pdf', workshop.session.facilitatorToken)
    const { text, info } = readPdf(new Uint8Array(await response.arrayBuffer()))
    const flat = text.replace(/\s+/g, ' ')
    expect(info['Page size']).toMatch(/A4/)
    expect(flat).toContain('Werksessie café Zoë')
    expect(flat).toContain('3 (100%)')
    expect(flat).toContain('1 (33%)')
    expect(flat).toContain(workshop.actionPlan.text)
    expect(flat).toContain(workshop.actionPlan.firstStep)
    expect(flat).toContain(workshop.actionPlan.date)
    expect(flat).toMatch(/Pagina 1 van \d+/)
  })

  it('refuses participants and observers until the facilitator allows it, and names to anyone but the facilitator', async () => {
    const anna = workshop.participants[0]?.token ?? ''
    const other = await createSession(server.url, 'blank', 'Andere sessie')
    for (const format of formats) {
      expect((await download(format, anna)).status).toBe(403)
      expect((await download(format, workshop.session.observerToken)).status).toBe(403)
      expect((await download(format, undefined)).status).toBe(401)
      expect((await download(format, 'onbekend-onbekend-onbekend')).status).toBe(401)
      expect((await download(format, other.facilitatorToken)).status).toBe(403)
    }
    const refused = await download('json', anna)
    expect(await refused.json()).toEqual({ error: 'the facilitator has not made the summary available to everyone' })

    const control = connectProvider(server.wsUrl, workshop.session.control())
    await whenSynced(control)
    writeFacilitationField(control.doc, 'exportsForEveryone', true)
    await eventually(async () => (await download('md', anna)).status === 200, 'participants may export once allowed')
    control.destroy()
    for (const format of formats) {
      expect((await download(format, anna)).status).toBe(200)
      expect((await download(format, workshop.session.observerToken)).status).toBe(200)
    }
    expect((await download('json', anna, '?names=true')).status).toBe(403)
    expect((await download('json', workshop.session.observerToken, '?names=true')).status).toBe(403)
    expect((await download('json', anna, '?lang=fr')).status).toBe(400)
  })

  it('exports a blank board, and nothing once the session is deleted', async () => {
    const blank = await createSession(server.url, 'blank', '🎉')
    const response = await download('md', blank.facilitatorToken, '?lang=en', blank.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="werkplaats-${today()}.md"`)
    expect(await response.text()).toContain('| Template | Blank board |')
    await fetch(`${server.url}/api/sessions/${blank.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${blank.facilitatorToken}` },
    })
    expect((await download('pdf', blank.facilitatorToken, '', blank.id)).status).toBe(401)
  })

  it('sends a client that takes gzip the export compressed by the render worker, the same bytes once unpacked', async () => {
    for (const format of ['json', 'pdf'] as const) {
      const plain = await download(format, workshop.session.facilitatorToken, '', workshop.session.id, 'identity')
      expect(plain.headers.get('content-encoding'), format).toBeNull()
      expect(plain.headers.get('vary')).toContain('Accept-Encoding')
      const asIs = new Uint8Array(await plain.arrayBuffer())
      // node:http, not fetch: fetch would unpack it before the test could see the bytes on the wire.
      const packed = await rawGet(
        `${server.url}/api/sessions/${workshop.session.id}/export.${format}`,
        workshop.session.facilitatorToken,
        'gzip, deflate, br',
      )
      expect(packed.headers['content-encoding'], format).toBe('gzip')
      expect(Number(packed.headers['content-length'])).toBe(packed.body.length)
      const unpacked = gunzipSync(packed.body)
      // The same summary; only its times move with the moment it was made.
      const content = (json: string) => {
        const { voteRounds, plays, actionPlan, stickyGroups } = JSON.parse(json) as Record<string, unknown>
        return JSON.stringify({ voteRounds, plays, actionPlan, stickyGroups })
      }
      if (format === 'json') expect(content(unpacked.toString('utf8'))).toBe(content(new TextDecoder().decode(asIs)))
      else expect(unpacked.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(packed.body.length).toBeLessThan(asIs.length)
    }
  })

  it('serves the JSON Schema of the summary', async () => {
    const response = await fetch(`${server.url}/api/schemas/summary.json`)
    expect(response.headers.get('content-type')).toBe('application/schema+json; charset=utf-8')
    const schema = (await response.json()) as { $id: string; properties: { schemaVersion: { const: number } } }
    expect(schema.$id).toBe(`${server.url}/api/schemas/summary.json`)
    expect(schema.properties.schemaVersion.const).toBe(1)
  })
})

/** A GET as the bytes arrive, with the headers the server sent. */
function rawGet(
  url: string,
  token: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { authorization: `Bearer ${token}`, 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}
