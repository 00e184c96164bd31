/**
 * Hocuspocus (`@hocuspocus/server`) as the bench's second peer: documents in memory, no extensions, as the
 * reference server runs. Started by `servers.ts` with PORT; answers `GET /` once it listens.
 */
import { Server } from '@hocuspocus/server'

const server = new Server({ port: Number(process.env.PORT), address: process.env.HOST ?? '127.0.0.1', quiet: true })
await server.listen()
