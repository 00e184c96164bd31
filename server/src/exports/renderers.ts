import { renderCsv, renderJson, renderMarkdown, type SessionSummary, type SummaryLanguage } from '@werkplaats/shared'
import { renderPdf } from './pdf.ts'
import { type SummarySource, summaryFrom } from './summarySource.ts'

/** The formats a summary is exported in. */
export const exportFormats = ['md', 'csv', 'json', 'pdf'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** What one export asks a render worker for. */
export interface RenderRequest {
  format: ExportFormat
  source: SummarySource
  language: SummaryLanguage
  /** 'gzip': the worker compresses what it rendered, for a client that takes it (see `EncodedExport`). */
  contentEncoding?: ContentEncoding
}

/** How the bytes of an export are sent: as rendered, or gzip-compressed by the render worker. */
export type ContentEncoding = 'identity' | 'gzip'

/** Text for the text formats, bytes for the PDF. */
export type Rendered = string | Uint8Array

/** A rendered export, with what its file is named after. */
export interface RenderedExport {
  body: Rendered
  session: Pick<SessionSummary['session'], 'title' | 'date'>
}

/** Renders a summary in one format. */
export function renderSummary(
  summary: SessionSummary,
  format: ExportFormat,
  language: SummaryLanguage,
): Rendered | Promise<Rendered> {
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

/** Builds the summary from its source and renders it: what a render worker runs, away from the server's event loop. */
export async function render({ format, source, language }: RenderRequest): Promise<RenderedExport> {
  const summary = summaryFrom(source)
  return {
    body: await renderSummary(summary, format, language),
    session: { title: summary.session.title, date: summary.session.date },
  }
}
