import { renderCsv, renderJson, renderMarkdown, type SessionSummary, type SummaryLanguage } from '@werkplaats/shared'
import { renderPdf } from './pdf.ts'

/** The formats a summary is exported in. */
export const exportFormats = ['md', 'csv', 'json', 'pdf'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** What one export asks a render worker for. */
export interface RenderRequest {
  format: ExportFormat
  summary: SessionSummary
  language: SummaryLanguage
}

/** Text for the text formats, bytes for the PDF. */
export type Rendered = string | Uint8Array

/** Renders a summary in one format: what a render worker runs, away from the server's event loop. */
export function render({ format, summary, language }: RenderRequest): Rendered | Promise<Rendered> {
  switch (format) {
    case 'md':
      return renderMarkdown(summary, { language })
    case 'csv':
      return renderCsv(summary, { language })
    case 'json':
      return renderJson(summary)
    case 'pdf':
      return renderPdf(summary, { language })
  }
}
