import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Template } from '@werkplaats/shared'
import { TemplateValidationError, validateTemplate } from './validateTemplate.ts'

/**
 * The templates shipped in `playbook-data/templates/`. Every file is validated when it is loaded, so a
 * broken template fails at start-up with the file and field named, never halfway through a workshop.
 */

export const templatesDir = join(import.meta.dirname, '..', 'templates')

export interface TemplateSummary {
  id: string
  title: string
  language: string
  /** Number of agenda stages. */
  stages: number
  /** Sum of the agenda's suggested minutes. */
  minutes: number
}

let cache: Map<string, Template> | undefined

function parseFile(dir: string, fileName: string): unknown {
  const text = readFileSync(join(dir, fileName), 'utf8')
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new TemplateValidationError(fileName, [`${fileName}: (root): not valid JSON: ${(error as Error).message}`])
  }
}

/** Loads and validates every template; the file name (without `.json`) must equal the template's id. */
export function loadTemplates(dir = templatesDir): Map<string, Template> {
  const templates = new Map<string, Template>()
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
  for (const fileName of files) {
    const template = validateTemplate(parseFile(dir, fileName), fileName)
    if (`${template.id}.json` !== fileName) {
      throw new TemplateValidationError(fileName, [`${fileName}: id: id "${template.id}" must match the file name`])
    }
    templates.set(template.id, template)
  }
  return templates
}

function catalog(): Map<string, Template> {
  cache ??= loadTemplates()
  return cache
}

export function listTemplates(): TemplateSummary[] {
  return [...catalog().values()].map((t) => ({
    id: t.id,
    title: t.title,
    language: t.language,
    stages: t.agenda.length,
    minutes: t.agenda.reduce((sum, stage) => sum + stage.minutes, 0),
  }))
}

export function getTemplate(id: string): Template | undefined {
  return catalog().get(id)
}
