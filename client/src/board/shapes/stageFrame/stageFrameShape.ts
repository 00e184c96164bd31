import type { TLShape } from 'tldraw'

export const STAGE_FRAME_TYPE = 'stage-frame'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [STAGE_FRAME_TYPE]: {
      w: number
      h: number
      /** The stage's title (with the round for later rounds), or the background's. */
      title: string
      /** The stage's suggested duration; 0 for an area without one (the background). */
      minutes: number
    }
  }
}

export type StageFrameShape = TLShape<typeof STAGE_FRAME_TYPE>
