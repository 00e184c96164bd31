import { readFileSync } from 'node:fs'
import { templateSchema, type Template } from '@werkplaats/shared'

/** The real templates from playbook-data, as the server serves them (tests only: reads the file system). */
export function loadTemplate(id: 'oecd-innovatie-playbook' | 'iedereen-kan-innoveren'): Template {
  const url = new URL(`../../../playbook-data/templates/${id}.json`, import.meta.url)
  return templateSchema.parse(JSON.parse(readFileSync(url, 'utf8')))
}
