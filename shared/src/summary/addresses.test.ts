import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findAddresses } from './addresses.ts'

/**
 * The pattern the scan replaces: right about what forges link, but it backtracks (quadratic on a long run of
 * letters). Kept here as the reference the scan must agree with, on text short enough for it.
 */
const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s`|<>"']+|[^\s@`|<>()[\]]+@[^\s@`|<>()[\]]+\.[a-z]{2,}/gi

function byPattern(line: string): Array<{ start: number; end: number }> {
  return [...line.matchAll(ADDRESS)].map((match) => {
    const address = match[0].replace(/[).,;:!?]+$/, '')
    return { start: match.index, end: match.index + address.length }
  })
}

const found = (line: string) => findAddresses(line).map(({ start, end }) => line.slice(start, end))

describe('finding addresses in a line', () => {
  it.each([
    ['zie https://x.example/pad?q=1.', ['https://x.example/pad?q=1']],
    ['(www.x.example), en', ['www.x.example']],
    ['mail a.b@c.example of d@e', ['a.b@c.example']],
    ['[a](https://x.example)', ['https://x.example']],
    ['@iemand #12 a@b @', []],
    ['`https://x.example` |www.y.nl|', ['https://x.example', 'www.y.nl']],
    ['WWW.X.NL HTTP://Y', ['WWW.X.NL', 'HTTP://Y']],
    ['een a@b.nl@c.de', ['a@b.nl']],
  ])('in %j finds %j', (line, addresses) => {
    expect(found(line)).toEqual(addresses)
  })

  it('agrees with the backtracking pattern it replaces, on any short line', () => {
    const char = fc.constantFrom(...'aZw.:/@ -_()[]`|<>"\'!?,;1+é中🎉\n'.split(''), 'www.', '://', 'http', '.nl', '.ex')
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (parts) => {
        const line = parts.join('')
        expect(findAddresses(line)).toEqual(byPattern(line))
      }),
      { numRuns: 3000 },
    )
  })
})
