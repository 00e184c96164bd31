import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: ['shared', 'playbook-data', 'server', 'client'],
  },
})
