import { describe, expect, it } from 'vitest'
import { imageScale, MAX_IMAGE_SIDE } from './imageSize.ts'

describe('the size of an exported image', () => {
  it('keeps one pixel per board unit while the area fits', () => {
    expect(imageScale(3_000, 2_000)).toBe(1)
    expect(imageScale(MAX_IMAGE_SIDE, 10)).toBe(1)
  })

  it('scales a larger area down so its longest side is the maximum', () => {
    const scale = imageScale(26_471 / 2, 10_140 / 2)
    expect(Math.round((26_471 / 2) * scale)).toBe(MAX_IMAGE_SIDE)
    expect(Math.round((10_140 / 2) * scale)).toBeLessThan(MAX_IMAGE_SIDE)
    expect(imageScale(1_000, 20_000) * 20_000).toBeCloseTo(MAX_IMAGE_SIDE)
  })
})
