import { sessionPath } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { parseRoute } from './route.ts'

describe('routes', () => {
  const id = 'AbCdEfGhIjKlMnOpQrStU_'

  it('/ is the start page, /join the join page, /privacy the privacy statement, /s/<id> a session', () => {
    expect(parseRoute('/')).toEqual({ kind: 'start' })
    expect(parseRoute('/join')).toEqual({ kind: 'join' })
    expect(parseRoute('/join/')).toEqual({ kind: 'join' })
    expect(parseRoute('/privacy')).toEqual({ kind: 'privacy' })
    expect(parseRoute('/privacy/')).toEqual({ kind: 'privacy' })
    expect(parseRoute(sessionPath(id))).toEqual({ kind: 'session', sessionId: id })
    expect(parseRoute(`${sessionPath(id)}/`)).toEqual({ kind: 'session', sessionId: id })
  })

  it('anonymous boards and malformed session ids are gone', () => {
    expect(parseRoute(`/b/${id}`)).toEqual({ kind: 'not-found' })
    expect(parseRoute('/s/short')).toEqual({ kind: 'not-found' })
    expect(parseRoute(`/s/${id}x`)).toEqual({ kind: 'not-found' })
    expect(parseRoute('/s/%3Cscript%3E')).toEqual({ kind: 'not-found' })
    expect(parseRoute('/elders')).toEqual({ kind: 'not-found' })
  })
})
