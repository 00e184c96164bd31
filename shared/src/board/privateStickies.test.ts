import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPrivateRecord, privateMeta, privateOwnerOf, revealedRecord } from './privateStickies.ts'

const anna = 'AnnaAnnaAnnaAnnaAnna01'
const sticky = (meta?: unknown) => ({
  id: 'shape:idee',
  typeName: 'shape',
  type: 'note',
  ...(meta === undefined ? {} : { meta }),
})

describe('what makes a sticky private', () => {
  it('is `meta.private: true`, with its owner in `meta.privateOwner`', () => {
    const written = sticky(privateMeta({ colour: 'geel' }, anna))
    expect(written.meta).toEqual({ colour: 'geel', private: true, privateOwner: anna })
    expect(isPrivateRecord(written)).toBe(true)
    expect(privateOwnerOf(written)).toBe(anna)
  })

  it('is nothing else: no meta, meta.private false or truthy but not true, meta that is no object', () => {
    for (const meta of [
      undefined,
      {},
      { private: false },
      { private: 'true' },
      { private: 1 },
      null,
      'private',
      [true],
    ]) {
      expect(isPrivateRecord(sticky(meta))).toBe(false)
      expect(privateOwnerOf(sticky(meta))).toBeNull()
    }
    for (const record of [null, undefined, 42, 'shape:x', []]) expect(isPrivateRecord(record)).toBe(false)
  })

  it('has no owner when the owner is not a string, even if private', () => {
    expect(privateOwnerOf(sticky({ private: true }))).toBeNull()
    expect(privateOwnerOf(sticky({ private: true, privateOwner: 7 }))).toBeNull()
    expect(isPrivateRecord(sticky({ private: true, privateOwner: 7 }))).toBe(true)
  })

  it('goes when revealed: the record keeps everything else, its owner included', () => {
    const revealed = revealedRecord(sticky(privateMeta({ colour: 'geel' }, anna)))
    expect(revealed).toEqual(sticky({ colour: 'geel', private: false, privateOwner: anna }))
    expect(isPrivateRecord(revealed)).toBe(false)
    expect(revealedRecord(sticky())).toEqual(sticky({ private: false }))
  })

  it('never throws on what the network brings, and a revealed record is never private', () => {
    fc.assert(
      fc.property(fc.anything(), (meta) => {
        const record = { id: 'shape:x', typeName: 'shape', meta }
        expect(typeof isPrivateRecord(record)).toBe('boolean')
        expect(isPrivateRecord(revealedRecord(record))).toBe(false)
      }),
    )
  })
})
