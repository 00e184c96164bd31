import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Starting a server process is bounded at 60 s (see test/support/serverProcess.ts); a hook may take that long.
    hookTimeout: 90_000,
  },
})
