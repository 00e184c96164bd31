import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { qrDrawing } from './qrCode.ts'

/** The drawing as an RGBA image, `scale` pixels per module, read back the way a phone's camera would. */
function scan(text: string, scale = 4): string | null {
  const { side, path } = qrDrawing(text)
  const width = side * scale
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255)
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4
        pixels.fill(0, at, at + 3)
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null
}

describe('the QR code of a link', () => {
  const link = 'https://werkplaats.example.org/s/AbCdEfGhIjKlMnOpQrStUv#i=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6'

  it('reads back as the participants link it was drawn from', () => {
    expect(scan(link)).toBe(link)
  })

  it('is drawn only of unit squares inside its quiet zone', () => {
    const { side, path } = qrDrawing(link)
    expect(path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/)
    const coordinates = [...path.matchAll(/M(\d+) (\d+)/g)].flatMap(([, x, y]) => [Number(x), Number(y)])
    expect(Math.min(...coordinates)).toBe(4)
    expect(Math.max(...coordinates)).toBe(side - 5)
  })
})
