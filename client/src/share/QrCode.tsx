import { useMemo } from 'react'
import { qrDrawing } from './qrCode.ts'

/** `text` as a QR code in SVG: an image with `label` as its accessible name, as large as its box. */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { side, path } = useMemo(() => qrDrawing(text), [text])
  return (
    <svg
      role="img"
      aria-label={label}
      className={className}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
