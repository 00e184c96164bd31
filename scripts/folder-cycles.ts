/**
 * Fails when the client's top folders import each other in a circle (`board/` → `phone/` → `board/`), which
 * `madge --circular` does not see: it looks at files, and two folders can depend on each other through files
 * that form no file circle. Each folder is one concept; a circle between two means neither can be read, or
 * changed, on its own. Tests are left out: a test may reach into any folder it needs to build its case.
 *
 *   node scripts/folder-cycles.ts            (part of `pnpm lint`)
 */
import madge from 'madge'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../client/src')
const isTest = (file: string) => /\.test\.tsx?$/.test(file)
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0] : null)

const graph = (
  await madge(root, { fileExtensions: ['ts', 'tsx'], detectiveOptions: { ts: { skipTypeImports: false } } })
).obj()

/** Which folders each folder imports, and one file import that makes each edge (to name it in the report). */
const edges = new Map<string, Map<string, string>>()
for (const [file, imports] of Object.entries(graph)) {
  const from = folderOf(file)
  if (!from || isTest(file)) continue
  for (const imported of imports) {
    const to = folderOf(imported)
    if (!to || to === from) continue
    const targets = edges.get(from) ?? new Map<string, string>()
    if (!targets.has(to)) targets.set(to, `${file} → ${imported}`)
    edges.set(from, targets)
  }
}

// Tarjan's strongly connected components: every component of more than one folder is a circle.
const index = new Map<string, number>()
const low = new Map<string, number>()
const stack: string[] = []
const onStack = new Set<string>()
const circles: string[][] = []
let next = 0
function visit(folder: string): void {
  index.set(folder, next)
  low.set(folder, next)
  next++
  stack.push(folder)
  onStack.add(folder)
  for (const to of edges.get(folder)?.keys() ?? []) {
    if (!index.has(to)) {
      visit(to)
      low.set(folder, Math.min(low.get(folder)!, low.get(to)!))
    } else if (onStack.has(to)) {
      low.set(folder, Math.min(low.get(folder)!, index.get(to)!))
    }
  }
  if (low.get(folder) !== index.get(folder)) return
  const component: string[] = []
  let member: string
  do {
    member = stack.pop()!
    onStack.delete(member)
    component.push(member)
  } while (member !== folder)
  if (component.length > 1) circles.push(component.sort())
}
for (const folder of edges.keys()) if (!index.has(folder)) visit(folder)

if (circles.length === 0) {
  console.log(`No import circles between the ${edges.size} folders of client/src.`)
} else {
  for (const circle of circles) {
    console.error(`Folders importing each other in a circle: ${circle.join(', ')}`)
    for (const from of circle) {
      for (const [to, example] of edges.get(from) ?? []) if (circle.includes(to)) console.error(`  ${example}`)
    }
  }
  process.exit(1)
}
