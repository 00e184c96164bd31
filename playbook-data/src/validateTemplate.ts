import { formatPath, templateSchema } from '@werkplaats/shared'
import type { Template } from '@werkplaats/shared'

/**
 * Validation of one template file's parsed JSON. Pure (no I/O) so tests and tools can feed it anything;
 * every message names the file and the field, e.g.
 * `oecd-innovatie-playbook.json: principles[2].assessmentQuestions[0].playId: play "x" does not exist …`.
 */

export class TemplateValidationError extends Error {
  readonly fileName: string
  /** One `file: field: message` line per problem. */
  readonly problems: readonly string[]

  constructor(fileName: string, problems: readonly string[]) {
    super(`invalid template ${fileName}:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'TemplateValidationError'
    this.fileName = fileName
    this.problems = problems
  }
}

export function validateTemplate(data: unknown, fileName: string): Template {
  const result = templateSchema.safeParse(data)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `${fileName}: ${formatPath(issue.path)}: ${issue.message}`)
  throw new TemplateValidationError(fileName, problems)
}
