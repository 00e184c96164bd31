import { readFile, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'

/**
 * Vite names what it emits under /assets with an 8-character content hash (`main-B4vR05nz.js`): such a file never
 * changes, so browsers may keep it for a year. Nothing else may be kept: the page names the current hashes, and a
 * service worker or favicon at a fixed name changes with a rebuild.
 */
const CONTENT_HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/

/** A path that names a file (it has an extension, or lies under /assets), not a route of the app. */
const FILE_LIKE = /^\/assets\/|\.[A-Za-z0-9]+$/

export type ClientRequestKind = 'hashed-asset' | 'file' | 'page'

export function clientRequestKind(path: string): ClientRequestKind {
  if (CONTENT_HASHED.test(path)) return 'hashed-asset'
  if (FILE_LIKE.test(path)) return 'file'
  return 'page'
}

export function cacheControlFor(kind: ClientRequestKind): string {
  return kind === 'hashed-asset' ? 'public, max-age=31536000, immutable' : 'no-cache'
}

interface ClientBuild {
  serve: MiddlewareHandler
  indexHtml: Promise<string>
}

/**
 * Serves the built client. `clientDir` may be a symbolic link that the client's build swaps in one rename once a
 * build is complete (see client/scripts/build.ts): the link is resolved per request, so a rebuild is taken up at
 * once and whole, and a request never sees a half-written build. A missing file is a 404 that no one may keep, so a
 * browser that asked during a deploy asks again instead of holding the page in place of a font.
 */
export function serveClient(app: OpenAPIHono, clientDir: string): void {
  const builds = new Map<string, ClientBuild>()
  const buildAt = async (): Promise<ClientBuild> => {
    const root = await realpath(clientDir)
    let build = builds.get(root)
    if (!build) {
      // Only the builds of this process's life are kept: a handful at most, one per deploy.
      build = { serve: serveStatic({ root }), indexHtml: readFile(join(root, 'index.html'), 'utf8') }
      build.indexHtml.catch(() => builds.delete(root))
      builds.set(root, build)
    }
    return build
  }

  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const kind = clientRequestKind(c.req.path)
    const build = await buildAt()
    if (kind === 'page') {
      c.header('Cache-Control', cacheControlFor(kind))
      return c.html(await build.indexHtml)
    }
    c.header('Cache-Control', cacheControlFor(kind))
    const served = await build.serve(c, async () => {})
    if (served) return served
    await next()
    c.header('Cache-Control', 'no-store')
    return c.json({ error: 'not found' }, 404)
  })
}
