import { describe, expect, it } from 'vitest'
import { linkExchangeFromFragment } from './linkExchange.ts'

describe('the exchange a link asks for', () => {
  const secret = 'Secret_for-a-link-0123456789'
  it("is a handover for #h=, the observers' invitation for #w=", () => {
    expect(linkExchangeFromFragment(`#h=${secret}`)).toEqual({ kind: 'handover', secret })
    expect(linkExchangeFromFragment(`#w=${secret}`)).toEqual({ kind: 'observer', secret })
  })
  it("is none for the participants' invitation, a token of an old link, or anything implausible", () => {
    for (const hash of ['', '#', `#i=${secret}`, `#t=${secret}`, '#h=<script>', '#w=kort', `#x=${secret}`]) {
      expect(linkExchangeFromFragment(hash)).toBeNull()
    }
  })
})
