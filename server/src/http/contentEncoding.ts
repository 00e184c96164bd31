/**
 * Whether a request's `Accept-Encoding` takes gzip (RFC 9110 §12.5.3): named, or `*`, with a weight above 0. No
 * header at all means "anything" in the RFC, but clients that send none (scripts, curl without --compressed)
 * expect the bytes as they are, so they get them.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  let gzip: number | undefined
  let any: number | undefined
  // A header is short; a long one is not a real client's, and reading its first 1,000 characters is enough.
  for (const part of header.slice(0, 1000).split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    if (name === 'gzip' || name === 'x-gzip') gzip = Number.isFinite(weight) ? weight : 0
    else if (name === '*') any = Number.isFinite(weight) ? weight : 0
  }
  return (gzip ?? any ?? 0) > 0
}
