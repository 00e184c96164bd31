import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * What a reader makes of a PDF, through poppler (Debian's poppler-utils, which `./run test` installs): its text
 * as `pdftotext -layout` extracts it, and `pdfinfo`'s facts. Both fail loudly on a PDF that does not open
 * cleanly: poppler's complaints go to stderr, and any is an error here.
 */
export function readPdf(pdf: Uint8Array): { text: string; info: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'werkplaats-pdf-'))
  try {
    const file = join(dir, 'summary.pdf')
    writeFileSync(file, pdf)
    const run = (command: string, args: string[]) => {
      const result = execFileSync(command, args, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      })
      return result
    }
    const infoText = run('pdfinfo', [file])
    const info = Object.fromEntries(
      infoText
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => {
          const at = line.indexOf(':')
          return [line.slice(0, at).trim(), line.slice(at + 1).trim()]
        }),
    )
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-'])
    return { text, info }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
