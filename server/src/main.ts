import { configFromEnvironment, startServer } from './index.ts'

/** `node server/src/main.ts`: the product. Configuration comes from the environment (see README). */
const config = configFromEnvironment()
const server = await startServer(config)
console.log(`Werkplaats is running: open ${server.url}/ (data in ${config.dataDir})`)
if (!config.tldrawLicenseKey) {
  console.log('No TLDRAW_LICENSE_KEY set: fine on localhost; a production install on another host needs one (see README).')
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
