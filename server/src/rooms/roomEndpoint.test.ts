import { describe, expect, it } from 'vitest'
import { roomTarget } from './roomEndpoint.ts'

describe('roomTarget: the room and token of an upgrade request target', () => {
  it.each([
    ['/yjs/abc-board?token=t', { roomName: 'abc-board', token: 't' }],
    ['/yjs/abc-board', { roomName: 'abc-board', token: undefined }],
    ['/yjs/abc-board?token=%', { roomName: 'abc-board', token: '%' }],
    ['/yjs/abc-board?x=1&token=a%2Bb', { roomName: 'abc-board', token: 'a+b' }],
  ])('reads %j', (target, expected) => {
    expect(roomTarget(target)).toEqual(expected)
  })

  it.each(['//[', '//%', '//a:99999/x', '//', '*', '', 'yjs/x', '?token=x', 'http://localhost/yjs/x', 'http://['])(
    'refuses %j: not a path',
    (target) => {
      expect(roomTarget(target)).toBe('not a path')
    },
  )

  it.each(['/', '/yjs/', '/yjs/a/b', '/api/yjs/a', '/yjs/a#x', '/%00'])('%j is not a room', (target) => {
    expect(roomTarget(target)).toBe('not a room')
  })

  it.each(['/yjs/%', '/yjs/%E2%9C', '/yjs/a%20b', '/yjs/..', `/yjs/${'a'.repeat(65)}`, '/yjs/%00'])(
    '%j has a bad room name',
    (target) => {
      expect(roomTarget(target)).toBe('bad room name')
    },
  )
})
