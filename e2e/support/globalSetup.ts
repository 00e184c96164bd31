import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const repoRoot = resolve(import.meta.dirname, '../..')

/** The server serves the built client; `pnpm test` builds it first, a lone `pnpm --filter e2e test` may not have. */
export default function setup(): void {
  if (existsSync(resolve(repoRoot, 'client/dist/index.html'))) return
  console.log('client/dist is missing: building the client for the end-to-end tests')
  execFileSync('npx', ['-y', 'pnpm@12.21.0', '--filter', '@werkplaats/client', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, and Vite would honour it with a development build of React and tldraw.
    env: { ...process.env, NODE_ENV: 'production' },
  })
}
