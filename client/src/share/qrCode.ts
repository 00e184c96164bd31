import { create } from 'qrcode'

/** Light modules around the code that scanners need to find it (the QR standard asks for four). */
const QUIET_ZONE = 4

export interface QrDrawing {
  /** The side of the square in modules, quiet zone included: the SVG's viewBox is `0 0 side side`. */
  side: number
  /** One SVG path of every dark module, a unit square each. */
  path: string
}

/**
 * `text` as a QR code, drawn as one SVG path, computed here in the browser: the link never leaves the page for an
 * image service. Error correction M (15 %) keeps a link of a hundred characters at a size a phone reads from the
 * back of a room.
 */
export function qrDrawing(text: string): QrDrawing {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const squares: string[] = []
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) squares.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`)
    }
  }
  return { side: modules.size + 2 * QUIET_ZONE, path: squares.join('') }
}
