import type { SessionSummary } from './model.ts'

/**
 * The summary as JSON: the model itself, with `schemaVersion`, indented for people who open it. JSON.stringify
 * escapes what JSON needs; `<` and friends stay as they are, because JSON is data and never HTML.
 */
export function renderJson(summary: SessionSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`
}
