import { boardRecords } from '@werkplaats/shared'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import { createSession } from '@werkplaats/server/testing/boardFiller'
import { connectProvider, whenSynced } from '@werkplaats/server/testing/clients'
import { forwardTo, useServerProcess } from '@werkplaats/server/testing/useServer'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, Participant } from './browser.ts'
import { type ServerProcess, serverEnvironment } from './server.ts'

export interface BrowserSessionOptions<Name extends string> {
  /** The people at the board, each in a browser context of their own, by the name they give. */
  people?: readonly Name[]
  /** Server settings as environment variables. */
  env?: Record<string, string>
  /** Extra Chromium flags. */
  browserArgs?: string[]
}

export interface BrowserSession<Name extends string> {
  readonly server: ServerProcess
  readonly browser: Browser
  readonly people: Readonly<Record<Name, Participant>>
}

/**
 * The set-up every end-to-end describe shares: the real server as its own process, one Chromium, and a context
 * for each person, opened before the describe's tests and closed after them. What it answers stands for the
 * server, the browser and the people while the tests run, so it can be destructured at the top of the describe.
 *
 * @example
 * describe('two people on one board', () => {
 *   const { server, people: { Anna: anna, Bram: bram } } = useBrowserSession({ people: ['Anna', 'Bram'] })
 *   it('...', async () => { await anna.createSession(`${server.url}/`, 'Leeg bord', 'Samen') })
 * })
 */
export function useBrowserSession<const Name extends string = never>(
  options: BrowserSessionOptions<Name> = {},
): BrowserSession<Name> {
  const server = useServerProcess(serverEnvironment(options.env))
  let browser: Browser | undefined
  const opened = new Map<Name, Participant>()
  beforeAll(async () => {
    const launched = await launchBrowser(options.browserArgs)
    browser = launched
    const people = options.people ?? []
    const contexts = await Promise.all(people.map((name) => Participant.open(launched, name)))
    people.forEach((name, i) => opened.set(name, contexts[i] as Participant))
  })
  // Registered after the server's, so it runs before it: the pages close before the server stops.
  afterAll(async () => {
    await browser?.close()
    browser = undefined
    opened.clear()
  })
  const people = Object.fromEntries(
    (options.people ?? []).map((name) => [name, forwardTo(() => opened.get(name), `${name}'s browser`)]),
  ) as Record<Name, Participant>
  return { server, browser: forwardTo(() => browser, 'the browser'), people }
}

export interface NoteWriter {
  /** Sets a note on the board (a new one, or a new version of it), as one update from the writer. */
  writeNote(id: string, text: string, x: number, y: number): void
}

/**
 * Another participant writing notes straight into the board over the y-websocket protocol, as the crowd's clients
 * in the template bench do: no browser, no selection. Before the describe's tests it makes a session of
 * `templateId`, joins as "Schrijver" and brings `reader` onto the board with the participants' link.
 */
export function useNoteWriter(
  server: ServerProcess,
  reader: Participant,
  session: { templateId: string; title: string },
): NoteWriter {
  let writer: ReturnType<typeof connectProvider> | undefined
  beforeAll(async () => {
    const created = await createSession(server.wsUrl, session.templateId, session.title)
    const { token } = await created.join('Schrijver')
    writer = connectProvider(server.wsUrl, created.board(token))
    await whenSynced(writer)
    await reader.joinByLink(created.links.participant)
  })
  afterAll(() => {
    writer?.destroy()
    writer = undefined
  })
  return {
    writeNote(id, text, x, y) {
      if (!writer) throw new Error('the writer is not connected')
      boardRecords(writer.doc).set(id, noteRecord(id, text, x, y))
    },
  }
}
