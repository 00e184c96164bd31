import type { TLUiOverrides } from 'tldraw'

/**
 * tldraw's own words where ours differ. Its Dutch calls the note tool "Opmerking" (a remark); in a workshop it is
 * the sticky everyone writes, and the facilitator's guide says "sticky".
 */
export const boardWordOverrides: TLUiOverrides = {
  translations: { nl: { 'tool.note': 'Sticky' } },
}
