import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, ServerProcess, temporaryDataDir } from './support/serverProcess.ts'

/** A client build as the client's build script leaves it: its own directory, `dist` a link to it. */
function writeBuild(root: string, name: string, asset: string): void {
  mkdirSync(join(root, 'builds', name, 'assets'), { recursive: true })
  writeFileSync(join(root, 'builds', name, 'index.html'), `<!doctype html><title>${name}</title>`)
  writeFileSync(join(root, 'builds', name, 'assets', asset), `/* ${name} */`)
  writeFileSync(join(root, 'builds', name, 'favicon.svg'), '<svg/>')
}

function pointDistAt(root: string, name: string): void {
  const link = join(root, `.dist-${name}`)
  symlinkSync(join('builds', name), link, 'dir')
  renameSync(link, join(root, 'dist'))
}

describe('the built client as the server serves it', () => {
  const data = temporaryDataDir()
  const client = temporaryDataDir()
  let server: ServerProcess

  beforeAll(async () => {
    writeBuild(client.path, 'one', 'index-AAAAaaa1.js')
    pointDistAt(client.path, 'one')
    server = new ServerProcess(await freePort(), data.path, { CLIENT_DIR: join(client.path, 'dist') })
    await server.start()
  })
  afterAll(async () => {
    await server.stop()
    data.remove()
    client.remove()
  })

  it('answers a missing asset with a 404 that no one keeps, never with the page', async () => {
    for (const path of ['/assets/does-not-exist.js', '/assets/gone-BBBBbbb2.js', '/fonts/missing.woff2']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('cache-control'), path).toBe('no-store')
      expect(response.headers.get('content-type'), path).toContain('application/json')
      expect(await response.json(), path).toEqual({ error: 'not found' })
    }
  })

  it('lets browsers keep only content-hashed files; the page and other files are checked each time', async () => {
    const hashed = await fetch(`${server.url}/assets/index-AAAAaaa1.js`)
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const favicon = await fetch(`${server.url}/favicon.svg`)
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('cache-control')).toBe('no-cache')
    for (const path of ['/', '/join', '/s/abcdefghijklmnopqrstuv', '/index.html']) {
      const page = await fetch(`${server.url}${path}`)
      expect(page.status, path).toBe(200)
      expect(page.headers.get('cache-control'), path).toBe('no-cache')
    }
  })

  it('takes up a rebuild at once and whole when the build link is swapped', async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>one</title>')
    writeBuild(client.path, 'two', 'index-CCCCccc3.js')
    pointDistAt(client.path, 'two')
    expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>two</title>')
    const fresh = await fetch(`${server.url}/assets/index-CCCCccc3.js`)
    expect(await fresh.text()).toBe('/* two */')
    // The old build's files are not mixed into the new one.
    expect((await fetch(`${server.url}/assets/index-AAAAaaa1.js`)).status).toBe(404)
  })
})
