import { errorBodySchema, type SummaryLanguage } from '@werkplaats/shared'

/**
 * Downloads that need the bearer token. A plain link cannot carry the Authorization header (and a token in the
 * address would end up in history and logs), so the file is fetched, kept as a blob and saved through a
 * temporary object URL.
 */
export const summaryFormats = ['pdf', 'md', 'csv', 'json'] as const
export type SummaryFormat = (typeof summaryFormats)[number]

export const formatNames: Record<SummaryFormat | 'png' | 'svg', string> = {
  pdf: 'PDF',
  md: 'Markdown',
  csv: 'CSV',
  json: 'JSON',
  png: 'PNG',
  svg: 'SVG',
}

export class DownloadError extends Error {
  override name = 'DownloadError'
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

/**
 * The file name of a `Content-Disposition` header: the RFC 5987 `filename*` when present (it keeps the title's
 * own letters), else `filename`. Only the last path segment is kept, whatever the header says.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  let name: string | null = null
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim())
    } catch {
      name = null
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1] ?? null
  const base = name?.split(/[\\/]/).pop()?.trim()
  return base ? base : null
}

export async function fetchSummary(
  sessionId: string,
  token: string,
  format: SummaryFormat,
  options: { names: boolean; language: SummaryLanguage },
): Promise<{ blob: Blob; fileName: string }> {
  const query = new URLSearchParams({ names: String(options.names), lang: options.language })
  let response: Response
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/export.${format}?${query}`, {
      headers: { authorization: `Bearer ${token}` },
      credentials: 'omit',
    })
  } catch {
    throw new DownloadError(0, 'the server could not be reached')
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(await response.json().catch(() => undefined))
    throw new DownloadError(response.status, body.success ? body.data.error : response.statusText)
  }
  const blob = await response.blob()
  return {
    blob,
    fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? `werkplaats.${format}`,
  }
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has taken the download over by the next task; the URL may go then, not before.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
