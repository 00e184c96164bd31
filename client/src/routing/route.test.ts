import { describe, expect, it } from 'vitest'
import { boardPath, newRoomId, parseRoute } from './route.ts'

describe('routes', () => {
  it('/ asks for a new board, /b/<id> opens one, anything else is not a board', () => {
    expect(parseRoute('/')).toEqual({ kind: 'new' })
    expect(parseRoute('/b/abc_DEF-123')).toEqual({ kind: 'board', room: 'abc_DEF-123' })
    expect(parseRoute('/b/abc/')).toEqual({ kind: 'board', room: 'abc' })
    expect(parseRoute('/b/')).toEqual({ kind: 'invalid-room' })
    expect(parseRoute('/b/a%20b')).toEqual({ kind: 'invalid-room' })
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ kind: 'invalid-room' })
    expect(parseRoute(`/b/${'x'.repeat(65)}`)).toEqual({ kind: 'invalid-room' })
    expect(parseRoute('/elders')).toEqual({ kind: 'invalid-room' })
  })

  it('new board ids are 22 url-safe characters, different every time, and valid room names', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRoomId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(parseRoute(boardPath(id))).toEqual({ kind: 'board', room: id })
    }
  })
})
