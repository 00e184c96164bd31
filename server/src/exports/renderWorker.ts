import { parentPort } from 'node:worker_threads'
import { render, type RenderRequest } from './renderers.ts'

/**
 * A render worker (see `renderPool.ts`): takes one request at a time, answers with the rendered export, or with
 * the error's message when rendering failed. A PDF's bytes are transferred, not copied.
 */
export type RenderReply = { ok: true; body: string | Uint8Array } | { ok: false; error: string }

const port = parentPort
if (!port) throw new Error('renderWorker.ts runs as a worker thread of the render pool')

port.on('message', async (request: RenderRequest) => {
  let reply: RenderReply
  try {
    reply = { ok: true, body: await render(request) }
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  if (reply.ok && reply.body instanceof Uint8Array) {
    // A Buffer may be a view into a larger shared one; transfer a buffer of its own.
    const own = reply.body.byteOffset === 0 && reply.body.byteLength === reply.body.buffer.byteLength ? reply.body : new Uint8Array(reply.body)
    port.postMessage({ ok: true, body: own }, [own.buffer as ArrayBuffer])
  } else {
    port.postMessage(reply)
  }
})
