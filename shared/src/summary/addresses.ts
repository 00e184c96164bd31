/**
 * Addresses that GitHub, GitLab and most wikis turn into links even without Markdown syntax: a bare
 * `scheme://…` or `www.…`, and an e-mail address. The Markdown summary puts each into a code span, so that it
 * shows as written and is never a link.
 *
 * Found by one scan from left to right, not by a regular expression: a pattern such as
 * `[^\s@]+@[^\s@]+\.[a-z]{2,}` retries from every letter of a long run without `@` and costs the square of the
 * run's length. Here each character is looked at a bounded number of times.
 */
export interface AddressSpan {
  start: number
  end: number
}

/** Ends an address: whitespace, and what would close a code span, split a table cell or end an HTML attribute. */
function endsUrl(code: number): boolean {
  return (
    isSpace(code) ||
    code === 0x60 /* ` */ ||
    code === 0x7c /* | */ ||
    code === 0x3c /* < */ ||
    code === 0x3e /* > */ ||
    code === 0x22 /* " */ ||
    code === 0x27
  ) /* ' */
}

/** An e-mail address's parts stop at these as well as at `@`, brackets and parentheses. */
function endsMail(code: number): boolean {
  return (
    isSpace(code) ||
    code === 0x40 /* @ */ ||
    code === 0x60 ||
    code === 0x7c ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x28 /* ( */ ||
    code === 0x29 /* ) */ ||
    code === 0x5b /* [ */ ||
    code === 0x5d /* ] */
  )
}

/** What `\s` matches in a JavaScript pattern. */
function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
}

/** A URL scheme's characters (RFC 3986): letters, digits, `+`, `.`, `-`. */
function isSchemeChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2e || code === 0x2d
}

/** Sentence punctuation after an address is the writer's, not the address's. */
function isTrailingPunctuation(code: number): boolean {
  return (
    code === 0x29 || code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f
  )
}

/**
 * Where the run of characters that `belongs`, from a position, ends (the position itself when its character does
 * not belong). Asked for positions that only move forward, it reads each character once: inside the last run it
 * found, the answer is that run's end.
 */
function runEnds(line: string, belongs: (code: number) => boolean): (from: number) => number {
  let runStart = 0
  let runEnd = -1
  return (from) => {
    if (from >= runStart && from < runEnd) return runEnd
    runStart = from
    runEnd = from
    while (runEnd < line.length && belongs(line.charCodeAt(runEnd))) runEnd++
    return runEnd
  }
}

/** Every address in `line`, left to right, not overlapping: where a link would be made of it. */
export function findAddresses(line: string): AddressSpan[] {
  const spans: AddressSpan[] = []
  if (!line.includes('://') && !line.includes('@') && !/www\./i.test(line)) return spans
  const urlEnd = runEnds(line, (code) => !endsUrl(code))
  const schemeEnd = runEnds(line, isSchemeChar)
  const mailEnd = runEnds(line, (code) => !endsMail(code))
  const domainRunEnd = runEnds(line, (code) => !endsMail(code))
  // The last `@` whose domain was read, and where the address after it ends (-1: none does). Every start of one
  // local part asks about the same `@`, so each domain is read once.
  let lastAt = -1
  let lastEnd = -1
  const domainEnd = (at: number): number => {
    if (at === lastAt) return lastEnd
    // `x@domain.tld`: the last `.` of the domain (after at least one character) followed by two letters or more.
    const last = domainRunEnd(at + 1)
    let end = -1
    for (let dot = last - 3; dot >= at + 2; dot--) {
      if (line.charCodeAt(dot) === 0x2e && isLetter(line.charCodeAt(dot + 1)) && isLetter(line.charCodeAt(dot + 2))) {
        end = dot + 3
        while (end < last && isLetter(line.charCodeAt(end))) end++
        break
      }
    }
    lastAt = at
    lastEnd = end
    return end
  }

  let i = 0
  while (i < line.length) {
    const tokenEnd = urlEnd(i)
    const first = line.charCodeAt(i)
    const isUrl =
      (isLetter(first) && line.startsWith('://', schemeEnd(i)) && schemeEnd(i) + 3 < tokenEnd) ||
      ((first === 0x77 || first === 0x57) && line.slice(i, i + 4).toLowerCase() === 'www.' && i + 4 < tokenEnd)
    if (isUrl) {
      let end = tokenEnd
      while (end > i && isTrailingPunctuation(line.charCodeAt(end - 1))) end--
      spans.push({ start: i, end })
      i = tokenEnd
      continue
    }
    const at = mailEnd(i)
    if (at > i && line.charCodeAt(at) === 0x40) {
      const end = domainEnd(at)
      if (end !== -1) {
        spans.push({ start: i, end })
        i = end
        continue
      }
    }
    i++
  }
  return spans
}
