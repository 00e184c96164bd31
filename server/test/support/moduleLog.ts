import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { threadId } from 'node:worker_threads'

/**
 * Preloaded into a server process (`--import`) by tests that check what it keeps out of its memory: every module
 * any of its threads loads is appended to the file `MODULE_LOG` names, as `<thread id> <url>` (0 is the main
 * thread, where the boards are served; the render workers have their own ids).
 */
const log = process.env.MODULE_LOG
if (log) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(log, `${threadId} ${url}\n`)
      return nextLoad(url, context)
    },
  })
}
