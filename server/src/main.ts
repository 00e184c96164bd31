import { performance } from 'node:perf_hooks'
import { openCluster, openStores } from './backends.ts'
import { configFromEnvironment, startServer } from './index.ts'
import { configureLog, log } from './observability/log.ts'

/**
 * The product: in production `server/start.sh` runs it built (`dist/main.js`), in development `node src/main.ts`.
 * Configuration comes from the environment (see README).
 */
const config = await Promise.resolve()
  .then(() => configFromEnvironment())
  .catch((error: unknown) => stop(error))
await configureLog(config.log)
const stores = await openStores(config).catch((error: unknown) => stop(error))
const cluster = await openCluster(config).catch((error: unknown) => stop(error))
const server = await startServer(config, { stores, cluster }).catch((error: unknown) => stop(error))
log.info(
  { url: server.url, data: stores.description, cluster: cluster.description },
  `Werkplaats is running: open ${server.url}/`,
)
if (!config.tldrawLicenseKey) {
  log.warn('No TLDRAW_LICENSE_KEY set: fine on localhost; a production install on another host needs one (see README).')
}

let draining = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (draining) return
    draining = true
    drain(signal)
  })
}

/**
 * Stops on a signal the way a service manager or an orchestrator expects (see `RunningServer.close`), within
 * `SHUTDOWN_TIMEOUT_MS`: a drain that takes longer is cut off with status 1 and a line saying so.
 */
function drain(signal: NodeJS.Signals): void {
  const started = performance.now()
  log.info({ signal, roomsLoaded: server.rooms.loadedRooms }, 'draining')
  setTimeout(() => {
    log.error({ timeoutMs: config.shutdownTimeoutMs }, 'the drain took too long; exiting without waiting further')
    process.exit(1)
  }, config.shutdownTimeoutMs).unref()
  server.close().then(
    () => {
      log.info({ durationMs: Math.round(performance.now() - started) }, 'drained; every write is stored')
      process.exit(0)
    },
    (error: unknown) => {
      log.error({ err: error }, 'error while draining')
      process.exit(1)
    },
  )
}

function stop(error: unknown): never {
  log.fatal(`Werkplaats could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
