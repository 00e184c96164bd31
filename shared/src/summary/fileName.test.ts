import { describe, expect, it } from 'vitest'
import { asciiSlug, contentDisposition, exportFileName, unicodeSlug } from './fileName.ts'

describe('export file names', () => {
  it('makes an ASCII slug of the title and adds the date', () => {
    expect(exportFileName('Team Innovatie', '2025-05-01', 'md')).toEqual({
      ascii: 'team-innovatie-2025-05-01.md',
      unicode: 'team-innovatie-2025-05-01.md',
    })
    expect(asciiSlug('Café Ĳsselmonde: coördinatie!')).toBe('cafe-ijsselmonde-coordinatie')
    expect(asciiSlug('<script>alert(1)</script>')).toBe('script-alert-1-script')
    expect(asciiSlug('🎉🎉')).toBe('werkplaats')
    expect(asciiSlug('a'.repeat(200))).toHaveLength(60)
    expect(asciiSlug('../../etc/passwd')).toBe('etc-passwd')
  })

  it("keeps the title's own letters in filename* only when ASCII cannot hold them", () => {
    expect(unicodeSlug('Café Ĳsselmonde')).toBe('café-ijsselmonde')
    expect(unicodeSlug('Ελληνικά')).toBe('ελληνικά')
    expect(contentDisposition(exportFileName('Team', '2025-05-01', 'pdf'))).toBe(
      'attachment; filename="team-2025-05-01.pdf"',
    )
    expect(contentDisposition(exportFileName("Zoë's café", '2025-05-01', 'csv'))).toBe(
      'attachment; filename="zoe-s-cafe-2025-05-01.csv"; filename*=UTF-8\'\'zo%C3%AB-s-caf%C3%A9-2025-05-01.csv',
    )
  })

  it('adds a suffix for images of one stage', () => {
    expect(exportFileName('Team', '2025-05-01', 'png', 'actieplan').ascii).toBe('team-actieplan-2025-05-01.png')
  })
})
