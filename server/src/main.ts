import { openCluster, openStores } from './backends.ts'
import { configFromEnvironment, startServer } from './index.ts'

/** `node server/src/main.ts`: the product. Configuration comes from the environment (see README). */
const config = await Promise.resolve()
  .then(() => configFromEnvironment())
  .catch((error: unknown) => stop(error))
const stores = await openStores(config).catch((error: unknown) => stop(error))
const cluster = await openCluster(config).catch((error: unknown) => stop(error))
const server = await startServer(config, { stores, cluster }).catch((error: unknown) => stop(error))
console.log(`Werkplaats is running: open ${server.url}/ (data: ${stores.description}; ${cluster.description})`)
if (!config.tldrawLicenseKey) {
  console.log(
    'No TLDRAW_LICENSE_KEY set: fine on localhost; a production install on another host needs one (see README).',
  )
}

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('error while shutting down', error)
        process.exit(1)
      },
    )
  })
}

function stop(error: unknown): never {
  console.error(`Werkplaats could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
