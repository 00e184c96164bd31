import type { SummaryFormat } from '../api/apiClient.ts'

/**
 * Downloads that need the bearer token: the API client fetches the file (`fetchSummary`), and it is saved from
 * its blob through a temporary object URL.
 */

export const formatNames: Record<SummaryFormat | 'png' | 'svg', string> = {
  pdf: 'PDF',
  md: 'Markdown',
  csv: 'CSV',
  json: 'JSON',
  png: 'PNG',
  svg: 'SVG',
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
