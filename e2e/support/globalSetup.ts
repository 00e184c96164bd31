import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const repoRoot = resolve(import.meta.dirname, '../..')
const builtIndex = resolve(repoRoot, 'client/dist/index.html')

/** What the client build is made from: its own sources and config, and the shared package it imports. */
const buildInputs = [
  'client/src',
  'client/public',
  'client/index.html',
  'client/vite.config.ts',
  'client/package.json',
  'shared/src',
  'shared/package.json',
].map((path) => resolve(repoRoot, path))

/**
 * The server serves the built client. `pnpm test` builds it first; a lone `pnpm --filter e2e test` may find no
 * build, or one older than the sources, and would then test what the code no longer is. So it builds when
 * `client/dist` is missing or older than anything it is built from.
 */
export default function setup(): void {
  const reason = !existsSync(builtIndex)
    ? 'client/dist is missing'
    : newestChange(buildInputs) > statSync(builtIndex).mtimeMs
      ? 'client/dist is older than the client or shared sources'
      : undefined
  if (!reason) return
  console.log(`${reason}: building the client for the end-to-end tests`)
  execFileSync('npx', ['-y', 'pnpm@12.21.0', '--filter', '@werkplaats/client', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, and Vite would honour it with a development build of React and tldraw.
    env: { ...process.env, NODE_ENV: 'production' },
  })
}

/** The latest modification time (ms) of the given files and everything below the given folders. */
function newestChange(paths: string[]): number {
  let newest = 0
  for (const path of paths) {
    if (!existsSync(path)) continue
    const stat = statSync(path)
    newest = Math.max(newest, stat.mtimeMs)
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))))
    }
  }
  return newest
}
