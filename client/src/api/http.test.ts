import { describe, expect, it } from 'vitest'
import { fileNameFromDisposition } from './http.ts'

describe('the file name of a download', () => {
  it("prefers the RFC 5987 name, which keeps the title's letters", () => {
    expect(
      fileNameFromDisposition(
        'attachment; filename="zoe-cafe-2025-05-01.pdf"; filename*=UTF-8\'\'zo%C3%AB-caf%C3%A9-2025-05-01.pdf',
      ),
    ).toBe('zoë-café-2025-05-01.pdf')
  })

  it('falls back to the plain name, quoted or not', () => {
    expect(fileNameFromDisposition('attachment; filename="team-2025-05-01.md"')).toBe('team-2025-05-01.md')
    expect(fileNameFromDisposition('attachment; filename=team.csv')).toBe('team.csv')
  })

  it('keeps only the last path segment, and gives null for nothing usable', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A")).toBeNull()
    expect(fileNameFromDisposition(null)).toBeNull()
    expect(fileNameFromDisposition('attachment')).toBeNull()
  })
})
