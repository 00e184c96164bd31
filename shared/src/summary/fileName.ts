/**
 * The name an export is saved under: `<title-slug>-<yyyy-mm-dd>.<ext>`. Browsers and mail programs differ in
 * what they accept in a file name, so the plain name is ASCII (diacritics folded: "Café" → "cafe"); where the
 * title has letters ASCII cannot hold, `Content-Disposition` also carries the name with them (RFC 5987
 * `filename*`), which current browsers prefer.
 */

const MAX_SLUG = 60
const FALLBACK = 'werkplaats'

function slug(title: string, keep: RegExp): string {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .split('')
    .map((c) => (keep.test(c) ? c : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
  return [...words].slice(0, MAX_SLUG).join('').replace(/-$/, '') || FALLBACK
}

/** ASCII only: diacritics folded, everything else a dash. */
export function asciiSlug(title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[ĳĲ]/g, 'ij')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
  return slug(folded, /[a-z0-9]/)
}

/** Letters and digits of any script kept (composed), everything else a dash. */
export function unicodeSlug(title: string): string {
  return slug(title.normalize('NFC'), /[\p{L}\p{N}]/u)
}

export interface ExportFileName {
  /** ASCII, safe everywhere. */
  ascii: string
  /** With the title's own letters; equal to `ascii` when the title has none beyond ASCII. */
  unicode: string
}

export function exportFileName(title: string, date: string, extension: string, suffix = ''): ExportFileName {
  const tail = `${suffix ? `-${suffix}` : ''}-${date}.${extension}`
  return { ascii: `${asciiSlug(title)}${tail}`, unicode: `${unicodeSlug(title)}${tail}` }
}

/** RFC 5987 `ext-value` encoding: percent-encode all but the attribute characters. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** `attachment; filename="…"`, plus `filename*=UTF-8''…` when the title has letters beyond ASCII. */
export function contentDisposition(name: ExportFileName): string {
  const plain = `attachment; filename="${name.ascii}"`
  return name.unicode === name.ascii ? plain : `${plain}; filename*=UTF-8''${encodeRfc5987(name.unicode)}`
}
