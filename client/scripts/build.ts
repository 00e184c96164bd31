// Builds the client into a directory of its own under `builds/` and then points `dist` at it with one rename of a
// symbolic link, so a server serving `dist` switches from the old build to the new one at once and never serves
// half of each. The previous build is kept for pages still open on it; older ones are removed.
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'

const clientRoot = resolve(import.meta.dirname, '..')
const buildsDir = join(clientRoot, 'builds')
const dist = join(clientRoot, 'dist')
const KEEP = 2

const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`
mkdirSync(buildsDir, { recursive: true })
const vite = spawnSync('npx', ['vite', 'build', '--outDir', join('builds', name), '--emptyOutDir'], {
  cwd: clientRoot,
  stdio: 'inherit',
})
if (vite.status !== 0) process.exit(vite.status ?? 1)

// A `dist` left as a plain directory by an older build is moved aside once; from then on it is always a link.
if (existsSync(dist) && !lstatSync(dist).isSymbolicLink()) renameSync(dist, join(buildsDir, `previous-${name}`))
const link = join(clientRoot, `.dist-${name}`)
symlinkSync(join('builds', name), link, 'dir')
renameSync(link, dist)

const builds = readdirSync(buildsDir)
  .map((entry) => ({ entry, made: statSync(join(buildsDir, entry)).mtimeMs }))
  .sort((a, b) => a.made - b.made)
  .map(({ entry }) => entry)
for (const old of builds.slice(0, Math.max(0, builds.length - KEEP))) {
  rmSync(join(buildsDir, old), { recursive: true, force: true })
}
