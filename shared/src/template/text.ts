import { z } from 'zod'

/**
 * Building blocks shared by every part of a template. Templates are extracted from PDFs and web pages, so
 * the schema itself refuses the extraction artefacts the sources are known to carry: if one slips through
 * the cleaning, loading the template fails instead of a participant seeing `Declaration�on�Public`.
 */

/** Stable identifier, referenced from board state (Yjs) and URLs: lowercase words joined by `-`. */
export const templateIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase letters and digits joined by single "-"')

/** One line or paragraph of published text: cleaned, trimmed, non-empty. */
export const cleanTextSchema = z
  .string()
  .min(1, 'text must not be empty')
  .refine((s) => !s.includes('\uFFFD'), 'text still contains the extraction artefact U+FFFD')
  .refine((s) => s === s.trim(), 'text must not start or end with whitespace')
  .refine((s) => !/[ \t]{2,}/.test(s), 'text contains runs of spaces (layout left over from extraction)')

/**
 * Longer text: paragraphs separated by one blank line (Markdown). Single line breaks are allowed, e.g. for
 * list items or a label followed by its body.
 */
export const paragraphsSchema = cleanTextSchema.refine(
  (s) => !/\n[ \t]*\n[ \t]*\n/.test(s),
  'paragraphs must be separated by exactly one blank line',
)

/** Links are shown to participants and opened from an https page: absolute https only. */
export const httpsUrlSchema = z.url({ protocol: /^https$/, error: 'link must be an absolute https:// URL' })

export const linkedTextSchema = z.object({
  /** Optional heading, e.g. the name of a case study. */
  title: cleanTextSchema.optional(),
  text: paragraphsSchema,
  links: z.array(httpsUrlSchema),
})
export type LinkedText = z.infer<typeof linkedTextSchema>
