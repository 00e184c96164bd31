import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { gzipSync } from 'node:zlib'
import type { ContentEncoding, RenderedExport, RenderRequest } from './renderers.ts'

/**
 * A render worker (see `renderPool.ts`): takes one request at a time, builds the summary from the rooms'
 * documents it was handed and renders it; answers with the rendered export, or with the error's message when
 * that failed. A PDF's bytes are transferred, not copied.
 */
export type RenderReply = ({ ok: true } & EncodedExport) | { ok: false; error: string }

/**
 * What the pool hands back: the export as the bytes the response sends. Text is encoded to UTF-8 here, so the
 * event loop neither copies a large string out of the worker nor encodes it for the socket; and compressed here
 * when the client takes gzip: a large board's summary is a megabyte or more, which the event loop would otherwise
 * write to the socket (the kernel's copy counts against the event loop too) and a facilitator on the meeting
 * room's Wi-Fi would wait for.
 */
export interface EncodedExport extends RenderedExport {
  body: Uint8Array
  contentEncoding: ContentEncoding
}

/**
 * How much lower than the event loop this thread runs (Linux niceness, 0–19). Off the event loop is not enough
 * on a machine with fewer free cores than busy threads: the kernel would share a core between the event loop
 * and a render. At niceness 10 a render gets about a tenth of a core the event loop wants, and all of one it
 * does not.
 */
const RENDER_NICENESS = 10

/**
 * Linux gives a thread its own id, and `setpriority` on it changes that thread alone. V8's platform threads
 * ("V8Worker": concurrent garbage collection and compilation) are lowered with it: a render's garbage is most of
 * what they collect, and at the event loop's priority they took its core from it while an export ran.
 */
function yieldToTheEventLoop(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, RENDER_NICENESS)
    for (const task of readdirSync('/proc/self/task')) {
      if (readFileSync(`/proc/self/task/${task}/comm`, 'utf8').startsWith('V8Worker'))
        setPriority(Number(task), RENDER_NICENESS)
    }
  } catch {
    // Not Linux (no /proc/thread-self): renders run at the server's priority.
  }
}

const port = parentPort
if (!port) throw new Error('renderWorker.ts runs as a worker thread of the render pool')
yieldToTheEventLoop()
// Loaded after the priority is lowered: loading the renderers (pdfkit, fonts, the templates) is a good part of a
// first export.
const { render } = await import('./renderers.ts')

port.on('message', async (request: RenderRequest) => {
  let reply: RenderReply
  try {
    const { body, session } = await render(request)
    const rendered = typeof body === 'string' ? new TextEncoder().encode(body) : body
    const contentEncoding = request.contentEncoding === 'gzip' ? 'gzip' : 'identity'
    const bytes = contentEncoding === 'gzip' ? gzipSync(rendered) : rendered
    // A Buffer may be a view into a larger shared one; transfer a buffer of its own.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes)
    port.postMessage({ ok: true, body: own, session, contentEncoding } satisfies RenderReply, [
      own.buffer as ArrayBuffer,
    ])
    return
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  port.postMessage(reply)
})
