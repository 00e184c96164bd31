import { defineProject } from 'vitest/config'

// Logic tests of the client (binding, presence, routing) run in Node: tldraw's store needs no DOM.
export default defineProject({
  test: { name: 'client', include: ['src/**/*.test.ts'], environment: 'node' },
})
