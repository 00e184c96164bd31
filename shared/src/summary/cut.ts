/**
 * How much of a sticky the summary keeps. A note on the board can hold whatever a participant pastes (a whole
 * report, 160,000 spaces); the summary is for reading, and every later step (line handling, Markdown and CSV
 * escaping, PDF layout, the JSON) works on the text once per export. Cutting each sticky here, before any of
 * them reads it, bounds the work and the size of an export per sticky, whatever the board holds.
 */
export const MAX_STICKY_TEXT_CHARS = 10_000

/** What a cut text ends with, so a reader sees that something was left out. */
export const CUT_MARK = '…'

/** True for the first half of a UTF-16 surrogate pair: cutting after it would leave half a character. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * The first `max` UTF-16 units of `text`, then `…` if anything was left out. Never splits an emoji or another
 * character outside the Basic Multilingual Plane in two.
 */
export function cutText(text: string, max = MAX_STICKY_TEXT_CHARS): string {
  if (text.length <= max) return text
  const end = max > 0 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end)}${CUT_MARK}`
}

/** The start of `text` that `cutText` would keep, without the mark: for readers that add the mark themselves. */
export function keptLength(text: string, max: number): number {
  if (text.length <= max) return text.length
  return max > 0 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max
}
