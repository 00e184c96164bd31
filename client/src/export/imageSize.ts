/**
 * The longest side of an exported board or stage image, in pixels. A whole OECD board at one pixel per board unit
 * and tldraw's default pixel ratio of 2 came out at 26,471 × 10,140 px (12 MB), more than mail, wikis and image
 * viewers take; 8,000 px still shows a sticky's text at a readable size.
 */
export const MAX_IMAGE_SIDE = 8_000

/** The scale at which an area of `width` × `height` board units fits `maxSide`; never above one pixel per unit. */
export function imageScale(width: number, height: number, maxSide = MAX_IMAGE_SIDE): number {
  const longest = Math.max(width, height)
  return longest > maxSide ? maxSide / longest : 1
}
