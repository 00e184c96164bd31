import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/http.ts'
import { en } from '../i18n/en.ts'
import { nl } from '../i18n/nl.ts'
import { errorText, joinErrorText } from './errorText.ts'

describe('the sentence for a failed request', () => {
  it('says the server cannot be reached when no answer came', () => {
    expect(errorText(new ApiError(0, 'the server could not be reached'), nl.app)).toBe(nl.app.unreachable)
    expect(errorText(new ApiError(0, 'the server could not be reached'), en.app)).toBe(en.app.unreachable)
  })

  it('names the wait the server asked for when rate limited, in seconds or without a number', () => {
    expect(errorText(new ApiError(429, 'too many attempts', 1), nl.app)).toBe(
      'Te veel pogingen. Probeer het over 1 seconde opnieuw.',
    )
    expect(errorText(new ApiError(429, 'too many attempts', 17), nl.app)).toBe(
      'Te veel pogingen. Probeer het over 17 seconden opnieuw.',
    )
    expect(errorText(new ApiError(429, 'too many attempts'), nl.app)).toBe(nl.app.tooManyAttempts(null))
    expect(errorText(new ApiError(429, 'too many attempts', 17), en.app)).toContain('17')
  })

  it("carries the server's own words for any other refusal, and a thrown error's message", () => {
    expect(errorText(new ApiError(400, 'title is too long'), nl.app)).toBe('Dat lukte niet: title is too long')
    expect(errorText(new ApiError(500, 'internal error'), en.app)).toBe(en.app.failed('internal error'))
    expect(errorText(new TypeError('Failed to fetch'), nl.app)).toBe('Dat lukte niet: Failed to fetch')
    expect(errorText('plain text thrown', nl.app)).toBe('Dat lukte niet: plain text thrown')
  })
})

describe('the sentence for a refused join', () => {
  it('tells a door the facilitator closed from an invitation that does not work', () => {
    expect(joinErrorText(new ApiError(403, 'joining is closed'), nl.app)).toBe(nl.app.joinClosed)
    expect(joinErrorText(new ApiError(403, 'invalid invitation'), nl.app)).toBe(nl.app.invitationInvalid)
    expect(joinErrorText(new ApiError(403, 'joining is closed'), en.app)).toBe(en.app.joinClosed)
  })

  it('reads like any other failure for everything but a 403', () => {
    expect(joinErrorText(new ApiError(0, 'offline'), nl.app)).toBe(nl.app.unreachable)
    expect(joinErrorText(new ApiError(429, 'slow down', 5), en.app)).toBe(en.app.tooManyAttempts(5))
    expect(joinErrorText(new ApiError(404, 'joining is closed'), nl.app)).toBe('Dat lukte niet: joining is closed')
  })
})
