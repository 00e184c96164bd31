import type { TLShape } from 'tldraw'

export const WRITING_ZONE_TYPE = 'writing-zone'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [WRITING_ZONE_TYPE]: { w: number; h: number; label: string }
  }
}

export type WritingZoneShape = TLShape<typeof WRITING_ZONE_TYPE>
