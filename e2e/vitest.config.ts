import { defineConfig } from 'vitest/config'

// Real browsers against a real server: slow steps, one file at a time, in one process, so two suites never
// fight over CPU on a 2-core machine and timings stay predictable.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
})
